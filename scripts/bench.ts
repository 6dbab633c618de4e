// npm run bench: generates TypeScript repositories (1k, 5k, 20k files), stages a 5-file change and
// times tollgate validate-quick / validate-all beside lint-staged and `eslint . && tsc --noEmit`,
// in the same run. Prints a table, the targets and the machine; writes .tollgate-bench/results.json.
// Flags: npm run bench -- --help
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../src/version.ts';
import { generateRepo, stageChange } from './bench/generate-repo.ts';
import { measureInterleaved } from './bench/measure.ts';
import { parseBenchOptions, USAGE, type BenchOptions, type CheckBench } from './bench/options.ts';
import { ensureFreshBuild, machineInfo, snapshotBuild, toolVersions, tollgateRevision, verifyRepoEslint } from './bench/preflight.ts';
import { profileQuick, renderBreakdown } from './bench/profile-quick.ts';
import {
  compareWithPeers,
  evaluateTargets,
  formatMs,
  renderHookTotals,
  renderMachine,
  renderTable,
  renderTargets,
  TARGET_REPO_SIZE,
  type BenchResults,
  type RepoInfo,
  type ResultRow,
} from './bench/report.ts';
import { allScenarios, quickScenarios, tollgateCheckTimes, type Pipeline, type Scenario } from './bench/scenarios.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const STAGED_FILES = 5;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function measureGroup(size: number, pipeline: Pipeline, scenarios: Scenario[], runs: number, warmups: number): Promise<ResultRow[]> {
  log(`${size} files, ${pipeline === 'quick' ? 'validate-quick' : 'validate-all'}: ${scenarios.length} commands × ${runs} runs (+${warmups} warm-up), interleaved`);
  const stats = await measureInterleaved(
    scenarios.map((s) => ({ task: s.task, verify: s.verify })),
    { runs, warmups },
  );
  return scenarios.map((s, i) => {
    const st = stats[i]!;
    log(`  ${s.task.label}: median ${formatMs(st.medianMs)} (${formatMs(st.minMs)} – ${formatMs(st.maxMs)})`);
    return {
      size,
      scenario: s.id,
      pipeline,
      tool: s.tool,
      command: s.task.label,
      runs: st.runs,
      medianMs: st.medianMs,
      minMs: st.minMs,
      maxMs: st.maxMs,
      samplesMs: st.samplesMs,
      ...(st.cpuMedianMs === undefined ? {} : { cpuMedianMs: st.cpuMedianMs }),
      steps: st.steps,
      ...(s.tool === 'tollgate' ? { checkTimesMs: tollgateCheckTimes(st.last[0]) } : {}),
    };
  });
}

async function benchSize(size: number, options: BenchOptions, workDir: string, tollgateRoot: string, results: BenchResults): Promise<void> {
  const repoDir = path.join(workDir, `repo-${size}`);
  const started = performance.now();
  const repo = await generateRepo({ dir: repoDir, files: size, nodeModules: NODE_MODULES });
  const generateMs = performance.now() - started;
  const staged = await stageChange(repo, STAGED_FILES);
  const eslint = verifyRepoEslint(repoDir, staged[0]!);
  log(`${size} files: generated ${repo.sourceFiles} TypeScript files (${repo.sourceLines.toLocaleString('en-US')} lines) in ${formatMs(generateMs)}; ${staged.length} files staged; ESLint ${eslint.eslintVersion} loads the repository's typescript-eslint config`);
  const info: RepoInfo = { size, sourceFiles: repo.sourceFiles, sourceLines: repo.sourceLines, generateMs, stagedFiles: staged, eslint };
  results.repos.push(info);

  const notes = new Set<string>();
  const context = { repoDir, tollgateRoot, workDir, staged, notes };
  const groups: { pipeline: Pipeline; scenarios: () => Promise<Scenario[]>; runs: number; warmups: number }[] = [
    { pipeline: 'quick', scenarios: () => quickScenarios(context), runs: options.runs, warmups: options.warmups },
  ];
  if (!options.quickOnly && options.allSizes.includes(size)) {
    groups.push({ pipeline: 'all', scenarios: async () => allScenarios(context, repo.sourceFiles), runs: options.allRuns, warmups: options.allWarmups });
  }
  for (const group of groups) {
    try {
      const scenarios = await group.scenarios();
      const rows = await measureGroup(size, group.pipeline, scenarios, group.runs, group.warmups);
      compareWithPeers(rows, new Map(scenarios.flatMap((s) => (s.comparedTo ? [[s.id, s.comparedTo] as const] : []))));
      results.rows.push(...rows);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${size} files, ${group.pipeline}: FAILED: ${message}`);
      results.failures.push({ size, pipeline: group.pipeline, message });
    }
  }
  for (const note of notes) {
    log(`${size} files: ${note}`);
    results.notes.push(`${size} files: ${note}`);
  }

  if (options.profile && size === profileSize(options)) {
    const breakdown = await profileQuick({ repoDir, tollgateRoot, workDir, staged, runs: options.runs, log });
    results.profile = breakdown;
    process.stdout.write(`\nWhere validate-quick's time goes (${size}-file repository, ${staged.length} staged files)\n${renderBreakdown(breakdown)}\n`);
  }
  if (!options.keep) await rm(repoDir, { recursive: true, force: true });
  else log(`kept ${repoDir}`);
}

function profileSize(options: BenchOptions): number | undefined {
  return options.sizes.includes(TARGET_REPO_SIZE) ? TARGET_REPO_SIZE : options.sizes[0];
}

/** The per-check benchmarks (each beside its own peer), run after the pipelines. */
async function runCheckBenches(checks: readonly CheckBench[], workDir: string): Promise<{ data: Record<string, unknown>; rendered: string[] }> {
  const data: Record<string, unknown> = {};
  const rendered: string[] = [];
  for (const check of checks) {
    log(`per-check benchmark: ${check}`);
    if (check === 'float') {
      const { runFloatBench, renderFloatBench } = await import('./bench/float.ts');
      const r = await runFloatBench({ log });
      data.float = r;
      rendered.push(renderFloatBench(r));
    } else if (check === 'secrets') {
      const { runSecretsBench } = await import('./bench/secrets.ts');
      const r = await runSecretsBench({ sizeMb: 200, historyCommits: 5000, runs: 3, secretlint: true, keep: false, dir: workDir, log });
      data.secrets = r;
      rendered.push(`secrets (200 MB tree, medians of 3 runs each; 5,000-commit history; 5-file staged; vs secretlint):\n${JSON.stringify(r, null, 2)}`);
    } else if (check === 'coverage') {
      const { runCoverageBench, renderCoverageBench } = await import('./bench/coverage.ts');
      const r = await runCoverageBench({ dir: workDir, log });
      data.coverage = r;
      rendered.push(renderCoverageBench(r));
    } else if (check === 'steps') {
      const { runStepsBench, renderStepsBench } = await import('./bench/steps.ts');
      const r = await runStepsBench({ files: 20_000, runs: 3, dir: workDir, log });
      data.steps = r;
      rendered.push(renderStepsBench(r));
    } else if (check === 'migrate') {
      const { runMigrateBench, renderMigrateBench } = await import('./bench/migrate.ts');
      const r = await runMigrateBench({ tollgateRoot: path.join(workDir, 'tollgate'), log });
      data.migrate = r;
      rendered.push(renderMigrateBench(r));
    } else if (check === 'deploy') {
      const { runDeployBench, renderDeployBench } = await import('./bench/deploy.ts');
      const r = await runDeployBench({ log });
      data.deploy = r;
      rendered.push(renderDeployBench(r));
    } else {
      const { runDebtBench, renderDebtBench } = await import('./bench/debt.ts');
      const r = await runDebtBench({ dir: workDir, log });
      data.debt = r;
      rendered.push(renderDebtBench(r));
    }
  }
  return { data, rendered };
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const build = ensureFreshBuild(ROOT, log);
  const machine = machineInfo();
  const tools = toolVersions(NODE_MODULES);
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine,
    loadAverageAtEnd: 0,
    tools,
    tollgate: { version: VERSION, revision: tollgateRevision(ROOT) },
    options: {
      sizes: options.sizes,
      allSizes: options.quickOnly ? [] : options.allSizes,
      runs: options.runs,
      allRuns: options.allRuns,
      warmups: options.warmups,
      allWarmups: options.allWarmups,
      quickOnly: options.quickOnly,
    },
    repos: [],
    rows: [],
    failures: [],
    targets: [],
    notes: build.warning ? [build.warning] : [],
  };
  process.stdout.write(`${renderMachine(machine, tools, results.tollgate)}\n`);
  if (build.warning) log(build.warning);
  if (machine.loadAverage > machine.availableParallelism * 0.5) {
    const note = `load average ${machine.loadAverage} on ${machine.availableParallelism} CPU(s) at start: the machine is busy, so timings are noisier (runs are interleaved so that ratios stay fair)`;
    results.notes.push(note);
    log(note);
  }

  const parent = options.dir ? path.resolve(options.dir) : os.tmpdir();
  await mkdir(parent, { recursive: true });
  const workDir = await mkdtemp(path.join(parent, 'tollgate-bench-'));
  // Ctrl-C: remove what was generated, then let the signal end the process as usual.
  const onInterrupt = () => {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
    process.removeListener('SIGINT', onInterrupt);
    process.kill(process.pid, 'SIGINT');
  };
  process.on('SIGINT', onInterrupt);
  let checkResults: Awaited<ReturnType<typeof runCheckBenches>>;
  try {
    const tollgateRoot = await snapshotBuild(ROOT, path.join(workDir, 'tollgate'));
    for (const size of options.sizes) await benchSize(size, options, workDir, tollgateRoot, results);
    checkResults = await runCheckBenches(options.checks, workDir);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    if (!options.keep) await rm(workDir, { recursive: true, force: true });
  }

  results.finishedAt = new Date().toISOString();
  results.loadAverageAtEnd = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
  results.targets = evaluateTargets(results.rows);
  const out = options.out ? path.resolve(options.out) : path.join(ROOT, '.tollgate-bench', 'results.json');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ ...results, checks: checkResults.data }, null, 2)}\n`);

  const hook = renderHookTotals(results.rows);
  process.stdout.write(`\n${renderTable(results.rows)}\n\nTargets (${TARGET_REPO_SIZE.toLocaleString('en-US')}-file repository, ${STAGED_FILES} staged files):\n${renderTargets(results.targets)}\n`);
  if (hook) process.stdout.write(`\nThe pre-commit hook \`tollgate init\` installs (lint-staged, then validate-quick; sums of medians):\n${hook}\n`);
  for (const f of results.failures) process.stdout.write(`\nFAILED (${f.size} files, ${f.pipeline}): ${f.message}\n`);
  for (const n of results.notes) process.stdout.write(`note: ${n}\n`);
  for (const text of checkResults.rendered) process.stdout.write(`\n${text}\n`);
  process.stdout.write(`\nresults: ${path.relative(process.cwd(), out) || out}\n`);
  if (results.failures.length > 0) process.exitCode = 1;
}

await main();
