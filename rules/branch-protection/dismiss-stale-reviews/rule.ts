import { flagCriterion } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const dismissStaleReviews = flagCriterion({
  meta: {
    id: 'branch-protection/dismiss-stale-reviews',
    description: 'New commits pushed to a pull request dismiss the approvals given before them.',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that enables it, or turn it on in the branch protection rule or ruleset for this branch.',
  },
  policyKey: 'dismissStaleReviews',
  settingKey: 'dismissStaleReviews',
  requirement: (branch) => `new commits on a pull request into ${branch} dismiss earlier approvals`,
});

export const docs: CriterionDocs = {
  policyKey: 'dismissStaleReviews',
  why: "Without it, an approval of a harmless first version also approves whatever is pushed after it.",
  classic: "`required_pull_request_reviews.dismiss_stale_reviews`",
  ruleset: "`pull_request` with `dismiss_stale_reviews_on_push: true`",
};
