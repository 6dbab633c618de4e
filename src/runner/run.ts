import os from 'node:os';
import pLimit from 'p-limit';
import type { CheckContext, CheckRequest, CheckResult, Mode, PreparedWork, SummaryTable } from '../checks/check.ts';
import { UserError } from '../errors/user-error.ts';
import type { CheckId } from '../checks/ids.ts';
import { loadCheck } from '../checks/registry.ts';
import type { TollgateConfig } from '../config/schema.ts';
import type { DraftFinding, Finding } from '../findings/finding.ts';
import { processFindings } from '../findings/pipeline.ts';
import { Redactor } from '../findings/redactor.ts';
import type { Repo } from '../git/repo.ts';
import type { FileSet } from './file-set.ts';
import type { DebtTrend } from '../debt/trend.ts';

/** A command step of the config (src/steps) as a report row: `steps/<name>`. */
export type StepRunId = `steps/${string}`;

/** A command step as the runner sees it: timed, reported and counted like a check. */
export interface StepUnit {
  id: StepRunId;
  title: string;
  /** May overlap other parallel steps; a serial step runs alone, in config order. */
  parallel: boolean;
  run(context: CheckContext): Promise<CheckResult>;
}

export interface CheckRun {
  /** A check, 'debt' for the baseline stage that runs after the checks, a command step, or the branch-protection audit (not a pipeline check: it needs a token). */
  id: CheckId | 'debt' | StepRunId | 'branch-protection';
  title: string;
  durationMs: number;
  /** Findings after suppressions and severity settings. */
  findingCount: number;
  notes: string[];
  /** Set when the check itself crashed (a bug, reported as an error finding too). */
  crashed?: string;
  /** The check's figures for the job summary. */
  table?: SummaryTable;
}

/**
 * Whether a finding is counted on a report row: its check's row, or for a step (checkId
 * 'steps', ruleId 'steps/<name>') the row of that step.
 */
export function belongsTo(finding: Pick<Finding, 'checkId' | 'ruleId'>, run: Pick<CheckRun, 'id'>): boolean {
  return finding.checkId === run.id || finding.ruleId === run.id;
}

export interface RunReport {
  mode: Mode;
  findings: Finding[];
  checks: CheckRun[];
  suppressed: number;
  durationMs: number;
  filesInScope: number;
  /** Warning debt per rule with its trend against the base branch, when the debt stage ran. */
  debt?: DebtTrend;
}

export interface RunOptions {
  repo: Repo;
  config: TollgateConfig;
  mode: Mode;
  checks: readonly CheckId[];
  fileSet: FileSet;
  fix?: boolean;
  concurrency?: number;
  progress?: (checkId: CheckRun['id'], message: string) => void;
  signal?: AbortSignal;
  /** Command steps of the config that this run includes, in config order. */
  steps?: readonly StepUnit[];
  /** Check-specific flags (tollgate check <id> --explain …). */
  request?: CheckRequest;
  /** What checks' prepare() started, by check (the caller releases it). */
  prepared?: ReadonlyMap<CheckId, PreparedWork>;
}

/**
 * Runs checks concurrently (bounded), times each, and passes every finding through the one
 * post-processing chain. A check that throws becomes an error finding: a crash never passes.
 */
export async function runChecks(options: RunOptions): Promise<RunReport> {
  const started = performance.now();
  const redactor = new Redactor();
  const limit = pLimit(options.concurrency ?? options.config.concurrency ?? Math.max(2, os.availableParallelism()));
  // Aborted when the caller aborts or when the run fails, so no step keeps running behind it.
  const abort = new AbortController();
  options.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  const signal = abort.signal;
  const unique = [...new Set(options.checks)];
  const request = options.request ?? {};
  const loaded = new Map(await Promise.all(unique.map(async (id) => [id, await loadCheck(id)] as const)));
  for (const flag of Object.keys(request) as (keyof CheckRequest)[]) {
    if (request[flag] === undefined || request[flag] === false) continue;
    const takers = unique.filter((id) => loaded.get(id)!.accepts?.includes(flag));
    if (takers.length === 0) {
      const cli = `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      throw new UserError(`${cli} does not apply to ${unique.join(', ')}.`);
    }
  }

  interface UnitOutcome {
    id: CheckRun['id'];
    title: string;
    findings: DraftFinding[];
    notes: string[];
    ms: number;
    crashed?: string;
    table?: SummaryTable;
  }
  const runUnit = async (unit: { id: CheckRun['id']; title: string; run(context: CheckContext): Promise<CheckResult> }): Promise<UnitOutcome> => {
    const t0 = performance.now();
    const id = unit.id;
    const context: CheckContext = {
      repo: options.repo,
      config: options.config,
      mode: options.mode,
      files: options.fileSet.files,
      fix: options.fix ?? false,
      redactor,
      signal,
      progress: (message) => options.progress?.(id, message),
      request,
    };
    const prepared = options.prepared?.get(id as CheckId);
    if (prepared) context.prepared = prepared;
    try {
      const result = await unit.run(context);
      return { id, title: unit.title, findings: result.findings, notes: result.notes ?? [], ms: performance.now() - t0, ...(result.table ? { table: result.table } : {}) };
    } catch (error) {
      // A problem the user can fix (a bad --history range, a malformed baseline) is a usage
      // error (exit 2), not a crash of the check.
      if (error instanceof UserError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      const crash: DraftFinding = {
        checkId: id,
        ruleId: 'tollgate/check-crashed',
        severity: 'error',
        message: `The ${id} check failed to run: ${message}`,
        location: { path: '', line: 0, column: 0 },
      };
      return { id, title: unit.title, findings: [crash], notes: [], ms: performance.now() - t0, crashed: message };
    }
  };

  let perCheck: Awaited<ReturnType<typeof runUnit>>[];
  try {
    const [checkResults, stepResults] = await Promise.all([
      Promise.all(unique.map((id) => limit(() => runUnit(loaded.get(id)!)))),
      runSteps(options.steps ?? [], (step) => limit(() => runUnit(step))),
    ]);
    perCheck = [...checkResults, ...stepResults];
  } catch (error) {
    abort.abort();
    throw error;
  }

  const processed = await processFindings({
    findings: perCheck.flatMap((c) => c.findings),
    config: options.config,
    redactor,
    readText: options.fileSet.readText,
  });

  const checks: CheckRun[] = perCheck.map((c) => ({
    id: c.id,
    // A step's title is its command, which may hold a secret.
    title: redactor.apply(c.title),
    durationMs: Math.round(c.ms),
    findingCount: processed.findings.filter((f) => belongsTo(f, c)).length,
    notes: c.notes.map((n) => redactor.apply(n)),
    ...(c.crashed === undefined ? {} : { crashed: redactor.apply(c.crashed) }),
    ...(c.table === undefined ? {} : { table: { title: c.table.title, columns: c.table.columns, rows: c.table.rows.map((row) => row.map((cell) => redactor.apply(cell))) } }),
  }));

  return {
    mode: options.mode,
    findings: processed.findings,
    checks,
    suppressed: processed.suppressed,
    durationMs: Math.round(performance.now() - started),
    filesInScope: options.fileSet.files.length,
  };
}

/**
 * Steps in config order, beside the checks: consecutive parallel steps run together (within
 * the concurrency bound), a serial step runs alone after the ones before it.
 */
async function runSteps<T>(steps: readonly StepUnit[], run: (step: StepUnit) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < steps.length; ) {
    let j = i + 1;
    if (steps[i]!.parallel) while (j < steps.length && steps[j]!.parallel) j++;
    results.push(...(await Promise.all(steps.slice(i, j).map(run))));
    i = j;
  }
  return results;
}
