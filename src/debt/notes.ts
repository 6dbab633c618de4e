import { byRule, sourceOf } from './compare.ts';
import type { DebtOutcome } from './stage.ts';

/** Rules listed one by one in the report row; the rest are counted. */
const MAX_RULE_LINES = 15;

function countsOf(added: number, fixed: number): string {
  const parts = [added > 0 ? `${added} new` : '', fixed > 0 ? `${fixed} fixed` : ''].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** The lines of the `debt` row in a report: totals, rules that changed, what was written. */
export function debtNotes(outcome: DebtOutcome, ci: boolean): string[] {
  const { totals, baselinePath, comparison } = outcome;
  const lines: string[] = [];
  if (outcome.baselineExisted) {
    lines.push(`${baselinePath}: ${totals.baseline} → ${totals.current} warning(s)${countsOf(totals.added, totals.fixed)}`);
  } else if (outcome.action !== 'update') {
    lines.push(`no baseline at ${baselinePath} (${totals.current} warning(s) today)`);
  }
  if (outcome.baselineExisted) {
    const changed = byRule(comparison).filter((r) => r.state !== 'same');
    for (const r of changed.slice(0, MAX_RULE_LINES)) lines.push(`${r.ruleId}: ${r.baseline} → ${r.current}, ${r.state}${countsOf(r.added, r.fixed)}`);
    if (changed.length > MAX_RULE_LINES) lines.push(`… ${changed.length - MAX_RULE_LINES} more rule(s) changed: \`npx tollgate debt explain\` lists every one`);
  }
  if (comparison.renames.size > 0) {
    lines.push(`followed ${comparison.renames.size} renamed file(s): ${[...comparison.renames].map(([from, to]) => `${from} → ${to}`).join(', ')}`);
  }
  let carried = 0;
  const carriedSources = new Set<string>();
  for (const rules of comparison.carried.values()) {
    for (const [rule, fps] of rules) {
      carried += fps.length;
      carriedSources.add(sourceOf(rule));
    }
  }
  if (carried > 0) lines.push(`kept ${carried} baseline warning(s) of sources that did not run: ${[...carriedSources].sort().join(', ')}`);
  if (outcome.wrote) {
    const { kind, from, to } = outcome.wrote;
    if (kind === 'created') lines.push(`created ${baselinePath} with ${to} warning(s): commit it`);
    else if (kind === 'lowered') lines.push(`lowered ${baselinePath} from ${from} to ${to} warning(s): commit it`);
    else lines.push(`updated ${baselinePath}: ${from} → ${to} warning(s): commit it`);
  } else if (outcome.action === 'update') {
    lines.push(`${baselinePath} is up to date`);
  }
  if (outcome.stale && ci) lines.push('CI never writes the baseline: lower it locally and commit it');
  if (totals.added > 0 && outcome.action === 'check' && outcome.baselineExisted) {
    lines.push(`${totals.added} new warning(s): \`npx tollgate debt explain\` lists them; fix them, or accept them with \`npx tollgate debt update --accept-new\``);
  }
  return lines;
}
