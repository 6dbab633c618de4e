import type { Policy } from './policy.ts';

/** What a criterion's README says beyond its metadata: why it matters and where GitHub keeps it. */
export interface CriterionDocs {
  policyKey: keyof Policy;
  why: string;
  /** The field of classic branch protection (GET /repos/{owner}/{repo}/branches/{branch}/protection). */
  classic: string;
  /** The ruleset rule (GET /repos/{owner}/{repo}/rules/branches/{branch}). */
  ruleset: string;
}
