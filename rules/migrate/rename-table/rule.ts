import type { MigrateRule } from '../../../src/migrate/lint/rule-context.ts';
import { renameOf, tableName } from '../../../src/migrate/lint/sql-shapes.ts';

const RENAMED = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW']);

export const renameTable: MigrateRule = {
  meta: {
    id: 'migrate/rename-table',
    description: 'A live table (or view) is renamed, so the old version still serving traffic no longer finds it.',
    severity: 'warning',
    fixable: false,
    fixHint:
      'Expand/contract: rename, then create a view with the old name (`CREATE VIEW old AS SELECT * FROM new`) so both versions work; drop the view once no live version uses the old name.',
  },
  create(context) {
    for (const statement of context.statements) {
      const rename = renameOf(statement);
      if (!rename || !RENAMED.has(rename.renameType ?? '')) continue;
      const table = tableName(rename.relation);
      if (context.isNewTable(table)) continue;
      context.report({
        statement,
        message: `Renames "${table}" to "${rename.newname}": the old version still serving traffic queries "${table}" and fails.`,
      });
    }
  },
};
