import os from 'node:os';
import pLimit from 'p-limit';
import type { CheckContext, CheckRequest, Mode } from '../checks/check.ts';
import { UserError } from '../errors/user-error.ts';
import type { CheckId } from '../checks/ids.ts';
import { loadCheck } from '../checks/registry.ts';
import type { TollgateConfig } from '../config/schema.ts';
import type { DraftFinding, Finding } from '../findings/finding.ts';
import { processFindings } from '../findings/pipeline.ts';
import { Redactor } from '../findings/redactor.ts';
import type { Repo } from '../git/repo.ts';
import type { FileSet } from './file-set.ts';

export interface CheckRun {
  /** A check, or 'debt' for the baseline stage that runs after the checks. */
  id: CheckId | 'debt';
  title: string;
  durationMs: number;
  /** Findings after suppressions and severity settings. */
  findingCount: number;
  notes: string[];
  /** Set when the check itself crashed (a bug, reported as an error finding too). */
  crashed?: string;
}

export interface RunReport {
  mode: Mode;
  findings: Finding[];
  checks: CheckRun[];
  suppressed: number;
  durationMs: number;
  filesInScope: number;
}

export interface RunOptions {
  repo: Repo;
  config: TollgateConfig;
  mode: Mode;
  checks: readonly CheckId[];
  fileSet: FileSet;
  fix?: boolean;
  concurrency?: number;
  progress?: (checkId: CheckId, message: string) => void;
  signal?: AbortSignal;
  /** Check-specific flags (tollgate check <id> --explain …). */
  request?: CheckRequest;
}

/**
 * Runs checks concurrently (bounded), times each, and passes every finding through the one
 * post-processing chain. A check that throws becomes an error finding: a crash never passes.
 */
export async function runChecks(options: RunOptions): Promise<RunReport> {
  const started = performance.now();
  const redactor = new Redactor();
  const limit = pLimit(options.concurrency ?? options.config.concurrency ?? Math.max(2, os.availableParallelism()));
  const signal = options.signal ?? new AbortController().signal;
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

  const perCheck = await Promise.all(
    unique.map((id) =>
      limit(async () => {
        const t0 = performance.now();
        const check = loaded.get(id)!;
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
        try {
          const result = await check.run(context);
          return { id, title: check.title, findings: result.findings, notes: result.notes ?? [], ms: performance.now() - t0 };
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
          return { id, title: check.title, findings: [crash], notes: [], ms: performance.now() - t0, crashed: message };
        }
      }),
    ),
  );

  const processed = await processFindings({
    findings: perCheck.flatMap((c) => c.findings),
    config: options.config,
    redactor,
    readText: options.fileSet.readText,
  });

  const checks: CheckRun[] = perCheck.map((c) => ({
    id: c.id,
    title: c.title,
    durationMs: Math.round(c.ms),
    findingCount: processed.findings.filter((f) => f.checkId === c.id).length,
    notes: c.notes.map((n) => redactor.apply(n)),
    ...(c.crashed === undefined ? {} : { crashed: redactor.apply(c.crashed) }),
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
