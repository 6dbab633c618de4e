import type { MigrateRule } from '../../../src/migrate/lint/rule-context.ts';
import { alterTableCommands, columnDef, declaresDefault, declaresNotNull } from '../../../src/migrate/lint/sql-shapes.ts';

export const notNullWithoutDefault: MigrateRule = {
  meta: {
    id: 'migrate/not-null-without-default',
    description: 'A column of a live table becomes NOT NULL (or is added NOT NULL) without a default, so inserts by the old version fail.',
    severity: 'warning',
    fixable: false,
    fixHint:
      'Give the column a DEFAULT in the same migration, or: add it nullable, deploy code that always writes it, backfill, then add NOT NULL (via a CHECK … NOT VALID constraint, validated separately) in a later release.',
  },
  create(context) {
    for (const statement of context.statements) {
      for (const { table, cmd } of alterTableCommands(statement)) {
        if (context.isNewTable(table)) continue;
        if (cmd.subtype === 'AT_SetNotNull' && cmd.name && !context.hasDefault(table, cmd.name, statement)) {
          context.report({
            statement,
            message: `Makes "${table}"."${cmd.name}" NOT NULL without a default: every insert by the old version, which does not write "${cmd.name}", fails.`,
          });
        }
        const added = cmd.subtype === 'AT_AddColumn' ? columnDef(cmd) : undefined;
        if (added && declaresNotNull(added) && !declaresDefault(added)) {
          context.report({
            statement,
            message: `Adds "${table}"."${added.colname}" NOT NULL without a default: it fails on a table with rows, and every insert by the old version fails.`,
          });
        }
      }
    }
  },
};
