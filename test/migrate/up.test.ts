import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationFailedError, migrateStatus, migrateUp } from '../../src/migrate/index.ts';
import { postgresAvailable, postgresSkipReason, startPostgres, type PostgresServer } from '../helpers/postgres.ts';
import { historyText, MigrationProject, query, schemaDump } from './project.ts';

const ACCOUNTS = 'CREATE TABLE accounts (id bigserial PRIMARY KEY, owner text NOT NULL);\n';
const INVOICES = `-- invoices belong to accounts
CREATE TABLE invoices (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  amount_cents bigint NOT NULL
);
INSERT INTO accounts (owner) VALUES ('seed; not a statement end');
`;

describe.skipIf(!postgresAvailable)(`migrate up on a real PostgreSQL${postgresAvailable ? '' : ` (skipped: ${postgresSkipReason})`}`, () => {
  let server: PostgresServer;
  let counter = 0;
  const freshDatabase = () => server.createDatabase(`up_${++counter}`);

  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('applies pending migrations in order and records version, name, checksum, duration and who', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({ '0002_invoices.sql': INVOICES, '0001_accounts.sql': ACCOUNTS });
    const result = await migrateUp(project.options(url));
    expect(result.applied.map((a) => `${a.version}_${a.name}`)).toEqual(['0001_accounts', '0002_invoices']);
    const history = await query<{ version: string; name: string; checksum: string; duration_ms: number; applied_by: string; transactional: boolean }>(
      url,
      'SELECT * FROM tollgate_migrations ORDER BY version',
    );
    expect(history.map((h) => [h.version, h.name, h.transactional])).toEqual([['0001', 'accounts', true], ['0002', 'invoices', true]]);
    for (const h of history) {
      expect(h.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(h.duration_ms).toBeGreaterThanOrEqual(0);
      expect(h.applied_by).toContain('as postgres');
    }
    const seeded = await query<{ owner: string }>(url, 'SELECT owner FROM accounts');
    expect(seeded).toEqual([{ owner: 'seed; not a statement end' }]);
    await project.remove();
  });

  it('re-applying is a no-op: nothing runs, the history is unchanged', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({ '0001_accounts.sql': ACCOUNTS });
    await migrateUp(project.options(url));
    const before = await historyText(url);
    const again = await migrateUp(project.options(url));
    expect(again.applied).toEqual([]);
    expect(await historyText(url)).toBe(before);
    const status = await migrateStatus(project.options(url));
    expect(status.entries.map((e) => e.state)).toEqual(['applied']);
    expect(status.pending).toEqual([]);
    await project.remove();
  });

  it('refuses to run when an applied migration was edited, and applies nothing else', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({ '0001_accounts.sql': ACCOUNTS });
    await migrateUp(project.options(url));
    await project.write('0001_accounts.sql', ACCOUNTS.replace('owner text', 'owner varchar(80)'));
    await project.write('0002_invoices.sql', INVOICES);
    await expect(migrateUp(project.options(url))).rejects.toThrow(/0001_accounts\.sql was edited after it was applied/);
    expect(await query(url, "SELECT to_regclass('invoices') AS t")).toEqual([{ t: null }]);
    const status = await migrateStatus(project.options(url));
    expect(status.entries.map((e) => [e.version, e.state])).toEqual([['0001', 'edited'], ['0002', 'pending']]);
    await project.remove();
  });

  it('treats a line-ending or trailing-space change as the same migration (normalised checksum)', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({ '0001_accounts.sql': ACCOUNTS });
    await migrateUp(project.options(url));
    await project.write('0001_accounts.sql', `${ACCOUNTS.replace(/\n/g, '  \r\n')}\r\n\r\n`);
    const status = await migrateStatus(project.options(url));
    expect(status.entries.map((e) => e.state)).toEqual(['applied']);
    await project.remove();
  });

  it('reports a missing file and a migration numbered below an applied one, and refuses to run', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({ '0001_accounts.sql': ACCOUNTS, '0003_invoices.sql': INVOICES });
    await migrateUp(project.options(url));
    await project.write('0002_late_branch.sql', 'CREATE TABLE late (id int);');
    const { rm } = await import('node:fs/promises');
    await rm(`${project.dir}/migrations/0001_accounts.sql`);
    const status = await migrateStatus(project.options(url));
    expect(status.entries.map((e) => [e.version, e.state])).toEqual([['0001', 'missing'], ['0002', 'out-of-order'], ['0003', 'applied']]);
    await expect(migrateUp(project.options(url))).rejects.toThrow(/0002_late_branch\.sql is not applied, but 0003 already is/);
    expect(await query(url, "SELECT to_regclass('late') AS t")).toEqual([{ t: null }]);
    await project.remove();
  });

  it('a failing migration leaves the schema and the history byte-identical (pg_dump --schema-only) and names the statement and position', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({ '0001_accounts.sql': ACCOUNTS });
    await migrateUp(project.options(url));
    const schemaBefore = schemaDump(url);
    const historyBefore = await historyText(url);
    await project.write(
      '0002_broken.sql',
      'CREATE TABLE ledger (id bigserial PRIMARY KEY);\nALTER TABLE accounts ADD COLUMN balance_cents bigint;\nUPDATE accounts SET balance_cents = missing_column + 1;\n',
    );
    await project.write('0003_after.sql', 'CREATE TABLE after_broken (id int);');
    const error = await migrateUp(project.options(url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    const failed = error as MigrationFailedError;
    expect(failed.version).toBe('0002');
    expect(failed.sqlState).toBe('42703');
    expect(failed.statement).toBe('UPDATE accounts SET balance_cents = missing_column + 1');
    expect(failed.position).toEqual({ line: 3, column: 37 });
    expect(failed.message).toMatch(/0002_broken\.sql failed at line 3, column 37 \(SQLSTATE 42703\): column "missing_column" does not exist/);
    expect(schemaDump(url)).toBe(schemaBefore);
    expect(await historyText(url)).toBe(historyBefore);
    await project.remove();
  });

  it('refuses BEGIN/COMMIT in a migration and CREATE INDEX CONCURRENTLY without the no-transaction header, changing nothing', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({ '0001_tx.sql': 'BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n' });
    await expect(migrateUp(project.options(url))).rejects.toThrow(/0001_tx\.sql:1:1: remove this transaction statement/);
    await project.write('0001_tx.sql', 'CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n');
    await expect(migrateUp(project.options(url))).rejects.toThrow(/0001_tx\.sql:2:1: CREATE INDEX CONCURRENTLY cannot run inside a transaction/);
    expect(await query(url, "SELECT to_regclass('t') AS t, to_regclass('tollgate_migrations') AS h")).toEqual([{ t: null, h: null }]);
    await project.remove();
  });

  it('applies only the pending migrations, and an empty file applies as nothing', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({ '0001_accounts.sql': ACCOUNTS, '0002_empty.sql': '' });
    expect((await migrateUp(project.options(url))).applied.map((a) => a.version)).toEqual(['0001', '0002']);
    await project.write('0003_more.sql', 'CREATE TABLE more (id int);\n');
    const log: string[] = [];
    await migrateUp(project.options(url, {}, { log: (l) => log.push(l) }));
    expect(log.filter((l) => l.startsWith('applying'))).toEqual(['applying migrations/0003_more.sql']);
    await project.remove();
  });

  it('checks the syntax of a whole no-transaction migration before its first statement runs', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({
      '0001_accounts.sql': ACCOUNTS,
      '0002_index.sql': '-- tollgate:no-transaction\nCREATE INDEX CONCURRENTLY accounts_owner ON accounts (owner);\nCREATE INDEX CONCURRENTY broken ON accounts (id);\n',
    });
    await expect(migrateUp(project.options(url))).rejects.toThrow(/0002_index\.sql:3:\d+: SQL syntax error/);
    expect(await query(url, "SELECT to_regclass('accounts') AS a, to_regclass('accounts_owner') AS i")).toEqual([{ a: null, i: null }]);
    await project.remove();
  });

  it('runs a no-transaction migration statement by statement and records it only after it succeeded', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({
      '0001_accounts.sql': ACCOUNTS,
      '0002_index.sql': '-- tollgate:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_owner ON accounts (owner);\nCREATE INDEX CONCURRENTLY broken ON accounts (nope);\n',
    });
    await expect(migrateUp(project.options(url))).rejects.toThrow(/statements 1–1 had already run and stay/);
    expect(await query(url, "SELECT to_regclass('accounts_owner') IS NOT NULL AS built")).toEqual([{ built: true }]);
    expect((await query(url, 'SELECT version FROM tollgate_migrations ORDER BY version')).map((r) => r.version)).toEqual(['0001']);
    await project.write('0002_index.sql', '-- tollgate:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_owner ON accounts (owner);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_id_owner ON accounts (id, owner);\n');
    const result = await migrateUp(project.options(url));
    expect(result.applied.map((a) => a.version)).toEqual(['0002']);
    expect(await query(url, "SELECT transactional FROM tollgate_migrations WHERE version = '0002'")).toEqual([{ transactional: false }]);
    await project.remove();
  });
});
