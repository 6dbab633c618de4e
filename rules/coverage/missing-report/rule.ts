import type { CoverageRule } from '../../../src/checks/coverage/rule-context.ts';

export const missingReport: CoverageRule = {
  meta: {
    id: 'coverage/missing-report',
    description: 'The coverage file the config asks for is missing, cannot be read, or holds totals only where line data is needed.',
    severity: 'error',
    fixable: false,
    fixHint: 'Run the test command with coverage (checks.coverage.command) before tollgate, with the json or lcov reporter on.',
  },
  create(context) {
    const { state, options } = context;
    const run = `run \`${options.command}\` first`;
    if (state.kind === 'missing') {
      if (!context.configured) return; // nothing asked for coverage: the check only notes it
      context.report({ path: '', line: 0, message: `No coverage report: none of ${state.tried.join(', ')} exists, but checks.coverage asks for coverage; ${run}.` });
    } else if (state.kind === 'unreadable') {
      context.report({ path: state.file, line: 0, message: `${state.reason}; ${run}.`, severity: context.configured ? 'error' : 'note' });
    } else if (state.kind === 'summary-only') {
      context.report({
        path: state.file,
        line: 0,
        message: `${state.file} holds totals per file only, and ${state.needs} needs line data: add the "json" or "lcov" coverage reporter, ${run}, and list coverage-final.json or lcov.info first in checks.coverage.reports.`,
      });
    }
  },
};
