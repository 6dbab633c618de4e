import type { Node } from 'libpg-query';
import { asServerError, type MigrationDb, type ServerError } from './db.ts';
import { MigrationFailedError } from './errors.ts';
import { historyInsertSql } from './history.ts';
import type { ParsedMigration } from './preflight.ts';
import { lineColumn, splitStatements, type ExecStatement } from './statements.ts';

export interface ApplySettings {
  table: string;
  lockTimeout: string;
  statementTimeout: string;
  appliedBy: string;
}

const LOCK_NOT_AVAILABLE = '55P03';
const QUERY_CANCELED = '57014';

/** Every table a statement names (RangeVar nodes anywhere in its parse tree). */
export function relationsOf(node: Node): string[] {
  const names = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'RangeVar' || key === 'relation') {
        const rv = child as { relname?: string; schemaname?: string };
        if (rv && typeof rv.relname === 'string') names.add(rv.schemaname ? `${rv.schemaname}.${rv.relname}` : rv.relname);
      }
      walk(child);
    }
  };
  walk(node);
  return [...names];
}

interface Blocker {
  relation: string;
  pid: number;
  mode: string;
  state: string | null;
  application_name: string | null;
  xact_seconds: number | null;
}

/** Sessions holding a lock on one of `relations` (asked right after our statement gave up waiting). */
async function blockersOf(db: MigrationDb, relations: string[]): Promise<Blocker[]> {
  if (relations.length === 0) return [];
  return db
    .query<Blocker>(
      `SELECT c.relname AS relation, l.pid, l.mode, a.state, a.application_name,
              round(extract(epoch FROM now() - a.xact_start))::int AS xact_seconds
         FROM pg_locks l
         JOIN pg_class c ON c.oid = l.relation
         LEFT JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.granted AND l.pid <> pg_backend_pid() AND l.relation = ANY (
              SELECT to_regclass(r)::oid FROM unnest($1::text[]) AS r WHERE to_regclass(r) IS NOT NULL)
        ORDER BY a.xact_start NULLS LAST LIMIT 5`,
      [relations.map((r) => r.split('.').map((p) => `"${p}"`).join('.'))],
    )
    .catch(() => []);
}

function describeBlockers(blockers: Blocker[], relations: string[]): string {
  if (blockers.length === 0) {
    return relations.length > 0 ? `a lock on ${relations.map((r) => `"${r}"`).join(', ')}` : 'a lock';
  }
  const first = blockers[0]!;
  const others = blockers.length > 1 ? ` (and ${blockers.length - 1} more session(s))` : '';
  const age = first.xact_seconds == null ? '' : `, its transaction open for ${first.xact_seconds} s`;
  return `a lock on "${first.relation}" held by server pid ${first.pid} (${first.mode}, ${first.state ?? 'unknown state'}${age}, ${first.application_name || 'unknown application'})${others}`;
}

async function failure(
  db: MigrationDb,
  migration: ParsedMigration,
  statement: ExecStatement,
  index: number,
  error: ServerError,
  settings: Timeouts,
  rehearsal = false,
): Promise<MigrationFailedError> {
  const { file } = migration;
  const position = error.position === undefined || error.position === '' ? undefined : Number(error.position);
  const at = position && Number.isFinite(position) ? lineColumn(file.sql, statement.offset + position - 1) : { line: statement.line, column: statement.column };
  const lines = [`Migration ${file.path} failed at line ${at.line}, column ${at.column} (SQLSTATE ${error.code}): ${error.message}`];
  if (error.detail) lines.push(`  detail: ${error.detail}`);
  if (error.hint) lines.push(`  hint: ${error.hint}`);
  lines.push(`  statement ${index + 1} of ${migration.statements.length}: ${statement.text.length > 300 ? `${statement.text.slice(0, 300)}…` : statement.text}`);
  if (error.code === LOCK_NOT_AVAILABLE) {
    // Only now is the statement parsed in full, to name the tables it waited for.
    const relations = (await splitStatements(statement.text, file.path).catch(() => [])).flatMap((s) => relationsOf(s.node));
    const blockers = await blockersOf(db, relations);
    lines.push(
      `  lock_timeout (${settings.lockTimeout}) expired waiting for ${describeBlockers(blockers, relations)}. ` +
        'The migration gave up instead of queueing traffic behind it: retry when that transaction has ended, or raise the limit for this file with `-- tollgate:lock-timeout 5s`.',
    );
  } else if (error.code === QUERY_CANCELED) {
    lines.push(`  statement_timeout (${settings.statementTimeout}) expired; if the statement needs longer, add \`-- tollgate:statement-timeout 30min\` to the file.`);
  }
  if (file.directives.noTransaction && !rehearsal) {
    lines.push(
      index === 0
        ? `  Nothing of ${file.version} ran. It is not recorded; the next run retries it.`
        : `  This is a no-transaction migration: its statements 1–${index} had already run and stay. It is not recorded, so the next run retries the whole file: write it to be safe to re-run (IF NOT EXISTS, DROP INDEX CONCURRENTLY IF EXISTS before CREATE INDEX CONCURRENTLY).`,
    );
  } else if (rehearsal) {
    lines.push(`  Rehearsal (migrate dry-run --execute): everything it ran was rolled back; the database is as it was.`);
  } else {
    lines.push(`  Nothing of ${file.version} was applied: the schema and the history are as they were before it. Later migrations were not run.`);
  }
  return new MigrationFailedError(lines.join('\n'), {
    file: file.path,
    version: file.version,
    statement: statement.text,
    position: at,
    sqlState: error.code,
    cause: error,
  });
}

function quoteSetting(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

type Timeouts = Pick<ApplySettings, 'lockTimeout' | 'statementTimeout'>;

/** The file's own timeouts (`-- tollgate:lock-timeout …`) over the configured ones. */
function timeoutsOf(migration: ParsedMigration, settings: Timeouts): Timeouts {
  const { directives } = migration.file;
  return { lockTimeout: directives.lockTimeout ?? settings.lockTimeout, statementTimeout: directives.statementTimeout ?? settings.statementTimeout };
}

/** `SET [LOCAL] lock_timeout …; SET [LOCAL] statement_timeout …`. */
function timeoutSql(timeouts: Timeouts, scope: '' | 'LOCAL '): string {
  return `SET ${scope}lock_timeout = ${quoteSetting(timeouts.lockTimeout)}; SET ${scope}statement_timeout = ${quoteSetting(timeouts.statementTimeout)}`;
}

/**
 * Applies one migration. Transactional: BEGIN, SET LOCAL timeouts, each statement, the history row,
 * COMMIT; any error rolls all of it back. `-- tollgate:no-transaction`: session timeouts, each
 * statement on its own, then the history row only once every statement succeeded.
 * Returns the duration in milliseconds.
 */
export async function applyMigration(db: MigrationDb, migration: ParsedMigration, settings: ApplySettings): Promise<number> {
  const { file } = migration;
  const timeouts = timeoutsOf(migration, settings);
  const transactional = !file.directives.noTransaction;
  const started = performance.now();
  let index = 0;
  try {
    // One round trip each for the opening and the closing: a migration costs its statements plus two.
    await db.query(transactional ? `BEGIN; ${timeoutSql(timeouts, 'LOCAL ')}` : timeoutSql(timeouts, ''));
    for (; index < migration.statements.length; index++) {
      await db.query(migration.statements[index]!.text);
    }
    index = -1;
    const durationMs = performance.now() - started;
    const record = historyInsertSql(settings.table, {
      version: file.version,
      name: file.name,
      checksum: file.checksum,
      durationMs,
      appliedBy: settings.appliedBy,
      transactional,
    });
    await db.query(transactional ? `${record}; COMMIT` : `${record}; RESET lock_timeout; RESET statement_timeout`);
    return durationMs;
  } catch (error) {
    if (transactional) await db.query('ROLLBACK').catch(() => {});
    else await db.query('RESET lock_timeout; RESET statement_timeout').catch(() => {});
    const serverError = asServerError(error);
    const statement = index >= 0 ? migration.statements[index] : undefined;
    if (!serverError || !statement) throw error;
    throw await failure(db, migration, statement, index, serverError, timeouts);
  }
}

export interface Rehearsal {
  rehearsed: { version: string; name: string; statements: number; durationMs: number }[];
  /** No-transaction migrations (CREATE INDEX CONCURRENTLY cannot run in a transaction block). */
  skipped: string[];
}

/**
 * `migrate dry-run --execute`: runs the pending migrations in order inside one transaction that
 * is always rolled back, each with its own lock and statement timeouts, so a failure shows up
 * (file, line, SQL error, blockers) before `up` meets it. It takes the locks `up` would take, for
 * as long as the rehearsal lasts (each wait bounded by lock_timeout). No-transaction migrations
 * cannot run inside it and are skipped, with a note.
 */
export async function rehearseMigrations(db: MigrationDb, migrations: readonly ParsedMigration[], settings: Timeouts): Promise<Rehearsal> {
  const result: Rehearsal = { rehearsed: [], skipped: [] };
  await db.query('BEGIN');
  let open = true;
  try {
    for (const migration of migrations) {
      const { file } = migration;
      if (file.directives.noTransaction) {
        result.skipped.push(file.path);
        continue;
      }
      const timeouts = timeoutsOf(migration, settings);
      await db.query(timeoutSql(timeouts, 'LOCAL '));
      const started = performance.now();
      let index = 0;
      try {
        for (; index < migration.statements.length; index++) await db.query(migration.statements[index]!.text);
      } catch (error) {
        // The transaction is aborted: roll it back before asking the server who held the locks.
        await db.query('ROLLBACK').catch(() => {});
        open = false;
        const serverError = asServerError(error);
        const statement = migration.statements[index];
        if (!serverError || !statement) throw error;
        throw await failure(db, migration, statement, index, serverError, timeouts, true);
      }
      result.rehearsed.push({ version: file.version, name: file.name, statements: migration.statements.length, durationMs: Math.round(performance.now() - started) });
    }
    return result;
  } finally {
    if (open) await db.query('ROLLBACK').catch(() => {});
  }
}
