import { flagCriterion } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const lastPushApproval = flagCriterion({
  meta: {
    id: 'branch-protection/last-push-approval',
    description: 'The most recent push must be approved by someone other than its author.',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that enables it, or turn it on in the branch protection rule or ruleset for this branch.',
  },
  policyKey: 'lastPushApproval',
  settingKey: 'lastPushApproval',
  requirement: (branch) => `the last push to a pull request into ${branch} is approved by someone else`,
});

export const docs: CriterionDocs = {
  policyKey: 'lastPushApproval',
  why: "Otherwise an author can push a last unreviewed change after the approval and merge it.",
  classic: "`required_pull_request_reviews.require_last_push_approval`",
  ruleset: "`pull_request` with `require_last_push_approval: true`",
};
