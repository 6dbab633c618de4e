import type { DraftFinding } from '../findings/finding.ts';
import type { Rule } from '../rules/rule.ts';
import type { Comparison, DebtTotals, DebtWarning } from './compare.ts';

/** The command that writes the baseline from today's warnings (dropping fixed ones). */
export const UPDATE_COMMAND = 'npx tollgate debt update';
/** The command that also accepts new warnings into the baseline. */
export const ACCEPT_COMMAND = 'npx tollgate debt update --accept-new';

/** What the debt stage decided, for the debt rules to report on. */
export interface DebtRuleContext {
  baselinePath: string;
  /** No baseline file, and the run needs one (`debt check`, or debt.required). */
  missing: boolean;
  /** Warnings the baseline does not list (empty when they are being accepted). */
  added: readonly DebtWarning[];
  /** The baseline lists warnings that are gone and was not lowered (CI, or ratchet off). */
  stale: { totals: DebtTotals; comparison: Comparison; silentSources: readonly string[] } | undefined;
  /** The rule's own id, check id and severity are filled in by the stage. */
  report(finding: Omit<DraftFinding, 'checkId' | 'ruleId' | 'severity'>): void;
}

export type DebtRule = Rule<DebtRuleContext>;
