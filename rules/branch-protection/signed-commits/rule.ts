import { flagCriterion } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const signedCommits = flagCriterion({
  meta: {
    id: 'branch-protection/signed-commits',
    description: 'Commits must carry verified signatures.',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that enables it, or turn it on in the branch protection rule or ruleset for this branch.',
  },
  policyKey: 'signedCommits',
  settingKey: 'signedCommits',
  requirement: (branch) => `commits on ${branch} carry verified signatures`,
});

export const docs: CriterionDocs = {
  policyKey: 'signedCommits',
  why: "A signature ties each commit to a key its author holds, not just to a name anyone can type into git config.",
  classic: "`required_signatures.enabled` (also readable at `/protection/required_signatures`)",
  ruleset: "a `required_signatures` rule",
};
