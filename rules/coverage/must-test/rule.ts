import type { CoverageRule } from '../../../src/checks/coverage/rule-context.ts';

export const mustTest: CoverageRule = {
  meta: {
    id: 'coverage/must-test',
    description: 'An exported function of a checks.coverage.mustTest file that no test calls.',
    severity: 'error',
    fixable: false,
    fixHint: 'Call the function from a test (and assert on what it returns), or stop exporting it.',
  },
  create(context) {
    for (const fn of context.untested) {
      context.report({
        path: fn.path,
        line: fn.line,
        column: fn.column,
        snippet: fn.name,
        message: `Exported function \`${fn.name}\` is never called by the tests (checks.coverage.mustTest: ${fn.glob}).`,
      });
    }
  },
};
