/**
 * The figures the coverage rules judge, worked out from a report: thresholds per glob and patch
 * coverage of changed lines. Pure functions of their input.
 */
import type { LineRange } from '../../git/diff-parse.ts';
import { METRICS, type CoverageConfig, type Metric } from './config.ts';
import type { CoverageReport, Totals } from './report.ts';
import type { PatchResult, ThresholdResult } from './rule-context.ts';
import { globMatcher } from '../../runner/glob-matcher.ts';

export function percent(t: Totals): number {
  return t.total === 0 ? 100 : (t.covered / t.total) * 100;
}

/** Each threshold entry sums the files of the report its globs match, metric by metric. */
export function thresholdResults(report: CoverageReport, thresholds: CoverageConfig['thresholds']): ThresholdResult[] {
  const paths = report.paths();
  return thresholds.map((entry) => {
    const match = globMatcher(entry.files);
    const sums: Record<Metric, Totals> = { lines: zero(), branches: zero(), functions: zero(), statements: zero() };
    let matched = 0;
    for (const p of paths) {
      if (!match(p)) continue;
      const file = report.get(p);
      if (!file) continue;
      matched++;
      for (const m of METRICS) {
        sums[m].total += file.totals[m].total; // tollgate-ignore float: line counts, not money
        sums[m].covered += file.totals[m].covered; // tollgate-ignore float: line counts, not money
      }
    }
    const metrics = METRICS.flatMap((metric) => {
      const min = entry[metric];
      if (min === undefined) return [];
      return [{ metric, ...sums[metric], pct: percent(sums[metric]), min }];
    });
    return { files: entry.files, matched, metrics };
  });
}

function zero(): Totals {
  return { total: 0, covered: 0 };
}

export interface PatchInput {
  report: CoverageReport;
  /** Added line ranges per repository-relative path (new side). */
  added: ReadonlyMap<string, readonly LineRange[]>;
  /** Whether a path is a source file coverage is about. */
  isSource: (path: string) => boolean;
  against: string;
  threshold: number | undefined;
}

/**
 * Changed executable lines: the added lines that the report lists as executable (an lcov DA
 * line, an Istanbul statement). Comments, types and blank lines are not executable and do not
 * count. A changed source file the report does not mention is listed apart.
 */
export function patchResult(input: PatchInput): PatchResult {
  let covered = 0;
  let total = 0;
  const uncovered: PatchResult['uncovered'] = [];
  const missing: PatchResult['missing'] = [];
  const paths = [...input.added.keys()].sort();
  for (const path of paths) {
    const ranges = input.added.get(path)!;
    if (ranges.length === 0 || !input.isSource(path)) continue;
    const file = input.report.get(path);
    if (!file?.lines) {
      if (!file) missing.push({ path, firstLine: ranges[0]!.start, changedLines: ranges.reduce((n, r) => n + r.end - r.start + 1, 0) });
      continue;
    }
    const misses: number[] = [];
    for (const range of ranges) {
      for (let line = range.start; line <= range.end; line++) {
        const hits = file.lines.get(line);
        if (hits === undefined) continue;
        total++;
        if (hits > 0) covered++;
        else misses.push(line);
      }
    }
    if (misses.length > 0) uncovered.push({ path, ranges: toRanges(misses, file.lines) });
  }
  return { against: input.against, covered, total, threshold: input.threshold, uncovered, missing };
}

/** Consecutive uncovered lines become one range; lines that are not executable do not break a range. */
function toRanges(lines: number[], executable: ReadonlyMap<number, number>): LineRange[] {
  const ranges: LineRange[] = [];
  for (const line of lines) {
    const last = ranges.at(-1);
    if (last && noExecutableBetween(last.end, line, executable)) last.end = line;
    else ranges.push({ start: line, end: line });
  }
  return ranges;
}

function noExecutableBetween(from: number, to: number, executable: ReadonlyMap<number, number>): boolean {
  for (let l = from + 1; l < to; l++) if (executable.has(l)) return false;
  return true;
}
