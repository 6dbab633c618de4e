// Patch-coverage benchmark: a generated 5,000-file TypeScript project with an lcov report for
// every file and a 20-file change on a branch. Times `tollgate check coverage` (patch coverage
// against the merge-base, staleness check included) beside a straightforward diff-cover-style
// script (git diff -U0 against the merge-base, the whole lcov.info parsed with lcov-parse, the
// changed lines looked up), both as fresh processes, interleaved, in the same run; then the
// same two computations in-process, without Node's start-up. Checks that both agree. Runnable alone:
//   node scripts/bench/coverage.ts [--files 5000] [--changed 20] [--runs 5] [--warmups 1] [--keep]
// and as a function for scripts/bench.ts: runCoverageBench(options).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_GIT_ENV } from './generate-repo.ts';
import { measureInterleaved, type CommandSpec, type TaskStats } from './measure.ts';
import { standaloneBenchArgs } from './options.ts';
import { ensureFreshBuild, tollgateBin } from './preflight.ts';
import { formatMs, timingLine } from './report.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const CLI = tollgateBin(ROOT);
const TARGET_MS = 1000;

export interface CoverageBenchOptions {
  files?: number;
  changed?: number;
  runs?: number;
  warmups?: number;
  keep?: boolean;
  dir?: string;
  log?: (line: string) => void;
}

export interface CoverageBenchTiming {
  command: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface CoverageBenchResult {
  files: number;
  changedFiles: number;
  lcovBytes: number;
  /** Changed executable lines and how many are covered (both tools agree on these). */
  patch: { covered: number; total: number };
  tollgate: CoverageBenchTiming;
  peer: CoverageBenchTiming;
  /** The CLI starting and exiting with nothing to do: what every tollgate command pays first. */
  startup: CoverageBenchTiming;
  /** peer median / tollgate median, end to end (above 1: tollgate is faster). */
  speedup: number;
  /** The computation alone, in-process, best of the runs. */
  inProcess: { tollgateMs: number; peerMs: number };
  targetMs: number;
  repoDir: string | undefined;
}

/** A fee module: 30-odd lines, a third of them executable. */
function moduleSource(i: number, extra: number): string {
  const lines = [`// generated module ${i}`, `export function fee${i}(amountCents: number, bps: number): number {`];
  for (let k = 0; k < 8; k++) lines.push(`  const step${k} = Math.trunc((amountCents * (bps + ${k})) / 10_000);`, `  if (step${k} > ${1000 + k}) {`, `    return step${k};`, '  }');
  for (let k = 0; k < extra; k++) lines.push(`  const added${k} = amountCents + ${k};`, `  if (added${k} < 0) return added${k};`);
  lines.push(`  return amountCents + ${i};`, '}', '');
  return lines.join('\n');
}

/** lcov for a module: executable lines are the statements; some are never hit, deterministically. */
function lcovRecord(rel: string, source: string, i: number): string {
  const out = ['TN:', `SF:${rel}`, `FN:2,fee${i}`, 'FNF:1', 'FNH:1', `FNDA:3,fee${i}`];
  let found = 0;
  let hit = 0;
  source.split('\n').forEach((text, index) => {
    if (!/^\s+(?:const|if|return)\b/.test(text)) return;
    const hits = (index * 7 + i) % 5 === 0 ? 0 : 3;
    out.push(`DA:${index + 1},${hits}`);
    found++;
    if (hits > 0) hit++;
  });
  out.push(`LF:${found}`, `LH:${hit}`, 'end_of_record');
  return out.join('\n');
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: { ...process.env, ...BENCH_GIT_ENV }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The peer: what a diff-cover-style tool does, written plainly (read everything, then look up). */
const PEER_SCRIPT = `import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import parse from 'lcov-parse';

export function peerPatchCoverage(dir, base) {
  const run = (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const mergeBase = run('merge-base', base, 'HEAD').trim();
  const added = new Map();
  let current;
  for (const line of run('diff', '-U0', '-M', '--no-color', mergeBase).split('\\n')) {
    if (line.startsWith('+++ ')) { current = line === '+++ /dev/null' ? undefined : []; if (current) added.set(line.slice(6), current); continue; }
    const m = /^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@/.exec(line);
    if (m && current) { const start = Number(m[1]); const count = m[2] === undefined ? 1 : Number(m[2]); for (let l = start; l < start + count; l++) current.push(l); }
  }
  let records;
  parse.source(readFileSync(dir + '/coverage/lcov.info', 'utf8'), (err, data) => { if (err) throw new Error(err); records = data; });
  const byFile = new Map(records.map((r) => [r.file, new Map(r.lines.details.map((d) => [d.line, d.hit]))]));
  let covered = 0, total = 0;
  for (const [file, lines] of added) {
    const hits = byFile.get(file);
    if (!hits) continue;
    for (const l of lines) { const h = hits.get(l); if (h === undefined) continue; total++; if (h > 0) covered++; }
  }
  return { covered, total };
}

if (process.argv[1]?.endsWith('peer.mjs')) process.stdout.write(JSON.stringify(peerPatchCoverage(process.argv[2], 'main')) + '\\n');
`;

async function generate(parent: string, files: number, changed: number): Promise<{ dir: string; lcovBytes: number }> {
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, 'tollgate-coverage-bench-'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'gc.auto', '0'); // no background gc on the CPUs being measured
  await symlink(NODE_MODULES, path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, '.gitignore'), 'node_modules\ncoverage\n');
  // Like for like: patch coverage only (no staleness slack games: the report is written last).
  await writeFile(path.join(dir, 'tollgate.config.json'), `${JSON.stringify({ checks: { coverage: { reports: ['coverage/lcov.info'], patch: { base: 'main' } } } })}\n`);
  await writeFile(path.join(dir, 'peer.mjs'), PEER_SCRIPT);
  const rel = (i: number) => `src/m${Math.floor(i / 100)}/fee${i}.ts`;
  for (let d = 0; d * 100 < files; d++) await mkdir(path.join(dir, `src/m${d}`), { recursive: true });
  for (let i = 0; i < files; i++) await writeFile(path.join(dir, rel(i)), moduleSource(i, 0));
  git(dir, 'add', '-A');
  git(dir, '-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--no-verify', '-m', 'project');
  git(dir, 'checkout', '-q', '-b', 'feature/fees');
  const step = Math.floor(files / changed);
  const changedSet = new Set(Array.from({ length: changed }, (_, k) => k * step));
  for (const i of changedSet) await writeFile(path.join(dir, rel(i)), moduleSource(i, 5));
  git(dir, 'add', '-A');
  git(dir, '-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--no-verify', '-m', 'fees: more steps');
  const records: string[] = [];
  for (let i = 0; i < files; i++) records.push(lcovRecord(rel(i), moduleSource(i, changedSet.has(i) ? 5 : 0), i));
  const lcov = `${records.join('\n')}\n`;
  await mkdir(path.join(dir, 'coverage'), { recursive: true });
  await writeFile(path.join(dir, 'coverage/lcov.info'), lcov);
  return { dir, lcovBytes: Buffer.byteLength(lcov) };
}

function timing(stats: TaskStats, command: string): CoverageBenchTiming {
  return { command, runs: stats.runs, medianMs: stats.medianMs, minMs: stats.minMs, maxMs: stats.maxMs };
}

/** Patch figures from the coverage check's note: "…: 63.6% of 220 changed executable line(s) covered (140/220)". */
function tollgatePatch(stdout: string): { covered: number; total: number } {
  const report = JSON.parse(stdout) as { checks?: { id: string; notes: string[] }[] };
  const note = report.checks?.find((c) => c.id === 'coverage')?.notes.find((n) => n.startsWith('patch against')) ?? '';
  const m = /changed executable line\(s\) covered \((\d+)\/(\d+)\)/.exec(note);
  if (!m) throw new Error(`tollgate check coverage printed no patch figure: ${note || stdout.slice(0, 400)}`);
  return { covered: Number(m[1]), total: Number(m[2]) };
}

/** The engine's own patch computation in-process (what the CLI adds is start-up and the file list). */
async function inProcessTollgate(dir: string): Promise<{ ms: number; covered: number; total: number }> {
  const { Repo } = await import('../../src/git/repo.ts');
  const { locateReport } = await import('../../src/checks/coverage/locate.ts');
  const { patchResult } = await import('../../src/checks/coverage/figures.ts');
  const repo = await Repo.open(dir);
  try {
    const t0 = performance.now();
    const located = await locateReport(repo.root, ['coverage/lcov.info']);
    const mergeBase = await repo.mergeBase('main', 'HEAD');
    const added = await repo.addedLinesSince(mergeBase);
    const patch = patchResult({ report: located.report!, added, isSource: () => true, against: 'main', threshold: undefined });
    return { ms: performance.now() - t0, covered: patch.covered, total: patch.total };
  } finally {
    repo.close();
  }
}

export async function runCoverageBench(options: CoverageBenchOptions = {}): Promise<CoverageBenchResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench:coverage] ${line}\n`));
  const files = options.files ?? 5000;
  const changed = options.changed ?? 20;
  const build = ensureFreshBuild(ROOT, log);
  if (build.warning) log(build.warning);
  log(`generating ${files} files with an lcov report and a ${changed}-file change`);
  const { dir, lcovBytes } = await generate(options.dir ?? os.tmpdir(), files, changed);
  try {
    const tollgate: CommandSpec = { label: 'tollgate check coverage', argv: [process.execPath, CLI, 'check', 'coverage', '--format', 'json'], cwd: dir, env: { CI: 'true', NO_COLOR: '1' } };
    const startup: CommandSpec = { label: 'tollgate --version (start-up floor)', argv: [process.execPath, CLI, '--version'], cwd: dir };
    const peer: CommandSpec = { label: 'diff-cover-style (lcov-parse)', argv: [process.execPath, path.join(dir, 'peer.mjs'), dir], cwd: dir };
    let agreed: { covered: number; total: number } | undefined;
    const runs = options.runs ?? 5;
    const warmups = options.warmups ?? 1;
    log(`timing ${tollgate.label}, ${peer.label} and the CLI start-up: ${runs} runs (+${warmups} warm-up), interleaved`);
    const stats = await measureInterleaved(
      [
        { task: { label: tollgate.label, steps: [tollgate] }, verify: ([o]) => void (agreed = tollgatePatch(o?.stdout ?? '')) },
        {
          task: { label: peer.label, steps: [peer] },
          verify: ([o]) => {
            const theirs = JSON.parse(o?.stdout ?? '{}') as { covered: number; total: number };
            if (!agreed || theirs.total !== agreed.total || theirs.covered !== agreed.covered) throw new Error(`the peer and tollgate disagree: ${JSON.stringify(theirs)} vs ${JSON.stringify(agreed)}`);
          },
        },
        { task: { label: startup.label, steps: [startup] } },
      ],
      { runs, warmups },
    );
    const peerModule = (await import(pathToFileURL(path.join(dir, 'peer.mjs')).href)) as { peerPatchCoverage(dir: string, base: string): { covered: number; total: number } };
    let tollgateMs = Infinity;
    let peerMs = Infinity;
    for (let k = 0; k < runs; k++) {
      const ours = await inProcessTollgate(dir);
      tollgateMs = Math.min(tollgateMs, ours.ms);
      const t0 = performance.now();
      const theirs = peerModule.peerPatchCoverage(dir, 'main');
      peerMs = Math.min(peerMs, performance.now() - t0);
      if (theirs.total !== ours.total || theirs.covered !== ours.covered) throw new Error('in-process figures disagree');
    }
    const t = timing(stats[0]!, tollgate.label);
    const p = timing(stats[1]!, peer.label);
    const floor = timing(stats[2]!, startup.label);
    return {
      files,
      changedFiles: changed,
      lcovBytes,
      patch: agreed!,
      tollgate: t,
      peer: p,
      startup: floor,
      speedup: p.medianMs / t.medianMs,
      inProcess: { tollgateMs: Math.round(tollgateMs), peerMs: Math.round(peerMs) },
      targetMs: TARGET_MS,
      repoDir: options.keep ? dir : undefined,
    };
  } finally {
    if (!options.keep) await rm(dir, { recursive: true, force: true });
  }
}

export function renderCoverageBench(r: CoverageBenchResult): string {
  const row = (t: CoverageBenchTiming) => timingLine(t.command, t, 38);
  const lines = [
    `patch coverage: ${r.files.toLocaleString('en-US')} files, lcov ${(r.lcovBytes / 1024 / 1024).toFixed(1)} MB, ${r.changedFiles}-file change; ${r.patch.covered}/${r.patch.total} changed executable lines covered (both agree)`,
    row(r.tollgate),
    row(r.peer),
    row(r.startup),
    `  end to end: tollgate is ${r.speedup.toFixed(2)}× the diff-cover-style script's speed; target under ${formatMs(r.targetMs)}: ${r.tollgate.medianMs < r.targetMs ? 'met' : 'MISSED'}`,
    `  in-process computation (best of ${r.tollgate.runs}): tollgate ${formatMs(r.inProcess.tollgateMs)}, diff-cover-style ${formatMs(r.inProcess.peerMs)} (${(r.inProcess.peerMs / Math.max(1, r.inProcess.tollgateMs)).toFixed(1)}×)`,
  ];
  if (r.repoDir) lines.push(`  repository kept at ${r.repoDir}`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { keep, dir, numbers } = standaloneBenchArgs(['files', 'changed', 'runs', 'warmups']);
  const result = await runCoverageBench({ ...numbers, ...(dir ? { dir } : {}), keep });
  process.stdout.write(renderCoverageBench(result));
}
