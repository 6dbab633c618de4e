import { UPDATE_COMMAND, type DebtRule } from '../../../src/debt/rule-context.ts';

export const missingBaseline: DebtRule = {
  meta: {
    id: 'debt/missing-baseline',
    description: 'The run needs a warning-debt baseline (`tollgate debt check`, or debt.required) and there is none.',
    severity: 'error',
    fixable: false,
    fixHint: `Create the baseline from today's warnings with \`${UPDATE_COMMAND}\` and commit .tollgate/debt.json.`,
  },
  create(context) {
    if (!context.missing) return;
    context.report({
      message: `No debt baseline at ${context.baselinePath}: create it from today's warnings with \`${UPDATE_COMMAND}\` and commit it.`,
      location: { path: context.baselinePath, line: 0, column: 0 },
      fingerprint: `debt-missing-${context.baselinePath}`,
      fix: { description: `run \`${UPDATE_COMMAND}\`` },
    });
  },
};
