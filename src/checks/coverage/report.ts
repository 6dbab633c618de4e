/**
 * The coverage a test run wrote, as one model whatever the format: Istanbul JSON
 * (coverage-final.json, parsed with istanbul-lib-coverage), lcov (lcov.info, parsed with
 * lcov-parse) or an Istanbul summary (coverage-summary.json: totals per file, no lines).
 * Files are keyed by repository-relative POSIX path and parsed only when asked for, so that
 * patch coverage on a 20-file change reads 20 lcov records, not 5,000.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Metric } from './config.ts';

export interface Totals {
  total: number;
  covered: number;
}

export interface FunctionHit {
  name: string;
  /** 1-based line of the function's declaration (its name, or the start of an arrow function). */
  line: number;
  hits: number;
}

export interface FileCoverage {
  path: string;
  /** Executable line → hit count; undefined for a summary-only report. */
  lines: Map<number, number> | undefined;
  /** Undefined for a summary-only report. */
  functions: FunctionHit[] | undefined;
  totals: Record<Metric, Totals>;
}

export type ReportFormat = 'istanbul' | 'lcov' | 'summary';

export interface CoverageReport {
  /** Repository-relative path of the file read. */
  file: string;
  format: ReportFormat;
  /** Repository-relative paths of the files the report covers (outside the repository: left out). */
  paths(): string[];
  get(relPath: string): FileCoverage | undefined;
  /** Paths of the report that are not in the repository (a report from another machine or checkout). */
  outside: string[];
}

/** Where a path in a report points: absolute as is, relative against the project that wrote it. */
export function toRepoPath(reported: string, repoRoot: string, projectDir: string): string | undefined {
  const native = reported.replace(/\\/g, '/');
  const abs = path.posix.isAbsolute(native) || /^[A-Za-z]:\//.test(native) ? native : path.posix.join(projectDir, native);
  return inside(repoRoot, abs) ?? inside(repoRoot, realDir(abs));
}

function inside(root: string, abs: string | undefined): string | undefined {
  if (abs === undefined) return undefined;
  const rel = path.posix.relative(root, abs);
  if (rel === '' || rel.startsWith('../') || path.posix.isAbsolute(rel)) return undefined;
  return rel;
}

const realDirs = new Map<string, string | undefined>();

/**
 * The path with its folder's symlinks resolved: the repository root is a real path, and a test
 * run may have written it through a symlink (/tmp → /private/tmp on macOS). Only asked for paths
 * that are not inside the root as written.
 */
function realDir(abs: string): string | undefined {
  const dir = path.posix.dirname(abs);
  if (!realDirs.has(dir)) {
    let real: string | undefined;
    try {
      real = realpathSync(dir).split(path.sep).join('/');
    } catch {
      real = undefined; // gone, or on another machine
    }
    realDirs.set(dir, real);
  }
  const real = realDirs.get(dir);
  return real === undefined ? undefined : path.posix.join(real, path.posix.basename(abs));
}

/** Parses a report's text. `projectDir` is the directory the test run ran in (the report's folder's parent). */
export async function parseReport(input: { text: string; file: string; repoRoot: string; projectDir: string }): Promise<CoverageReport> {
  const name = path.posix.basename(input.file);
  const looksJson = input.text.trimStart().startsWith('{');
  if (!looksJson) {
    await loadLcovParser();
    return lcovReport(input);
  }
  let json: unknown;
  try {
    json = JSON.parse(input.text);
  } catch (error) {
    throw new ReportError(`${input.file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!json || typeof json !== 'object') throw new ReportError(`${input.file} is not a coverage report: expected a JSON object`);
  const entries = json as Record<string, unknown>;
  const first = Object.entries(entries).find(([key]) => key !== 'total')?.[1];
  const isSummary = name.includes('summary') || (first !== undefined && typeof first === 'object' && first !== null && 'lines' in first && !('statementMap' in first));
  return isSummary ? summaryReport(entries, input) : await istanbulReport(entries, input);
}

/** A report that cannot be read: the check turns it into a finding that names the file. */
export class ReportError extends Error {
  override readonly name = 'ReportError';
}

type Located = { file: string; repoRoot: string; projectDir: string };

function lcovReport(input: Located & { text: string }): CoverageReport {
  // Split into records by SF: line first; each record is parsed by lcov-parse only when asked for.
  const records = new Map<string, string>();
  const outside: string[] = [];
  const text = input.text;
  const nextRecord = (from: number): number => {
    if (from === 0 && text.startsWith('SF:')) return 0;
    const i = text.indexOf('\nSF:', from);
    return i === -1 ? -1 : i + 1;
  };
  let at = nextRecord(0);
  while (at !== -1) {
    const lineEnd = text.indexOf('\n', at);
    const end = text.indexOf('end_of_record', at);
    const recordEnd = end === -1 ? text.length : end + 'end_of_record'.length;
    const reported = text.slice(at + 3, lineEnd === -1 ? text.length : lineEnd).trim();
    const rel = toRepoPath(reported, input.repoRoot, input.projectDir);
    if (rel !== undefined) records.set(rel, (records.get(rel) ?? '') + text.slice(at, recordEnd) + '\n');
    else outside.push(reported);
    at = nextRecord(recordEnd);
  }
  if (records.size === 0 && text.trim() !== '') throw new ReportError(`${input.file} is not an lcov report: no SF: record`);
  const parsed = new Map<string, FileCoverage | undefined>();
  return {
    file: input.file,
    format: 'lcov',
    outside,
    paths: () => [...records.keys()],
    get(rel) {
      if (parsed.has(rel)) return parsed.get(rel);
      const record = records.get(rel);
      const result = record === undefined ? undefined : fromLcov(rel, record, input.file);
      parsed.set(rel, result);
      return result;
    },
  };
}

let lcovSource: ((text: string, cb: (err: string | null, data: import('lcov-parse').LcovFile[] | undefined) => void) => void) | undefined;

/** lcov-parse is CommonJS; its string entry point is `source` (the default export also stats the text as a path). */
async function loadLcovParser(): Promise<NonNullable<typeof lcovSource>> {
  if (!lcovSource) lcovSource = (await import('lcov-parse')).default.source;
  return lcovSource;
}

function fromLcov(rel: string, record: string, file: string): FileCoverage {
  if (!lcovSource) throw new Error('lcov parser not loaded');
  let data: import('lcov-parse').LcovFile[] | undefined;
  let failure: string | null = null;
  lcovSource(record, (err, result) => {
    failure = err;
    data = result;
  }); // synchronous: walkFile calls back before it returns
  if (failure !== null || !data || data.length === 0) throw new ReportError(`${file}: the record for ${rel} cannot be parsed (${String(failure)})`);
  // A file may have several records (reports of several test runs concatenated): hits add up.
  const lines = new Map<number, number>();
  const fnHits = new Map<string, FunctionHit>();
  const branchHits = new Map<string, number>();
  let branchFound = 0;
  let branchHit = 0;
  for (const entry of data) {
    for (const d of entry.lines.details) lines.set(d.line, (lines.get(d.line) ?? 0) + d.hit);
    for (const f of entry.functions.details) {
      const key = `${f.line}\0${f.name}`;
      const known = fnHits.get(key);
      if (known) known.hits += f.hit ?? 0;
      else fnHits.set(key, { name: f.name, line: f.line, hits: f.hit ?? 0 });
    }
    for (const b of entry.branches.details) {
      const key = `${b.line}:${b.block}:${b.branch}`;
      branchHits.set(key, (branchHits.get(key) ?? 0) + b.taken);
    }
    branchFound = Math.max(branchFound, entry.branches.found);
    branchHit = Math.max(branchHit, entry.branches.hit);
  }
  const functions = [...fnHits.values()];
  // Branch totals from BRDA records when there are any, else from BRF/BRH.
  const branchTotal = branchHits.size || branchFound;
  const branchCovered = branchHits.size > 0 ? [...branchHits.values()].filter((t) => t > 0).length : branchHit;
  const lineTotals = { total: lines.size, covered: [...lines.values()].filter((h) => h > 0).length };
  return {
    path: rel,
    lines,
    functions,
    totals: {
      lines: lineTotals,
      // lcov has no statements: tools that read it (genhtml, Codecov) count lines for them.
      statements: lineTotals,
      functions: { total: functions.length, covered: functions.filter((f) => f.hits > 0).length },
      branches: { total: branchTotal, covered: branchCovered },
    },
  };
}

async function istanbulReport(json: Record<string, unknown>, input: Located): Promise<CoverageReport> {
  const { createCoverageMap } = (await import('istanbul-lib-coverage')).default;
  let map: ReturnType<typeof createCoverageMap>;
  try {
    map = createCoverageMap(json as Parameters<typeof createCoverageMap>[0]);
  } catch (error) {
    throw new ReportError(`${input.file} is not an Istanbul coverage report (${error instanceof Error ? error.message : String(error)})`);
  }
  const byRel = new Map<string, string>();
  const outside: string[] = [];
  for (const key of map.files()) {
    const rel = toRepoPath(key, input.repoRoot, input.projectDir);
    if (rel !== undefined) byRel.set(rel, key);
    else outside.push(key);
  }
  const parsed = new Map<string, FileCoverage | undefined>();
  return {
    file: input.file,
    format: 'istanbul',
    outside,
    paths: () => [...byRel.keys()],
    get(rel) {
      if (parsed.has(rel)) return parsed.get(rel);
      const key = byRel.get(rel);
      let result: FileCoverage | undefined;
      if (key !== undefined) {
        const fc = map.fileCoverageFor(key);
        const lines = new Map<number, number>();
        for (const [line, hits] of Object.entries(fc.getLineCoverage())) lines.set(Number(line), hits);
        const functions = Object.entries(fc.data.fnMap).map(([id, fn]) => ({ name: fn.name, line: fn.decl?.start.line ?? fn.line, hits: fc.data.f[id] ?? 0 }));
        const s = fc.toSummary();
        result = {
          path: rel,
          lines,
          functions,
          totals: { lines: totalsOf(s.lines), statements: totalsOf(s.statements), functions: totalsOf(s.functions), branches: totalsOf(s.branches) },
        };
      }
      parsed.set(rel, result);
      return result;
    },
  };
}

function totalsOf(t: { total: number; covered: number }): Totals {
  return { total: t.total, covered: t.covered };
}

function summaryReport(json: Record<string, unknown>, input: Located): CoverageReport {
  const files = new Map<string, FileCoverage>();
  const outside: string[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (key === 'total') continue;
    const rel = toRepoPath(key, input.repoRoot, input.projectDir);
    if (rel === undefined) {
      outside.push(key);
      continue;
    }
    const v = value as Partial<Record<Metric, Partial<Totals>>>;
    const pick = (m: Metric): Totals => ({ total: Number(v[m]?.total ?? 0), covered: Number(v[m]?.covered ?? 0) });
    files.set(rel, { path: rel, lines: undefined, functions: undefined, totals: { lines: pick('lines'), statements: pick('statements'), functions: pick('functions'), branches: pick('branches') } });
  }
  return { file: input.file, format: 'summary', outside, paths: () => [...files.keys()], get: (rel) => files.get(rel) };
}
