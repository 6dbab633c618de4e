import { UPDATE_COMMAND, type DebtRule } from '../../../src/debt/rule-context.ts';

export const staleBaseline: DebtRule = {
  meta: {
    id: 'debt/stale-baseline',
    description: 'The warning-debt baseline lists warnings that are gone, and this run may not lower it (CI, or debt.ratchet off).',
    severity: 'error',
    fixable: false,
    fixHint: `Run \`${UPDATE_COMMAND}\` locally and commit .tollgate/debt.json, so the fixed warnings cannot come back unnoticed.`,
  },
  create(context) {
    if (!context.stale) return;
    const { totals, comparison, silentSources } = context.stale;
    const example = comparison.entries.find((e) => e.fixed.length > 0);
    const where = example ? ` (e.g. ${example.fixed.length} ${example.ruleId} in ${example.path})` : '';
    const silence =
      silentSources.length > 0
        ? ` ${silentSources.join(', ')} reported nothing at all: if that check did not run (see its note), fix that instead of updating.`
        : '';
    context.report({
      message: `The debt baseline is higher than reality: ${totals.fixed} warning(s) it lists are gone${where}. Lower it with \`${UPDATE_COMMAND}\` and commit ${context.baselinePath}.${silence}`,
      location: { path: context.baselinePath, line: 0, column: 0 },
      fingerprint: `debt-stale-${context.baselinePath}`,
      fix: { description: `run \`${UPDATE_COMMAND}\` and commit ${context.baselinePath}` },
    });
  },
};
