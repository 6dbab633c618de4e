import { describe, expect, it } from 'vitest';
import { runMigrateRuleCases } from '../../../test/migrate/rule-harness.ts';
import { renameTable } from './rule.ts';

const results = await runMigrateRuleCases(renameTable, {
  valid: [
    { name: 'renaming a table created in the same migration', sql: 'CREATE TABLE tmp (a int);\nALTER TABLE tmp RENAME TO final;' },
    { name: 'renaming an index', sql: 'ALTER INDEX invoices_idx RENAME TO invoices_total_idx;' },
    { name: 'renaming a column (another rule)', sql: 'ALTER TABLE invoices RENAME COLUMN a TO b;' },
  ],
  invalid: [
    { name: 'ALTER TABLE … RENAME TO', sql: 'ALTER TABLE invoices RENAME TO bills;', lines: [1] },
    { name: 'ALTER VIEW … RENAME TO', sql: 'ALTER VIEW open_invoices RENAME TO unpaid_invoices;', lines: [1] },
  ],
});

describe('migrate/rename-table', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
