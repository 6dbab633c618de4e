import path from 'node:path';
import { UserError } from '../errors/user-error.ts';
import { applyMigration, rehearseMigrations, type Rehearsal } from './apply.ts';
import { durationMs, type MigrateConfig } from './config.ts';
import { connectPostgres, openEmbedded, type MigrationDb } from './db.ts';
import { readMigrations } from './files.ts';
import { appliedBy, ensureHistory, readHistory } from './history.ts';
import { acquireLock } from './lock.ts';
import { compareState, type MigrationStatus } from './status.ts';

export interface MigrateRunOptions {
  /** Repository root: the migrations folder and .tollgate/pgdata are relative to it. */
  cwd: string;
  /** The validated top-level `migrate` config section. */
  config: MigrateConfig;
  /** Default: process.env[config.databaseUrlEnv]; none → the embedded PGlite database. */
  databaseUrl?: string | undefined;
  /** pg_dump before `up`; default config.backup.enabled (skipped for PGlite, with a note). */
  backup?: boolean | undefined;
  log?: ((line: string) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface MigrateUpResult {
  applied: { version: string; name: string; durationMs: number }[];
  backup?: { file: string; restoreCommand: string } | undefined;
}

function databaseUrl(options: MigrateRunOptions): string | undefined {
  const url = options.databaseUrl ?? process.env[options.config.databaseUrlEnv];
  return url && url.trim() !== '' ? url : undefined;
}

/** Opens the configured database: the URL's server, or the embedded one when there is no URL. */
export async function openDatabase(options: MigrateRunOptions): Promise<MigrationDb> {
  const url = databaseUrl(options);
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new UserError(`${options.config.databaseUrlEnv} must be a postgres:// or postgresql:// URL (it starts with "${url.split(':')[0]}:").`);
    }
    return connectPostgres(url);
  }
  return openEmbedded(options.cwd, options.config.embeddedDir);
}

async function withDatabase<T>(options: MigrateRunOptions, work: (db: MigrationDb) => Promise<T>): Promise<T> {
  const db = await openDatabase(options);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Where every migration stands: applied, pending, edited since applied, missing, out of order. Reads only. */
export async function migrateStatus(options: MigrateRunOptions): Promise<MigrationStatus> {
  const files = await readMigrations(options.cwd, options.config.dir);
  return withDatabase(options, async (db) => {
    const history = await readHistory(db, options.config.table);
    return compareState(files, history, { database: db.label, table: options.config.table });
  });
}

/**
 * Applies every pending migration, in order, one transaction each (with its history row), under
 * the migration lock; a backup first when there is something to apply. Refuses to start while an
 * applied migration was edited, is missing, or a pending one is numbered below an applied one.
 * A failing migration throws MigrationFailedError and leaves nothing of itself behind.
 */
export async function migrateUp(options: MigrateRunOptions): Promise<MigrateUpResult> {
  const { config } = options;
  const log = options.log ?? (() => {});
  const files = await readMigrations(options.cwd, config.dir);
  return withDatabase(options, async (db) => {
    log(`database: ${db.label}`);
    const release = await acquireLock(db, config.table, { deadlineMs: durationMs(config.lockWaitTimeout), log, signal: options.signal });
    try {
      const status = compareState(files, await readHistory(db, config.table), { database: db.label, table: config.table });
      if (status.problems.length > 0) {
        throw new UserError(`Nothing was migrated:\n${status.problems.map((p) => `  - ${p}`).join('\n')}\n(\`tollgate migrate verify\` lists the differences.)`);
      }
      if (status.pending.length === 0) {
        log('up to date: no pending migration');
        return { applied: [] };
      }
      // Only what will run is parsed: every parse costs the process time at exit (V8 finishes
      // optimising the parser's WebAssembly before it quits), and an up-to-date database needs none.
      // A file that cannot run (syntax, BEGIN/COMMIT, CONCURRENTLY in a transaction) stops here,
      // before anything changed.
      const { parseMigrations } = await import('./preflight.ts');
      const parsed = await parseMigrations(status.pending);
      await ensureHistory(db, config.table);
      const backup = await maybeBackup(db, options, status.pending[0]!.version, log);
      const who = await appliedBy(db);
      const applied: MigrateUpResult['applied'] = [];
      for (const migration of parsed) {
        options.signal?.throwIfAborted();
        log(`applying ${migration.file.path}${migration.file.directives.noTransaction ? ' (no transaction)' : ''}`);
        const ms = await applyMigration(db, migration, {
          table: config.table,
          lockTimeout: config.lockTimeout,
          statementTimeout: config.statementTimeout,
          appliedBy: who,
        });
        applied.push({ version: migration.file.version, name: migration.file.name, durationMs: Math.round(ms) });
        log(`applied ${migration.file.version} ${migration.file.name} in ${Math.round(ms)} ms`);
      }
      return { applied, ...(backup ? { backup } : {}) };
    } finally {
      await release();
    }
  });
}

async function maybeBackup(
  db: MigrationDb,
  options: MigrateRunOptions,
  firstVersion: string,
  log: (line: string) => void,
): Promise<MigrateUpResult['backup']> {
  const wanted = options.backup ?? options.config.backup.enabled;
  if (!wanted) {
    log('backup: skipped (--no-backup / migrate.backup.enabled: false)');
    return undefined;
  }
  if (db.kind === 'pglite' || !db.url) {
    log('backup: skipped for the embedded database (copy the data directory to keep one)');
    return undefined;
  }
  const urlHint = options.databaseUrl ? db.label : `$${options.config.databaseUrlEnv}`;
  const { backupDatabase } = await import('./backup.ts');
  const backup = await backupDatabase({ url: db.url, dir: path.resolve(options.cwd, options.config.backup.dir), label: `before-${firstVersion}`, urlHint });
  log(`backup: ${backup.file} (${backup.entries} entries, verified with pg_restore --list)`);
  log(`restore with: ${backup.restoreCommand}`);
  return { file: backup.file, restoreCommand: backup.restoreCommand };
}

/**
 * `migrate dry-run --execute`: the pending migrations run under the migration lock inside one
 * transaction that is rolled back (see rehearseMigrations). Nothing is recorded, nothing stays.
 */
export async function migrateRehearse(options: MigrateRunOptions): Promise<Rehearsal> {
  const { config } = options;
  const log = options.log ?? (() => {});
  const files = await readMigrations(options.cwd, config.dir);
  return withDatabase(options, async (db) => {
    const release = await acquireLock(db, config.table, { deadlineMs: durationMs(config.lockWaitTimeout), log, signal: options.signal });
    try {
      const status = compareState(files, await readHistory(db, config.table), { database: db.label, table: config.table });
      if (status.problems.length > 0) throw new UserError(`Nothing was rehearsed:\n${status.problems.map((p) => `  - ${p}`).join('\n')}`);
      const { parseMigrations } = await import('./preflight.ts');
      return await rehearseMigrations(db, await parseMigrations(status.pending), { lockTimeout: config.lockTimeout, statementTimeout: config.statementTimeout });
    } finally {
      await release();
    }
  });
}
