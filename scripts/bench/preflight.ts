/**
 * Checks before timing anything: the built CLI matches the sources, the generated repository's
 * ESLint really loads its typescript-eslint config, and what machine the figures come from.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { cp, mkdir, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The CLI as users run it: the compiled build, with V8's compile cache (keep it fresh with ensureFreshBuild). */
export function tollgateBin(root: string): string {
  return path.join(root, 'bin/tollgate.js');
}

/** How many runs the repository's validate-quick daemon has served, from `tollgate daemon status`. */
export function daemonServed(bin: string, cwd: string, env: NodeJS.ProcessEnv): number {
  const status = spawnSync(process.execPath, [bin, 'daemon', 'status'], { cwd, env, encoding: 'utf8' });
  return Number(/(\d+) request\(s\) served/.exec(status.stdout)?.[1] ?? 0);
}

/** Sources under src/ and rules/ whose compiled file in build/ is missing or older, and build/cli/ when it is older than what it bundles. */
export function staleBuildFiles(root: string): string[] {
  const stale: string[] = [];
  let newestBuilt = 0;
  for (const top of ['src', 'rules']) {
    const dir = path.join(root, top);
    let entries: string[];
    try {
      entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const rel of entries) {
      if (!rel.endsWith('.ts') || rel.endsWith('.test.ts') || rel.endsWith('.d.ts') || rel.split(path.sep).includes('fixtures')) continue;
      const source = path.join(dir, rel);
      const built = path.join(root, 'build', top, rel.replace(/\.ts$/, '.js'));
      let builtTime: number;
      try {
        builtTime = statSync(built).mtimeMs;
      } catch {
        stale.push(path.join(top, rel));
        continue;
      }
      newestBuilt = Math.max(newestBuilt, builtTime);
      if (statSync(source).mtimeMs > builtTime) stale.push(path.join(top, rel));
    }
  }
  let bundled = 0;
  try {
    bundled = statSync(path.join(root, 'build/cli/main.js')).mtimeMs;
  } catch {
    // missing: stale
  }
  if (bundled < newestBuilt) stale.push('build/cli/ (the bundle bin/tollgate.js runs)');
  return stale;
}

/**
 * Runs `npm run build` when build/ is older than the sources. tsc still emits when another
 * part of the tree has a type error, so the bench goes on when the output is fresh and says so.
 */
export function ensureFreshBuild(root: string, log: (line: string) => void): { rebuilt: boolean; warning?: string } {
  const stale = staleBuildFiles(root);
  if (stale.length === 0) return { rebuilt: false };
  log(`build/ is older than ${stale.length} source file(s) (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}); running npm run build`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, encoding: 'utf8' });
  const stillStale = staleBuildFiles(root);
  if (stillStale.length > 0) {
    throw new Error(`npm run build did not bring build/ up to date (${stillStale.slice(0, 5).join(', ')}):\n${result.stdout}\n${result.stderr}`);
  }
  if (result.status !== 0) {
    const errors = `${result.stdout}${result.stderr}`.split('\n').filter((l) => /error TS/.test(l));
    return { rebuilt: true, warning: `npm run build reported ${errors.length} type error(s) elsewhere in the tree (output emitted anyway): ${errors.slice(0, 2).join(' | ')}` };
  }
  return { rebuilt: true };
}

/**
 * Copies the built CLI (bin/, build/) into `dest` with node_modules linked, and returns the copy's
 * root. Others may rebuild build/ while a long bench runs; the copy keeps every figure of one run
 * from the same build.
 */
export async function snapshotBuild(root: string, dest: string): Promise<string> {
  await rm(dest, { recursive: true, force: true });
  await mkdir(dest, { recursive: true });
  for (const part of ['bin', 'build', 'package.json']) await cp(path.join(root, part), path.join(dest, part), { recursive: true });
  await symlink(path.join(root, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  return dest;
}

/**
 * Proves that ESLint in the generated repository loads the repository's flat config with
 * typescript-eslint: the resolved config has its rules and parser, and linting a file with an
 * explicit `any` reports @typescript-eslint/no-explicit-any.
 */
export function verifyRepoEslint(repoDir: string, sampleFile: string): { eslintVersion: string; parser: string } {
  const eslintBin = path.join(repoDir, 'node_modules/eslint/bin/eslint.js');
  const printed = execFileSync(process.execPath, [eslintBin, '--print-config', sampleFile], { cwd: repoDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const config = JSON.parse(printed) as { rules?: Record<string, unknown>; languageOptions?: { parser?: string } };
  if (!config.rules || !('@typescript-eslint/no-explicit-any' in config.rules)) {
    throw new Error(`ESLint in ${repoDir} did not load typescript-eslint's recommended rules for ${sampleFile}`);
  }
  const parser = String(config.languageOptions?.parser ?? '');
  if (!parser.includes('typescript-eslint')) throw new Error(`ESLint in ${repoDir} does not use the typescript-eslint parser (got "${parser}")`);
  const probe = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', 'src/probe.ts', '--format', 'json'], {
    cwd: repoDir,
    input: 'export const value: any = 1;\n',
    encoding: 'utf8',
  });
  const results = JSON.parse(probe.stdout) as { messages: { ruleId: string | null }[] }[];
  if (!results[0]?.messages.some((m) => m.ruleId === '@typescript-eslint/no-explicit-any')) {
    throw new Error(`ESLint in ${repoDir} did not report an explicit any: its typescript-eslint config is not in effect\n${probe.stdout}${probe.stderr}`);
  }
  const version = (createRequire(path.join(repoDir, 'package.json'))('eslint/package.json') as { version: string }).version;
  return { eslintVersion: version, parser };
}

export interface MachineInfo {
  cpus: number;
  availableParallelism: number;
  cpuModel: string;
  memoryGb: number;
  platform: string;
  node: string;
  git: string;
  /** 1-minute load average when the bench started (other work on the machine skews timings). */
  loadAverage: number;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  let git = 'unknown';
  try {
    git = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim().replace(/^git version /, '');
  } catch {
    // leave unknown
  }
  return {
    cpus: cpus.length,
    availableParallelism: os.availableParallelism(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    git,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** Versions of the tools in the comparison, as the generated repositories resolve them. */
export function toolVersions(nodeModules: string): Record<string, string> {
  const require = createRequire(path.join(nodeModules, '..', 'package.json'));
  const versions: Record<string, string> = {};
  for (const name of ['eslint', 'typescript-eslint', 'typescript', 'lint-staged']) {
    try {
      versions[name] = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      versions[name] = 'missing';
    }
  }
  return versions;
}

/** tollgate's commit, with "+changes" when the checkout has uncommitted edits (read-only git calls). */
export function tollgateRevision(root: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}
