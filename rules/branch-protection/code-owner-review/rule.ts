import { flagCriterion } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const codeOwnerReview = flagCriterion({
  meta: {
    id: 'branch-protection/code-owner-review',
    description: 'A code owner (CODEOWNERS) must approve changes to the files they own.',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that enables it, or turn it on in the branch protection rule or ruleset for this branch.',
  },
  policyKey: 'codeOwnerReview',
  settingKey: 'codeOwnerReview',
  requirement: (branch) => `a code owner approves changes to the files they own on ${branch}`,
});

export const docs: CriterionDocs = {
  policyKey: 'codeOwnerReview',
  why: "The people who know the payment or ledger code are the ones who must see changes to it.",
  classic: "`required_pull_request_reviews.require_code_owner_reviews`",
  ruleset: "`pull_request` with `require_code_owner_review: true`",
};
