import { describe, expect, it } from 'vitest';
import { runMigrateRuleCases } from '../../../test/migrate/rule-harness.ts';
import { dropColumn } from './rule.ts';

const results = await runMigrateRuleCases(dropColumn, {
  valid: [
    { name: 'adding a column', sql: 'ALTER TABLE invoices ADD COLUMN note text;' },
    { name: 'dropping a column of a table created in the same migration', sql: 'CREATE TABLE drafts (id int, tmp int);\nALTER TABLE drafts DROP COLUMN tmp;' },
    { name: 'dropping a constraint', sql: 'ALTER TABLE invoices DROP CONSTRAINT invoices_amount_check;' },
    { name: 'the words in a string', sql: "INSERT INTO audit (note) VALUES ('ALTER TABLE x DROP COLUMN y');" },
  ],
  invalid: [
    { name: 'ALTER TABLE … DROP COLUMN', sql: 'ALTER TABLE invoices DROP COLUMN legacy_total;', lines: [1] },
    { name: 'DROP COLUMN IF EXISTS among other commands', sql: '-- cleanup\nALTER TABLE public.invoices\n  ADD COLUMN x int,\n  DROP COLUMN IF EXISTS legacy_total;', lines: [2] },
    { name: 'two drops in one statement', sql: 'ALTER TABLE invoices DROP COLUMN a, DROP COLUMN b;', lines: [1, 1] },
  ],
});

describe('migrate/drop-column', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
