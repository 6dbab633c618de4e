// Migrations benchmark: a 50-migration run (tables, columns, indexes, seed data, views, functions)
// applied by `tollgate migrate up` and by node-pg-migrate's CLI (`node-pg-migrate up`) to fresh
// databases on the same real PostgreSQL server in the same run, interleaved; each a fresh process,
// as a deploy runs it. Also times the in-process migrateUp() (what the deploy action calls) and
// checks that both tools built the same schema. Runnable alone:
//   node scripts/bench/migrate.ts [--migrations 50] [--runs 5] [--warmups 1]
// and as a function for scripts/bench.ts: runMigrateBench(options). tollgate runs as users run it: the
// built CLI (bin/tollgate.js): bench.ts passes its snapshot; alone, the script compiles a private copy
// (tsc into its temp dir), so it never touches the shared build/.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { defaultMigrateConfig, migrateUp } from '../../src/migrate/index.ts';
import { postgresAvailable, postgresSkipReason, startPostgres } from '../../test/helpers/postgres.ts';
import { CommandFailed, runOnce, summarise, type CommandSpec, type Stats } from './measure.ts';
import { timingLine } from './report.ts';
import { tollgateBin } from './preflight.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PEER_BIN = path.join(ROOT, 'node_modules/node-pg-migrate/bin/node-pg-migrate.js');

export interface MigrateBenchOptions {
  migrations?: number;
  runs?: number;
  warmups?: number;
  /** A tollgate package root with a built CLI (bench.ts passes its snapshot); default: this checkout, built when stale. */
  tollgateRoot?: string;
  log?: (line: string) => void;
}

export interface MigrateBenchResult {
  migrations: number;
  postgres: string;
  tollgateCli: Stats;
  /** node-pg-migrate with its defaults: every pending migration in ONE transaction. */
  nodePgMigrateCli: Stats;
  /** node-pg-migrate --no-single-transaction: one transaction per migration, as tollgate does. */
  nodePgMigratePerMigrationCli: Stats;
  tollgateInProcess: Stats;
  /** node-pg-migrate (defaults) median / tollgate CLI median (above 1: tollgate is faster). */
  ratio: number;
  /** node-pg-migrate --no-single-transaction median / tollgate CLI median. */
  ratioPerMigration: number;
  sameSchema: boolean;
  notes: string[];
}

/** Migration `i` of a plausible payments schema: every fifth a table, then columns, indexes, data, views, functions. */
function migrationSql(i: number): string {
  const table = `ledger_${Math.floor(i / 5)}`;
  switch (i % 5) {
    case 0:
      return `CREATE TABLE ${table} (\n  id bigserial PRIMARY KEY,\n  account_id bigint NOT NULL,\n  amount_cents bigint NOT NULL,\n  currency char(3) NOT NULL DEFAULT 'EUR',\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n`;
    case 1:
      return `ALTER TABLE ${table} ADD COLUMN memo text;\nALTER TABLE ${table} ADD COLUMN settled boolean NOT NULL DEFAULT false;\n`;
    case 2:
      return `INSERT INTO ${table} (account_id, amount_cents)\n  SELECT g % 97, g * 13 FROM generate_series(1, 2000) AS g;\n`;
    case 3:
      return `CREATE INDEX ${table}_account ON ${table} (account_id, created_at);\nCREATE INDEX ${table}_unsettled ON ${table} (account_id) WHERE NOT settled;\n`;
    default:
      return `CREATE VIEW ${table}_balances AS\n  SELECT account_id, currency, sum(amount_cents) AS balance_cents FROM ${table} GROUP BY account_id, currency;\nCREATE FUNCTION ${table}_balance(p_account bigint) RETURNS bigint LANGUAGE sql STABLE AS $$\n  SELECT coalesce(sum(amount_cents), 0) FROM ${table} WHERE account_id = p_account;\n$$;\n`;
  }
}

async function writeMigrations(dir: string, count: number): Promise<void> {
  await mkdir(path.join(dir, 'migrations'), { recursive: true });
  for (let i = 0; i < count; i++) {
    await writeFile(path.join(dir, 'migrations', `${String(i + 1).padStart(4, '0')}_step_${i + 1}.sql`), migrationSql(i));
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** Tables, views, functions and indexes of the public schema, minus each tool's history table. */
async function schemaShape(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ kind: string; name: string }>(
      `SELECT c.relkind::text AS kind, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname NOT LIKE 'tollgate_migrations%' AND c.relname NOT LIKE 'pgmigrations%'
       UNION ALL SELECT 'f', p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
       ORDER BY 1, 2`,
    );
    return rows.map((r) => `${r.kind}:${r.name}`).join('\n');
  } finally {
    await client.end();
  }
}

/** Compiles this checkout into `dest` (bin/, build/, package.json, node_modules linked): the CLI as published. */
async function privateBuild(dest: string, log: (line: string) => void): Promise<string> {
  log('migrate bench: compiling tollgate (tsc -p tsconfig.build.json) into a private build');
  await mkdir(dest, { recursive: true });
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', path.join(dest, 'build')], {
    encoding: 'utf8',
  });
  if (tsc.status !== 0) log(`tsc reported errors (output emitted anyway): ${tsc.stdout.split('\n').filter((l) => l.includes('error TS')).slice(0, 2).join(' | ')}`);
  await cp(path.join(ROOT, 'bin'), path.join(dest, 'bin'), { recursive: true });
  await cp(path.join(ROOT, 'package.json'), path.join(dest, 'package.json'));
  await symlink(path.join(ROOT, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  return dest;
}

async function timed(spec: CommandSpec): Promise<number> {
  const outcome = await runOnce(spec);
  if (outcome.exitCode !== 0) throw new CommandFailed(spec, outcome);
  return outcome.ms;
}

export async function runMigrateBench(options: MigrateBenchOptions = {}): Promise<MigrateBenchResult> {
  const log = options.log ?? (() => {});
  const count = options.migrations ?? 50;
  const runs = options.runs ?? 5;
  const warmups = options.warmups ?? 1;
  if (!postgresAvailable) throw new Error(postgresSkipReason);
  const server = await startPostgres();
  const work = await mkdtemp(path.join(os.tmpdir(), 'tollgate-bench-migrate-'));
  try {
    const tollgateRoot = options.tollgateRoot ?? (await privateBuild(path.join(work, 'tollgate'), log));
    const cli = tollgateBin(tollgateRoot);
    await writeMigrations(work, count);
    const version = await (async () => {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
      await client.end();
      return rows[0]?.v ?? '?';
    })();
    const tollgate: number[] = [];
    const peer: number[] = [];
    const peerPerMigration: number[] = [];
    const inProcess: number[] = [];
    let shapes: [string, string] | undefined;
    for (let round = 0; round < warmups + runs; round++) {
      const measured = round >= warmups;
      log(`migrate bench: ${measured ? `run ${round - warmups + 1}/${runs}` : 'warm-up'}`);
      const ours = await createDatabase(server.url, `tollgate_${round}`);
      const theirs = await createDatabase(server.url, `peer_${round}`);
      const theirsPerMigration = await createDatabase(server.url, `peer_each_${round}`);
      const library = await createDatabase(server.url, `library_${round}`);
      // Alternate who goes first, so neither always meets a warmer server.
      const order = round % 2 === 0 ? ['tollgate', 'peer', 'peer-each'] : ['peer-each', 'peer', 'tollgate'];
      for (const who of order) {
        if (who === 'tollgate') {
          const ms = await timed({ label: 'tollgate migrate up', argv: [process.execPath, cli, 'migrate', 'up', '--no-backup'], cwd: work, env: { DATABASE_URL: ours } });
          if (measured) tollgate.push(ms);
        } else if (who === 'peer') {
          const ms = await timed({ label: 'node-pg-migrate up', argv: [process.execPath, PEER_BIN, 'up', '-m', 'migrations', '--no-check-order'], cwd: work, env: { DATABASE_URL: theirs } });
          if (measured) peer.push(ms);
        } else {
          const argv = [process.execPath, PEER_BIN, 'up', '-m', 'migrations', '--no-check-order', '--no-single-transaction'];
          const ms = await timed({ label: 'node-pg-migrate up --no-single-transaction', argv, cwd: work, env: { DATABASE_URL: theirsPerMigration } });
          if (measured) peerPerMigration.push(ms);
        }
      }
      const started = performance.now();
      await migrateUp({ cwd: work, databaseUrl: library, config: defaultMigrateConfig(), backup: false });
      if (measured) inProcess.push(performance.now() - started);
      if (!shapes) shapes = [await schemaShape(ours), await schemaShape(theirs)];
    }
    const tollgateCli = summarise(tollgate);
    const nodePgMigrateCli = summarise(peer);
    const nodePgMigratePerMigrationCli = summarise(peerPerMigration);
    return {
      migrations: count,
      postgres: version,
      tollgateCli,
      nodePgMigrateCli,
      nodePgMigratePerMigrationCli,
      tollgateInProcess: summarise(inProcess),
      ratio: nodePgMigrateCli.medianMs / tollgateCli.medianMs,
      ratioPerMigration: nodePgMigratePerMigrationCli.medianMs / tollgateCli.medianMs,
      sameSchema: shapes !== undefined && shapes[0] === shapes[1] && shapes[0].length > 0,
      notes: [
        'tollgate: one transaction per migration with its history row, polling advisory lock, lock_timeout/statement_timeout set, each statement sent on its own (to name the failing one); the built CLI.',
        'node-pg-migrate: its defaults (all pending migrations in ONE transaction, each file sent as one query, blocking advisory lock), and with --no-single-transaction.',
      ],
    };
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

export function renderMigrateBench(r: MigrateBenchResult): string {
  const row = (label: string, s: Stats) => timingLine(label, s, 34);
  return [
    `migrate (${r.migrations} migrations, fresh database each run, PostgreSQL ${r.postgres}; vs node-pg-migrate):`,
    row('tollgate migrate up (CLI)', r.tollgateCli),
    row('node-pg-migrate up (CLI)', r.nodePgMigrateCli),
    row('node-pg-migrate up --no-single-tx', r.nodePgMigratePerMigrationCli),
    row('tollgate migrateUp() in-process', r.tollgateInProcess),
    `  ratio node-pg-migrate / tollgate (CLI medians): ${r.ratio.toFixed(2)}x${r.ratio >= 1 ? ' (tollgate faster)' : ' (tollgate slower)'}`,
    `  ratio node-pg-migrate --no-single-transaction / tollgate: ${r.ratioPerMigration.toFixed(2)}x${r.ratioPerMigration >= 1 ? ' (tollgate faster)' : ' (tollgate slower)'}`,
    `  same schema from both: ${r.sameSchema ? 'yes' : 'NO'}`,
    ...r.notes.map((n) => `  note: ${n}`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { migrations: { type: 'string' }, runs: { type: 'string' }, warmups: { type: 'string' }, 'tollgate-root': { type: 'string' } } });
  const result = await runMigrateBench({
    ...(values.migrations ? { migrations: Number(values.migrations) } : {}),
    ...(values.runs ? { runs: Number(values.runs) } : {}),
    ...(values.warmups ? { warmups: Number(values.warmups) } : {}),
    ...(values['tollgate-root'] ? { tollgateRoot: path.resolve(values['tollgate-root']) } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${renderMigrateBench(result)}\n`);
  if (!result.sameSchema) process.exitCode = 1;
}
