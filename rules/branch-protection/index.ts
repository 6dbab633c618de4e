import type { CriterionRule } from '../../src/audit/criterion.ts';
import type { CrossCheckRule } from '../../src/audit/cross-check.ts';
import type { CriterionDocs } from '../../src/audit/rule-docs.ts';
import * as approvals from './approvals/rule.ts';
import { checkNeverProduced } from './check-never-produced/rule.ts';
import * as codeOwnerReview from './code-owner-review/rule.ts';
import * as conversationResolution from './conversation-resolution/rule.ts';
import * as dismissStaleReviews from './dismiss-stale-reviews/rule.ts';
import { gateNotRequired } from './gate-not-required/rule.ts';
import * as lastPushApproval from './last-push-approval/rule.ts';
import * as linearHistory from './linear-history/rule.ts';
import * as noBypass from './no-bypass/rule.ts';
import * as noDeletions from './no-deletions/rule.ts';
import * as noForcePushes from './no-force-pushes/rule.ts';
import * as pullRequest from './pull-request/rule.ts';
import * as requiredContexts from './required-contexts/rule.ts';
import * as signedCommits from './signed-commits/rule.ts';
import * as statusChecks from './status-checks/rule.ts';
import * as strictStatusChecks from './strict-status-checks/rule.ts';

/** The criteria with their docs, in report order: reviews, checks, history, bypass. */
export const CRITERIA_WITH_DOCS: readonly { rule: CriterionRule; docs: CriterionDocs }[] = [
  { rule: pullRequest.pullRequest, docs: pullRequest.docs },
  { rule: approvals.approvals, docs: approvals.docs },
  { rule: dismissStaleReviews.dismissStaleReviews, docs: dismissStaleReviews.docs },
  { rule: codeOwnerReview.codeOwnerReview, docs: codeOwnerReview.docs },
  { rule: lastPushApproval.lastPushApproval, docs: lastPushApproval.docs },
  { rule: conversationResolution.conversationResolution, docs: conversationResolution.docs },
  { rule: statusChecks.statusChecks, docs: statusChecks.docs },
  { rule: requiredContexts.requiredContexts, docs: requiredContexts.docs },
  { rule: strictStatusChecks.strictStatusChecks, docs: strictStatusChecks.docs },
  { rule: noForcePushes.noForcePushes, docs: noForcePushes.docs },
  { rule: noDeletions.noDeletions, docs: noDeletions.docs },
  { rule: linearHistory.linearHistory, docs: linearHistory.docs },
  { rule: signedCommits.signedCommits, docs: signedCommits.docs },
  { rule: noBypass.noBypass, docs: noBypass.docs },
];

export const CRITERION_RULES: readonly CriterionRule[] = CRITERIA_WITH_DOCS.map((c) => c.rule);

/** The workflow cross-check: required checks against the jobs in .github/workflows. */
export const CROSS_CHECK_RULES: readonly CrossCheckRule[] = [checkNeverProduced, gateNotRequired];

export const BRANCH_PROTECTION_RULES: readonly { meta: CriterionRule['meta'] }[] = [...CRITERION_RULES, ...CROSS_CHECK_RULES];
