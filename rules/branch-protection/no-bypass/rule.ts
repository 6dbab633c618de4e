import { judgeBypass, type CriterionRule } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const noBypass: CriterionRule = {
  meta: {
    id: 'branch-protection/no-bypass',
    description: 'The rules apply to admins too: classic protection enforces them for admins and no ruleset has bypass actors.',
    severity: 'error',
    fixable: true,
    fixHint: 'Turn on "Do not allow bypassing the above settings" (classic: enforce_admins) and empty the bypass list of each ruleset; --fix prints the requests.',
  },
  applies: (policy) => policy.noBypass,
  requirement: (_policy, branch) => `nobody, admins included, can bypass the protection of ${branch}`,
  create(context) {
    context.report(judgeBypass(context.protection));
  },
};

export const docs: CriterionDocs = {
  policyKey: 'noBypass',
  why: 'A rule an admin can skip protects against everyone but the account an attacker most wants to steal. Bypass lists in rulesets are the same door with a different name.',
  classic: '`enforce_admins.enabled`, `required_pull_request_reviews.bypass_pull_request_allowances`, and the force-push bypass list (`bypassForcePushAllowances`, GraphQL only)',
  ruleset: '`bypass_actors` of each ruleset (shown only to tokens with write access to the ruleset: repository or organization admins)',
};
