// Bundles every actions/<name>/main.ts (compiled to build/actions/<name>/main.js) into
// actions/<name>/dist/index.js with @vercel/ncc. Run `npm run build` first.
import { existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const actionsDir = path.join(root, 'actions');
for (const name of existsSync(actionsDir) ? readdirSync(actionsDir).sort() : []) {
  const entry = path.join(root, 'build', 'actions', name, 'main.js');
  if (!existsSync(entry)) continue;
  const out = path.join(actionsDir, name, 'dist');
  execFileSync(process.execPath, [path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });
  console.log(`bundled actions/${name}/dist/index.js`);
}
