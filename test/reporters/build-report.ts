import type { Mode } from '../../src/checks/check.ts';
import type { CheckId } from '../../src/checks/ids.ts';
import type { DraftFinding } from '../../src/findings/finding.ts';
import { processFindings } from '../../src/findings/pipeline.ts';
import { Redactor } from '../../src/findings/redactor.ts';
import type { ReportContext } from '../../src/reporters/reporter.ts';
import { ruleMeta } from '../../src/rules/catalog.ts';
import type { CheckRun, RunReport } from '../../src/runner/run.ts';

export interface BuildOptions {
  mode?: Mode;
  /** Secrets registered in the redactor before the pipeline runs, as a check would. */
  secrets?: string[];
  /** Per-check overrides (notes, crash, duration), keyed by check id. */
  checks?: Record<string, Partial<CheckRun>>;
  suppressed?: number;
}

/**
 * A RunReport made the way the runner makes one: drafts go through the real post-processing
 * chain (severities, suppressions, redaction, fingerprints, dedupe, sort), then one CheckRun per
 * check id. Only check timing is made up.
 */
export async function buildReport(drafts: DraftFinding[], options: BuildOptions = {}): Promise<RunReport> {
  const redactor = new Redactor();
  for (const secret of options.secrets ?? []) redactor.add(secret);
  const { findings, suppressed } = await processFindings({
    findings: drafts,
    config: { rules: {}, overrides: [] },
    redactor,
    readText: async () => undefined,
  });
  const ids = [...new Set([...drafts.map((d) => d.checkId), ...Object.keys(options.checks ?? {})])];
  const checks: CheckRun[] = ids.map((id, i) => ({
    // Reporters take any check id; the union only lists the checks registered today.
    id: id as CheckId,
    title: `${id} check`,
    durationMs: 10 + i,
    findingCount: findings.filter((f) => f.checkId === id).length,
    notes: [],
    ...options.checks?.[id],
  }));
  return {
    mode: options.mode ?? 'all',
    findings,
    checks,
    suppressed: options.suppressed ?? suppressed,
    durationMs: 42,
    filesInScope: new Set(findings.map((f) => f.location.path).filter(Boolean)).size,
  };
}

export function context(over: Partial<ReportContext> = {}): ReportContext {
  return { toolVersion: '9.8.7', color: false, failOn: 'error', ruleMeta, timings: false, ...over };
}

/** A draft finding with defaults: a trailing-whitespace warning on line 1 of src/a.ts. */
export function draft(over: Partial<DraftFinding> = {}): DraftFinding {
  return {
    checkId: 'hygiene',
    ruleId: 'hygiene/trailing-whitespace',
    severity: 'warning',
    message: 'Trailing whitespace.',
    location: { path: 'src/a.ts', line: 1, column: 5, endColumn: 7 },
    ...over,
  };
}
