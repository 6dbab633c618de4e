import type { Log, Notification, PhysicalLocation, Region, ReportingDescriptor, Result, Run } from 'sarif';
import type { Finding, Severity } from '../findings/finding.ts';
import { ruleDocPath } from '../rules/rule.ts';
import type { RunReport } from '../runner/run.ts';
import { bySeverity, plural } from './counts.ts';
import type { ReportContext, Renderer } from './reporter.ts';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', note: 'note' };

/**
 * GitHub code scanning rejects a run with more than 25,000 results (and shows the 5,000 most
 * severe). Over the limit we keep the most severe 25,000 and say so in the run's notifications,
 * so the upload still succeeds.
 */
export const SARIF_RESULT_LIMIT = 25_000;

/**
 * Code scanning refuses a whole upload when one result has no physical location, so findings
 * about the repository as a whole (path '') point here. It is the placeholder OpenSSF Scorecard
 * uses for repository-level alerts; GitHub shows it as the alert's path.
 */
export const REPOSITORY_PLACEHOLDER_PATH = 'no file associated with this alert';

/** The key under `partialFingerprints`; bump the suffix if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'tollgate/v1';

/**
 * A repository path as a relative URI reference: every segment percent-encoded, so spaces,
 * `#`, `?`, `%`, `:` and non-ASCII characters survive (GitHub decodes it again).
 */
export function sarifUri(repoPath: string): string {
  return repoPath.split('/').map(encodeURIComponent).join('/');
}

/**
 * The code scanning category (`automationDetails.id`, which must end in `/`). An upload replaces
 * the previous analysis of the same category, so a run of one check (`tollgate check secrets`)
 * gets its own category and never closes the alerts of the full gate.
 */
export function sarifCategory(report: Pick<RunReport, 'mode' | 'checks'>): string {
  const only = report.checks.length === 1 ? `${report.checks[0]!.id}/` : '';
  return `tollgate/${report.mode}/${only}`;
}

function pascalName(ruleId: string): string {
  return ruleId.replace(/(?:^|[^A-Za-z0-9]+)([A-Za-z0-9]?)/g, (_m, ch: string) => ch.toUpperCase());
}

function describeRule(ruleId: string, example: Finding, context: ReportContext): ReportingDescriptor {
  const meta = context.ruleMeta(ruleId);
  const description = meta?.description ?? `${ruleId}, reported by the ${example.checkId} check.`;
  const url = example.help && /^https?:\/\//.test(example.help) ? example.help : undefined;
  const docs = meta ? ruleDocPath(ruleId) : (example.help ?? undefined);
  const helpText = [description, meta ? `Fix: ${meta.fixHint}` : undefined, docs ? `Documentation: ${docs}` : undefined].filter(Boolean).join('\n');
  const helpMarkdown = [description, meta ? `**Fix:** ${meta.fixHint}` : undefined, docs ? (url ? `[Documentation](${url})` : `Documentation: \`${docs}\``) : undefined]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: ruleId,
    name: pascalName(ruleId),
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text: helpText, markdown: helpMarkdown },
    ...(url ? { helpUri: url } : {}),
    defaultConfiguration: { level: LEVEL[meta?.severity ?? example.severity] },
    properties: { tags: example.checkId === 'secrets' ? [example.checkId, 'security'] : [example.checkId] },
  };
}

function region(f: Finding): Region {
  const l = f.location;
  const endLine = l.endLine !== undefined && l.endLine >= l.line ? l.endLine : undefined;
  return {
    startLine: l.line,
    ...(l.column > 0 ? { startColumn: l.column } : {}),
    ...(endLine !== undefined ? { endLine } : {}),
    ...(l.endColumn !== undefined && l.endColumn > 0 ? { endColumn: l.endColumn } : {}),
    ...(f.snippet ? { snippet: { text: f.snippet } } : {}),
  };
}

/**
 * Where a finding is: a file with a region (line > 0), a file without one (line 0: GitHub shows
 * it at line 1), or the repository placeholder.
 */
function physicalLocation(f: Finding): PhysicalLocation {
  if (!f.location.path) {
    return { artifactLocation: { uri: sarifUri(REPOSITORY_PLACEHOLDER_PATH), uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } };
  }
  return {
    artifactLocation: { uri: sarifUri(f.location.path), uriBaseId: '%SRCROOT%' },
    ...(f.location.line > 0 ? { region: region(f) } : {}),
  };
}

function toResult(f: Finding, ruleIndex: number): Result {
  // Code scanning shows only message.text, so a fix that is still to do goes there too.
  const pendingFix = f.fix && !f.fix.applied ? `\nFix: ${f.fix.description}` : '';
  const properties: Record<string, unknown> = { checkId: f.checkId };
  if (!f.location.path) properties.repositoryLevel = true;
  if (f.fix) properties.fix = { description: f.fix.description, applied: f.fix.applied ?? false };
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.message}${pendingFix}` },
    locations: [{ physicalLocation: physicalLocation(f) }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties,
  };
}

function notifications(report: RunReport, omitted: readonly Finding[]): Notification[] {
  const list: Notification[] = [];
  for (const check of report.checks) {
    if (check.crashed) list.push({ level: 'error', message: { text: `The ${check.id} check crashed: ${check.crashed}` } });
    for (const note of check.notes) list.push({ level: 'note', message: { text: `${check.id}: ${note}` } });
  }
  if (omitted.length > 0) {
    list.push({
      level: 'warning',
      message: {
        text: `${plural(omitted.length, 'finding')} left out: GitHub code scanning refuses more than ${SARIF_RESULT_LIMIT} results in a run. The ${SARIF_RESULT_LIMIT} most severe are included; tollgate --format json lists them all.`,
      },
    });
  }
  return list;
}

/** The SARIF 2.1.0 log as an object: one run, rules metadata, partial fingerprints. */
export function sarifLog(report: RunReport, context: ReportContext): Log {
  const over = report.findings.length > SARIF_RESULT_LIMIT;
  const ranked = over ? bySeverity(report.findings) : report.findings;
  const kept = over ? ranked.slice(0, SARIF_RESULT_LIMIT) : report.findings;
  const omitted = over ? ranked.slice(SARIF_RESULT_LIMIT) : [];

  const examples = new Map<string, Finding>();
  for (const f of kept) if (!examples.has(f.ruleId)) examples.set(f.ruleId, f);
  const ruleIds = [...examples.keys()].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));

  const run: Run = {
    tool: {
      driver: {
        name: 'tollgate',
        version: context.toolVersion,
        semanticVersion: context.toolVersion,
        rules: ruleIds.map((id) => describeRule(id, examples.get(id)!, context)),
      },
    },
    automationDetails: { id: sarifCategory(report) },
    invocations: [{ executionSuccessful: report.checks.every((c) => !c.crashed), toolExecutionNotifications: notifications(report, omitted) }],
    columnKind: 'utf16CodeUnits',
    results: kept.map((f) => toResult(f, index.get(f.ruleId)!)),
    properties: {
      mode: report.mode,
      failOn: context.failOn,
      filesInScope: report.filesInScope,
      suppressed: report.suppressed,
      omittedResults: omitted.length,
    },
  };
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
}

/** SARIF 2.1.0, as GitHub code scanning reads it. */
export const renderSarif: Renderer = (report, context) => `${JSON.stringify(sarifLog(report, context), null, 2)}\n`;
