import type { Rule } from '../rules/rule.ts';
import { fromActions, type EffectiveProtection, type RequiredCheck } from './effective.ts';
import type { ProducedCheck } from './workflow-checks.ts';

export interface CrossCheckReport {
  status: 'fail' | 'unknown';
  message: string;
  /** The workflow file the finding is about, or '' for the repository. */
  path: string;
  line: number;
}

export interface CrossCheckContext {
  branch: string;
  /** Required checks of every visible source. */
  required: RequiredCheck[];
  /** Set when a source hides its required checks: the list above may be incomplete. */
  requiredHidden: string | undefined;
  produced: ProducedCheck[];
  /** Names produced outside this repository's workflows (config externalChecks). */
  externalChecks: string[];
  /** Names the config declares as gates (config gateJobs). */
  gateJobs: string[];
  report(report: CrossCheckReport): void;
}

export type CrossCheckRule = Rule<CrossCheckContext>;

export interface CrossCheckResult extends CrossCheckReport {
  ruleId: string;
}

/** The inputs of the cross-check, from the effective protection and the workflows. */
export function crossCheckInputs(protection: EffectiveProtection): Pick<CrossCheckContext, 'required' | 'requiredHidden'> {
  const required: RequiredCheck[] = [];
  const hidden: string[] = [];
  for (const s of protection.sources) {
    if (!s.visible) hidden.push(`${s.name}: ${s.reason}`);
    else {
      required.push(...(s.settings.requiredChecks ?? []));
      const why = s.unknown.get('requiredChecks');
      if (why) hidden.push(`${s.name}: ${why}`);
    }
  }
  return { required, requiredHidden: hidden.length > 0 ? hidden.join('; ') : undefined };
}

export function runCrossCheck(rules: readonly CrossCheckRule[], context: Omit<CrossCheckContext, 'report'>): CrossCheckResult[] {
  const results: CrossCheckResult[] = [];
  for (const rule of rules) void rule.create({ ...context, report: (r) => results.push({ ruleId: rule.meta.id, ...r }) });
  return results;
}

/** Required checks that come from GitHub Actions and are not declared external. */
export function actionsChecks(context: CrossCheckContext): RequiredCheck[] {
  const seen = new Set<string>();
  return context.required.filter((c) => {
    if (!fromActions(c) || context.externalChecks.includes(c.context) || seen.has(c.context)) return false;
    seen.add(c.context);
    return true;
  });
}
