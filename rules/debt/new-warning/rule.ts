import { ACCEPT_COMMAND, type DebtRule } from '../../../src/debt/rule-context.ts';

export const newWarning: DebtRule = {
  meta: {
    id: 'debt/new-warning',
    description: 'A warning that the warning-debt baseline does not list: new debt, reported at its file and line.',
    severity: 'error',
    fixable: false,
    fixHint: `Fix the warning; if it is debt the team accepts, record it with \`${ACCEPT_COMMAND}\` and commit .tollgate/debt.json.`,
  },
  create(context) {
    for (const { finding: f } of context.added) {
      context.report({
        message: `New ${f.severity} not in the debt baseline (${f.ruleId}): ${f.message}`,
        location: f.location,
        fingerprint: `debt-${f.fingerprint}`,
        fix: { description: `fix it, or accept it as debt with \`${ACCEPT_COMMAND}\`` },
        ...(f.help === undefined ? {} : { help: f.help }),
        ...(f.snippet === undefined ? {} : { snippet: f.snippet }),
      });
    }
  },
};
