import * as core from '@actions/core';
import type { Finding, Severity } from '../findings/finding.ts';
import type { RunReport } from '../runner/run.ts';
import { countBySeverity, failsAt } from './counts.ts';
import type { ReportContext } from './reporter.ts';

/** GitHub shows at most this many annotations of each level per step; the rest go to the summary. */
export const ANNOTATION_CAP = 10;
/** The job summary is limited to 1 MiB; keep the findings table well under it. */
const SUMMARY_ROW_CAP = 1000;

function annotate(f: Finding): void {
  const props: core.AnnotationProperties = { title: f.ruleId };
  if (f.location.path) props.file = f.location.path;
  if (f.location.line > 0) {
    props.startLine = f.location.line;
    props.endLine = f.location.endLine ?? f.location.line;
    if (props.endLine === props.startLine && f.location.column > 0) {
      props.startColumn = f.location.column;
      if (f.location.endColumn) props.endColumn = f.location.endColumn;
    }
  }
  const text = f.fix && !f.fix.applied ? `${f.message}\nFix: ${f.fix.description}` : f.message;
  if (f.severity === 'error') core.error(text, props);
  else if (f.severity === 'warning') core.warning(text, props);
  else core.notice(text, props);
}

/** Emits annotations (capped per level, most severe first) and returns how many were held back. */
export function emitAnnotations(findings: readonly Finding[]): Record<Severity, number> {
  const heldBack: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  const shown: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) {
    if (shown[f.severity] < ANNOTATION_CAP) {
      annotate(f);
      shown[f.severity]++;
    } else {
      heldBack[f.severity]++;
    }
  }
  const total = heldBack.error + heldBack.warning + heldBack.note;
  if (total > 0) {
    core.info(`${total} more finding(s) than GitHub shows as annotations (${heldBack.error} errors, ${heldBack.warning} warnings, ${heldBack.note} notes): the job summary and the SARIF file list them all.`);
  }
  return heldBack;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The job summary as Markdown: verdict, one row per check, then every finding. */
export function summaryMarkdown(report: RunReport, context: ReportContext): string {
  const counts = countBySeverity(report.findings);
  const failed = failsAt(report.findings, context.failOn);
  const lines = [
    `## tollgate ${report.mode === 'quick' ? 'validate-quick' : report.mode === 'all' ? 'validate-all' : 'check'}: ${failed ? '❌ failed' : '✅ passed'}`,
    '',
    `${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s) in ${report.filesInScope} file(s); fails on **${context.failOn}** or worse. ${report.suppressed} suppressed inline.`,
    '',
    '| check | result | errors | warnings | notes | time |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const check of report.checks) {
    const mine = countBySeverity(report.findings.filter((f) => f.checkId === check.id));
    const result = check.crashed ? '💥 crashed' : check.findingCount === 0 ? '✅' : failsAt(report.findings.filter((f) => f.checkId === check.id), context.failOn) ? '❌' : '⚠️';
    lines.push(`| ${check.id} | ${result} | ${mine.error} | ${mine.warning} | ${mine.note} | ${(check.durationMs / 1000).toFixed(2)} s |`);
  }
  const notes = report.checks.flatMap((c) => c.notes.map((n) => `- ${c.id}: ${escapeCell(n)}`));
  if (notes.length > 0) lines.push('', '**Notes**', '', ...notes);
  if (report.findings.length > 0) {
    lines.push('', '<details open><summary>Findings</summary>', '', '| location | severity | rule | message |', '| --- | --- | --- | --- |');
    for (const f of report.findings.slice(0, SUMMARY_ROW_CAP)) {
      const where = f.location.path ? `\`${f.location.path}${f.location.line > 0 ? `:${f.location.line}` : ''}\`` : '(repository)';
      lines.push(`| ${where} | ${f.severity} | \`${f.ruleId}\` | ${escapeCell(f.message)} |`);
    }
    if (report.findings.length > SUMMARY_ROW_CAP) lines.push('', `…and ${report.findings.length - SUMMARY_ROW_CAP} more: see the SARIF file.`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}

/** Annotations on stdout and, inside GitHub Actions, the job summary. */
export async function emitGithub(report: RunReport, context: ReportContext): Promise<void> {
  emitAnnotations(report.findings);
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(summaryMarkdown(report, context), true).write();
  }
}
