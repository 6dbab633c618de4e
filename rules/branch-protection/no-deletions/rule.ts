import { flagCriterion } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const noDeletions = flagCriterion({
  meta: {
    id: 'branch-protection/no-deletions',
    description: 'The branch cannot be deleted.',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that enables it, or turn it on in the branch protection rule or ruleset for this branch.',
  },
  policyKey: 'noDeletions',
  settingKey: 'noDeletions',
  requirement: (branch) => `${branch} cannot be deleted`,
});

export const docs: CriterionDocs = {
  policyKey: 'noDeletions',
  why: "Deleting the branch deletes its protection with it; pushing it again starts from nothing.",
  classic: "`allow_deletions.enabled` is false",
  ruleset: "a `deletion` rule",
};
