import type { MigrateRule } from '../../../src/migrate/lint/rule-context.ts';
import { alterTableCommands } from '../../../src/migrate/lint/sql-shapes.ts';

export const alterColumnType: MigrateRule = {
  meta: {
    id: 'migrate/alter-column-type',
    description: "A live column's type is changed: the old version may send or expect the old type, and the rewrite locks the table.",
    severity: 'warning',
    fixable: false,
    fixHint:
      'Expand/contract: add a column of the new type, write both, backfill in batches, switch reads, then drop the old column in a later release.',
  },
  create(context) {
    for (const statement of context.statements) {
      for (const { table, cmd } of alterTableCommands(statement)) {
        if (cmd.subtype !== 'AT_AlterColumnType' || context.isNewTable(table)) continue;
        context.report({
          statement,
          message: `Changes the type of "${table}"."${cmd.name}": the old version still serving traffic may write values the new type rejects, and most type changes rewrite the table under an exclusive lock.`,
        });
      }
    }
  },
};
