import { describe, expect, it } from 'vitest';
import { runMigrateRuleCases } from '../../../test/migrate/rule-harness.ts';
import { syntaxError } from './rule.ts';

const results = await runMigrateRuleCases(syntaxError, {
  valid: [
    { name: 'valid SQL', sql: 'ALTER TABLE invoices ADD COLUMN note text;' },
    { name: 'an empty file', sql: '' },
    { name: 'only comments', sql: '-- nothing yet\n' },
  ],
  invalid: [
    { name: 'a misspelt keyword on line 2', sql: 'CREATE TABLE t (id int);\nALTER TABEL t ADD COLUMN x int;', lines: [2] },
    { name: 'merge-conflict markers', sql: 'ALTER TABLE t\n<<<<<<< HEAD\n  ADD COLUMN a int;', lines: [2] },
    { name: 'an unterminated string', sql: "INSERT INTO t VALUES ('oops);", lines: [1] },
  ],
});

describe('migrate/syntax-error', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
