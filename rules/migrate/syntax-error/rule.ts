import type { MigrateRule } from '../../../src/migrate/lint/rule-context.ts';

export const syntaxError: MigrateRule = {
  meta: {
    id: 'migrate/syntax-error',
    description: "A migration that PostgreSQL's parser rejects: it would fail when applied, and nothing else in it can be checked.",
    severity: 'error',
    fixable: false,
    fixHint: 'Fix the SQL at the reported position (a leftover merge conflict, a typo in a keyword, a missing parenthesis or quote).',
  },
  create(context) {
    const error = context.syntaxError;
    if (!error) return;
    context.report({
      statement: { line: error.line, column: error.column, endLine: error.line, endColumn: error.column + 1, text: '' },
      message: `PostgreSQL cannot parse this migration: ${error.reason}.`,
    });
  },
};
