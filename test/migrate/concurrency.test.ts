import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationFailedError, MigrationLockTimeoutError, migrateUp } from '../../src/migrate/index.ts';
import { lockKey } from '../../src/migrate/lock.ts';
import { postgresAvailable, postgresSkipReason, startPostgres, type PostgresServer } from '../helpers/postgres.ts';
import { PROJECT_ROOT } from '../helpers/temp-repo.ts';
import { historyText, MigrationProject, query } from './project.ts';

/** Rejects when `promise` takes longer than `ms`: a hang must fail the test, not time it out silently. */
async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms (hung)`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}

async function connect(url: string, applicationName = 'tollgate test'): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  client.on('error', () => {});
  await client.connect();
  return client;
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const runningQuery = (url: string, pattern: string) => async () =>
  (await query(url, `SELECT 1 FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid() AND state = 'active'`, [pattern])).length > 0;

describe.skipIf(!postgresAvailable)(`migrate under concurrency, timeouts and crashes${postgresAvailable ? '' : ` (skipped: ${postgresSkipReason})`}`, () => {
  let server: PostgresServer;
  let counter = 0;
  const freshDatabase = () => server.createDatabase(`conc_${++counter}`);

  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('two migrators started at once serialise: each migration is applied exactly once', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({
      '0001_log.sql': "CREATE TABLE applied_log (version text NOT NULL);\nINSERT INTO applied_log VALUES ('0001');\nSELECT pg_sleep(0.5);\n",
      '0002_a.sql': "INSERT INTO applied_log VALUES ('0002');\n",
      '0003_b.sql': "INSERT INTO applied_log VALUES ('0003');\nSELECT pg_sleep(0.2);\n",
    });
    const logs: string[][] = [[], []];
    const [first, second] = await within(
      20_000,
      Promise.all([0, 1].map((i) => migrateUp(project.options(url, {}, { log: (line) => logs[i]!.push(line) })))),
      'two concurrent migrators',
    );
    const applied = [...first!.applied, ...second!.applied].map((a) => a.version).sort();
    expect(applied).toEqual(['0001', '0002', '0003']);
    expect(logs.flat().some((line) => line.startsWith('waiting for another migrator'))).toBe(true);
    const rows = await query<{ version: string }>(url, 'SELECT version FROM applied_log ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(['0001', '0002', '0003']);
    expect((await query(url, 'SELECT version FROM tollgate_migrations')).length).toBe(3);
    await project.remove();
  });

  it('(the failure mode) a migrator blocked in pg_advisory_lock and CREATE INDEX CONCURRENTLY by the lock holder deadlock: one is aborted', async () => {
    const url = await freshDatabase();
    await query(url, 'CREATE TABLE items (id int); INSERT INTO items SELECT generate_series(1, 1000);');
    const key = lockKey('tollgate_migrations').toString();
    const holder = await connect(url);
    const waiter = await connect(url);
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (error: { code?: string }) => error.code ?? 'error',
      );
    try {
      await holder.query('SELECT pg_try_advisory_lock($1::bigint)', [key]);
      const blocked = outcome(waiter.query('SELECT pg_advisory_lock($1::bigint)', [key]));
      await waitFor(runningQuery(url, 'SELECT pg_advisory_lock%'), 'the blocking lock call');
      await holder.query("SET lock_timeout = '5s'");
      const build = await outcome(holder.query('CREATE INDEX CONCURRENTLY items_id ON items (id)'));
      await holder.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => {});
      const waited = await within(10_000, blocked, 'the blocked waiter');
      // The index build waits for the waiter's snapshot, the waiter for the holder's lock: PostgreSQL's
      // deadlock detector (or the lock_timeout) aborts one of the two. Both never succeed.
      expect([build, waited].filter((r) => r === '40P01' || r === '55P03')).toHaveLength(1);
    } finally {
      await holder.end();
      await waiter.end();
    }
  });

  it('CREATE INDEX CONCURRENTLY while another migrator waits for the lock does not deadlock', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({
      '0001_items.sql': 'CREATE TABLE items (id int, sku text);\nINSERT INTO items SELECT g, md5(g::text) FROM generate_series(1, 20000) g;\n',
      '0002_index.sql': '-- tollgate:no-transaction\nSELECT pg_sleep(1);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS items_sku ON items (sku);\n',
    });
    const firstLog: string[] = [];
    const secondLog: string[] = [];
    const first = migrateUp(project.options(url, {}, { log: (l) => firstLog.push(l) }));
    await waitFor(runningQuery(url, 'SELECT pg_sleep(1)%'), 'the first migrator to reach 0002');
    const second = migrateUp(project.options(url, { lockWaitTimeout: '60s' }, { log: (l) => secondLog.push(l) }));
    const [a, b] = await within(20_000, Promise.all([first, second]), 'CREATE INDEX CONCURRENTLY with a waiting migrator');
    expect(a.applied.map((x) => x.version)).toEqual(['0001', '0002']);
    expect(b.applied).toEqual([]);
    expect(secondLog.some((l) => l.startsWith('waiting for another migrator'))).toBe(true);
    expect(await query(url, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_sku'::regclass")).toEqual([{ indisvalid: true }]);
    await project.remove();
  });

  it('a migration blocked by a long transaction fails by lock_timeout, naming the table and the blocking session', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({ '0001_accounts.sql': 'CREATE TABLE accounts (id int);\n' });
    await migrateUp(project.options(url));
    await project.write('0002_note.sql', 'ALTER TABLE accounts ADD COLUMN note text;\n');
    const historyBefore = await historyText(url);
    const blocker = await connect(url, 'reporting job');
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT count(*) FROM accounts');
      const pid = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const started = Date.now();
      const error = await within(10_000, migrateUp(project.options(url, { lockTimeout: '1s' })).catch((e: unknown) => e), 'the blocked migration');
      const elapsed = Date.now() - started;
      expect(error).toBeInstanceOf(MigrationFailedError);
      const failed = error as MigrationFailedError;
      expect(failed.sqlState).toBe('55P03');
      expect(failed.message).toContain(`lock_timeout (1s) expired waiting for a lock on "accounts" held by server pid ${pid}`);
      expect(failed.message).toContain('idle in transaction');
      expect(failed.message).toContain('reporting job');
      expect(elapsed).toBeLessThan(8_000);
      expect(await historyText(url)).toBe(historyBefore);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    const retry = await migrateUp(project.options(url));
    expect(retry.applied.map((a) => a.version)).toEqual(['0002']);
    await project.remove();
  });

  it('a per-migration statement timeout stops a slow statement and says how to raise it', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({ '0001_slow.sql': '-- tollgate:statement-timeout 300ms\nCREATE TABLE t (id int);\nSELECT pg_sleep(5);\n' });
    const error = await within(5_000, migrateUp(project.options(url)).catch((e: unknown) => e), 'the slow migration');
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).sqlState).toBe('57014');
    expect((error as MigrationFailedError).message).toContain('statement_timeout (300ms) expired');
    expect(await query(url, "SELECT to_regclass('t') AS t")).toEqual([{ t: null }]);
    await project.remove();
  });

  it('gives up waiting for a migrator that holds the lock past lockWaitTimeout, naming it', async () => {
    const url = await freshDatabase();
    const project = await MigrationProject.create({ '0001_a.sql': 'CREATE TABLE a (id int);\n' });
    const other = await connect(url, 'deploy of release 41');
    try {
      await other.query('SELECT pg_try_advisory_lock($1::bigint)', [lockKey('tollgate_migrations').toString()]);
      const pid = (await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const started = Date.now();
      const error = await migrateUp(project.options(url, { lockWaitTimeout: '1s' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationLockTimeoutError);
      expect((error as Error).message).toContain(`server pid ${pid}, deploy of release 41`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await query(url, "SELECT to_regclass('a') AS t")).toEqual([{ t: null }]);
    } finally {
      await other.end();
    }
    expect((await migrateUp(project.options(url))).applied.map((a) => a.version)).toEqual(['0001']);
    await project.remove();
  });

  it('SIGKILL mid-migration leaves a consistent state, and the next run completes it', async () => {
    const url = await freshDatabase();
    await query(url, 'CREATE TABLE slow_flag (id int)');
    const project = await MigrationProject.create({
      '0001_accounts.sql': 'CREATE TABLE accounts (id int);\n',
      '0002_half.sql': "CREATE TABLE half_done (id int);\nSELECT pg_sleep(CASE WHEN to_regclass('slow_flag') IS NULL THEN 0 ELSE 60 END);\n",
      '0003_after.sql': 'CREATE TABLE after_half (id int);\n',
    });
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/bin.ts'), 'migrate', 'up', '--no-backup', '--database-url', url, '-C', project.dir], {
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await waitFor(runningQuery(url, 'SELECT pg_sleep(CASE%'), 'the child to reach 0002', 30_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect((await query<{ version: string }>(url, 'SELECT version FROM tollgate_migrations')).map((r) => r.version)).toEqual(['0001']);
    await query(url, 'DROP TABLE slow_flag');

    const log: string[] = [];
    const result = await within(20_000, migrateUp(project.options(url, { lockWaitTimeout: '30s' }, { log: (l) => log.push(l) })), 'the run after the crash');
    expect(result.applied.map((a) => a.version)).toEqual(['0002', '0003']);
    expect((await query<{ version: string }>(url, 'SELECT version FROM tollgate_migrations ORDER BY version')).map((r) => r.version)).toEqual(['0001', '0002', '0003']);
    expect(await query(url, "SELECT to_regclass('half_done') IS NOT NULL AS a, to_regclass('after_half') IS NOT NULL AS b")).toEqual([{ a: true, b: true }]);
    await project.remove();
  });
});
