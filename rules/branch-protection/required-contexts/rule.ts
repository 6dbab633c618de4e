import { judgeContexts, type CriterionRule } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const requiredContexts: CriterionRule = {
  meta: {
    id: 'branch-protection/required-contexts',
    description: 'Every status check named in branchProtection.policy.requiredContexts is required on the branch.',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that adds the missing checks, or add them under "Require status checks to pass".',
  },
  applies: (policy) => policy.requiredContexts.length > 0,
  requirement: (policy, branch) => `${branch} requires the checks ${policy.requiredContexts.join(', ')}`,
  create(context) {
    context.report(judgeContexts(context.protection, context.policy.requiredContexts));
  },
};

export const docs: CriterionDocs = {
  policyKey: 'requiredContexts',
  why: 'The policy names the gates a merge must pass (the reference policy has six); a gate missing from the required list can fail and still merge.',
  classic: '`required_status_checks.contexts` / `checks[].context`',
  ruleset: '`required_status_checks` with `required_status_checks[].context` (checks from all rulesets and classic protection add up)',
};
