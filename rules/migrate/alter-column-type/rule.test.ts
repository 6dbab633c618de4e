import { describe, expect, it } from 'vitest';
import { runMigrateRuleCases } from '../../../test/migrate/rule-harness.ts';
import { alterColumnType } from './rule.ts';

const results = await runMigrateRuleCases(alterColumnType, {
  valid: [
    { name: 'changing the type in a table created in the same migration', sql: 'CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a TYPE bigint;' },
    { name: 'setting a default', sql: 'ALTER TABLE invoices ALTER COLUMN currency SET DEFAULT \'EUR\';' },
  ],
  invalid: [
    { name: 'ALTER COLUMN … TYPE', sql: 'ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(12,2);', lines: [1] },
    { name: 'SET DATA TYPE with USING', sql: 'ALTER TABLE invoices\n  ALTER COLUMN amount SET DATA TYPE bigint USING (amount * 100)::bigint;', lines: [1] },
  ],
});

describe('migrate/alter-column-type', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
