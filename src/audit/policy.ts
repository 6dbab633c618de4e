/**
 * The policy a branch is audited against: one flag or number per criterion, false/0 meaning
 * "not required". A preset gives the starting point; the config's `policy` overrides keys.
 */
export interface Policy {
  pullRequest: boolean;
  approvals: number;
  dismissStaleReviews: boolean;
  codeOwnerReview: boolean;
  lastPushApproval: boolean;
  conversationResolution: boolean;
  /** At least one required status check. */
  statusChecks: boolean;
  /** These named checks must be required (implies statusChecks). */
  requiredContexts: string[];
  strictStatusChecks: boolean;
  noForcePushes: boolean;
  noDeletions: boolean;
  linearHistory: boolean;
  signedCommits: boolean;
  /** Admins included, and no bypass actors on any source. */
  noBypass: boolean;
}

export const PRESET_NAMES = ['seed', 'scorecard-tier-1', 'scorecard-tier-2', 'scorecard-tier-3', 'scorecard-tier-4', 'scorecard-tier-5', 'none'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const NOTHING: Policy = {
  pullRequest: false,
  approvals: 0,
  dismissStaleReviews: false,
  codeOwnerReview: false,
  lastPushApproval: false,
  conversationResolution: false,
  statusChecks: false,
  requiredContexts: [],
  strictStatusChecks: false,
  noForcePushes: false,
  noDeletions: false,
  linearHistory: false,
  signedCommits: false,
  noBypass: false,
};

/**
 * OpenSSF Scorecard's Branch-Protection tiers (docs/checks.md): each tier adds to the one
 * before, and a tier only counts when every tier below it is met.
 * 1: no force push, no deletion, admins included; 2: ≥1 approval, up-to-date (strict) checks;
 * 3: status checks defined; 4: ≥2 approvals; 5: stale reviews dismissed, code-owner review.
 */
const TIER_ADDS: Partial<Policy>[] = [
  { noForcePushes: true, noDeletions: true, noBypass: true },
  { pullRequest: true, approvals: 1, strictStatusChecks: true },
  { statusChecks: true },
  { approvals: 2 },
  { dismissStaleReviews: true, codeOwnerReview: true },
];

export function scorecardTier(tier: number): Policy {
  return TIER_ADDS.slice(0, tier).reduce<Policy>((policy, add) => ({ ...policy, ...add }), { ...NOTHING });
}

/** Scorecard's score for the highest tier reached (0 when tier 1 is not met). */
export const TIER_SCORE = [0, 3, 6, 8, 9, 10] as const;

/**
 * The reference policy tollgate comes from: pull requests with an approval, required status
 * checks kept up to date, no force pushes, no deletions, admins included.
 */
export const SEED: Policy = {
  ...NOTHING,
  pullRequest: true,
  approvals: 1,
  statusChecks: true,
  strictStatusChecks: true,
  noForcePushes: true,
  noDeletions: true,
  noBypass: true,
};

export function presetPolicy(name: PresetName): Policy {
  if (name === 'seed') return { ...SEED };
  if (name === 'none') return { ...NOTHING };
  return scorecardTier(Number(name.slice('scorecard-tier-'.length)));
}

/** The preset with the config's overrides on top; named contexts imply status checks. */
export function resolvePolicy(preset: PresetName, overrides: Partial<Policy>): Policy {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<Policy>;
  const policy = { ...presetPolicy(preset), ...defined };
  if (policy.requiredContexts.length > 0) policy.statusChecks = true;
  if (policy.approvals > 0) policy.pullRequest = true;
  return policy;
}
