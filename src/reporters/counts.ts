import type { Finding, Severity } from '../findings/finding.ts';
import { atLeast } from '../findings/finding.ts';

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The exit decision: do any findings reach the threshold? */
export function failsAt(findings: readonly Finding[], threshold: Severity): boolean {
  return findings.some((f) => atLeast(f.severity, threshold));
}
