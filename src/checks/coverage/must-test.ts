/**
 * mustTest: the exported functions of the listed files that no test called. Loaded only when
 * mustTest is configured, because it brings the TypeScript parser.
 */
import { exportedFunctions } from './exports.ts';
import type { CoverageReport, FileCoverage } from './report.ts';
import type { UntestedExport } from './rule-context.ts';

/**
 * Exported functions of the mustTest files that no test called: matched to the report's
 * function entries by line (between the declaration and the body); a function the report has
 * no entry for counts as called when a line of its body was hit.
 */
export function untestedExports(input: {
  report: CoverageReport;
  /** The source files in scope that match a mustTest glob, with their text. */
  files: readonly { path: string; text: string; glob: string }[];
}): UntestedExport[] {
  const result: UntestedExport[] = [];
  for (const { path, text, glob } of input.files) {
    const coverage = input.report.get(path);
    for (const fn of exportedFunctions(path, text)) {
      if (coverage && wasCalled(fn, coverage)) continue;
      result.push({ path, name: fn.name, line: fn.line, column: fn.column, glob });
    }
  }
  return result;
}

function wasCalled(fn: ReturnType<typeof exportedFunctions>[number], coverage: FileCoverage): boolean {
  const entries = (coverage.functions ?? []).filter((f) => f.line >= fn.headStart && f.line <= fn.headEnd);
  if (entries.length > 0) return entries.some((f) => f.hits > 0);
  if (!coverage.lines) return false;
  for (let l = fn.bodyStart + (fn.bodyEnd > fn.bodyStart ? 1 : 0); l <= fn.bodyEnd; l++) {
    if ((coverage.lines.get(l) ?? 0) > 0) return true;
  }
  return false;
}
