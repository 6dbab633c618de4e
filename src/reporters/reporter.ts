import type { Mode } from '../checks/check.ts';
import type { RuleMeta } from '../rules/rule.ts';
import type { Severity } from '../findings/finding.ts';
import type { RunReport } from '../runner/run.ts';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportContext {
  toolVersion: string;
  /** Colours allowed in text output: decide with `colorAllowed` (color.ts). */
  color: boolean;
  failOn: Severity;
  /** Metadata of tollgate's own rules, for SARIF and help links. */
  ruleMeta(ruleId: string): RuleMeta | undefined;
  /** Show per-check timings in text output. */
  timings: boolean;
}

export type Renderer = (report: RunReport, context: ReportContext) => string;

const SCOPES: Record<Mode, string> = { quick: 'staged changes', all: 'whole repository', paths: 'selected paths' };

/** What a run looked at, in words: "staged changes", "whole repository", "selected paths". */
export function scopeLabel(mode: Mode): string {
  return SCOPES[mode];
}
