import type { Finding, Severity } from '../findings/finding.ts';
import { belongsTo, type RunReport } from '../runner/run.ts';
import type { DebtRuleTrend, DebtTrend } from '../debt/trend.ts';
import type { SummaryTable } from '../checks/check.ts';
import { bySeverity, countBySeverity, describeCounts, failsAt, plural } from './counts.ts';
import { scopeLabel, type ReportContext } from './reporter.ts';
import { formatMs } from './duration.ts';

/** The findings table stops after this many rows; the SARIF file and JSON keep every finding. */
export const SUMMARY_ROW_CAP = 1000;
/** GitHub refuses a step summary over 1 MiB; the findings table stops well before that. */
export const SUMMARY_BYTE_BUDGET = 800 * 1024;
/** A message longer than this is cut in the table (the full text is in the log and SARIF). */
const MESSAGE_MAX = 500;

/** What the annotations could not show, for the note in the summary. */
export interface AnnotationShortfall {
  shown: Record<Severity, number>;
  heldBack: Record<Severity, number>;
}

/**
 * Plain text for a Markdown table cell: HTML and Markdown punctuation escaped (repository text
 * must not turn into links, emphasis or tags), pipes escaped, line breaks as `<br>`.
 */
export function cellText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters have no place in Markdown
      .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
      .replace(/\r\n|\r|\n/g, '<br>')
  );
}

/**
 * Text as an inline code span inside a table cell: a fence longer than any backtick run inside,
 * line breaks as spaces, and pipes escaped (GitHub splits cells on `|` even inside code).
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}


function where(f: Finding): string {
  if (!f.location.path) return '(repository)';
  return codeSpan(f.location.line > 0 ? `${f.location.path}:${f.location.line}` : f.location.path);
}

const ICON: Record<Severity, string> = { error: '🔴 error', warning: '🟡 warning', note: '🔵 note' };

function shortfallLine(shortfall: AnnotationShortfall): string | undefined {
  const parts = (['error', 'warning', 'note'] as const)
    .filter((s) => shortfall.heldBack[s] > 0)
    .map((s) => `${shortfall.shown[s]} of ${shortfall.shown[s] + shortfall.heldBack[s]} ${s}s`);
  if (parts.length === 0) return undefined;
  return `GitHub shows at most 10 annotations of each level per step, so only ${parts.join(', ')} appear as annotations. Every finding is in the table below.`;
}

/** A check's own figures (coverage per path) as a Markdown table; cells are plain text. */
export function tableSection(table: SummaryTable): string[] {
  return [
    `### ${cellText(table.title)}`,
    '',
    `| ${table.columns.map(cellText).join(' | ')} |`,
    `| ${table.columns.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${table.columns.map((_, i) => cellText(row[i] ?? '')).join(' | ')} |`),
  ];
}

/** Rules listed in the debt table; the rest are counted in one line. */
const DEBT_ROW_CAP = 50;

function trendCell(from: number | undefined, to: number): string {
  if (from === undefined) return '';
  const delta = to - from;
  return delta < 0 ? `▼ ${-delta}` : delta > 0 ? `▲ ${delta}` : '=';
}

/**
 * Warning debt per rule: the base branch's baseline, this branch's baseline, today's count and
 * the trend against the base (a rule that got worse sorts first).
 */
export function debtSection(debt: DebtTrend): string[] {
  const lines = [`### Warning debt (${codeSpan(debt.baselinePath)})`, ''];
  if (debt.baseNote) lines.push(`> ${cellText(debt.baseNote)}`, '');
  if (debt.rules.length === 0) return [...lines, 'No warning debt.'];
  // The base counts are all there or all missing (see debtTrend).
  const baseRef = debt.rules.every((r) => r.base !== undefined) ? debt.baseRef : undefined;
  const sum = (pick: (r: DebtRuleTrend) => number) => debt.rules.reduce((total, r) => total + pick(r), 0); // tollgate-ignore float: warning counts, not money
  const row = (name: string, base: number | undefined, r: Omit<DebtRuleTrend, 'ruleId' | 'base' | 'state'>, state: string) =>
    `| ${name} |${baseRef ? ` ${base ?? 0} |` : ''} ${r.baseline} | ${r.current} | ${r.added} | ${r.fixed} | ${state} |${baseRef ? ` ${trendCell(base, r.current)} |` : ''}`;
  lines.push(
    `| rule |${baseRef ? ` ${codeSpan(baseRef)} |` : ''} baseline | now | new | fixed | state |${baseRef ? ' trend |' : ''}`,
    `| --- |${baseRef ? ' ---: |' : ''} ---: | ---: | ---: | ---: | --- |${baseRef ? ' --- |' : ''}`,
  );
  const growth = (r: DebtRuleTrend) => r.current - (r.base ?? r.baseline);
  const worseFirst = [...debt.rules].sort((a, b) => growth(b) - growth(a));
  for (const r of worseFirst.slice(0, DEBT_ROW_CAP)) lines.push(row(codeSpan(r.ruleId), r.base, r, r.state));
  const totals = { baseline: sum((r) => r.baseline), current: sum((r) => r.current), added: sum((r) => r.added), fixed: sum((r) => r.fixed) };
  lines.push(row('**total**', baseRef ? sum((r) => r.base ?? 0) : undefined, totals, ''));
  if (debt.rules.length > DEBT_ROW_CAP) lines.push('', `…and ${debt.rules.length - DEBT_ROW_CAP} more rule(s): \`npx tollgate debt explain\` lists every one.`);
  return lines;
}

/**
 * The job summary as Markdown: the verdict, one row per check with counts and timings, then
 * every finding (most severe first) up to SUMMARY_ROW_CAP rows and SUMMARY_BYTE_BUDGET bytes.
 */
export function summaryMarkdown(report: RunReport, context: ReportContext, shortfall?: AnnotationShortfall): string {
  const counts = countBySeverity(report.findings);
  const failed = failsAt(report.findings, context.failOn);
  const lines = [
    `## tollgate: ${failed ? '❌ failed' : '✅ passed'}`,
    '',
    `${describeCounts(counts)} in ${plural(report.filesInScope, 'file')} (${scopeLabel(report.mode)}); fails on **${context.failOn}** or worse.` +
      (report.suppressed > 0 ? ` ${report.suppressed} suppressed inline.` : ''),
    '',
    '| check | result | errors | warnings | notes | time |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  ];
  for (const check of report.checks) {
    const mine = report.findings.filter((f) => belongsTo(f, check));
    const c = countBySeverity(mine);
    const result = check.crashed ? '💥 crashed' : mine.length === 0 ? '✅ ok' : failsAt(mine, context.failOn) ? '❌ fails' : '⚠️ findings';
    lines.push(`| ${cellText(check.id)} | ${result} | ${c.error} | ${c.warning} | ${c.note} | ${formatMs(check.durationMs)} |`);
  }
  // Findings of no listed check (the suppression rule, 'tollgate/...') still count in the total.
  lines.push(`| **total** | ${failed ? '❌' : '✅'} | ${counts.error} | ${counts.warning} | ${counts.note} | ${formatMs(report.durationMs)} |`);

  const notes = report.checks.flatMap((c) => [
    ...(c.crashed ? [`- ${cellText(c.id)} crashed: ${cellText(c.crashed)}`] : []),
    ...c.notes.map((n) => `- ${cellText(c.id)}: ${cellText(n)}`),
  ]);
  if (notes.length > 0) lines.push('', '**Notes**', '', ...notes);

  for (const check of report.checks) if (check.table) lines.push('', ...tableSection(check.table));
  if (report.debt) lines.push('', ...debtSection(report.debt));

  const shortfallText = shortfall ? shortfallLine(shortfall) : undefined;
  if (shortfallText) lines.push('', `> ${shortfallText}`);

  if (report.findings.length > 0) {
    lines.push('', `<details open><summary>Findings (${report.findings.length})</summary>`, '', '| severity | location | rule | message |', '| --- | --- | --- | --- |');
    let bytes = Buffer.byteLength(lines.join('\n'));
    let written = 0;
    const advised = new Set<string>();
    for (const f of bySeverity(report.findings)) {
      if (written >= SUMMARY_ROW_CAP) break;
      // Fix advice shared by many findings of a rule is shown on its first row only.
      const advice = f.fix && !f.fix.applied ? `${f.ruleId}\0${f.fix.description}` : undefined;
      const fix = f.fix?.applied ? ' (fixed)' : f.fix && advice && !advised.has(advice) ? `<br>Fix: ${cellText(f.fix.description)}` : '';
      if (advice) advised.add(advice);
      const row = `| ${ICON[f.severity]} | ${where(f)} | ${codeSpan(f.ruleId)} | ${cellText(clip(f.message, MESSAGE_MAX))}${fix} |`;
      bytes += Buffer.byteLength(row) + 1;
      if (bytes > SUMMARY_BYTE_BUDGET) break;
      lines.push(row);
      written++;
    }
    const rest = report.findings.length - written;
    if (rest > 0) lines.push('', `…and ${plural(rest, 'more finding')} not listed here (a job summary is limited in size): the SARIF file and \`--format json\` hold them all.`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
