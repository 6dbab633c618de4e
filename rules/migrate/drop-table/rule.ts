import type { MigrateRule } from '../../../src/migrate/lint/rule-context.ts';
import { droppedNames, dropOf } from '../../../src/migrate/lint/sql-shapes.ts';

const DROPPED = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW']);

export const dropTable: MigrateRule = {
  meta: {
    id: 'migrate/drop-table',
    description: 'A live table (or view) is dropped while the old version, still serving traffic, uses it.',
    severity: 'warning',
    fixable: false,
    fixHint:
      'Contract in a later release: first deploy code that no longer uses the table, then drop it (suppress with `-- tollgate-ignore migrate/drop-table: <why no live version uses it>`).',
  },
  create(context) {
    for (const statement of context.statements) {
      const drop = dropOf(statement);
      if (!drop || !DROPPED.has(drop.removeType ?? '')) continue;
      for (const name of droppedNames(drop)) {
        if (context.isNewTable(name)) continue;
        context.report({ statement, message: `Drops "${name}": the old version still serving traffic fails on every query that uses it.` });
      }
    }
  },
};
