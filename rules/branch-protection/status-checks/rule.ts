import { judgeSetting, type CriterionRule } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const statusChecks: CriterionRule = {
  meta: {
    id: 'branch-protection/status-checks',
    description: 'At least one status check must pass before a pull request merges.',
    severity: 'error',
    fixable: true,
    fixHint: 'Require your CI gate job as a status check: list it in branchProtection.policy.requiredContexts and run `tollgate audit branch-protection --fix`.',
  },
  applies: (policy) => policy.statusChecks,
  requirement: (_policy, branch) => `at least one status check is required on ${branch}`,
  create(context) {
    context.report(judgeSetting(context.protection, 'requiredChecks', (checks) => checks.length > 0));
  },
};

export const docs: CriterionDocs = {
  policyKey: 'statusChecks',
  why: 'A CI run that is not required is advice: the merge button stays green while it fails.',
  classic: '`required_status_checks.contexts` / `checks` (readable without admin rights from `GET /repos/{owner}/{repo}/branches/{branch}`)',
  ruleset: '`required_status_checks` with `required_status_checks[].context`',
};
