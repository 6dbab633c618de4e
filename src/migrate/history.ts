import os from 'node:os';
import pg from 'pg';
import type { MigrationDb } from './db.ts';

/** One row of the history table: a migration that was applied. */
export interface AppliedMigration {
  version: string;
  name: string;
  checksum: string;
  appliedAt: Date;
  durationMs: number;
  appliedBy: string;
  transactional: boolean;
}

/** "schema"."table" from "table" or "schema.table" (validated lower-case identifiers). */
export function quotedTable(table: string): string {
  return table
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
}

export async function historyExists(db: MigrationDb, table: string): Promise<boolean> {
  const rows = await db.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [quotedTable(table)]);
  return rows[0]?.found != null;
}

/** Creates the history table (and its schema) when missing. Called with the migration lock held. */
export async function ensureHistory(db: MigrationDb, table: string): Promise<void> {
  if (await historyExists(db, table)) return;
  const [schema] = table.includes('.') ? table.split('.') : [];
  if (schema) await db.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await db.query(`CREATE TABLE IF NOT EXISTS ${quotedTable(table)} (
  version text PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL,
  applied_by text NOT NULL,
  transactional boolean NOT NULL
)`);
}

interface HistoryRow {
  version: string;
  name: string;
  checksum: string;
  applied_at: Date | string;
  duration_ms: number;
  applied_by: string;
  transactional: boolean;
}

export async function readHistory(db: MigrationDb, table: string): Promise<AppliedMigration[]> {
  if (!(await historyExists(db, table))) return [];
  const rows = await db.query<HistoryRow>(
    `SELECT version, name, checksum, applied_at, duration_ms, applied_by, transactional FROM ${quotedTable(table)} ORDER BY applied_at, version`,
  );
  return rows.map((r) => ({
    version: r.version,
    name: r.name,
    checksum: r.checksum,
    appliedAt: r.applied_at instanceof Date ? r.applied_at : new Date(r.applied_at),
    durationMs: r.duration_ms,
    appliedBy: r.applied_by,
    transactional: r.transactional,
  }));
}

/** A quoted SQL literal, right whatever standard_conforming_strings says (E'…' when it holds a backslash). */
const literal = (value: string): string => pg.escapeLiteral(value);

/** The INSERT of a history row, as one SQL text (no parameters: it is sent together with COMMIT). */
export function historyInsertSql(
  table: string,
  row: { version: string; name: string; checksum: string; durationMs: number; appliedBy: string; transactional: boolean },
): string {
  return `INSERT INTO ${quotedTable(table)} (version, name, checksum, duration_ms, applied_by, transactional) VALUES (${[
    literal(row.version),
    literal(row.name),
    literal(row.checksum),
    String(Math.round(row.durationMs)),
    literal(row.appliedBy),
    String(row.transactional),
  ].join(', ')})`;
}

/** Who applied it: the CI actor when there is one, else the OS user, plus the host and the database role. */
export async function appliedBy(db: MigrationDb): Promise<string> {
  const [row] = await db.query<{ role: string }>('SELECT current_user AS role');
  const actor = process.env.GITHUB_ACTOR ? `github:${process.env.GITHUB_ACTOR}` : safeUser();
  return `${actor}@${os.hostname()} as ${row?.role ?? 'unknown'}`;
}

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
