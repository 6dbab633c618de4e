// Command-steps benchmark: a repository with thousands of staged files and one command that gets
// them all as arguments. Times `tollgate validate-quick` running it as a step (`{files}`, chunked
// under the OS limit) beside lint-staged running the same command on the same staged files, in
// the same run, interleaved. Runnable alone:
//   node scripts/bench/steps.ts [--files 3000] [--runs 5] [--warmups 1] [--keep]
// and as a function for scripts/bench.ts: runStepsBench(options).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_GIT_ENV } from './generate-repo.ts';
import { measureInterleaved, type CommandSpec, type Measured, type TaskStats } from './measure.ts';
import { timingLine } from './report.ts';
import { ensureFreshBuild, tollgateBin } from './preflight.ts';
import { standaloneBenchArgs } from './options.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = tollgateBin(ROOT);
const NODE_MODULES = path.join(ROOT, 'node_modules');
const LINT_STAGED_BIN = path.join(NODE_MODULES, 'lint-staged/bin/lint-staged.js');

/** The command both tools run: counts its arguments into a file, so each run can be verified. */
const COUNT_SCRIPT = `import { appendFileSync } from 'node:fs';
appendFileSync(new URL('./count.log', import.meta.url), process.argv.length - 2 + '\\n');
`;

export interface StepsBenchOptions {
  files?: number;
  runs?: number;
  warmups?: number;
  keep?: boolean;
  dir?: string;
  log?: (line: string) => void;
}

export interface StepsBenchTiming {
  command: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface StepsBenchResult {
  files: number;
  /** Bytes of all staged paths together (what the command line has to carry). */
  pathBytes: number;
  repoDir: string | undefined;
  tollgate: StepsBenchTiming;
  lintStaged: StepsBenchTiming | { missing: string };
  /** lint-staged median / tollgate median (above 1: tollgate is faster). */
  speedup: number | undefined;
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, env: { ...process.env, ...BENCH_GIT_ENV }, stdio: 'ignore' });
}

async function generate(parent: string, files: number): Promise<{ dir: string; pathBytes: number }> {
  const dir = await mkdtemp(path.join(parent, 'tollgate-steps-bench-'));
  git(dir, 'init', '-q', '-b', 'feature');
  await symlink(NODE_MODULES, path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, '.gitignore'), 'node_modules\ncount.log\n');
  await writeFile(path.join(dir, 'count.mjs'), COUNT_SCRIPT);
  // Steps only: no checks, so the time is the step machinery and the command.
  await writeFile(
    path.join(dir, 'tollgate.config.json'),
    `${JSON.stringify({ pipelines: { quick: [], all: [] }, steps: [{ name: 'count', run: ['node', 'count.mjs', '{files}'], glob: 'src/**/*.ts', pipelines: ['quick'] }] }, null, 2)}\n`,
  );
  await writeFile(path.join(dir, '.lintstagedrc.json'), `${JSON.stringify({ 'src/**/*.ts': 'node count.mjs' })}\n`);
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'steps-bench', private: true, type: 'module' })}\n`);
  git(dir, 'add', '-A');
  git(dir, '-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--no-verify', '-m', 'setup');
  let pathBytes = 0;
  for (let i = 0; i < files; i++) {
    const rel = `src/module-area-${String(Math.floor(i / 100)).padStart(3, '0')}/settlement-ledger-entry-${String(i).padStart(6, '0')}.ts`;
    pathBytes += Buffer.byteLength(rel) + 1;
    if (i % 100 === 0) await mkdir(path.join(dir, path.dirname(rel)), { recursive: true });
    await writeFile(path.join(dir, rel), `export const entry${i} = ${i};\n`);
  }
  git(dir, 'add', '-A');
  return { dir, pathBytes };
}

function timing(stats: TaskStats, command: string): StepsBenchTiming {
  return { command, runs: stats.runs, medianMs: stats.medianMs, minMs: stats.minMs, maxMs: stats.maxMs };
}

export async function runStepsBench(options: StepsBenchOptions = {}): Promise<StepsBenchResult> {
  ensureFreshBuild(ROOT, (line) => process.stderr.write(`${line}\n`));
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench:steps] ${line}\n`));
  const files = options.files ?? 3000;
  log(`generating ${files} staged files`);
  const { dir, pathBytes } = await generate(options.dir ?? os.tmpdir(), files);
  const countLog = path.join(dir, 'count.log');
  // Every run must have passed every staged file to the command (in however many chunks).
  const verifyCount = (tool: string) => () => {
    const text = existsSync(countLog) ? readFileSync(countLog, 'utf8') : '';
    rmSync(countLog, { force: true });
    const n = text.trim().split('\n').filter(Boolean).map(Number).reduce((a, b) => a + b, 0);
    if (n !== files) throw new Error(`${tool} passed ${n} files to the command, not ${files}`);
  };
  try {
    // A fresh process per run (no daemon): the conservative figure, as on a first commit.
    const env = { CI: '', NO_COLOR: '1', FORCE_COLOR: '0', TOLLGATE_DAEMON: '0' };
    const tollgate: CommandSpec = { label: 'tollgate validate-quick (step)', argv: [process.execPath, CLI, 'validate-quick'], cwd: dir, env };
    const lintStaged: CommandSpec = { label: 'lint-staged', argv: [process.execPath, LINT_STAGED_BIN, '--quiet'], cwd: dir, env };
    const items: Measured[] = [{ task: { label: tollgate.label, steps: [tollgate] }, verify: verifyCount('tollgate') }];
    const lintStagedMissing = existsSync(LINT_STAGED_BIN) ? undefined : 'lint-staged is not installed';
    if (!lintStagedMissing) items.push({ task: { label: lintStaged.label, steps: [lintStaged] }, verify: verifyCount('lint-staged') });
    const runs = options.runs ?? 5;
    const warmups = options.warmups ?? 1;
    log(`timing ${items.map((i) => i.task.label).join(' and ')}: ${runs} runs (+${warmups} warm-up), interleaved`);
    // verify runs after each run, before the next one: the count file is read and reset in between.
    const stats = await measureInterleaved(items, { runs, warmups });
    const t = timing(stats[0]!, tollgate.label);
    const l = lintStagedMissing ? { missing: lintStagedMissing } : timing(stats[1]!, lintStaged.label);
    return { files, pathBytes, repoDir: options.keep ? dir : undefined, tollgate: t, lintStaged: l, speedup: 'medianMs' in l ? l.medianMs / t.medianMs : undefined };
  } finally {
    if (!options.keep) await rm(dir, { recursive: true, force: true });
  }
}

export function renderStepsBench(result: StepsBenchResult): string {
  const lines = [`command steps: ${result.files} staged files (${Math.round(result.pathBytes / 1024)} KiB of paths) passed to one command`];
  const row = (t: StepsBenchTiming) => timingLine(t.command, t, 36);
  lines.push(row(result.tollgate));
  if ('missing' in result.lintStaged) lines.push(`  lint-staged: not timed: ${result.lintStaged.missing}`);
  else lines.push(row(result.lintStaged));
  if (result.speedup !== undefined) lines.push(`  tollgate is ${result.speedup.toFixed(2)}× lint-staged's speed`);
  if (result.repoDir) lines.push(`  repository kept at ${result.repoDir}`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { keep, dir, numbers } = standaloneBenchArgs(['files', 'runs', 'warmups']);
  const result = await runStepsBench({ ...numbers, ...(dir ? { dir } : {}), keep });
  process.stdout.write(renderStepsBench(result));
}
