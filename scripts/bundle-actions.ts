// Bundles every action (actions/<name>/index.ts, else main.ts, compiled by `npm run build` into
// build/actions/<name>/) into actions/<name>/dist/ with @vercel/ncc: index.js, the chunks it loads
// lazily, a package.json marking them as ES modules, and licenses.txt. Run `npm run build` first.
//
// The output is committed and CI rebuilds it to check it is fresh, so it must be byte-for-byte
// reproducible on any machine and checkout path: no build cache, no source maps in dist/, licences
// sorted. licenses.txt is built from the bundle's source map (every package that ended up in it)
// because ncc's own licence list leaves out packages that are ES modules.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface NccAsset {
  source: Buffer | string;
}
interface NccResult {
  code: string;
  map?: string;
  assets: Record<string, NccAsset>;
}
type Ncc = (entry: string, options: Record<string, unknown>) => Promise<NccResult>;

/**
 * ncc emits ES modules (the package is "type": "module"), where CommonJS's `require`,
 * `__filename` and `__dirname` do not exist, but bundled CommonJS code still reaches for them:
 * lilconfig (`eval("require")`) at load time, TypeScript as bundled by ts-morph (`__filename`).
 * Every emitted module gets real ones, for the file in dist/.
 */
const COMMONJS_SHIM = [
  "import { createRequire as __tollgateCreateRequire } from 'node:module';",
  "import { dirname as __tollgateDirname } from 'node:path';",
  "import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';",
  'const require = __tollgateCreateRequire(import.meta.url);',
  'const __filename = __tollgateFileURLToPath(import.meta.url);',
  'const __dirname = __tollgateDirname(__filename);',
  '',
].join('\n');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// @vercel/ncc is CommonJS without type declarations: this is its documented Node API.
const ncc = createRequire(import.meta.url)('@vercel/ncc') as Ncc;

/**
 * An emitted ES module as committed: with the CommonJS shim, without the link to a source map
 * that dist/ does not ship, ending in a line break.
 */
function asCommitted(code: string): string {
  return `${COMMONJS_SHIM}${code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '').trimEnd()}\n`;
}

/** The directories of the packages whose files are in the bundle, from its source maps. */
function bundledPackages(maps: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const map of maps) {
    for (const source of (JSON.parse(map) as { sources: string[] }).sources) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(source.replace(/^(?:\.\.?\/)+/, ''));
      // ncc's own stand-in for an optional require it could not resolve is not a bundled package.
      if (match?.[1] && !match[1].endsWith('node_modules/@vercel/ncc')) dirs.add(match[1]);
    }
  }
  return [...dirs].sort();
}

function licenceText(dir: string): string {
  const file = readdirSync(dir)
    .filter((f) => /^(?:licen[cs]e|copying)/i.test(f))
    .sort()[0];
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : '(the package ships no licence file)';
}

function licensesTxt(packageDirs: readonly string[]): string {
  const own = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; license?: string };
  const entries = [`${own.name}\n${own.license ?? 'UNLICENSED'}`];
  for (const rel of packageDirs) {
    const dir = path.join(root, rel);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    entries.push(`${pkg.name}@${pkg.version}\n${pkg.license ?? 'UNKNOWN'}\n${licenceText(dir)}`);
  }
  return `${entries.join('\n\n')}\n`;
}

/**
 * Worker-thread modules that a bundled module starts by file name, next to itself: each is
 * bundled on its own into dist/ when the action's bundle contains the module that starts it.
 */
const WORKERS = [{ entry: 'src/checks/secrets/scan-worker.js', file: 'scan-worker.js', usedBy: 'build/src/checks/secrets/scan-pool.js' }];

async function bundle(name: string): Promise<void> {
  const built = path.join(root, 'build', 'actions', name);
  const entry = ['index.js', 'main.js'].map((f) => path.join(built, f)).find((f) => existsSync(f));
  if (!entry) throw new Error(`actions/${name}: no build/actions/${name}/index.js or main.js; run \`npm run build\` first.`);
  const result = await ncc(entry, { cache: false, sourceMap: true, sourceMapRegister: false, quiet: true });
  const out = path.join(root, 'actions', name, 'dist');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'index.js'), asCommitted(result.code));
  const maps = result.map ? [result.map] : [];
  for (const [file, asset] of Object.entries(result.assets).sort(([a], [b]) => a.localeCompare(b))) {
    if (file.endsWith('.map')) {
      maps.push(asset.source.toString());
      continue;
    }
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), file.endsWith('.js') ? asCommitted(asset.source.toString()) : asset.source);
  }
  for (const worker of WORKERS) {
    if (!maps.some((map) => (JSON.parse(map) as { sources: string[] }).sources.some((s) => s.endsWith(worker.usedBy)))) continue;
    const bundled = await ncc(path.join(root, 'build', worker.entry), { cache: false, sourceMap: true, sourceMapRegister: false, quiet: true });
    const extra = Object.keys(bundled.assets).filter((f) => !f.endsWith('.map') && f !== 'package.json');
    if (extra.length > 0) throw new Error(`${worker.entry}: a worker bundle must be one file, but ncc emitted ${extra.join(', ')}`);
    writeFileSync(path.join(out, worker.file), asCommitted(bundled.code));
    if (bundled.map) maps.push(bundled.map);
  }
  writeFileSync(path.join(out, 'licenses.txt'), licensesTxt(bundledPackages(maps)));
  const bytes = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .reduce((sum, d) => sum + readFileSync(path.join(d.parentPath, d.name)).length, 0);
  console.log(`bundled actions/${name}/dist/ (${(bytes / 1024).toFixed(0)} KiB)`);
}

const actionsDir = path.join(root, 'actions');
for (const name of existsSync(actionsDir) ? readdirSync(actionsDir).sort() : []) {
  if (!existsSync(path.join(actionsDir, name, 'action.yml'))) continue;
  await bundle(name);
}
