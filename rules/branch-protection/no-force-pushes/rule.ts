import { flagCriterion } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const noForcePushes = flagCriterion({
  meta: {
    id: 'branch-protection/no-force-pushes',
    description: 'Force pushes to the branch are blocked.',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that enables it, or turn it on in the branch protection rule or ruleset for this branch.',
  },
  policyKey: 'noForcePushes',
  settingKey: 'noForcePushes',
  requirement: (branch) => `force pushes to ${branch} are blocked`,
});

export const docs: CriterionDocs = {
  policyKey: 'noForcePushes',
  why: "A force push rewrites history: reviewed commits disappear and unreviewed ones take their place.",
  classic: "`allow_force_pushes.enabled` is false, and nobody is on the rule's force-push bypass list (`bypassForcePushAllowances`, which only GitHub's GraphQL API shows; \"Specify who can force push\" in the settings)",
  ruleset: "a `non_fast_forward` rule",
};
