import type { CoverageRule } from '../../../src/checks/coverage/rule-context.ts';

export const staleReport: CoverageRule = {
  meta: {
    id: 'coverage/stale-report',
    description: 'The coverage file is older than a source file it is about: the tests have not run since the code changed.',
    severity: 'error',
    fixable: false,
    fixHint: 'Run the test command with coverage again (checks.coverage.command), then run tollgate.',
  },
  create(context) {
    const { state } = context;
    if (state.kind !== 'stale') return;
    context.report({
      path: state.file,
      line: 0,
      // Unconfigured coverage never fails a repository (nor becomes warning debt): a note.
      severity: context.configured ? 'error' : 'note',
      message: `${state.file} is stale: ${state.newer} changed about ${state.minutesNewer} min after it was written, so its figures describe other code; run \`${context.options.command}\` and check again.`,
    });
  },
};
