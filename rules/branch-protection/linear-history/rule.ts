import { flagCriterion } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const linearHistory = flagCriterion({
  meta: {
    id: 'branch-protection/linear-history',
    description: 'Merge commits are not allowed: the history stays linear.',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that enables it, or turn it on in the branch protection rule or ruleset for this branch.',
  },
  policyKey: 'linearHistory',
  settingKey: 'linearHistory',
  requirement: (branch) => `${branch} keeps a linear history (no merge commits)`,
});

export const docs: CriterionDocs = {
  policyKey: 'linearHistory',
  why: "A linear history makes every commit on the branch one reviewed change, easy to bisect and revert.",
  classic: "`required_linear_history.enabled`",
  ruleset: "a `required_linear_history` rule",
};
