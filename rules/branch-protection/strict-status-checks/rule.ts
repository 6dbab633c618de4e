import { flagCriterion } from '../../../src/audit/criterion.ts';
import type { CriterionDocs } from '../../../src/audit/rule-docs.ts';

export const strictStatusChecks = flagCriterion({
  meta: {
    id: 'branch-protection/strict-status-checks',
    description: 'Branches must be up to date with the base before merging, so the checks ran on what will be merged.',
    severity: 'error',
    fixable: true,
    fixHint: 'Run `tollgate audit branch-protection --fix` for the API request that enables it, or turn it on in the branch protection rule or ruleset for this branch.',
  },
  policyKey: 'strictStatusChecks',
  settingKey: 'strictStatusChecks',
  requirement: (branch) => `pull requests into ${branch} are up to date with it before merging (strict checks)`,
});

export const docs: CriterionDocs = {
  policyKey: 'strictStatusChecks',
  why: "Two pull requests that each pass on their own can break the branch together; strict checks re-run them on the combined code.",
  classic: "`required_status_checks.strict`",
  ruleset: "`required_status_checks` with `strict_required_status_checks_policy: true`",
};
