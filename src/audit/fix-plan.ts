import type { ClassicProtectionBody, RulesetBody } from './api-shapes.ts';
import { CLEAR_FORCE_PUSH_BYPASS_MUTATION, isEmpty } from './classic-graphql.ts';
import { settingsOrNone, type RequiredCheck } from './effective.ts';
import type { Verdict } from './criterion.ts';
import type { Policy } from './policy.ts';
import type { Readout } from './read.ts';

/** One API call of a fix plan: exactly what `--apply` sends. */
export interface PlannedRequest {
  method: 'PUT' | 'POST' | 'PATCH';
  /** Path under the API root, e.g. /repos/acme/payments/branches/main/protection; /graphql for GraphQL. */
  path: string;
  /** Set for a GraphQL request (body: query and variables), which goes to the GraphQL endpoint. */
  api?: 'graphql';
  body: Record<string, unknown> | undefined;
  /** The rule ids this request fixes. */
  fixes: string[];
}

export interface FixPlan {
  requests: PlannedRequest[];
  /** What the plan cannot do, and why (a hidden source, an organization ruleset). */
  notes: string[];
}

const CLASSIC_FIXES = new Set([
  'pull-request',
  'approvals',
  'dismiss-stale-reviews',
  'code-owner-review',
  'last-push-approval',
  'conversation-resolution',
  'status-checks',
  'required-contexts',
  'strict-status-checks',
  'no-force-pushes',
  'no-deletions',
  'linear-history',
  'no-bypass',
].map((n) => `branch-protection/${n}`));

function logins(list: ClassicProtectionBody['restrictions']): { users: string[]; teams: string[]; apps: string[] } | null {
  if (!list) return null;
  return {
    users: (list.users ?? []).map((u) => u.login ?? '').filter(Boolean),
    teams: (list.teams ?? []).map((t) => t.slug ?? '').filter(Boolean),
    apps: (list.apps ?? []).map((a) => a.slug ?? '').filter(Boolean),
  };
}

function mergeChecks(current: RequiredCheck[], wanted: string[]): { context: string; app_id?: number }[] {
  const out = current.map((c) => (c.appId === undefined ? { context: c.context } : { context: c.context, app_id: c.appId }));
  for (const context of wanted) if (!out.some((c) => c.context === context)) out.push({ context });
  return out;
}

/**
 * The classic protection body that meets the policy without weakening anything already on:
 * each setting is the current value or the policy's, whichever is stricter. PUT replaces the
 * whole protection, so every part the policy does not touch is sent back as it is.
 */
export function classicBody(current: ClassicProtectionBody | undefined, policy: Policy): Record<string, unknown> {
  const now = settingsOrNone(current ? currentSettings(current) : {});
  const reviews = current?.required_pull_request_reviews ?? undefined;
  const wantsReviews = now.pullRequest || policy.pullRequest;
  const checks = mergeChecks(now.requiredChecks, policy.requiredContexts);
  // Strict alone is valid (Scorecard tier 2 asks for it before any named check).
  const wantsChecks = checks.length > 0 || policy.statusChecks || policy.strictStatusChecks;
  return {
    required_status_checks: wantsChecks ? { strict: now.strictStatusChecks || policy.strictStatusChecks, checks } : null,
    enforce_admins: policy.noBypass || current?.enforce_admins?.enabled === true,
    required_pull_request_reviews: wantsReviews
      ? {
          dismiss_stale_reviews: now.dismissStaleReviews || policy.dismissStaleReviews,
          require_code_owner_reviews: now.codeOwnerReview || policy.codeOwnerReview,
          required_approving_review_count: Math.max(now.approvals, policy.approvals),
          require_last_push_approval: now.lastPushApproval || policy.lastPushApproval,
          ...(policy.noBypass ? { bypass_pull_request_allowances: { users: [], teams: [], apps: [] } } : reviews?.bypass_pull_request_allowances ? { bypass_pull_request_allowances: logins(reviews.bypass_pull_request_allowances) } : {}),
        }
      : null,
    restrictions: logins(current?.restrictions),
    required_linear_history: now.linearHistory || policy.linearHistory,
    allow_force_pushes: !(now.noForcePushes || policy.noForcePushes),
    allow_deletions: !(now.noDeletions || policy.noDeletions),
    required_conversation_resolution: now.conversationResolution || policy.conversationResolution,
  };
}

function currentSettings(body: ClassicProtectionBody) {
  const r = body.required_pull_request_reviews;
  const c = body.required_status_checks;
  return {
    pullRequest: Boolean(r),
    approvals: r?.required_approving_review_count ?? 0,
    dismissStaleReviews: r?.dismiss_stale_reviews ?? false,
    codeOwnerReview: r?.require_code_owner_reviews ?? false,
    lastPushApproval: r?.require_last_push_approval ?? false,
    conversationResolution: body.required_conversation_resolution?.enabled ?? false,
    requiredChecks: c ? (c.checks ?? (c.contexts ?? []).map((context) => ({ context, app_id: null }))).map((x) => ({ context: x.context, appId: x.app_id ?? undefined })) : [],
    strictStatusChecks: c?.strict ?? false,
    noForcePushes: body.allow_force_pushes?.enabled === false,
    noDeletions: body.allow_deletions?.enabled === false,
    linearHistory: body.required_linear_history?.enabled ?? false,
    signedCommits: body.required_signatures?.enabled ?? false,
  };
}

const NO_FORCE_PUSHES = 'branch-protection/no-force-pushes';
const NO_BYPASS = 'branch-protection/no-bypass';

/**
 * The requests that bring the branch to the policy, from the failing verdicts. Classic
 * protection carries every criterion, so one PUT of the whole protection fixes all but
 * signed commits (their own endpoint), the force-push bypass list (a GraphQL mutation: REST
 * has no field for it) and ruleset bypass lists (a PUT of each ruleset).
 * A plan is only made from what the token can see: hidden classic protection gets a note,
 * never a blind overwrite.
 */
export function planFix(readout: Readout, policy: Policy, verdicts: Verdict[]): FixPlan {
  const failing = verdicts.filter((v) => v.status === 'fail').map((v) => v.ruleId);
  const base = `/repos/${readout.owner}/${readout.repo}/branches/${encodeURIComponent(readout.branch)}/protection`;
  const plan: FixPlan = { requests: [], notes: [] };
  const rule = readout.classicRule?.state === 'ok' && !isEmpty(readout.classicRule.value.forcePushBypass) ? readout.classicRule.value : undefined;
  const restBlocksForcePushes = readout.classic.state === 'ok' && readout.classic.value.allow_force_pushes?.enabled === false;
  const classicFixes = failing.filter(
    (id) => CLASSIC_FIXES.has(id) && !(id === NO_BYPASS && !restFixableBypass(readout)) && !(id === NO_FORCE_PUSHES && rule && restBlocksForcePushes),
  );
  const signed = failing.includes('branch-protection/signed-commits');
  if (readout.classic.state === 'hidden') {
    if (classicFixes.length > 0 || signed) plan.notes.push(`No fix is planned for ${failing.join(', ')}: ${readout.classic.reason}`);
  } else {
    const current = readout.classic.state === 'ok' ? readout.classic.value : undefined;
    if (classicFixes.length > 0) plan.requests.push({ method: 'PUT', path: base, body: classicBody(current, policy), fixes: classicFixes });
    if (signed) plan.requests.push({ method: 'POST', path: `${base}/required_signatures`, body: undefined, fixes: ['branch-protection/signed-commits'] });
  }
  const forcePushFixes = failing.filter((id) => id === NO_FORCE_PUSHES || id === NO_BYPASS);
  if (rule && forcePushFixes.length > 0) {
    // After the PUT, so that whatever the PUT does to the rule, the list ends up empty.
    plan.requests.push({ method: 'POST', path: '/graphql', api: 'graphql', body: { query: CLEAR_FORCE_PUSH_BYPASS_MUTATION, variables: { id: rule.id } }, fixes: forcePushFixes });
  }
  if (failing.includes('branch-protection/no-bypass')) planRulesetBypass(readout, plan);
  const unknown = verdicts.filter((v) => v.status === 'unknown').map((v) => v.ruleId);
  if (unknown.length > 0) plan.notes.push(`Not planned, because the token cannot see whether they are met: ${unknown.join(', ')}.`);
  return plan;
}

/** Whether classic protection has a bypass the REST PUT removes: admins not included, or pull-request bypass allowances. */
function restFixableBypass(readout: Readout): boolean {
  if (readout.classic.state !== 'ok') return false;
  const body = readout.classic.value;
  const rest = body.required_pull_request_reviews?.bypass_pull_request_allowances;
  const restCount = (rest?.users?.length ?? 0) + (rest?.teams?.length ?? 0) + (rest?.apps?.length ?? 0);
  const graphql = readout.classicRule?.state === 'ok' && !isEmpty(readout.classicRule.value.pullRequestBypass);
  return body.enforce_admins?.enabled !== true || restCount > 0 || graphql;
}

function planRulesetBypass(readout: Readout, plan: FixPlan): void {
  for (const [id, read] of readout.rulesets) {
    if (read.state !== 'ok' || !read.value.bypass_actors || read.value.bypass_actors.length === 0) continue;
    const ruleset: RulesetBody = read.value;
    if (ruleset.source_type === 'Organization') {
      plan.requests.push({ method: 'PUT', path: `/orgs/${ruleset.source ?? readout.owner}/rulesets/${id}`, body: { bypass_actors: [] }, fixes: ['branch-protection/no-bypass'] });
    } else {
      plan.requests.push({ method: 'PUT', path: `/repos/${readout.owner}/${readout.repo}/rulesets/${id}`, body: { bypass_actors: [] }, fixes: ['branch-protection/no-bypass'] });
    }
  }
}
