import type { RuleMeta } from '../rules/rule.ts';
import type { Severity } from '../findings/finding.ts';
import type { RunReport } from '../runner/run.ts';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportContext {
  toolVersion: string;
  /** Colours allowed (a TTY without NO_COLOR). */
  color: boolean;
  failOn: Severity;
  /** Metadata of tollgate's own rules, for SARIF and help links. */
  ruleMeta(ruleId: string): RuleMeta | undefined;
  /** Show per-check timings in text output. */
  timings: boolean;
}

export type Renderer = (report: RunReport, context: ReportContext) => string;
