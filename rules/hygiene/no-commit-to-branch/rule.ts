import picomatch from 'picomatch';
import type { HygieneRepoRule } from '../../../src/checks/hygiene/rule-context.ts';

export const noCommitToBranch: HygieneRepoRule = {
  kind: 'repository',
  meta: {
    id: 'hygiene/no-commit-to-branch',
    description: 'A commit made straight on a protected branch (checks.hygiene.protectedBranches); checked before a commit only.',
    severity: 'error',
    fixable: false,
    fixHint: 'Move the work to a new branch and commit there: `git switch -c <new-branch>` (staged and unstaged changes come along).',
  },
  async create(context) {
    // Only validate-quick runs right before `git commit`; CI and pushes look at commits already made.
    if (context.mode !== 'quick' || context.options.protectedBranches.length === 0) return;
    const branch = await context.repo.currentBranch();
    if (branch === undefined) return; // detached HEAD: the commit lands on no branch
    if (!picomatch(context.options.protectedBranches)(branch)) return;
    // The very first commit of a repository has to land somewhere.
    if (!(await context.repo.hasHead())) return;
    context.report({
      path: '',
      message: `Committing straight to \`${branch}\`, a protected branch (checks.hygiene.protectedBranches). Branch off and commit there: \`git switch -c <new-branch>\`, then \`git commit\` again; your staged and unstaged changes come along.`,
      line: 0,
      column: 0,
    });
  },
};
