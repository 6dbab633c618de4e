import { describe, expect, it } from 'vitest';
import { runMigrateRuleCases } from '../../../test/migrate/rule-harness.ts';
import { dropTable } from './rule.ts';

const results = await runMigrateRuleCases(dropTable, {
  valid: [
    { name: 'dropping an index', sql: 'DROP INDEX invoices_idx;' },
    { name: 'dropping a scratch table created in the same migration', sql: 'CREATE TABLE scratch (a int);\nDROP TABLE scratch;' },
    { name: 'a function that mentions DROP TABLE in its body', sql: "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ SELECT 'DROP TABLE x' $$;" },
  ],
  invalid: [
    { name: 'DROP TABLE', sql: 'DROP TABLE legacy_payments;', lines: [1] },
    { name: 'DROP TABLE of two tables', sql: 'DROP TABLE IF EXISTS a, b CASCADE;', lines: [1, 1] },
    { name: 'DROP VIEW', sql: '\nDROP VIEW open_invoices;', lines: [2] },
  ],
});

describe('migrate/drop-table', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
