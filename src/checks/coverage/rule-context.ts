import type { Rule } from '../../rules/rule.ts';
import type { CoverageConfig, Metric } from './config.ts';
import type { LineRange } from '../../git/diff-parse.ts';

/** One metric of one threshold entry: what was measured against what was asked. */
export interface MetricResult {
  metric: Metric;
  covered: number;
  total: number;
  /** Percent, 100 when there is nothing to cover (Istanbul's convention). */
  pct: number;
  min: number;
}

export interface ThresholdResult {
  /** The entry's globs, as written. */
  files: string[];
  /** How many files of the report it matched. */
  matched: number;
  metrics: MetricResult[];
}

export interface PatchResult {
  /** What the change is measured against: "the staged diff" or "origin/main (merge-base 1a2b3c4)". */
  against: string;
  /** Changed executable lines the tests hit, and all of them. */
  covered: number;
  total: number;
  threshold: number | undefined;
  /** Uncovered changed executable lines per path, as ranges. */
  uncovered: { path: string; ranges: LineRange[] }[];
  /** Changed source files the report does not mention at all (no test loads them). */
  missing: { path: string; firstLine: number; changedLines: number }[];
}

export interface UntestedExport {
  path: string;
  name: string;
  line: number;
  column: number;
  /** The mustTest glob that asked for it. */
  glob: string;
}

/** The state of the coverage file itself, before any figure is read from it. */
export type ReportState =
  | { kind: 'ok'; file: string }
  | { kind: 'missing'; tried: string[] }
  | { kind: 'unreadable'; file: string; reason: string }
  | { kind: 'stale'; file: string; newer: string; minutesNewer: number }
  | { kind: 'summary-only'; file: string; needs: string };

/** What a coverage rule sees: the facts the check worked out, and its config. */
export interface CoverageRuleContext {
  options: CoverageConfig;
  /** Whether thresholds, a patch threshold or mustTest are set (only then is missing coverage a failure). */
  configured: boolean;
  state: ReportState;
  thresholds: ThresholdResult[];
  patch: PatchResult | undefined;
  untested: UntestedExport[];
  report(report: CoverageReport): void;
}

export interface CoverageReport {
  message: string;
  /** Repository-relative; '' for the repository as a whole. */
  path: string;
  line: number;
  column?: number;
  endLine?: number;
  /** Overrides the rule's default severity (a warning that becomes an error when a threshold is set). */
  severity?: 'error' | 'warning' | 'note';
  snippet?: string;
}

export type CoverageRule = Rule<CoverageRuleContext>;
