import type { CoverageRule } from '../../../src/checks/coverage/rule-context.ts';

export const threshold: CoverageRule = {
  meta: {
    id: 'coverage/threshold',
    description: 'The files of a checks.coverage.thresholds entry, summed, are below a minimum for lines, branches, functions or statements.',
    severity: 'error',
    fixable: false,
    fixHint: 'Write tests for the uncovered code of those files (the HTML coverage report shows which lines), or lower the threshold on purpose.',
  },
  create(context) {
    for (const t of context.thresholds) {
      const globs = t.files.join(', ');
      if (t.matched === 0) {
        context.report({ path: '', line: 0, message: `Coverage for ${globs}: no file of the coverage report matches, so nothing there is tested (or the test run's coverage "include" leaves it out).` });
        continue;
      }
      for (const m of t.metrics) {
        if (m.pct >= m.min) continue;
        context.report({
          path: '',
          line: 0,
          message: `Coverage for ${globs}: ${m.metric} ${m.pct.toFixed(2)}% (${m.covered}/${m.total}) is below the minimum of ${m.min}% (${t.matched} file(s)).`,
        });
      }
    }
  },
};
