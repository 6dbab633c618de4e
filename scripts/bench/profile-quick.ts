/**
 * Where validate-quick's time goes, measured three ways on one repository:
 * 1. whole processes that each add one layer (bare Node, the CLI loading, the run without ESLint,
 *    the full run, ESLint's own CLI on the same files), interleaved, medians;
 * 2. ESLint's phases inside one process, driven as tollgate's eslint check drives it;
 * 3. one run under `node --cpu-prof`: self time by package, inclusive time of named phases;
 * plus the git processes one run starts (through a logging `git` placed first on PATH).
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProfile, summariseProfile, type ProfileSummary } from './cpu-profile.ts';
import { BENCH_GIT_ENV } from './generate-repo.ts';
import { formatMs } from './report.ts';
import { measureInterleaved, runOnce, summarise, type CommandSpec } from './measure.ts';
import { tollgateBin } from './preflight.ts';

export interface QuickBreakdown {
  runs: number;
  processes: { label: string; medianMs: number; minMs: number }[];
  layers: { layer: string; ms: number }[];
  eslintPhases: { phase: string; medianMs: number }[];
  git: { calls: number; totalMs: number; commands: string[] } | undefined;
  cpuProfile: (ProfileSummary & { wallMs: number }) | undefined;
}

export interface ProfileOptions {
  repoDir: string;
  tollgateRoot: string;
  workDir: string;
  staged: readonly string[];
  runs: number;
  log: (line: string) => void;
}

const ENV = { ...BENCH_GIT_ENV, NO_COLOR: '1', FORCE_COLOR: '0', CI: '', GITHUB_ACTIONS: '' };
const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Probes for the CPU profile: the outermost frame matching each gets the time below it. */
const PROBES = [
  { name: 'module evaluation: typescript-eslint (parser, plugin, typescript)', match: (fn: string, url: string) => fn === '' && /\/typescript-eslint\/dist\/index\.js$/.test(url) },
  { name: 'ESLint: calculateConfigForFile (rule loading, option schemas)', match: (fn: string, url: string) => fn === 'calculateConfigForFile' && url.includes('/eslint/lib/') },
  { name: 'ESLint: lintText (parse + rules, 5 files)', match: (fn: string, url: string) => fn === 'lintText' && url.includes('/eslint/lib/') },
  { name: 'module evaluation: ts-morph (with its own TypeScript)', match: (fn: string, url: string) => fn === '' && /\/node_modules\/(@ts-morph\/common|ts-morph)\//.test(url) },
  ...['hygiene', 'eslint', 'float', 'secrets'].map((id) => ({
    name: `tollgate: the ${id} check's run()`,
    match: (fn: string, url: string) => fn === 'run' && url.includes(`/checks/${id}/check.`),
  })),
  { name: 'module evaluation: zod', match: (fn: string, url: string) => fn === '' && url.includes('/node_modules/zod/') },
  { name: 'module evaluation: commander', match: (fn: string, url: string) => fn === '' && url.includes('/node_modules/commander/') },
  { name: 'module evaluation: simple-git', match: (fn: string, url: string) => fn === '' && url.includes('/node_modules/simple-git/') },
  { name: 'tollgate: loadConfig (find, import, validate)', match: (fn: string, url: string) => fn === 'loadConfig' && url.includes('/config/load') },
];

async function gitCalls(options: ProfileOptions, argv: string[]): Promise<QuickBreakdown['git']> {
  if (process.platform !== 'linux') return undefined;
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const shimDir = path.join(options.workDir, 'git-shim');
  const log = path.join(shimDir, 'calls.log');
  await mkdir(shimDir, { recursive: true });
  await rm(log, { force: true });
  const shim = [
    '#!/bin/sh',
    'start=$(date +%s%N)',
    `${JSON.stringify(realGit)} "$@"`,
    'rc=$?',
    `echo "$(( ($(date +%s%N) - start) / 1000000 )) $*" >> ${JSON.stringify(log)}`,
    'exit $rc',
    '',
  ].join('\n');
  await writeFile(path.join(shimDir, 'git'), shim);
  await chmod(path.join(shimDir, 'git'), 0o755);
  await runOnce({ label: 'validate-quick (git logged)', argv, cwd: options.repoDir, env: { ...ENV, PATH: `${shimDir}${path.delimiter}${process.env.PATH ?? ''}` } });
  const lines = (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const calls = lines.map((l) => ({ ms: Number(l.slice(0, l.indexOf(' '))), command: l.slice(l.indexOf(' ') + 1) }));
  return {
    calls: calls.length,
    // The long-lived `git cat-file --batch` stays open for the whole run; its lifetime is not git work.
    totalMs: calls.filter((c) => !c.command.startsWith('cat-file --batch')).reduce((sum, c) => sum + c.ms, 0),
    commands: calls.map((c) => `${c.ms} ms  git ${c.command}`),
  };
}

async function cpuProfile(options: ProfileOptions, argv: string[]): Promise<QuickBreakdown['cpuProfile']> {
  const dir = path.join(options.workDir, 'cpu-profile');
  await rm(dir, { recursive: true, force: true });
  const [node, ...rest] = argv;
  const outcome = await runOnce({ label: 'validate-quick --cpu-prof', argv: [node!, '--cpu-prof', '--cpu-prof-dir', dir, ...rest], cwd: options.repoDir, env: ENV });
  const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return undefined;
  return { ...summariseProfile(await readProfile(path.join(dir, file)), PROBES), wallMs: outcome.ms };
}

export async function profileQuick(options: ProfileOptions): Promise<QuickBreakdown> {
  const node = process.execPath;
  const tollgate = tollgateBin(options.tollgateRoot);
  const eslintOff = path.join(options.workDir, 'tollgate-eslint-quick-off.json');
  await writeFile(eslintOff, `${JSON.stringify({ checks: { eslint: { quick: false } } })}\n`);
  const spec = (label: string, argv: string[]): CommandSpec => ({ label, argv: [node, ...argv], cwd: options.repoDir, env: ENV });
  const quickArgv = [node, tollgate, 'validate-quick', '--format', 'json'];
  const layers = [
    spec('node -e 0 (bare Node start-up)', ['-e', '0']),
    spec('tollgate --version (CLI modules loaded)', [tollgate, '--version']),
    spec('validate-quick, checks.eslint.quick false', [tollgate, 'validate-quick', '--format', 'json', '--config', eslintOff]),
    spec('validate-quick', quickArgv.slice(1)),
    spec('eslint <the staged files> (ESLint CLI alone)', [path.join(options.repoDir, 'node_modules/eslint/bin/eslint.js'), ...options.staged]),
    spec('eslint-phases (one process, as tollgate drives ESLint)', [path.join(HERE, 'eslint-phases.ts'), ...options.staged]),
  ];
  options.log(`profile: ${layers.length} commands × ${options.runs} runs, interleaved`);
  const stats = await measureInterleaved(
    layers.map((task) => ({ task: { label: task.label, steps: [task] } })),
    { runs: options.runs, warmups: 1 },
  );
  const processes = layers.map((l, i) => ({ label: l.label, medianMs: stats[i]!.medianMs, minMs: stats[i]!.minMs }));
  const m = (i: number) => processes[i]!.medianMs;
  const layersOut = [
    { layer: 'Node start-up', ms: m(0) },
    { layer: "tollgate's CLI modules (loaded for every command, --version too)", ms: m(1) - m(0) },
    { layer: 'config, git, the checks other than ESLint, report', ms: m(2) - m(1) },
    { layer: 'ESLint in-process (import, typescript-eslint config, lint)', ms: m(3) - m(2) },
  ];

  const phaseRuns: { phase: string; ms: number }[][] = [];
  for (let i = 0; i < options.runs; i++) {
    const outcome = await runOnce(layers[5]!);
    phaseRuns.push(JSON.parse(outcome.stdout) as { phase: string; ms: number }[]);
  }
  const eslintPhases = (phaseRuns[0] ?? []).map((p, k) => ({ phase: p.phase, medianMs: summarise(phaseRuns.map((run) => run[k]!.ms)).medianMs }));

  options.log('profile: git calls and a CPU profile of one validate-quick');
  const git = await gitCalls(options, quickArgv);
  const profile = await cpuProfile(options, quickArgv);
  return { runs: options.runs, processes, layers: layersOut, eslintPhases, git, cpuProfile: profile };
}

export function renderBreakdown(b: QuickBreakdown): string {
  const out: string[] = [`Processes (median of ${b.runs}, interleaved):`];
  for (const p of b.processes) out.push(`  ${formatMs(p.medianMs).padStart(8)}  (min ${formatMs(p.minMs)})  ${p.label}`);
  out.push('', 'validate-quick, layer by layer (differences of the medians above):');
  for (const l of b.layers) out.push(`  ${formatMs(l.ms).padStart(8)}  ${l.layer}`);
  out.push('', 'ESLint inside one process (median):');
  for (const p of b.eslintPhases) out.push(`  ${formatMs(p.medianMs).padStart(8)}  ${p.phase}`);
  if (b.git) {
    out.push('', `git: ${b.git.calls} process(es), ${formatMs(b.git.totalMs)} in short-lived calls:`);
    for (const c of b.git.commands) out.push(`  ${c}`);
  }
  if (b.cpuProfile) {
    const p = b.cpuProfile;
    out.push('', `CPU profile of one run (${formatMs(p.wallMs)} wall under the profiler, ${formatMs(p.totalMs)} profiled): self time by owner`);
    for (const o of p.byOwner.slice(0, 14)) out.push(`  ${formatMs(o.ms).padStart(8)}  ${o.owner}`);
    out.push('  inclusive time of named phases:');
    for (const probe of p.probes) out.push(`  ${formatMs(probe.ms).padStart(8)}  ${probe.probe}`);
  }
  return out.join('\n');
}
