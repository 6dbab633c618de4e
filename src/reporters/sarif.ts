import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Severity } from '../findings/finding.ts';
import { ruleDocPath } from '../rules/rule.ts';
import type { ReportContext, Renderer } from './reporter.ts';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', note: 'note' };

function describeRule(ruleId: string, example: Finding, context: ReportContext): ReportingDescriptor {
  const meta = context.ruleMeta(ruleId);
  const description = meta?.description ?? `${example.checkId} rule ${ruleId}`;
  const descriptor: ReportingDescriptor = {
    id: ruleId,
    name: ruleId.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : '')),
    shortDescription: { text: description },
    defaultConfiguration: { level: LEVEL[meta?.severity ?? example.severity] },
    properties: { tags: [example.checkId] },
  };
  if (meta) {
    descriptor.fullDescription = { text: description };
    descriptor.help = { text: `${description} ${meta.fixHint} See ${ruleDocPath(ruleId)}.`, markdown: `${description}\n\n**Fix:** ${meta.fixHint}\n\nSee \`${ruleDocPath(ruleId)}\`.` };
  }
  const help = example.help;
  if (help && /^https?:\/\//.test(help)) descriptor.helpUri = help;
  return descriptor;
}

function toResult(f: Finding, ruleIndex: number): Result {
  const result: Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    partialFingerprints: { 'tollgate/v1': f.fingerprint },
  };
  if (f.location.path) {
    const region =
      f.location.line > 0
        ? {
            region: {
              startLine: f.location.line,
              ...(f.location.column > 0 ? { startColumn: f.location.column } : {}),
              ...(f.location.endLine ? { endLine: f.location.endLine } : {}),
              ...(f.location.endColumn ? { endColumn: f.location.endColumn } : {}),
              ...(f.snippet ? { snippet: { text: f.snippet } } : {}),
            },
          }
        : {};
    result.locations = [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.location.path), uriBaseId: '%SRCROOT%' }, ...region } }];
  }
  if (f.fix) result.properties = { fix: f.fix.description, fixApplied: f.fix.applied ?? false };
  return result;
}

/** SARIF 2.1.0, as GitHub code scanning reads it: rules metadata and partial fingerprints. */
export const renderSarif: Renderer = (report, context) => {
  const ruleIds: string[] = [];
  const examples = new Map<string, Finding>();
  for (const f of report.findings) {
    if (!examples.has(f.ruleId)) {
      examples.set(f.ruleId, f);
      ruleIds.push(f.ruleId);
    }
  }
  ruleIds.sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tollgate',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            rules: ruleIds.map((id) => describeRule(id, examples.get(id)!, context)),
          },
        },
        automationDetails: { id: `tollgate/${report.mode}/` },
        invocations: [
          {
            executionSuccessful: report.checks.every((c) => !c.crashed),
            toolExecutionNotifications: report.checks.flatMap((c) => c.notes.map((n) => ({ level: 'note' as const, message: { text: `${c.id}: ${n}` } }))),
          },
        ],
        results: report.findings.map((f) => toResult(f, index.get(f.ruleId)!)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
