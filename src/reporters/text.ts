import pc from 'picocolors';
import type { Finding, Severity } from '../findings/finding.ts';
import { countBySeverity, failsAt } from './counts.ts';
import type { Renderer } from './reporter.ts';

/** Human output: findings grouped by file, then one line per check and a verdict. */
export const renderText: Renderer = (report, context) => {
  const c = pc.createColors(context.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, note: c.cyan };
  const lines: string[] = [];
  const byPath = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byPath.get(f.location.path) ?? [];
    list.push(f);
    byPath.set(f.location.path, list);
  }
  for (const [filePath, findings] of byPath) {
    lines.push(c.underline(filePath || '(repository)'));
    for (const f of findings) {
      const pos = f.location.line > 0 ? `${f.location.line}:${f.location.column || 1}` : '-';
      const fixed = f.fix?.applied ? c.green(' (fixed)') : '';
      const message = f.message.replace(/\n/g, `\n${' '.repeat(19)}`);
      lines.push(`  ${c.dim(pos.padEnd(8))} ${paint[f.severity](f.severity.padEnd(7))} ${message}${fixed}  ${c.dim(f.ruleId)}`);
      if (f.snippet) lines.push(`  ${' '.repeat(17)}${c.dim(f.snippet)}`);
      if (f.fix && !f.fix.applied) lines.push(`  ${' '.repeat(17)}${c.dim(`fix: ${f.fix.description}`)}`);
    }
    lines.push('');
  }
  for (const check of report.checks) {
    const status = check.crashed ? c.red('crashed') : check.findingCount === 0 ? c.green('ok') : paint.warning(`${check.findingCount} finding(s)`);
    const time = context.timings ? c.dim(` ${check.durationMs} ms`) : '';
    lines.push(`${check.id.padEnd(10)} ${status}${time}`);
    for (const note of check.notes) lines.push(`  ${c.dim(`note: ${note}`)}`);
  }
  const counts = countBySeverity(report.findings);
  const failed = failsAt(report.findings, context.failOn);
  const summary = `${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s) in ${report.filesInScope} file(s)`;
  const suppressed = report.suppressed > 0 ? `, ${report.suppressed} suppressed` : '';
  const time = context.timings ? ` (${report.durationMs} ms)` : '';
  lines.push('');
  lines.push(`${failed ? c.red(c.bold('✖ tollgate failed')) : c.green(c.bold('✔ tollgate passed'))}: ${summary}${suppressed}${time}; fails on ${context.failOn} or worse`);
  return `${lines.join('\n')}\n`;
};
