import type { CoverageRule } from '../../../src/checks/coverage/rule-context.ts';

export const uncoveredChange: CoverageRule = {
  meta: {
    id: 'coverage/uncovered-change',
    description: 'Added or changed executable lines that no test runs, or a changed source file that no test loads.',
    severity: 'note',
    fixable: false,
    fixHint: 'Add a test that runs these lines (the threshold for the change as a whole is coverage/patch-threshold).',
  },
  create(context) {
    const patch = context.patch;
    if (!patch) return;
    for (const file of patch.uncovered) {
      for (const range of file.ranges) {
        const what = range.end > range.start ? `Lines ${range.start}-${range.end} are` : `Line ${range.start} is`;
        context.report({ path: file.path, line: range.start, column: 1, endLine: range.end, message: `${what} changed and not covered by any test.` });
      }
    }
    for (const file of patch.missing) {
      context.report({
        path: file.path,
        line: file.firstLine,
        column: 1,
        message: `${file.path} changed (${file.changedLines} line(s)) but is not in the coverage report: no test loads it (or the test run's coverage "include" leaves it out).`,
      });
    }
  },
};
