import { describe, expect, it } from 'vitest';
import { resolvePolicy, scorecardTier } from '../../src/audit/policy.ts';
import { parseConfig } from '../../src/config/load.ts';
import { isUserError } from '../../src/errors/user-error.ts';

describe('branch-protection policy and presets', () => {
  it('builds the Scorecard tiers cumulatively, as Scorecard scores them', () => {
    expect(scorecardTier(1)).toMatchObject({ noForcePushes: true, noDeletions: true, noBypass: true, approvals: 0, statusChecks: false });
    expect(scorecardTier(2)).toMatchObject({ noForcePushes: true, approvals: 1, strictStatusChecks: true, statusChecks: false });
    expect(scorecardTier(3)).toMatchObject({ approvals: 1, statusChecks: true });
    expect(scorecardTier(4)).toMatchObject({ approvals: 2, codeOwnerReview: false });
    expect(scorecardTier(5)).toMatchObject({ approvals: 2, dismissStaleReviews: true, codeOwnerReview: true });
  });

  it('seed is the reference policy: reviews, up-to-date required checks, no force push or deletion, admins included', () => {
    expect(resolvePolicy('seed', {})).toMatchObject({ pullRequest: true, approvals: 1, statusChecks: true, strictStatusChecks: true, noForcePushes: true, noDeletions: true, noBypass: true, linearHistory: false, signedCommits: false });
  });

  it('lets config keys override the preset; named contexts imply status checks and approvals imply pull requests', () => {
    const policy = resolvePolicy('none', { requiredContexts: ['gate'], approvals: 2, noBypass: undefined });
    expect(policy).toMatchObject({ statusChecks: true, requiredContexts: ['gate'], pullRequest: true, approvals: 2, noBypass: false });
    expect(resolvePolicy('scorecard-tier-5', { codeOwnerReview: false }).codeOwnerReview).toBe(false);
  });

  it('rejects a bad branchProtection config naming the key and what was expected', () => {
    const attempt = (raw: unknown) => {
      try {
        parseConfig(raw, 'tollgate.config.json');
        return undefined;
      } catch (error) {
        return error;
      }
    };
    const badPreset = attempt({ branchProtection: { preset: 'scorecard-tier-9' } });
    expect(isUserError(badPreset)).toBe(true);
    expect((badPreset as Error).message).toContain('branchProtection.preset');
    const badRepo = attempt({ branchProtection: { repo: 'payments' } });
    expect((badRepo as Error).message).toContain('owner/name');
    const unknownKey = attempt({ branchProtection: { policy: { requireAdmins: true } } });
    expect((unknownKey as Error).message).toContain('requireAdmins');
  });
});
