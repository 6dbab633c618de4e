import type { CoverageRule } from '../../../src/checks/coverage/rule-context.ts';
import { percent } from '../../../src/checks/coverage/figures.ts';

export const patchThreshold: CoverageRule = {
  meta: {
    id: 'coverage/patch-threshold',
    description: 'The share of added or changed executable lines that the tests hit is below checks.coverage.patch.threshold.',
    severity: 'error',
    fixable: false,
    fixHint: 'Test the changed lines listed by coverage/uncovered-change, or lower checks.coverage.patch.threshold on purpose.',
  },
  create(context) {
    const patch = context.patch;
    if (!patch || patch.threshold === undefined) return;
    if (patch.total === 0) {
      // Nothing executable changed, unless the change is in files no test loads at all.
      if (patch.missing.length === 0) return;
      context.report({
        path: '',
        line: 0,
        message: `Patch coverage: none of the ${patch.missing.length} changed source file(s) is in the coverage report (${patch.missing.map((m) => m.path).join(', ')}), so no changed line is known to be tested (minimum ${patch.threshold}%).`,
      });
      return;
    }
    const pct = percent(patch);
    if (pct >= patch.threshold) return;
    const missing = patch.missing.length > 0 ? ` ${patch.missing.length} changed file(s) are not in the report at all.` : '';
    context.report({
      path: '',
      line: 0,
      message: `Patch coverage ${pct.toFixed(2)}% (${patch.covered}/${patch.total} changed executable lines against ${patch.against}) is below the minimum of ${patch.threshold}%.${missing}`,
    });
  },
};
