import { actionsChecks, type CrossCheckRule } from '../../../src/audit/cross-check.ts';

export const checkNeverProduced: CrossCheckRule = {
  meta: {
    id: 'branch-protection/check-never-produced',
    description: 'A required status check that no workflow in .github/workflows produces for pull requests: every pull request waits for it forever.',
    severity: 'error',
    fixable: false,
    fixHint: 'Rename the job (its `name:`, with the matrix values or `caller / callee` as GitHub shows them) or the required check so they match; list checks from outside this repository in branchProtection.externalChecks.',
  },
  create(context) {
    for (const check of actionsChecks(context)) {
      const producers = context.produced.filter((p) => p.matches(check.context));
      if (producers.some((p) => p.onPullRequest)) continue;
      const first = producers[0];
      if (first) {
        context.report({
          status: 'fail',
          message: `Required check "${check.context}" is produced only by ${first.workflow} (job ${first.jobId}), which does not run on pull requests: every pull request into ${context.branch} waits for it forever.`,
          path: first.workflow,
          line: first.line,
        });
        continue;
      }
      const near = context.produced.filter((p) => p.onPullRequest).map((p) => `"${p.name}"`);
      context.report({
        status: 'fail',
        message: `Required check "${check.context}" is produced by no workflow in .github/workflows: every pull request into ${context.branch} waits for it forever.${near.length > 0 ? ` Jobs that run on pull requests report: ${near.slice(0, 8).join(', ')}${near.length > 8 ? ', …' : ''}.` : ''}`,
        path: '',
        line: 0,
      });
    }
  },
};
