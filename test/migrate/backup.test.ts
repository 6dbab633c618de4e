import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateUp } from '../../src/migrate/index.ts';
import { postgresAvailable, postgresSkipReason, startPostgres, type PostgresServer } from '../helpers/postgres.ts';
import { historyText, MigrationProject, query, schemaDump } from './project.ts';

const URL_ENV = 'TOLLGATE_TEST_BACKUP_URL';

describe.skipIf(!postgresAvailable)(`backup before migrate up${postgresAvailable ? '' : ` (skipped: ${postgresSkipReason})`}`, () => {
  let server: PostgresServer;

  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    delete process.env[URL_ENV];
    await server?.stop();
  });

  it('takes a verified pg_dump before applying, and its printed restore command restores an identical schema', async () => {
    const url = await server.createDatabase('backup_source');
    const project = await MigrationProject.create({
      '0001_accounts.sql': "CREATE TABLE accounts (id bigserial PRIMARY KEY, owner text NOT NULL, balance_cents bigint DEFAULT 0);\nCREATE INDEX accounts_owner ON accounts (owner);\nINSERT INTO accounts (owner) VALUES ('ada');\n",
    });
    await migrateUp(project.options(url));
    const schemaBefore = schemaDump(url);
    const historyBefore = await historyText(url);
    await project.write('0002_invoices.sql', 'CREATE TABLE invoices (id int);\nALTER TABLE accounts ADD COLUMN note text;\n');
    process.env[URL_ENV] = url;
    const result = await migrateUp({ ...project.options(url, { databaseUrlEnv: URL_ENV }), databaseUrl: undefined, backup: true });
    expect(result.applied.map((a) => a.version)).toEqual(['0002']);
    const backup = result.backup!;
    expect(path.dirname(backup.file)).toBe(path.join(project.dir, '.tollgate/backups'));
    expect(path.basename(backup.file)).toMatch(/^backup_source-\d{8}T\d{6}Z-before-0002\.dump$/);
    expect(existsSync(backup.file)).toBe(true);
    expect(backup.restoreCommand).toContain(`"$${URL_ENV}"`);
    expect(schemaDump(url)).not.toBe(schemaBefore);

    const target = await server.createDatabase('backup_restored');
    execFileSync('sh', ['-c', backup.restoreCommand], { env: { ...process.env, PATH: `${server.binDir}:${process.env.PATH}`, [URL_ENV]: target } });
    expect(schemaDump(target)).toBe(schemaBefore);
    expect(await historyText(target)).toBe(historyBefore);
    expect(await query(target, 'SELECT owner FROM accounts')).toEqual([{ owner: 'ada' }]);
    await project.remove();
  });

  it('takes no backup when nothing is pending, or when told not to', async () => {
    const url = await server.createDatabase('backup_skip');
    const project = await MigrationProject.create({ '0001_a.sql': 'CREATE TABLE a (id int);\n' });
    const log: string[] = [];
    const first = await migrateUp({ ...project.options(url), backup: false, log: (l) => log.push(l) });
    expect(first.backup).toBeUndefined();
    expect(log).toContain('backup: skipped (--no-backup / migrate.backup.enabled: false)');
    const again = await migrateUp({ ...project.options(url), backup: true });
    expect(again).toEqual({ applied: [] });
    expect(existsSync(path.join(project.dir, '.tollgate/backups'))).toBe(false);
    await project.remove();
  });

  it('stops before migrating when pg_dump fails', async () => {
    const url = await server.createDatabase('backup_fail');
    const project = await MigrationProject.create({ '0001_a.sql': 'CREATE TABLE a (id int);\n' });
    await query(url, 'CREATE ROLE limited LOGIN; GRANT ALL ON SCHEMA public TO limited; CREATE TABLE secret_stuff (id int); REVOKE ALL ON secret_stuff FROM PUBLIC;');
    const limitedUrl = url.replace('postgres@', 'limited@');
    await expect(migrateUp({ ...project.options(limitedUrl), backup: true })).rejects.toThrow(/Backup failed, nothing was migrated: pg_dump exited/);
    expect(await query(url, "SELECT to_regclass('a') AS t, to_regclass('tollgate_migrations') IS NOT NULL AS history")).toEqual([{ t: null, history: true }]);
    await project.remove();
  });
});
