import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors/user-error.ts';
import { readMigrations } from './files.ts';

const TEMPLATE = `-- Runs in one transaction together with its history row: on any error nothing of it remains.
-- Timeouts: lock_timeout and statement_timeout from the config; override for this file with
--   -- tollgate:lock-timeout 5s
--   -- tollgate:statement-timeout 30min
-- For CREATE INDEX CONCURRENTLY and other statements that cannot run in a transaction, start the file with
--   -- tollgate:no-transaction
-- and write it so that a retry is safe (IF NOT EXISTS / DROP … IF EXISTS first).
-- The old version keeps serving traffic while this runs: add, don't drop or rename (tollgate migrate lint).

`;

/** Creates `<dir>/<next number>_<name>.sql` and returns its repository-relative path. */
export async function newMigration(cwd: string, dir: string, rawName: string): Promise<string> {
  const name = rawName
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!name) throw new UserError(`"${rawName}" is not a usable migration name: use letters and digits, such as "add_invoice_currency".`);
  const existing = await readMigrations(cwd, dir);
  const last = existing.at(-1);
  const width = Math.max(4, ...existing.map((m) => m.version.length));
  const next = (last ? BigInt(last.version) + 1n : 1n).toString().padStart(width, '0');
  const rel = path.posix.join(dir, `${next}_${name}.sql`);
  await mkdir(path.resolve(cwd, dir), { recursive: true });
  await writeFile(path.resolve(cwd, rel), TEMPLATE, { flag: 'wx' });
  return rel;
}
