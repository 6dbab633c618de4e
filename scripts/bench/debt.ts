// Warning-debt benchmark: a generated 2,000-file JavaScript project with about 3,000 ESLint
// warnings; times `tollgate debt check` (CI mode, read-only) beside betterer's ESLint test
// (`betterer ci`) on the same project in the same run, interleaved. Runnable alone:
//   node scripts/bench/debt.ts [--files 2000] [--runs 3] [--warmups 1] [--keep]
// and as a function for scripts/bench.ts: runDebtBench(options).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_GIT_ENV } from './generate-repo.ts';
import { measureInterleaved, runOnce, type CommandSpec, type Measured, type TaskStats } from './measure.ts';
import { timingLine } from './report.ts';
import { ensureFreshBuild, tollgateBin } from './preflight.ts';
import { standaloneBenchArgs } from './options.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = tollgateBin(ROOT);
const NODE_MODULES = path.join(ROOT, 'node_modules');
const BETTERER_BIN = path.join(NODE_MODULES, '@betterer/cli/bin/betterer');

/** The debt: no-console in every file, no-unused-vars in every other one. */
const WARN_RULES = { 'no-console': 'warn', 'no-unused-vars': 'warn' } as const;

export interface DebtBenchOptions {
  files?: number;
  runs?: number;
  warmups?: number;
  /** Keep the generated repository (its path is in the result). */
  keep?: boolean;
  /** Parent directory for the repository (default: the OS temp dir). */
  dir?: string;
  log?: (line: string) => void;
}

export interface DebtBenchTiming {
  command: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  samplesMs: number[];
}

export interface DebtBenchResult {
  files: number;
  /** ESLint warnings in the project, as the baseline counts them. */
  warnings: number;
  repoDir: string | undefined;
  tollgate: DebtBenchTiming;
  /** betterer's ESLint test (and which one ran), or why it could not be timed. */
  betterer: (DebtBenchTiming & { variant: string }) | { missing: string };
  /** betterer median / tollgate median (above 1: tollgate is faster); undefined without betterer. */
  speedup: number | undefined;
}

function moduleSource(i: number): string {
  const lines = [`// generated module ${i}: a fee calculation with some lint debt`, `export function fee${i}(amountCents, rateBasisPoints) {`];
  if (i % 2 === 1) lines.push(`  const unusedRounding${i} = Math.round(amountCents / 100);`);
  lines.push(`  console.log('fee ${i}', amountCents);`);
  for (let k = 0; k < 12; k++) lines.push(`  const step${k} = (amountCents * (rateBasisPoints + ${k})) / 10000;`, `  if (step${k} > ${1000 + k}) return step${k};`);
  lines.push(`  return amountCents + ${i};`, '}', '');
  return lines.join('\n');
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, env: { ...process.env, ...BENCH_GIT_ENV }, stdio: 'ignore' });
}

async function generate(parent: string, files: number): Promise<string> {
  const dir = await mkdtemp(path.join(parent, 'tollgate-debt-bench-'));
  git(dir, 'init', '-q', '-b', 'main');
  await symlink(NODE_MODULES, path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, '.gitignore'), 'node_modules\n');
  await writeFile(
    path.join(dir, 'eslint.config.mjs'),
    `export default [{ files: ['src/**/*.js'], languageOptions: { sourceType: 'module' }, rules: ${JSON.stringify(WARN_RULES)} }];\n`,
  );
  // Like for like: tollgate runs ESLint only (no hygiene, no tsc), as betterer's ESLint test does.
  await writeFile(path.join(dir, 'tollgate.config.json'), `${JSON.stringify({ pipelines: { all: ['eslint'] } })}\n`);
  // betterer's ESLint test counts the messages of the rules it is given, at the level it is given.
  await writeFile(
    path.join(dir, '.betterer.js'),
    `const { eslint } = require('@betterer/eslint');\nmodule.exports = { 'eslint warnings': () => eslint(${JSON.stringify(WARN_RULES)}).include('./src/**/*.js') };\n`,
  );
  // No "type": "module": betterer loads .betterer.js with require (hence eslint.config.mjs).
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'debt-bench', private: true })}\n`);
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, 'src', `area-${Math.floor(i / 100)}`);
    await mkdir(sub, { recursive: true });
    await writeFile(path.join(sub, `fee-${i}.js`), moduleSource(i));
  }
  git(dir, 'add', '-A');
  git(dir, '-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--no-verify', '-m', 'generated');
  return dir;
}

function tollgate(dir: string, ...args: string[]): CommandSpec {
  return { label: `tollgate ${args.join(' ')}`, argv: [process.execPath, CLI, ...args], cwd: dir, env: { CI: 'true', NO_COLOR: '1' } };
}

function betterer(dir: string, mode: 'start' | 'ci'): CommandSpec {
  return { label: `betterer ${mode}`, argv: [process.execPath, BETTERER_BIN, mode], cwd: dir, env: { CI: mode === 'ci' ? 'true' : '', NO_COLOR: '1' } };
}

function timing(stats: TaskStats, command: string): DebtBenchTiming {
  return { command, runs: stats.runs, medianMs: stats.medianMs, minMs: stats.minMs, maxMs: stats.maxMs, samplesMs: stats.samplesMs };
}

/** First lines of a failed run's output that say why, without the stack. */
function reasonOf(stdout: string, stderr: string): string {
  // eslint-disable-next-line no-control-regex -- stripping terminal escape sequences is the point
  const text = `${stderr}\n${stdout}`.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const at = lines.findIndex((l) => /unknown option|error|cannot|not found/i.test(l));
  return (at < 0 ? (lines.at(-1) ?? 'no output') : lines[at]!).replace(/^-\s*/, '').slice(0, 240);
}

/**
 * betterer with a file test of our own on its public API (BettererFileTest), for when
 * @betterer/eslint cannot load the installed ESLint (5.4 passes `useEslintrc`, which ESLint 10
 * refuses). It lints every file with ONE ESLint instance, where @betterer/eslint makes two per
 * file, so betterer's time here is a lower bound: the ratio favours betterer.
 */
const BETTERER_FILE_TEST = `const { BettererFileTest } = require('@betterer/betterer');
const { ESLint } = require('eslint');
module.exports = {
  'eslint warnings': () =>
    new BettererFileTest(async (filePaths, fileTestResult, resolver) => {
      if (filePaths.length === 0) return;
      const eslint = new ESLint({ cwd: resolver.baseDirectory });
      for (const result of await eslint.lintFiles([...filePaths])) {
        if (result.source === undefined) continue;
        const file = fileTestResult.addFile(result.filePath, result.source);
        for (const m of result.messages) file.addIssue(m.line - 1, m.column - 1, (m.endLine ?? m.line) - 1, (m.endColumn ?? m.column) - 1, m.message);
      }
    }).include('./src/**/*.js'),
};
`;

/** How betterer was run, or why it could not be. */
type BettererSetup = { variant: string } | { missing: string };

async function bettererRuns(dir: string): Promise<string | undefined> {
  await rm(path.join(dir, '.betterer.results'), { force: true });
  const start = await runOnce(betterer(dir, 'start'));
  const check = await runOnce(betterer(dir, 'ci'));
  const failed = [start, check].find((o) => o.exitCode !== 0 || /failed to run/i.test(o.stdout + o.stderr));
  return failed ? `exit ${failed.exitCode}: ${reasonOf(failed.stdout, failed.stderr)}` : undefined;
}

/** Sets up betterer's results file with @betterer/eslint, else with our BettererFileTest. */
async function prepareBetterer(dir: string): Promise<BettererSetup> {
  if (!existsSync(BETTERER_BIN)) return { missing: '@betterer/cli is not installed (npm install --ignore-scripts -D @betterer/cli @betterer/eslint)' };
  const official = await bettererRuns(dir);
  if (!official) return { variant: '@betterer/eslint' };
  await writeFile(path.join(dir, '.betterer.js'), BETTERER_FILE_TEST);
  const own = await bettererRuns(dir);
  if (own) return { missing: `@betterer/eslint does not run here (${official}), nor a BettererFileTest (${own})` };
  return { variant: `BettererFileTest with one ESLint instance (@betterer/eslint does not run here: ${official}); a lower bound for betterer` };
}

export async function runDebtBench(options: DebtBenchOptions = {}): Promise<DebtBenchResult> {
  ensureFreshBuild(ROOT, (line) => process.stderr.write(`${line}\n`));
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench:debt] ${line}\n`));
  const files = options.files ?? 2000;
  const parent = options.dir ?? os.tmpdir();
  log(`generating ${files} files with ESLint warnings`);
  const dir = await generate(parent, files);
  try {
    const created = await runOnce(tollgate(dir, 'debt', 'update'));
    if (created.exitCode !== 0) throw new Error(`tollgate debt update failed:\n${created.stdout}\n${created.stderr}`);
    const warnings = Number(/with (\d+) warning/.exec(created.stdout)?.[1] ?? Number.NaN);
    git(dir, 'add', '-A');
    git(dir, '-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--no-verify', '-m', 'lock the debt');
    log(`baseline: ${warnings} warnings`);

    const setup = await prepareBetterer(dir);
    const bettererMissing = 'missing' in setup ? setup.missing : undefined;
    log(`betterer: ${'missing' in setup ? setup.missing : setup.variant}`);

    const check = tollgate(dir, 'debt', 'check', '--format', 'json');
    const items: Measured[] = [
      {
        task: { label: check.label, steps: [check] },
        verify: ([outcome]) => {
          const report = JSON.parse(outcome?.stdout ?? '{}') as { passed?: boolean; checks?: { id: string; notes: string[] }[] };
          const row = report.checks?.find((c) => c.id === 'debt');
          if (!report.passed || !row?.notes[0]?.includes(`${warnings} → ${warnings}`)) throw new Error(`tollgate debt check did not see the ${warnings} baselined warnings: ${JSON.stringify(row)}`);
        },
      },
    ];
    if (!bettererMissing) items.push({ task: { label: 'betterer ci', steps: [betterer(dir, 'ci')] } });
    const runs = options.runs ?? 3;
    const warmups = options.warmups ?? 1;
    log(`timing ${items.map((i) => i.task.label).join(' and ')}: ${runs} runs (+${warmups} warm-up), interleaved`);
    const stats = await measureInterleaved(items, { runs, warmups });
    const tollgateTiming = timing(stats[0]!, check.label);
    const bettererTiming = 'missing' in setup ? { missing: setup.missing } : { ...timing(stats[1]!, 'betterer ci'), variant: setup.variant };
    const speedup = 'medianMs' in bettererTiming ? bettererTiming.medianMs / tollgateTiming.medianMs : undefined;
    return { files, warnings, repoDir: options.keep ? dir : undefined, tollgate: tollgateTiming, betterer: bettererTiming, speedup };
  } finally {
    if (!options.keep) await rm(dir, { recursive: true, force: true });
  }
}

export function renderDebtBench(result: DebtBenchResult): string {
  const lines = [`warning debt: ${result.files} files, ${result.warnings} ESLint warnings in the baseline`];
  const row = (t: DebtBenchTiming) => timingLine(t.command, t, 40);
  lines.push(row(result.tollgate));
  if ('missing' in result.betterer) lines.push(`  betterer ci: not timed: ${result.betterer.missing}`);
  else lines.push(row(result.betterer), `    betterer ran: ${result.betterer.variant}`);
  if (result.speedup !== undefined) lines.push(`  tollgate is ${result.speedup.toFixed(2)}× betterer's speed (target: above 1)`);
  if (result.repoDir) lines.push(`  repository kept at ${result.repoDir}`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { keep, dir, numbers } = standaloneBenchArgs(['files', 'runs', 'warmups']);
  const result = await runDebtBench({ ...numbers, ...(dir ? { dir } : {}), keep });
  process.stdout.write(renderDebtBench(result));
}
