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
    if (!patch || patch.threshold === undefined || patch.total === 0) return;
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
