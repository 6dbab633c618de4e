/**
 * The one result type. Every check produces Findings and every reporter consumes them;
 * nothing in between passes strings around.
 */
export const SEVERITIES = ['error', 'warning', 'note'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Larger is more severe; used for thresholds and sorting. */
export const SEVERITY_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

export interface Location {
  /** Repository-relative POSIX path ('' for findings about the repository as a whole). */
  path: string;
  /** 1-based; 0 when the finding is about the whole file. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Fix {
  /** What the fix does, in words a user can act on ("strip trailing whitespace"). */
  description: string;
  /** True once tollgate applied the fix itself (hygiene --fix). */
  applied?: boolean;
}

export interface Finding {
  /** The check that produced it: 'hygiene', 'float', 'secrets', 'eslint', 'tsc', … */
  checkId: string;
  /** Full rule id, '<check>/<rule>' for tollgate's own rules ('hygiene/trailing-whitespace'). */
  ruleId: string;
  severity: Severity;
  message: string;
  location: Location;
  /** Stable across line moves: see fingerprint.ts. */
  fingerprint: string;
  fix?: Fix;
  /** URL or repository path of the rule's documentation. */
  help?: string;
  /** A short excerpt of the offending source. Redacted before any reporter sees it. */
  snippet?: string;
}

/** A finding before the pipeline has given it a fingerprint. */
export type DraftFinding = Omit<Finding, 'fingerprint'> & { fingerprint?: string };
