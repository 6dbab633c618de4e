import type { MigrateRule } from '../../../src/migrate/lint/rule-context.ts';
import { renameOf, tableName } from '../../../src/migrate/lint/sql-shapes.ts';

export const renameColumn: MigrateRule = {
  meta: {
    id: 'migrate/rename-column',
    description: 'A column of a live table is renamed, so the old version still serving traffic no longer finds it.',
    severity: 'warning',
    fixable: false,
    fixHint:
      'Expand/contract: add the new column, write both (trigger or code), backfill, switch reads to the new column, and drop the old one in a later release.',
  },
  create(context) {
    for (const statement of context.statements) {
      const rename = renameOf(statement);
      if (!rename || rename.renameType !== 'OBJECT_COLUMN') continue;
      const table = tableName(rename.relation);
      if (context.isNewTable(table)) continue;
      context.report({
        statement,
        message: `Renames column "${rename.subname}" of "${table}" to "${rename.newname}": the old version still serving traffic queries "${rename.subname}" and fails.`,
      });
    }
  },
};
