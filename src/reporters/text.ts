import pc from 'picocolors';
import type { Finding, Severity } from '../findings/finding.ts';
import type { CheckRun } from '../runner/run.ts';
import { countBySeverity, describeCounts, failsAt, plural } from './counts.ts';
import { formatMs } from './duration.ts';
import type { Renderer } from './reporter.ts';

/** Column where message text starts: 2 spaces, position (8), space, severity (7), space. */
const MESSAGE_COLUMN = 19;
const INDENT = ' '.repeat(MESSAGE_COLUMN);
/** Snippets longer than this (minified code, data lines) are cut for the terminal. */
const SNIPPET_MAX = 160;

/**
 * Text from repositories can hold terminal control sequences (ESC, BEL, backspace, C1 codes),
 * bidirectional overrides and invisible characters (zero-width spaces, a byte-order mark). Printed
 * raw they could repaint the screen, hide lines, reorder or hide what the reader sees, so each
 * becomes a visible escape (`\x1b`, `\u202e`, `\ufeff`). Tabs stay; line breaks are handled by
 * the caller.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function groupByPath(findings: readonly Finding[]): Map<string, Finding[]> {
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byPath.get(f.location.path) ?? [];
    list.push(f);
    byPath.set(f.location.path, list);
  }
  return byPath;
}

/** Human output: findings grouped by file, then one line per check and a verdict. */
export const renderText: Renderer = (report, context) => {
  const c = pc.createColors(context.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, note: c.cyan };
  const lines: string[] = [];

  for (const [filePath, findings] of groupByPath(report.findings)) {
    lines.push(c.underline(filePath ? printable(filePath.replace(/\r?\n/g, ' ')) : '(repository)'));
    const advised = new Set<string>();
    for (const f of findings) {
      const pos = f.location.line > 0 ? `${f.location.line}:${f.location.column || 1}` : '-';
      const fixed = f.fix?.applied ? c.green(' (fixed)') : '';
      const message = f.message
        .split(/\r?\n/)
        .map((line) => printable(line))
        .join(`\n${INDENT}`);
      lines.push(`  ${c.dim(pos.padEnd(8))} ${paint[f.severity](f.severity.padEnd(7))} ${message}${fixed}  ${c.dim(f.ruleId)}`);
      if (f.snippet) {
        const first = f.snippet.split(/\r?\n/)[0] ?? '';
        lines.push(`${INDENT}${c.dim(printable(clip(first, SNIPPET_MAX)))}`);
      }
      // The same advice for the same rule is printed once per file, not under every line.
      const advice = f.fix && !f.fix.applied ? `${f.ruleId}\0${f.fix.description}` : undefined;
      if (f.fix && advice && !advised.has(advice)) {
        advised.add(advice);
        lines.push(`${INDENT}${c.dim(`fix: ${printable(f.fix.description.replace(/\r?\n/g, ' '))}`)}`);
      }
    }
    lines.push('');
  }

  const idWidth = Math.max(10, ...report.checks.map((check) => check.id.length + 1));
  for (const check of report.checks) lines.push(...checkLines(check, idWidth, context.timings, c, paint));

  const counts = countBySeverity(report.findings);
  const failed = failsAt(report.findings, context.failOn);
  const summary = `${describeCounts(counts)} in ${plural(report.filesInScope, 'file')}`;
  const suppressed = report.suppressed > 0 ? `, ${report.suppressed} suppressed inline` : '';
  const time = context.timings ? ` in ${formatMs(report.durationMs)}` : '';
  lines.push('');
  lines.push(`${failed ? c.red(c.bold('✖ tollgate failed')) : c.green(c.bold('✔ tollgate passed'))}: ${summary}${suppressed}${time}; fails on ${context.failOn} or worse`);
  return `${lines.join('\n')}\n`;
};

function checkLines(
  check: CheckRun,
  idWidth: number,
  timings: boolean,
  c: ReturnType<typeof pc.createColors>,
  paint: Record<Severity, (s: string) => string>,
): string[] {
  const label = check.crashed ? 'crashed' : check.findingCount === 0 ? 'ok' : plural(check.findingCount, 'finding');
  const status = check.crashed ? c.red(label) : check.findingCount === 0 ? c.green(label) : paint.warning(label);
  // Pad the plain label, not the coloured one: escape codes have no width on screen.
  const time = timings ? `${' '.repeat(Math.max(1, 14 - label.length))}${c.dim(formatMs(check.durationMs).padStart(8))}` : '';
  const out = [`${check.id.padEnd(idWidth)} ${status}${time}`];
  for (const note of check.notes) out.push(`  ${c.dim(`note: ${printable(note.replace(/\r?\n/g, ' '))}`)}`);
  return out;
}
