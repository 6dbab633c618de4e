import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MigrationDb } from './db.ts';
import { MigrationLockTimeoutError } from './errors.ts';

/** The advisory lock key of a history table: 64 bits of sha256("tollgate:migrate:<table>"), signed as bigint. */
export function lockKey(table: string): bigint {
  const digest = createHash('sha256').update(`tollgate:migrate:${table}`).digest();
  return digest.readBigInt64BE(0);
}

interface Holder {
  pid: number;
  application_name: string | null;
  client_addr: string | null;
  backend_start: Date | string | null;
}

/** Who holds the lock (PostgreSQL shows a bigint advisory key as classid = high 32 bits, objid = low 32 bits). */
async function lockHolder(db: MigrationDb, key: bigint): Promise<Holder | undefined> {
  const unsigned = BigInt.asUintN(64, key);
  const high = Number(unsigned >> 32n);
  const low = Number(unsigned & 0xffffffffn);
  const rows = await db
    .query<Holder>(
      `SELECT l.pid, a.application_name, a.client_addr::text AS client_addr, a.backend_start
         FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 1
          AND l.pid <> pg_backend_pid()`,
      [high, low],
    )
    .catch(() => []);
  return rows[0];
}

function describeHolder(holder: Holder | undefined): string {
  if (!holder) return 'another migrator';
  const since = holder.backend_start ? ` connected since ${new Date(holder.backend_start).toISOString()}` : '';
  return `another migrator (server pid ${holder.pid}, ${holder.application_name || 'unknown application'}${holder.client_addr ? ` from ${holder.client_addr}` : ''}${since})`;
}

/**
 * Takes the session advisory lock by polling pg_try_advisory_lock until `deadlineMs`. Never a
 * blocking pg_advisory_lock: a session waiting in that call is an open transaction, and a
 * CREATE INDEX CONCURRENTLY run by the lock holder waits for every open transaction to end, so
 * the two would wait for each other forever. Between polls this session runs no statement.
 * Returns the release function (also released by the server when the connection ends).
 */
export async function acquireLock(
  db: MigrationDb,
  table: string,
  options: { deadlineMs: number; log?: ((line: string) => void) | undefined; signal?: AbortSignal | undefined },
): Promise<() => Promise<void>> {
  const key = lockKey(table);
  const started = Date.now();
  let delay = 50;
  let announced = false;
  for (;;) {
    options.signal?.throwIfAborted();
    const [row] = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key.toString()]);
    if (row?.locked) break;
    const holder = await lockHolder(db, key);
    if (!announced) {
      options.log?.(`waiting for ${describeHolder(holder)} to finish (up to ${Math.round(options.deadlineMs / 1000)} s)`);
      announced = true;
    }
    const waited = Date.now() - started;
    if (waited >= options.deadlineMs) {
      throw new MigrationLockTimeoutError(
        `Gave up after ${(waited / 1000).toFixed(1)} s waiting for the migration lock of ${table}: it is held by ${describeHolder(holder)}. ` +
          'Let that run finish and retry, or raise migrate.lockWaitTimeout.',
      );
    }
    await sleep(Math.min(delay, Math.max(options.deadlineMs - waited, 1)), undefined, options.signal ? { signal: options.signal } : {});
    delay = Math.min(delay * 2, 500);
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await db.query('SELECT pg_advisory_unlock($1::bigint)', [key.toString()]).catch(() => {});
  };
}
