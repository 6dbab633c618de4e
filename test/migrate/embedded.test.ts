import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrateConfig, MigrationFailedError, migrateStatus, migrateUp, type MigrateRunOptions } from '../../src/migrate/index.ts';
import { MigrationProject } from './project.ts';

describe('the embedded PGlite database (no DATABASE_URL)', () => {
  let project: MigrationProject;
  let options: MigrateRunOptions;

  beforeAll(async () => {
    project = await MigrationProject.create({ '0001_accounts.sql': 'CREATE TABLE accounts (id int PRIMARY KEY, owner text);\n' });
    options = { cwd: project.dir, databaseUrl: undefined, config: defaultMigrateConfig({ databaseUrlEnv: 'TOLLGATE_TEST_NO_SUCH_URL' }), backup: true };
  });
  afterAll(async () => {
    await project.remove();
  });

  it('applies, rolls a failing migration back with its position, and keeps the history in .tollgate/pgdata', async () => {
    const log: string[] = [];
    const first = await migrateUp({ ...options, log: (l) => log.push(l) });
    expect(first.applied.map((a) => a.version)).toEqual(['0001']);
    expect(first.backup).toBeUndefined();
    expect(log).toContain('backup: skipped for the embedded database (copy the data directory to keep one)');

    await project.write('0002_bad.sql', "ALTER TABLE accounts ADD COLUMN note text;\nINSERT INTO accounts (id, nope) VALUES (1, 'x');\n");
    const error = await migrateUp(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).sqlState).toBe('42703');
    expect((error as MigrationFailedError).position).toEqual({ line: 2, column: 27 });

    const status = await migrateStatus(options);
    expect(status.database).toBe('embedded PGlite in .tollgate/pgdata');
    expect(status.entries.map((e) => [e.version, e.state])).toEqual([['0001', 'applied'], ['0002', 'pending']]);

    // Nothing of the failed attempt remained: adding the same column again works.
    await project.write('0002_bad.sql', "ALTER TABLE accounts ADD COLUMN note text;\nINSERT INTO accounts (id, note) VALUES (1, 'x');\n");
    expect((await migrateUp(options)).applied.map((a) => a.version)).toEqual(['0002']);
  });
});
