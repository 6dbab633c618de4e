import { flagCriterion } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const conversationResolution = flagCriterion({
  meta: {
    id: 'branch-protection/conversation-resolution',
    description: 'Every review conversation must be resolved before merging.',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that enables it, or turn it on in the branch protection rule or ruleset for this branch.',
  },
  policyKey: 'conversationResolution',
  settingKey: 'conversationResolution',
  requirement: (branch) => `review conversations on pull requests into ${branch} are resolved before merging`,
});

export const docs: CriterionDocs = {
  policyKey: 'conversationResolution',
  why: "An open review comment is a question nobody answered; merging past it loses the question.",
  classic: "`required_conversation_resolution.enabled`",
  ruleset: "`pull_request` with `required_review_thread_resolution: true`",
};
