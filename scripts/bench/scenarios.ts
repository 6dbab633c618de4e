/**
 * What the benchmark times on one generated repository: tollgate's two pipelines and the peers a
 * team would otherwise run (lint-staged with ESLint before a commit; `eslint .` then `tsc --noEmit`
 * before a push or in CI), each with the check that it really did the work.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BENCH_GIT_ENV, stagedPaths } from './generate-repo.ts';
import type { CommandSpec, RunOutcome, Task } from './measure.ts';
import { daemonServed, tollgateBin } from './preflight.ts';

export type Pipeline = 'quick' | 'all';

export interface Scenario {
  id: string;
  pipeline: Pipeline;
  tool: 'tollgate' | 'peer';
  task: Task;
  /** The scenario this one is compared with (its ratio is computed against it). */
  comparedTo?: string;
  /** Throws when the output shows the run did not do what it claims. */
  verify(outcomes: RunOutcome[]): void;
}

export interface ScenarioContext {
  repoDir: string;
  /** tollgate's checkout (bin/tollgate.js lives there). */
  tollgateRoot: string;
  /** Where the bench may write helper files (outside the repository). */
  workDir: string;
  /** What the staged change holds, to check that every run left it as it was. */
  staged: readonly string[];
  /** Things worth telling the reader, collected while running (e.g. findings on the generated code). */
  notes: Set<string>;
}

/** No colours, no CI detection, the bench's git identity: the same environment for every tool. */
/** A fresh process per run, as a hook without the daemon pays it (TOLLGATE_DAEMON=0). */
const ENV = { ...BENCH_GIT_ENV, NO_COLOR: '1', FORCE_COLOR: '0', CI: '', GITHUB_ACTIONS: '', TOLLGATE_DAEMON: '0' };
/** The hook as developers run it: validate-quick served by the repository's warm daemon. */
const DAEMON_ENV = { ...ENV, TOLLGATE_DAEMON: '1', TOLLGATE_DAEMON_IDLE_MS: '300000' };

/** tollgate ran to the end: 0 clean, 1 findings (2 is a usage or config error). */
const TOLLGATE_RAN = [0, 1] as const;

interface TollgateJson {
  passed: boolean;
  filesInScope: number;
  checks: { id: string; durationMs: number; notes: string[] }[];
  findings: { ruleId: string; severity: string; location: { path: string; line: number } }[];
}

function parseTollgate(outcome: RunOutcome | undefined): TollgateJson {
  if (!outcome) throw new Error('no tollgate output');
  try {
    return JSON.parse(outcome.stdout) as TollgateJson;
  } catch {
    throw new Error(`tollgate did not print a JSON report:\n${outcome.stdout.slice(0, 2000)}\n${outcome.stderr.slice(0, 2000)}`);
  }
}

/**
 * Fails unless each named check ran (not skipped, not "not run") on the expected files. Findings
 * do not fail the measurement (the tool did its work), but the generated code is meant to be
 * clean, so they are noted for the reader: a new rule may be firing on correct code.
 */
function expectTollgateRan(context: ScenarioContext, command: string, outcome: RunOutcome | undefined, checks: readonly string[], files?: number): void {
  const report = parseTollgate(outcome);
  if (files !== undefined && report.filesInScope !== files) throw new Error(`${command} looked at ${report.filesInScope} file(s), expected ${files}`);
  for (const id of checks) {
    const check = report.checks.find((c) => c.id === id);
    if (!check) throw new Error(`${command} did not run the ${id} check`);
    const skipped = check.notes.find((n) => /skipped|not run|not installed/i.test(n));
    if (skipped) throw new Error(`${command}: the ${id} check did not run: ${skipped}`);
  }
  if (report.findings.length > 0) {
    const byRule = new Map<string, string>();
    for (const f of report.findings) if (!byRule.has(f.ruleId)) byRule.set(f.ruleId, `${f.location.path}:${f.location.line}`);
    const rules = [...byRule].map(([rule, at]) => `${rule} (e.g. ${at})`).join(', ');
    context.notes.add(`${command} reported ${report.findings.length} finding(s) on the generated code, which is meant to be clean: ${rules}`);
  }
}

/** The per-check times tollgate reports about itself (in a JSON report). */
export function tollgateCheckTimes(outcome: RunOutcome | undefined): Record<string, number> {
  const report = parseTollgate(outcome);
  return Object.fromEntries(report.checks.map((c) => [c.id, c.durationMs]));
}

function sameStaged(context: ScenarioContext, label: string): void {
  const now = stagedPaths(context.repoDir);
  if (now.join('\n') !== [...context.staged].sort().join('\n')) {
    throw new Error(`${label} changed what is staged: expected ${context.staged.join(', ')}, found ${now.join(', ') || 'nothing'}`);
  }
}

export async function quickScenarios(context: ScenarioContext): Promise<Scenario[]> {
  const { repoDir, tollgateRoot } = context;
  const tollgate = tollgateBin(tollgateRoot);
  const lintStaged = path.join(repoDir, 'node_modules/lint-staged/bin/lint-staged.js');
  const eslintOff = path.join(context.workDir, 'tollgate-eslint-quick-off.json');
  await writeFile(eslintOff, `${JSON.stringify({ checks: { eslint: { quick: false } } })}\n`);
  const command = (label: string, argv: string[]): CommandSpec => ({ label, argv: [process.execPath, ...argv], cwd: repoDir, env: ENV });
  const tollgateCommand = (label: string, argv: string[]): CommandSpec => ({ ...command(label, argv), okExitCodes: TOLLGATE_RAN });
  const files = context.staged.length;
  // The daemon is started (and warms up during the interleaved warm-up runs) before timing.
  const daemonStart = spawnSync(process.execPath, [tollgate, 'daemon', 'start'], { cwd: repoDir, env: { ...process.env, ...DAEMON_ENV }, encoding: 'utf8' });
  if (daemonStart.status !== 0) throw new Error(`tollgate daemon start failed:\n${daemonStart.stdout}${daemonStart.stderr}`);
  const servedByDaemon = () => daemonServed(tollgate, repoDir, { ...process.env, ...DAEMON_ENV });
  const lintStagedRan = (label: string) => (outcomes: RunOutcome[]) => {
    const out = `${outcomes[0]?.stdout ?? ''}${outcomes[0]?.stderr ?? ''}`;
    if (!new RegExp(`\\*\\.ts\\W+${files} files?`).test(out) || !/eslint/.test(out)) throw new Error(`${label} did not run ESLint on the ${files} staged files:\n${out}`);
    sameStaged(context, label);
  };
  return [
    {
      id: 'quick.tollgate',
      pipeline: 'quick',
      tool: 'tollgate',
      task: { label: 'tollgate validate-quick', steps: [tollgateCommand('tollgate validate-quick', [tollgate, 'validate-quick', '--format', 'json'])] },
      comparedTo: 'quick.lint-staged',
      verify: (outcomes) => {
        expectTollgateRan(context, 'validate-quick', outcomes[0], ['hygiene', 'eslint'], files);
        sameStaged(context, 'tollgate validate-quick');
      },
    },
    {
      id: 'quick.tollgate-daemon',
      pipeline: 'quick',
      tool: 'tollgate',
      task: { label: 'tollgate validate-quick (warm daemon)', steps: [{ ...tollgateCommand('tollgate validate-quick (daemon)', [tollgate, 'validate-quick', '--format', 'json']), env: DAEMON_ENV }] },
      comparedTo: 'quick.lint-staged',
      verify: (outcomes) => {
        expectTollgateRan(context, 'validate-quick', outcomes[0], ['hygiene', 'eslint'], files);
        sameStaged(context, 'tollgate validate-quick (daemon)');
        if (servedByDaemon() === 0) throw new Error('tollgate validate-quick (warm daemon) was not served by the daemon');
      },
    },
    {
      id: 'quick.tollgate-no-eslint',
      pipeline: 'quick',
      tool: 'tollgate',
      task: {
        label: 'tollgate validate-quick without ESLint',
        steps: [tollgateCommand('tollgate validate-quick (ESLint left to lint-staged)', [tollgate, 'validate-quick', '--format', 'json', '--config', eslintOff])],
      },
      // No ratio: with checks.eslint.quick false, lint-staged runs ESLint and this runs after it
      // (the hook `tollgate init` installs), so this is a cost added to the peer, not a rival.
      verify: (outcomes) => {
        expectTollgateRan(context, 'validate-quick', outcomes[0], ['hygiene'], files);
        sameStaged(context, 'tollgate validate-quick');
      },
    },
    {
      id: 'quick.lint-staged',
      pipeline: 'quick',
      tool: 'peer',
      task: { label: 'lint-staged {"*.ts": "eslint"}', steps: [command('lint-staged', [lintStaged])] },
      verify: lintStagedRan('lint-staged'),
    },
    {
      id: 'quick.lint-staged-no-stash',
      pipeline: 'quick',
      tool: 'peer',
      task: { label: 'lint-staged --no-stash', steps: [command('lint-staged --no-stash', [lintStaged, '--no-stash'])] },
      verify: lintStagedRan('lint-staged --no-stash'),
    },
  ];
}

export function allScenarios(context: ScenarioContext, sourceFiles: number): Scenario[] {
  const { repoDir, tollgateRoot } = context;
  const command = (label: string, argv: string[]): CommandSpec => ({ label, argv: [process.execPath, ...argv], cwd: repoDir, env: ENV });
  return [
    {
      id: 'all.tollgate',
      pipeline: 'all',
      tool: 'tollgate',
      task: { label: 'tollgate validate-all', steps: [{ ...command('tollgate validate-all', [tollgateBin(tollgateRoot), 'validate-all', '--format', 'json']), okExitCodes: TOLLGATE_RAN }] },
      comparedTo: 'all.eslint-tsc',
      verify: (outcomes) => {
        expectTollgateRan(context, 'validate-all', outcomes[0], ['hygiene', 'eslint', 'tsc']);
        const report = parseTollgate(outcomes[0]);
        const tsc = report.checks.find((c) => c.id === 'tsc');
        if (!tsc?.notes.some((n) => n.includes(`${sourceFiles} file`))) throw new Error(`tsc did not type-check the ${sourceFiles} source files: ${tsc?.notes.join('; ')}`);
      },
    },
    {
      id: 'all.eslint-tsc',
      pipeline: 'all',
      tool: 'peer',
      task: {
        label: 'eslint . && tsc --noEmit',
        steps: [
          command('eslint .', [path.join(repoDir, 'node_modules/eslint/bin/eslint.js'), '.']),
          command('tsc --noEmit', [path.join(repoDir, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']),
        ],
      },
      verify: (outcomes) => {
        for (const o of outcomes) if (o.stdout.trim() !== '') throw new Error(`the peer reported problems on the benchmark repository:\n${o.stdout.slice(0, 2000)}`);
      },
    },
  ];
}
