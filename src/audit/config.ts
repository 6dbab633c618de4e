import { z } from 'zod';
import { PRESET_NAMES } from './policy.ts';

const flag = (what: string) => z.boolean().optional().describe(`${what} (default: from the preset).`);

export const PolicySchema = z
  .object({
    pullRequest: flag('Changes reach the branch only through pull requests'),
    approvals: z.number().int().min(0).max(10).optional().describe('Approving reviews a pull request needs; more than 0 implies pullRequest (default: from the preset).'),
    dismissStaleReviews: flag('New commits dismiss earlier approvals'),
    codeOwnerReview: flag('A code owner must approve changes to the files they own'),
    lastPushApproval: flag('The most recent push must be approved by someone other than its author'),
    conversationResolution: flag('Every review conversation must be resolved before merging'),
    statusChecks: flag('At least one status check is required'),
    requiredContexts: z
      .array(z.string().min(1))
      .optional()
      .describe('Status check names (as GitHub shows them, e.g. "ci / test (20)") that must be required; implies statusChecks.'),
    strictStatusChecks: flag('Branches must be up to date with the base before merging (strict)'),
    noForcePushes: flag('Force pushes are blocked'),
    noDeletions: flag('The branch cannot be deleted'),
    linearHistory: flag('Merge commits are not allowed (linear history)'),
    signedCommits: flag('Commits must carry verified signatures'),
    noBypass: flag('The rules apply to admins too, and no ruleset has bypass actors'),
  })
  .strict();

export const BranchProtectionConfigSchema = z
  .object({
    repo: z
      .string()
      .regex(/^[\w.-]+\/[\w.-]+$/, '"owner/name"')
      .optional()
      .describe('The repository to audit as "owner/name" (default: --repo, else GITHUB_REPOSITORY, else the origin remote).'),
    branch: z.string().min(1).optional().describe("The branch to audit (default: --branch, else the repository's default branch)."),
    preset: z
      .enum(PRESET_NAMES)
      .default('seed')
      .describe('Starting policy: "seed" (pull requests with an approval, required up-to-date checks, no force pushes or deletions, admins included), "scorecard-tier-1" … "scorecard-tier-5" (OpenSSF Scorecard Branch-Protection tiers), or "none".'),
    policy: PolicySchema.prefault({}).describe('Criteria on top of the preset; a key set here wins over the preset.'),
    externalChecks: z
      .array(z.string().min(1))
      .default([])
      .describe('Required check names produced by something other than a workflow in this repository (an external CI, a GitHub App): the workflow cross-check does not expect a job for them.'),
    gateJobs: z
      .array(z.string().min(1))
      .default([])
      .describe('Check names of jobs that gate merging and must therefore be required. Jobs that run tollgate are gates without being listed.'),
    workflowCrossCheck: z.boolean().default(true).describe('Compare the required checks with the jobs in .github/workflows/*.yml.'),
  })
  .strict();

export type BranchProtectionConfig = z.output<typeof BranchProtectionConfigSchema>;
