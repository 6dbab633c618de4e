import { describe, expect, it } from 'vitest';
import { needsNoTransaction } from '../../src/migrate/preflight.ts';
import { splitStatements, statementsForExecution } from '../../src/migrate/statements.ts';

const SQL = `-- héllo; not a statement
CREATE TABLE "a;b" (id int, note text DEFAULT 'x;y');
CREATE FUNCTION f() RETURNS text /* ; */ LANGUAGE plpgsql AS $fn$ BEGIN RETURN 'a;b'; END $fn$;
INSERT INTO "a;b" VALUES (1, E'it''s; fine')
`;

describe('statement splitting', () => {
  it('the scanner splits exactly where the parser does, with the same text and positions (strings, quoted names, dollar quotes, comments, UTF-8)', async () => {
    const scanned = await statementsForExecution(SQL, 'm.sql', { validate: false });
    const parsed = await splitStatements(SQL, 'm.sql');
    expect(scanned.map((s) => [s.text, s.line, s.column, s.offset])).toEqual(parsed.map((s) => [s.text, s.line, s.column, s.offset]));
    expect(scanned.map((s) => s.words[0])).toEqual(['CREATE', 'CREATE', 'INSERT']);
  });

  it('keeps a BEGIN ATOMIC function body whole (the parser decides there)', async () => {
    const sql = 'CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\nSELECT one();';
    const scanned = await statementsForExecution(sql, 'm.sql', { validate: false });
    expect(scanned.map((s) => s.text)).toEqual(['CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END', 'SELECT one()']);
  });

  it('validates the syntax of every statement up front when asked (no-transaction migrations)', async () => {
    const sql = 'CREATE INDEX CONCURRENTLY a ON t (x);\nCREATE INDEX CONCURRENTY b ON t (y);';
    await expect(statementsForExecution(sql, 'm.sql', { validate: false })).resolves.toHaveLength(2);
    await expect(statementsForExecution(sql, 'm.sql', { validate: true })).rejects.toThrow(/m\.sql:2:\d+: SQL syntax error/);
  });

  it('an unterminated string is a usage error naming the file', async () => {
    await expect(statementsForExecution("SELECT 'oops;\n", 'm.sql', { validate: false })).rejects.toThrow(/m\.sql/);
  });

  it('knows which statements cannot run in a transaction, from their keywords', async () => {
    const cases: [string, string | undefined][] = [
      ['CREATE INDEX CONCURRENTLY i ON t (a)', 'CREATE INDEX CONCURRENTLY'],
      ['create unique index concurrently i on t (a)', 'CREATE INDEX CONCURRENTLY'],
      ['DROP INDEX CONCURRENTLY IF EXISTS i', 'DROP INDEX CONCURRENTLY'],
      ['REINDEX (VERBOSE) INDEX CONCURRENTLY i', 'REINDEX CONCURRENTLY'],
      ['ALTER TABLE p DETACH PARTITION c CONCURRENTLY', 'ALTER TABLE … DETACH PARTITION CONCURRENTLY'],
      ['VACUUM ANALYZE t', 'VACUUM'],
      ['CREATE INDEX i ON t (a)', undefined],
      ['ANALYZE t', undefined],
      ["SELECT 'CREATE INDEX CONCURRENTLY'", undefined],
      ['CREATE TABLE concurrently (id int)', undefined],
    ];
    for (const [sql, expected] of cases) {
      const [statement] = await statementsForExecution(sql, 'm.sql', { validate: false });
      expect(needsNoTransaction(statement!), sql).toBe(expected);
    }
  });
});
