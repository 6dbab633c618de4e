import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, postgresSkipReason, startPostgres, type PostgresServer } from '../helpers/postgres.ts';
import { PROJECT_ROOT, TempRepo } from '../helpers/temp-repo.ts';
import { query } from './project.ts';

const BIN = path.join(PROJECT_ROOT, 'src/cli/bin.ts');

function tollgate(repo: TempRepo, args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: undefined, GITHUB_ACTIONS: undefined, NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!postgresAvailable)(`tollgate migrate from the CLI${postgresAvailable ? '' : ` (skipped: ${postgresSkipReason})`}`, () => {
  let server: PostgresServer;

  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('new, dry-run, up, status, verify; an edited applied migration makes verify exit 1 and up exit 2', async () => {
    const url = await server.createDatabase('cli_flow');
    const repo = await TempRepo.create();
    const env = { DATABASE_URL: url };
    const created = tollgate(repo, ['migrate', 'new', 'Create accounts'], env);
    expect(created).toMatchObject({ code: 0, stdout: 'migrations/0001_create_accounts.sql\n' });
    await repo.write('migrations/0001_create_accounts.sql', 'CREATE TABLE accounts (id int PRIMARY KEY, owner text);\n');
    expect(tollgate(repo, ['migrate', 'new', 'rename owner'], env).stdout).toBe('migrations/0002_rename_owner.sql\n');
    await repo.write('migrations/0002_rename_owner.sql', 'ALTER TABLE accounts RENAME COLUMN owner TO holder;\n');

    const dry = tollgate(repo, ['migrate', 'dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would apply migrations/0001_create_accounts.sql: 1 statement(s), one transaction with its history row, lock_timeout 1s, statement_timeout 5min');
    expect(dry.stdout).toContain('warning migrate/rename-column (line 1)');
    expect(await query(url, "SELECT to_regclass('tollgate_migrations') AS t")).toEqual([{ t: null }]);

    const up = tollgate(repo, ['migrate', 'up', '--no-backup'], env);
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/^applied 0001_create_accounts \(\d+ ms\)\napplied 0002_rename_owner \(\d+ ms\)\n$/);

    const status = tollgate(repo, ['migrate', 'status', '--format', 'json'], env);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { database: string; migrations: { version: string; state: string; appliedBy: string }[] };
    expect(parsed.database).toBe(url);
    expect(parsed.migrations.map((m) => [m.version, m.state])).toEqual([['0001', 'applied'], ['0002', 'applied']]);
    expect(tollgate(repo, ['migrate', 'verify'], env)).toMatchObject({ code: 0 });

    await repo.write('migrations/0001_create_accounts.sql', 'CREATE TABLE accounts (id bigint PRIMARY KEY, owner text);\n');
    const verify = tollgate(repo, ['migrate', 'verify'], env);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/edited {3}migrations\/0001_create_accounts\.sql: applied checksum [0-9a-f]{12}, file now [0-9a-f]{12}/);
    const refused = tollgate(repo, ['migrate', 'up'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Nothing was migrated');
  });

  it('dry-run --execute rehearses the pending migrations in a transaction that is rolled back, and finds the one that fails', async () => {
    const url = await server.createDatabase('cli_rehearse');
    const repo = await TempRepo.create();
    const env = { DATABASE_URL: url };
    await repo.write('migrations/0001_accounts.sql', 'CREATE TABLE accounts (id int PRIMARY KEY, balance_minor bigint NOT NULL);\nINSERT INTO accounts VALUES (1, 500), (2, -20);\n');
    expect(tollgate(repo, ['migrate', 'up', '--no-backup'], env).code).toBe(0);
    await repo.write('migrations/0002_currency.sql', "ALTER TABLE accounts ADD COLUMN currency text NOT NULL DEFAULT 'EUR';\n");
    await repo.write('migrations/0003_index.sql', '-- tollgate:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_currency ON accounts (currency);\n');
    await repo.write('migrations/0004_non_negative.sql', 'UPDATE accounts SET balance_minor = balance_minor;\nALTER TABLE accounts ADD CONSTRAINT non_negative CHECK (balance_minor >= 0);\n');

    const failing = tollgate(repo, ['migrate', 'dry-run', '--execute'], env);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('Migration migrations/0004_non_negative.sql failed at line 2, column 1 (SQLSTATE 23514)');
    expect(failing.stdout).toContain('Rehearsal (migrate dry-run --execute): everything it ran was rolled back');
    const columns = async () => (await query(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY column_name")).map((r) => r.column_name);
    expect(await columns()).toEqual(['balance_minor', 'id']);
    expect(await query(url, 'SELECT count(*)::int AS n FROM tollgate_migrations')).toEqual([{ n: 1 }]);

    await repo.write('migrations/0004_non_negative.sql', 'UPDATE accounts SET balance_minor = 0 WHERE balance_minor < 0;\nALTER TABLE accounts ADD CONSTRAINT non_negative CHECK (balance_minor >= 0);\n');
    const passing = tollgate(repo, ['migrate', 'dry-run', '--execute'], env);
    expect(passing.code, passing.stdout + passing.stderr).toBe(0);
    expect(passing.stdout).toMatch(/ran 0002_currency: 1 statement\(s\) in \d+ ms, rolled back/);
    expect(passing.stdout).toContain('not rehearsed: migrations/0003_index.sql runs outside a transaction');
    expect(passing.stdout).toMatch(/ran 0004_non_negative: 2 statement\(s\) in \d+ ms, rolled back/);
    expect(await columns()).toEqual(['balance_minor', 'id']);
    expect(await query(url, 'SELECT balance_minor::int AS b FROM accounts ORDER BY id')).toEqual([{ b: 500 }, { b: -20 }]);
    expect(await query(url, "SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'accounts_currency'")).toEqual([{ n: 0 }]);
  });

  it('a failing migration exits 2 with the file, line, SQL error and statement, and no stack trace', async () => {
    const url = await server.createDatabase('cli_fail');
    const repo = await TempRepo.create();
    await repo.write('migrations/0001_bad.sql', 'CREATE TABLE t (id int);\nINSERT INTO t VALUES (1), (2);\nALTER TABLE t ADD CONSTRAINT one CHECK (id < 2);\n');
    const result = tollgate(repo, ['migrate', 'up', '--no-backup', '--database-url', url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Migration migrations/0001_bad.sql failed at line 3, column 1 (SQLSTATE 23514)');
    expect(result.stderr).toContain('statement 3 of 3: ALTER TABLE t ADD CONSTRAINT one CHECK (id < 2)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await query(url, "SELECT to_regclass('t') AS t")).toEqual([{ t: null }]);
  });

  it('lint reports through the shared reporters: text, SARIF, --fail-on, --since', async () => {
    const repo = await TempRepo.create();
    await repo.write('migrations/0001_accounts.sql', 'CREATE TABLE accounts (id int, legacy text);\n');
    await repo.write('migrations/0002_contract.sql', '-- tollgate-ignore migrate/drop-column: nothing reads legacy since v3\nALTER TABLE accounts DROP COLUMN legacy;\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'base');
    await repo.write('migrations/0003_drop.sql', 'SELECT 1;\nDROP TABLE accounts;\n');

    const text = tollgate(repo, ['migrate', 'lint']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('migrations/0003_drop.sql');
    expect(text.stdout).toContain('2:1');
    expect(text.stdout).toContain('migrate/drop-table');
    expect(text.stdout).not.toContain('migrate/drop-column');
    expect(tollgate(repo, ['migrate', 'lint', '--fail-on', 'warning']).code).toBe(1);

    const sarif = tollgate(repo, ['migrate', 'lint', '--format', 'sarif', '-o', 'lint.sarif']);
    expect(sarif.code).toBe(0);
    const log = JSON.parse(readFileSync(repo.path('lint.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(['migrate/drop-table']);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('migrate/drop-table');

    const since = tollgate(repo, ['migrate', 'lint', '--since', 'HEAD', '--format', 'json']);
    expect(since.code).toBe(0);
    const json = JSON.parse(since.stdout) as { findings: { ruleId: string; location: { path: string } }[] };
    expect(json.findings.map((f) => [f.ruleId, f.location.path])).toEqual([['migrate/drop-table', 'migrations/0003_drop.sql']]);
    repo.git('add', '.');
    repo.git('commit', '-qm', 'drop');
    const nothing = tollgate(repo, ['migrate', 'lint', '--since', 'HEAD']);
    expect(nothing).toMatchObject({ code: 0, stdout: '' });
    expect(nothing.stderr).toContain('no migration in migrations/ was added or changed since HEAD');
  });

  it('a SQL syntax error is a lint finding and a usage error for up; a bad migrate config is a usage error naming the key', async () => {
    const repo = await TempRepo.create();
    await repo.write('migrations/0001_typo.sql', 'CREATE TABLE t (id int);\nALTER TABEL t ADD COLUMN x int;\n');
    const lint = tollgate(repo, ['migrate', 'lint', '--format', 'json']);
    expect(lint.code).toBe(1);
    const findings = (JSON.parse(lint.stdout) as { findings: { ruleId: string; location: { line: number; column: number } }[] }).findings;
    expect(findings.map((f) => [f.ruleId, f.location.line, f.location.column])).toEqual([['migrate/syntax-error', 2, 7]]);
    const url = await server.createDatabase('cli_syntax');
    const up = tollgate(repo, ['migrate', 'up', '--no-backup', '--database-url', url]);
    expect(up.code).toBe(2);
    expect(up.stderr).toContain('Migration migrations/0001_typo.sql failed at line 2, column 7 (SQLSTATE 42601): syntax error at or near "TABEL"');
    expect(await query(url, "SELECT to_regclass('t') AS t")).toEqual([{ t: null }]);
    await repo.write('tollgate.config.json', JSON.stringify({ migrate: { lockTimeout: 'soon' } }));
    const config = tollgate(repo, ['migrate', 'status']);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('migrate.lockTimeout');
  });

  it('without DATABASE_URL it migrates the embedded PGlite database in .tollgate/pgdata, kept out of git', async () => {
    const repo = await TempRepo.create();
    await repo.write('migrations/0001_accounts.sql', 'CREATE TABLE accounts (id int);\n');
    const up = tollgate(repo, ['migrate', 'up']);
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/^applied 0001_accounts/);
    expect(up.stderr).toContain('database: embedded PGlite in .tollgate/pgdata');
    expect(up.stderr).toContain('backup: skipped for the embedded database');
    const status = tollgate(repo, ['migrate', 'status']);
    expect(status.stdout).toMatch(/0001 {2}accounts +applied/);
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).not.toContain('.tollgate/pgdata');
  });
});
