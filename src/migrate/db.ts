import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { UserError } from '../errors/user-error.ts';

/**
 * The one connection a migrator uses: a real PostgreSQL server through node-postgres, or the
 * embedded PGlite database. Every statement of a run goes through the same session, so the
 * session advisory lock and SET LOCAL apply to it.
 */
export interface MigrationDb {
  kind: 'postgres' | 'pglite';
  /** Where it points, with any password masked: "postgres://app:***@db:5432/app" or "embedded PGlite in .tollgate/pgdata". */
  label: string;
  /** The connection URL (postgres only), for pg_dump. */
  url?: string;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** The fields both drivers put on a server error. */
export interface ServerError {
  message: string;
  code?: string;
  /** 1-based character position in the statement, as a string (node-postgres) or number (PGlite). */
  position?: string | number;
  detail?: string;
  hint?: string;
}

export function asServerError(error: unknown): ServerError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as Partial<ServerError>;
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? (e as ServerError) : undefined;
}

export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable database URL>';
  }
}

export async function connectPostgres(url: string): Promise<MigrationDb> {
  const client = new pg.Client({ connectionString: url, application_name: 'tollgate migrate', connectionTimeoutMillis: 15_000 });
  // A dropped connection surfaces on the next query; without a listener it would crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new UserError(`Could not connect to ${maskUrl(url)}: ${(error as Error).message}`, { cause: error });
  }
  // If this process dies mid-statement, the server notices within a second and rolls the
  // migration back (releasing its locks and the advisory lock) instead of running it to the end.
  // PostgreSQL 14+; older servers do not know the setting, which is fine.
  await client.query("SET client_connection_check_interval = '1s'").catch(() => {});
  return {
    kind: 'postgres',
    label: maskUrl(url),
    url,
    async query<Row>(sql: string, params?: unknown[]): Promise<Row[]> {
      const result = await client.query(sql, params);
      // A multi-statement text returns one result per statement; migrations send one at a time.
      return (Array.isArray(result) ? [] : result.rows) as Row[];
    },
    async close(): Promise<void> {
      await client.end().catch(() => {});
    },
  };
}

/** The embedded database (PGlite: PostgreSQL compiled to WebAssembly) in `dir`, created on first use. */
export async function openEmbedded(cwd: string, dir: string): Promise<MigrationDb> {
  const abs = path.resolve(cwd, dir);
  await mkdir(abs, { recursive: true });
  // The data files never belong in git (nor in a validate-all scan): the folder ignores itself.
  await writeFile(path.join(abs, '.gitignore'), '*\n', { flag: 'wx' }).catch(() => {});
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(abs);
  await db.waitReady;
  return {
    kind: 'pglite',
    label: `embedded PGlite in ${dir}`,
    async query<Row>(sql: string, params?: unknown[]): Promise<Row[]> {
      if (params && params.length > 0) return (await db.query<Row>(sql, params)).rows;
      // Without parameters: the simple protocol, as node-postgres does, so "BEGIN; SET …" works too.
      const results = await db.exec(sql);
      return (results.at(-1)?.rows ?? []) as Row[];
    },
    async close(): Promise<void> {
      await db.close();
    },
  };
}
