import { describe, expect, it } from 'vitest';
import { runMigrateRuleCases } from '../../../test/migrate/rule-harness.ts';
import { renameColumn } from './rule.ts';

const results = await runMigrateRuleCases(renameColumn, {
  valid: [
    { name: 'renaming a column of a table created in the same migration', sql: 'CREATE TABLE t (a int);\nALTER TABLE t RENAME COLUMN a TO b;' },
    { name: 'renaming a table (another rule)', sql: 'ALTER TABLE invoices RENAME TO bills;' },
    { name: 'renaming a constraint', sql: 'ALTER TABLE invoices RENAME CONSTRAINT a TO b;' },
  ],
  invalid: [
    { name: 'RENAME COLUMN', sql: 'ALTER TABLE invoices RENAME COLUMN total TO total_cents;', lines: [1] },
    { name: 'RENAME without COLUMN keyword, on the third line', sql: 'SELECT 1;\n\nALTER TABLE invoices RENAME total TO amount;', lines: [3] },
  ],
});

describe('migrate/rename-column', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
