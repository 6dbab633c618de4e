import type { Mode } from '../checks/check.ts';
import type { Finding, Location, Severity } from '../findings/finding.ts';
import type { CheckRun, RunReport } from '../runner/run.ts';
import { countBySeverity, failsAt, type SeverityCounts } from './counts.ts';
import type { Renderer, ReportContext } from './reporter.ts';
import type { DebtTrend } from '../debt/trend.ts';
import type { SummaryTable } from '../checks/check.ts';

/** Bumped when a key is renamed or removed; adding a key does not bump it. */
export const JSON_REPORT_VERSION = 1;

/**
 * The `--format json` document. Keys always appear in this order; optional keys of a finding
 * are left out when unset. Findings use the one `Finding` shape (src/findings/finding.ts).
 */
export interface JsonReport {
  schemaVersion: typeof JSON_REPORT_VERSION;
  tool: { name: 'tollgate'; version: string };
  /** 'quick' (staged changes), 'all' (whole repository) or 'paths' (what the user named). */
  mode: Mode;
  /** False when a finding is at or above `failOn`: the CLI then exits 1. */
  passed: boolean;
  failOn: Severity;
  counts: SeverityCounts;
  /** Findings removed by reasoned `tollgate-ignore` comments. */
  suppressed: number;
  filesInScope: number;
  durationMs: number;
  checks: JsonCheck[];
  /** Sorted by path, line, column, rule. */
  findings: Finding[];
  /** Warning debt per rule, with the base branch's counts when known (validate-all with a baseline). */
  debt?: DebtTrend;
}

export interface JsonCheck {
  id: string;
  title: string;
  durationMs: number;
  findingCount: number;
  notes: string[];
  /** Present only when the check crashed: the error message. */
  crashed?: string;
  /** The check's figures as a table (coverage per path), when it has some. */
  table?: SummaryTable;
}

function jsonLocation(l: Location): Location {
  return {
    path: l.path,
    line: l.line,
    column: l.column,
    ...(l.endLine === undefined ? {} : { endLine: l.endLine }),
    ...(l.endColumn === undefined ? {} : { endColumn: l.endColumn }),
  };
}

// Compile-time guard: a type error here means Finding gained a key that jsonFinding does not write.
type UnlistedFindingKey = Exclude<keyof Finding, 'checkId' | 'ruleId' | 'severity' | 'message' | 'location' | 'fingerprint' | 'fix' | 'help' | 'snippet'>;
const _everyFindingKeyListed: [UnlistedFindingKey] extends [never] ? true : never = true;

/** Every key of Finding in a fixed order, so checks that build objects differently diff the same. */
export function jsonFinding(f: Finding): Finding {
  return {
    checkId: f.checkId,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    location: jsonLocation(f.location),
    fingerprint: f.fingerprint,
    ...(f.fix === undefined ? {} : { fix: f.fix.applied === undefined ? { description: f.fix.description } : { description: f.fix.description, applied: f.fix.applied } }),
    ...(f.help === undefined ? {} : { help: f.help }),
    ...(f.snippet === undefined ? {} : { snippet: f.snippet }),
  };
}

function jsonCheck(c: CheckRun): JsonCheck {
  return {
    id: c.id,
    title: c.title,
    durationMs: c.durationMs,
    findingCount: c.findingCount,
    notes: [...c.notes],
    ...(c.crashed === undefined ? {} : { crashed: c.crashed }),
    ...(c.table === undefined ? {} : { table: c.table }),
  };
}

export const jsonReport = (report: RunReport, context: ReportContext): JsonReport => ({
  schemaVersion: JSON_REPORT_VERSION,
  tool: { name: 'tollgate', version: context.toolVersion },
  mode: report.mode,
  passed: !failsAt(report.findings, context.failOn),
  failOn: context.failOn,
  counts: countBySeverity(report.findings),
  suppressed: report.suppressed,
  filesInScope: report.filesInScope,
  durationMs: report.durationMs,
  checks: report.checks.map(jsonCheck),
  findings: report.findings.map(jsonFinding),
  ...(report.debt ? { debt: report.debt } : {}),
});

/** Machine output: the whole report as one JSON document, keys in a fixed order. */
export const renderJson: Renderer = (report, context) => `${JSON.stringify(jsonReport(report, context), null, 2)}\n`;
