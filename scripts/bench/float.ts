// Float-in-finance benchmark: on one generated TypeScript project (2,000 files by default), times
//   1. `tollgate check float` in full mode (the whole project from its tsconfig),
//   2. ESLint with typescript-eslint's type-aware @typescript-eslint/restrict-plus-operands on the
//      same files, in the same run, and the ratio between the two,
//   3. the float check in quick mode on a staged change of 5 files (program setup included),
// each in a fresh process, with its peak memory (max RSS).
// Run alone: node scripts/bench/float.ts [--files 2000] [--changed 5] [--runs 1] [--keep]
// or import runFloatBench() from scripts/bench.ts.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateRepo, stageChange } from './generate-repo.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SELF = fileURLToPath(import.meta.url);

export interface FloatBenchOptions {
  /** TypeScript files in the generated project. */
  files?: number;
  /** Files changed and staged for the quick-mode run. */
  changed?: number;
  /** Timed runs of each measurement (the median is reported). */
  runs?: number;
  /** Keep the generated project and print where it is. */
  keep?: boolean;
  log?: (line: string) => void;
}

/** One measurement, taken in a child process. */
export interface Sample {
  ms: number;
  /** Peak resident memory of the child process, in MiB. */
  peakMiB: number;
  /** Findings (tollgate) or messages (ESLint), as a sanity check that the tool did its work. */
  results: number;
}

export interface FloatBenchResult {
  files: number;
  changed: number;
  full: Sample;
  eslint: Sample;
  quick: Sample;
  /** ESLint time ÷ full-mode time: above 1 means the float check is faster. */
  ratio: number;
  machine: string;
}

type ChildKind = 'full' | 'quick' | 'eslint';

/** What a child process does: one job, then one JSON line on stdout. */
async function child(kind: ChildKind, dir: string): Promise<void> {
  const t0 = performance.now();
  let results: number;
  if (kind === 'eslint') {
    const { ESLint } = await import('eslint');
    const tseslint = (await import('typescript-eslint')).default;
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: dir } },
          plugins: { '@typescript-eslint': tseslint.plugin },
          rules: { '@typescript-eslint/restrict-plus-operands': 'error' },
        },
      ],
    });
    const report = await eslint.lintFiles(['src/**/*.ts']);
    results = report.reduce((n, r) => n + r.messages.length, 0);
    const fatal = report.flatMap((r) => r.messages.filter((m) => m.fatal));
    if (fatal.length > 0) throw new Error(`ESLint could not parse: ${fatal[0]!.message}`);
  } else {
    const { validate } = await import('../../src/validate.ts');
    const { report } = await validate({ cwd: dir, mode: kind === 'full' ? 'all' : 'quick', checks: ['float'] });
    const run = report.checks[0];
    if (run?.crashed) throw new Error(`float check crashed: ${run.crashed}`);
    results = report.findings.length;
  }
  const ms = performance.now() - t0;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, peakMiB, results } satisfies Sample)}\n`);
}

function runChild(kind: ChildKind, dir: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [SELF, '--child', kind, dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`${kind} run failed (exit ${code}):\n${err.slice(-2000)}`));
      resolve(JSON.parse(line) as Sample);
    });
  });
}

async function median(kind: ChildKind, dir: string, runs: number): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await runChild(kind, dir));
  samples.sort((a, b) => a.ms - b.ms);
  return samples[Math.floor(samples.length / 2)]!;
}

export async function runFloatBench(options: FloatBenchOptions = {}): Promise<FloatBenchResult> {
  const files = options.files ?? 2000;
  const changed = options.changed ?? 5;
  const runs = options.runs ?? 1;
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench:float] ${line}\n`));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-bench-float-'));
  try {
    log(`generating a ${files}-file TypeScript project in ${dir}`);
    const repo = await generateRepo({ dir, files, nodeModules: path.join(ROOT, 'node_modules') });
    log(`full mode: tollgate check float (${runs} run(s))`);
    const full = await median('full', dir, runs);
    log(`  ${fmt(full)}`);
    log(`peer: eslint + @typescript-eslint/restrict-plus-operands, type-aware (${runs} run(s))`);
    const eslint = await median('eslint', dir, runs);
    log(`  ${fmt(eslint)}`);
    const staged = await stageChange(repo, changed);
    log(`quick mode: ${staged.length} staged file(s) (${runs} run(s))`);
    const quick = await median('quick', dir, runs);
    log(`  ${fmt(quick)}`);
    return { files, changed: staged.length, full, eslint, quick, ratio: eslint.ms / full.ms, machine: `${os.cpus()[0]?.model ?? 'cpu'} ×${os.availableParallelism()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}` };
  } finally {
    if (options.keep) log(`kept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

function fmt(s: Sample): string {
  return `${(s.ms / 1000).toFixed(2)} s, peak ${Math.round(s.peakMiB)} MiB, ${s.results} result(s)`;
}

export function renderFloatBench(r: FloatBenchResult): string {
  const rows = [
    ['measurement', 'time', 'peak memory', 'results'],
    [`tollgate check float, full mode (${r.files} files)`, `${(r.full.ms / 1000).toFixed(2)} s`, `${Math.round(r.full.peakMiB)} MiB`, String(r.full.results)],
    ['eslint + restrict-plus-operands (type-aware)', `${(r.eslint.ms / 1000).toFixed(2)} s`, `${Math.round(r.eslint.peakMiB)} MiB`, String(r.eslint.results)],
    [`tollgate check float, quick mode (${r.changed} staged)`, `${(r.quick.ms / 1000).toFixed(2)} s`, `${Math.round(r.quick.peakMiB)} MiB`, String(r.quick.results)],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const table = rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
  const verdict = [
    `full mode vs ESLint type-aware: ${r.ratio.toFixed(2)}× (${r.ratio > 1 ? 'faster' : 'slower'}; target: faster)`,
    `quick mode: ${(r.quick.ms / 1000).toFixed(2)} s including program setup (target: under 2 s)`,
    `machine: ${r.machine}`,
  ];
  return `${table}\n\n${verdict.join('\n')}\n`;
}

function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const isMain = process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    await child(args[1] as ChildKind, args[2]!);
  } else {
    execFileSync('git', ['--version']); // fail early without git
    const result = await runFloatBench({
      files: Number(flag(args, '--files') ?? 2000),
      changed: Number(flag(args, '--changed') ?? 5),
      runs: Number(flag(args, '--runs') ?? 1),
      keep: args.includes('--keep'),
    });
    process.stdout.write(renderFloatBench(result));
  }
}
