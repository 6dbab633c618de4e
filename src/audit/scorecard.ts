import { CRITERION_RULES } from '../../rules/branch-protection/index.ts';
import { judge, type Verdict } from './criterion.ts';
import type { EffectiveProtection } from './effective.ts';
import { scorecardTier, TIER_SCORE } from './policy.ts';

export interface TierResult {
  /** Highest Scorecard tier fully met (0–5). */
  reached: number;
  /** Scorecard's Branch-Protection score for that tier. */
  score: number;
  /** Why the next tier is not reached: the failing or unknown criteria. */
  blockedBy: Verdict[];
  /** True when the next tier might be met but the token cannot tell. */
  uncertain: boolean;
}

/** The Scorecard tier this branch reaches: tiers count only in order, like Scorecard scores them. */
export function scorecardTierOf(protection: EffectiveProtection): TierResult {
  for (let tier = 1; tier <= 5; tier++) {
    const verdicts = judge(CRITERION_RULES, scorecardTier(tier), protection);
    const blockedBy = verdicts.filter((v) => v.status !== 'pass');
    if (blockedBy.length > 0) {
      return { reached: tier - 1, score: TIER_SCORE[tier - 1]!, blockedBy, uncertain: blockedBy.every((v) => v.status === 'unknown') };
    }
  }
  return { reached: 5, score: TIER_SCORE[5], blockedBy: [], uncertain: false };
}

export function describeTier(result: TierResult): string {
  const head = `OpenSSF Scorecard Branch-Protection: tier ${result.reached} of 5 (score ${result.score}/10)`;
  if (result.reached === 5) return `${head}.`;
  const names = result.blockedBy.map((v) => `${v.ruleId.replace('branch-protection/', '')} (${v.status})`).join(', ');
  return `${head}; tier ${result.reached + 1} ${result.uncertain ? 'cannot be confirmed with this token' : 'is not met'}: ${names}.`;
}
