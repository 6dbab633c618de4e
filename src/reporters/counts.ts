import type { Finding, Severity } from '../findings/finding.ts';
import { atLeast, SEVERITY_RANK } from '../findings/finding.ts';

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

/** "1 error", "2 warnings": the count and the noun, plural when it is not one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "1 error, 25 warnings, 0 notes". */
export function describeCounts(counts: SeverityCounts): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}`;
}

/** Most severe first; keeps the incoming order inside one severity (the array sort is stable). */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}
