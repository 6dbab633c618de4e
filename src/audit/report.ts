import { graphqlEndpoint } from '../github/client.ts';
import type { Verdict } from './criterion.ts';
import type { FixPlan } from './fix-plan.ts';
import type { AuditResult } from './audit.ts';
import { describeTier } from './scorecard.ts';

const MARK = { pass: 'pass', fail: 'FAIL', unknown: 'unknown' } as const;

/** One line per verdict, for the check's notes (text report, job summary, SARIF notifications). */
export function verdictLine(v: Verdict): string {
  return `${MARK[v.status]} ${v.ruleId}: ${v.requirement}${v.status === 'pass' ? ` (${v.reason})` : ''}`;
}

/** The notes the audit's check run carries: what was audited, every verdict, the Scorecard tier. */
export function auditNotes(result: Omit<AuditResult, 'findings'>, tokenSource: string): string[] {
  const { readout } = result;
  const sources = result.protection.sources.map((s) => (s.visible ? s.name : `${s.name} (hidden)`));
  const evaluating = result.protection.evaluating.map((r) => r.name);
  return [
    `${readout.owner}/${readout.repo} branch ${readout.branch}, token from ${tokenSource}; sources: ${sources.length > 0 ? sources.join(', ') : 'none (no classic protection, no ruleset)'}${evaluating.length > 0 ? `; in evaluate mode, not counted: ${evaluating.join(', ')}` : ''}`,
    ...result.verdicts.map(verdictLine),
    describeTier(result.tier),
    ...readout.evaluateMode.notes,
  ];
}

/** The fix plan as a human reads it: each request with its JSON body, then what was left out. */
export function renderPlan(plan: FixPlan, apiUrl: string): string {
  const lines: string[] = [];
  if (plan.requests.length === 0) lines.push('Fix plan: no request needed.');
  else lines.push(`Fix plan: ${plan.requests.length} request(s) to ${apiUrl} (send them with --apply):`);
  for (const r of plan.requests) {
    lines.push('', `${r.method} ${r.path}`);
    if (r.api === 'graphql') lines.push(`  # GraphQL, sent to ${graphqlEndpoint(apiUrl)}`);
    lines.push(`  # fixes ${r.fixes.join(', ')}`);
    if (r.body !== undefined) lines.push(...JSON.stringify(r.body, null, 2).split('\n').map((l) => `  ${l}`));
  }
  for (const note of plan.notes) lines.push('', `note: ${note}`);
  return `${lines.join('\n')}\n`;
}
