import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeployCommand } from '../../src/deploy/command.ts';
import { deployLockKeys } from '../../src/deploy/db-lock.ts';
import { RuntimeClient } from '../../src/deploy/local/runtime-client.ts';
import { runtimeDir } from '../../src/deploy/local/runtime-paths.ts';
import { postgresAvailable, postgresSkipReason, startPostgres, type PostgresServer } from '../helpers/postgres.ts';
import { deployProject, servedVersion, startLoad, type DeployProject } from './helpers.ts';

const URL_ENV = 'TOLLGATE_DEPLOY_TEST_DATABASE_URL';

describe.skipIf(!postgresAvailable)(`deploy migrate step on a real PostgreSQL${postgresAvailable ? '' : ` (skipped: ${postgresSkipReason})`}`, () => {
  let server: PostgresServer;
  let project: DeployProject;
  let url: string;

  async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  const columns = async (): Promise<string[]> =>
    (await query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'quotes' ORDER BY ordinal_position")).map((row) => row.column_name);
  const history = async (): Promise<string[]> => (await query<{ version: string }>('SELECT version FROM tollgate_migrations ORDER BY version')).map((row) => row.version);

  beforeAll(async () => {
    server = await startPostgres();
    url = await server.createDatabase('deploy_migrate');
    process.env[URL_ENV] = url;
    project = await deployProject({ migrate: true, watchMs: 200, lockTimeoutMs: 1_500 }, { migrate: { dir: 'migrations', databaseUrlEnv: URL_ENV } });
    await mkdir(path.join(project.dir, 'migrations'));
    await writeFile(path.join(project.dir, 'migrations/0001_create_quotes.sql'), 'CREATE TABLE quotes (id bigserial PRIMARY KEY, bid_minor bigint NOT NULL);\n');
  });
  afterAll(async () => {
    await new RuntimeClient(runtimeDir(project.dir, 'prod')).shutdown(2_000);
    await project?.remove();
    await server?.stop();
    delete process.env[URL_ENV];
  });

  it('backs up, migrates, then deploys; the journal names the backup and its restore command', async () => {
    const { outcome } = await runDeployCommand({ cwd: project.dir, env: 'prod', release: 'v1', log: () => {} });
    expect(outcome?.state).toBe('succeeded');
    expect(await columns()).toEqual(['id', 'bid_minor']);
    expect(await history()).toEqual(['0001']);
    const migrate = outcome!.record!.steps.find((event) => event.step === 'migrate' && event.status === 'done');
    expect(migrate?.detail).toMatch(/applied: 0001; backup .+ \(restore: pg_restore .+\)/);
    expect((await readdir(path.join(project.dir, '.tollgate/backups'))).length).toBe(1);
  });

  it('waits for the database advisory lock another machine’s deploy holds, and gives up at lockTimeoutMs', async () => {
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1, $2)', deployLockKeys('prod'));
      const lines: string[] = [];
      const started = Date.now();
      await expect(runDeployCommand({ cwd: project.dir, env: 'prod', release: 'v-locked', log: (line) => lines.push(line) })).rejects.toThrow(/still holds the database advisory lock after 1500 ms/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
      expect(lines).toContain('waiting for the database deploy lock of prod (another deploy holds it)');
      expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v1' });
    } finally {
      await other.end();
    }
  });

  it('killed with SIGKILL while migrating: --resume applies what is pending once and finishes the deploy', async () => {
    await writeFile(path.join(project.dir, 'migrations/0002_add_ask.sql'), 'ALTER TABLE quotes ADD COLUMN ask_minor bigint;\n');
    const killer = path.join(import.meta.dirname, 'fixtures/deploy-killed-at.ts');
    const child = spawnSync(process.execPath, [killer, project.dir, 'v2', 'migrate:started'], { encoding: 'utf8', timeout: 60_000 });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    const { outcome } = await runDeployCommand({ cwd: project.dir, env: 'prod', resume: true, log: () => {} });
    expect(outcome?.state).toBe('succeeded');
    expect(await history()).toEqual(['0001', '0002']);
    expect(await columns()).toEqual(['id', 'bid_minor', 'ask_minor']);
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v2', color: 'green' });
  });

  it('a failing migration leaves the schema, the history and the live color untouched, with no failed request', async () => {
    await writeFile(
      path.join(project.dir, 'migrations/0003_add_fee.sql'),
      'ALTER TABLE quotes ADD COLUMN fee_minor bigint;\nALTER TABLE quotes ADD CONSTRAINT fee_positive CHECK (no_such_column > 0);\n',
    );
    const load = startLoad(`${project.publicUrl}/api/quote`, { connections: 4 });
    const { outcome, exitCode } = await runDeployCommand({ cwd: project.dir, env: 'prod', release: 'v3', log: () => {} });
    const result = await load.stop();
    await rm(path.join(project.dir, 'migrations/0003_add_fee.sql'));
    expect(exitCode).toBe(1);
    expect(outcome?.state).toBe('failed');
    expect(outcome?.message).toMatch(/^migrate failed: .*0003/s);
    expect(await columns()).toEqual(['id', 'bid_minor', 'ask_minor']);
    expect(await history()).toEqual(['0001', '0002']);
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v2', color: 'green' });
    const status = await new RuntimeClient(runtimeDir(project.dir, 'prod')).status();
    expect(status.colors.filter((color) => color.running).map((color) => color.color)).toEqual(['green']);
    expect(outcome?.record?.steps.some((event) => event.step === 'start')).toBe(false);
    expect(result.total).toBeGreaterThan(0);
    expect(result.failed).toBe(0);
  });
});
