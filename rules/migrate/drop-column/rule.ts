import type { MigrateRule } from '../../../src/migrate/lint/rule-context.ts';
import { alterTableCommands } from '../../../src/migrate/lint/sql-shapes.ts';

export const dropColumn: MigrateRule = {
  meta: {
    id: 'migrate/drop-column',
    description: 'A column of a live table is dropped while the old version, still serving traffic, reads or writes it.',
    severity: 'warning',
    fixable: false,
    fixHint:
      'Contract in a later release: first deploy code that no longer reads or writes the column, then drop it in a migration of the release after (suppress with `-- tollgate-ignore migrate/drop-column: <why no live version uses it>`).',
  },
  create(context) {
    for (const statement of context.statements) {
      for (const { table, cmd } of alterTableCommands(statement)) {
        if (cmd.subtype !== 'AT_DropColumn' || context.isNewTable(table)) continue;
        context.report({
          statement,
          message: `Drops column "${cmd.name}" of "${table}": the old version still serving traffic fails on every query that names it.`,
        });
      }
    }
  },
};
