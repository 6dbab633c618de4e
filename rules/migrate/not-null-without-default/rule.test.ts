import { describe, expect, it } from 'vitest';
import { runMigrateRuleCases } from '../../../test/migrate/rule-harness.ts';
import { notNullWithoutDefault } from './rule.ts';

const results = await runMigrateRuleCases(notNullWithoutDefault, {
  valid: [
    { name: 'adding a nullable column', sql: 'ALTER TABLE invoices ADD COLUMN note text;' },
    { name: 'adding NOT NULL with a default', sql: "ALTER TABLE invoices ADD COLUMN currency text NOT NULL DEFAULT 'EUR';" },
    { name: 'adding an identity column', sql: 'ALTER TABLE invoices ADD COLUMN seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY;' },
    { name: 'SET NOT NULL after SET DEFAULT in the same migration', sql: "ALTER TABLE invoices ALTER COLUMN currency SET DEFAULT 'EUR';\nUPDATE invoices SET currency = 'EUR' WHERE currency IS NULL;\nALTER TABLE invoices ALTER COLUMN currency SET NOT NULL;" },
    { name: 'SET NOT NULL on a table created in the same migration', sql: 'CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a SET NOT NULL;' },
    { name: 'NOT NULL columns in CREATE TABLE', sql: 'CREATE TABLE t (a int NOT NULL);' },
  ],
  invalid: [
    { name: 'SET NOT NULL on an existing column', sql: 'ALTER TABLE invoices ALTER COLUMN currency SET NOT NULL;', lines: [1] },
    { name: 'ADD COLUMN … NOT NULL without default', sql: 'SELECT 1;\nALTER TABLE invoices ADD COLUMN currency text NOT NULL;', lines: [2] },
    { name: 'a default on another column does not count', sql: "ALTER TABLE invoices ALTER COLUMN note SET DEFAULT '';\nALTER TABLE invoices ALTER COLUMN currency SET NOT NULL;", lines: [2] },
  ],
});

describe('migrate/not-null-without-default', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
