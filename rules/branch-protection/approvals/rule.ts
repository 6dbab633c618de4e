import { evaluateModeNote, judgeSetting, strongest, type CriterionRule } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const approvals: CriterionRule = {
  meta: {
    id: 'branch-protection/approvals',
    description: 'Pull requests need at least the policy’s number of approving reviews.',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that sets the approval count, or raise "Required approvals" in the branch protection rule or ruleset.',
  },
  applies: (policy) => policy.approvals > 0,
  requirement: (policy, branch) => `pull requests into ${branch} need ${policy.approvals} approving review(s)`,
  create(context) {
    const wanted = context.policy.approvals;
    const enough = (n: number): boolean => n >= wanted;
    const outcome = judgeSetting(context.protection, 'approvals', enough);
    if (outcome.status === 'fail') {
      const most = strongest(context.protection, 'approvals');
      const evaluating = evaluateModeNote(context.protection, 'approvals', enough);
      context.report({ status: 'fail', reason: most > 0 ? `the most any source requires is ${most}${evaluating}` : `no source requires an approving review (${outcome.reason})` });
      return;
    }
    context.report(outcome);
  },
};

export const docs: CriterionDocs = {
  policyKey: 'approvals',
  why: 'One approving review is the difference between "someone else read this" and "the author merged it". Scorecard asks for 1 at tier 2 and 2 at tier 4.',
  classic: '`required_pull_request_reviews.required_approving_review_count`',
  ruleset: '`pull_request` with `required_approving_review_count` (the highest across rulesets counts)',
};
