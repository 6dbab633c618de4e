import { flagCriterion } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const pullRequest = flagCriterion({
  meta: {
    id: 'branch-protection/pull-request',
    description: 'Changes must reach the branch through pull requests (nobody pushes straight to it).',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that enables it, or turn it on in the branch protection rule or ruleset for this branch.',
  },
  policyKey: 'pullRequest',
  settingKey: 'pullRequest',
  requirement: (branch) => `changes reach ${branch} only through pull requests`,
});

export const docs: CriterionDocs = {
  policyKey: 'pullRequest',
  why: "A direct push skips review and the required checks: the commit lands first and is looked at later, if ever.",
  classic: "`required_pull_request_reviews` is set (not null)",
  ruleset: "a `pull_request` rule",
};
