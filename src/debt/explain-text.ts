import { printable } from '../reporters/text.ts';
import type { EntryComparison } from './compare.ts';
import type { DebtOutcome } from './stage.ts';

/** What `debt explain --format json` prints. */
export interface DebtExplanation {
  baseline: { path: string; exists: boolean; commit?: string };
  totals: DebtOutcome['totals'];
  new: { path: string; line: number; column: number; ruleId: string; message: string }[];
  fixed: { path: string; ruleId: string; line?: number; renamedFrom?: string }[];
  /** Every file and rule whose state is not "same". */
  changes: { path: string; ruleId: string; state: EntryComparison['state']; baseline: number; current: number; new: number; fixed: number; renamedFrom?: string }[];
  unchanged: number;
}

export function explanationOf(outcome: DebtOutcome): DebtExplanation {
  const entries = outcome.comparison.entries;
  return {
    baseline: { path: outcome.baselinePath, exists: outcome.baselineExisted, ...(outcome.baselineCommit ? { commit: outcome.baselineCommit } : {}) },
    totals: outcome.totals,
    new: entries.flatMap((e) =>
      e.added.map((w) => ({ path: e.path, line: w.finding.location.line, column: w.finding.location.column, ruleId: e.ruleId, message: w.finding.message })),
    ),
    fixed: entries.flatMap((e) => {
      const lines = outcome.fixedLines?.get(`${e.path}\0${e.ruleId}`) ?? [];
      return e.fixed.map((_, k) => {
        const line = lines[k];
        return { path: e.path, ruleId: e.ruleId, ...(line === undefined ? {} : { line }), ...(e.renamedFrom ? { renamedFrom: e.renamedFrom } : {}) };
      });
    }),
    changes: entries
      .filter((e) => e.state !== 'same' || e.renamedFrom !== undefined)
      .map((e) => ({
        path: e.path,
        ruleId: e.ruleId,
        state: e.state,
        baseline: e.baseline,
        current: e.current,
        new: e.added.length,
        fixed: e.fixed.length,
        ...(e.renamedFrom ? { renamedFrom: e.renamedFrom } : {}),
      })),
    unchanged: entries.filter((e) => e.state === 'same' && e.renamedFrom === undefined).length,
  };
}

function table(rows: string[][]): string[] {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows.map((row) => `  ${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd());
}

/** `debt explain` as text: which warnings are new (file:line), which were fixed, and each changed file and rule. */
export function renderExplanation(x: DebtExplanation): string {
  const out: string[] = [];
  const since = x.baseline.commit ? ` (last changed in ${x.baseline.commit.slice(0, 10)})` : '';
  if (!x.baseline.exists) {
    out.push(`No debt baseline at ${x.baseline.path}: every warning below is new. Create it with \`npx tollgate debt update\`.`);
  } else {
    out.push(`Debt baseline ${x.baseline.path}${since}: ${x.totals.baseline} → ${x.totals.current} warning(s), ${x.totals.added} new, ${x.totals.fixed} fixed.`);
  }
  out.push('', `New warnings (${x.new.length}):`);
  if (x.new.length === 0) out.push('  none');
  out.push(...table(x.new.map((n) => [`${printable(n.path)}:${n.line}:${n.column || 1}`, n.ruleId, printable(n.message.replace(/\r?\n/g, ' '))])));
  out.push('', `Fixed warnings (${x.fixed.length}):`);
  if (x.fixed.length === 0) out.push('  none');
  out.push(
    ...table(
      x.fixed.map((f) => [
        `${printable(f.path)}${f.line === undefined ? '' : `:${f.line}`}`,
        f.ruleId,
        [f.line !== undefined && x.baseline.commit ? `line as of ${x.baseline.commit.slice(0, 10)}` : '', f.renamedFrom ? `file was ${printable(f.renamedFrom)}` : ''].filter(Boolean).join('; '),
      ]),
    ),
  );
  out.push('', `By file and rule (${x.changes.length} changed, ${x.unchanged} the same):`);
  if (x.changes.length === 0) out.push('  nothing changed');
  out.push(
    ...table(
      x.changes.map((c) => [
        c.state,
        printable(c.path),
        c.ruleId,
        `${c.baseline} → ${c.current}`,
        [c.new > 0 ? `${c.new} new` : '', c.fixed > 0 ? `${c.fixed} fixed` : '', c.renamedFrom ? `renamed from ${printable(c.renamedFrom)}` : ''].filter(Boolean).join(', '),
      ]),
    ),
  );
  return `${out.join('\n')}\n`;
}
