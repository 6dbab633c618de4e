// Bundles the compiled CLI (build/src, from `tsc -p tsconfig.build.json`) into build/cli/ with
// rolldown, as the second half of `npm run build`; bin/tollgate.js runs the bundle.
//
// Why: Node resolves, reads and links every ES module separately. The CLI's start-up graph is
// about 250 modules (zod alone is 95), and that loading, not our code, was most of the time a
// pre-commit hook or a secrets tree scan spent before its first useful step. One module per
// entry plus shared chunks loads in a fraction of it. Code that is imported lazily (each
// check, the deploy machinery) stays lazy: rolldown splits every dynamic import into a chunk.
//
// Heavy or asset-carrying dependencies (typescript, eslint, PGlite, libpg-query, …) stay
// external: they load only when a check needs them, from node_modules as before. The small ones
// on the start-up path are bundled.
//
// Entries whose file other code finds next to itself keep their names: scan-worker.js (started
// as a worker thread by scan-pool) and daemon-entry.js (the deploy runtime).
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'build', 'src');
const out = path.join(root, 'build', 'cli');

/** Dependencies on the start-up path, bundled; every other dependency stays external. */
const BUNDLED = new Set(['commander', 'zod', 'lilconfig', 'simple-git', 'picomatch', 'p-limit', 'picocolors']);

const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const external = Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name));
const unknown = [...BUNDLED].filter((name) => !(name in pkg.dependencies));
if (unknown.length > 0) throw new Error(`scripts/bundle-cli.ts bundles ${unknown.join(', ')}, which package.json does not depend on`);

rmSync(out, { recursive: true, force: true });
const started = performance.now();
const result = await build({
  input: {
    main: path.join(compiled, 'cli/main.js'),
    client: path.join(compiled, 'daemon/client.js'),
    'scan-worker': path.join(compiled, 'checks/secrets/scan-worker.js'),
    'daemon-entry': path.join(compiled, 'deploy/local/daemon-entry.js'),
  },
  platform: 'node',
  // A dependency, or a path inside one (`yaml`, `@actions/core`, `eslint/use-at-your-own-risk`).
  external: (id) => !id.startsWith('.') && !path.isAbsolute(id) && (id.startsWith('node:') || external.some((name) => id === name || id.startsWith(`${name}/`))),
  logLevel: 'warn',
  output: { dir: out, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: true },
  write: true,
});
const files = result.output.filter((o) => o.type === 'chunk').length;
console.log(`bundled build/cli/ (${files} modules) in ${Math.round(performance.now() - started)} ms`);
