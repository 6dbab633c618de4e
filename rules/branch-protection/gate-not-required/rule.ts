import type { CrossCheckRule } from '../../../src/audit/cross-check.ts';

export const gateNotRequired: CrossCheckRule = {
  meta: {
    id: 'branch-protection/gate-not-required',
    description: 'A gate job (it runs tollgate, or is listed in branchProtection.gateJobs) that runs on pull requests but is not a required status check: it protects nothing.',
    severity: 'error',
    fixable: true,
    fixHint: 'Add the job’s check name to branchProtection.policy.requiredContexts and run `tollgate audit branch-protection --fix`, or require it in the branch protection rule or ruleset.',
  },
  create(context) {
    const required = new Set(context.required.map((c) => c.context));
    const seen = new Set<string>();
    for (const job of context.produced) {
      const gate = job.runsTollgate || context.gateJobs.some((g) => job.matches(g));
      if (!gate || !job.onPullRequest || seen.has(job.name)) continue;
      seen.add(job.name);
      if ([...required].some((r) => job.matches(r))) continue;
      if (context.requiredHidden) {
        context.report({ status: 'unknown', message: `Gate job "${job.name}" is not among the required checks this token can see (${context.requiredHidden}).`, path: job.workflow, line: job.line });
      } else {
        context.report({ status: 'fail', message: `Gate job "${job.name}" runs on pull requests but is not a required status check on ${context.branch}: a pull request can merge while it fails.`, path: job.workflow, line: job.line });
      }
    }
  },
};
