import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { UserError } from '../errors/user-error.ts';

/** Where pg_dump / pg_restore live: the newest Debian-style PostgreSQL install, else PATH. */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const candidate = path.join(root, version, 'bin', name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return name;
}

/** The URL without its password, and the password for PGPASSWORD (so it never shows in `ps`). */
function splitPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { url: parsed.toString(), password };
}

export interface Backup {
  file: string;
  restoreCommand: string;
  /** Entries pg_restore --list found in it. */
  entries: number;
}

/**
 * pg_dump in custom format to `<dir>/<database>-<UTC time>-before-<version>.dump`, then
 * pg_restore --list on the file: a backup that cannot be listed is no backup, and the run stops.
 */
export async function backupDatabase(options: { url: string; dir: string; label: string; urlHint: string }): Promise<Backup> {
  const { url, password } = splitPassword(options.url);
  const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  await mkdir(options.dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = path.join(options.dir, `${database.replace(/[^A-Za-z0-9_-]/g, '_')}-${stamp}-${options.label}.dump`);
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const dump = await execa(postgresTool('pg_dump'), ['--format=custom', '--no-password', `--file=${file}`, `--dbname=${url}`], { env, reject: false, all: true });
  if (dump.exitCode !== 0) {
    await rm(file, { force: true });
    throw new UserError(`Backup failed, nothing was migrated: pg_dump exited with ${dump.exitCode ?? dump.signal}:\n${dump.all ?? ''}\nFix it, or run with --no-backup to migrate without one.`);
  }
  const list = await execa(postgresTool('pg_restore'), ['--list', file], { reject: false, all: true });
  const size = (await stat(file)).size;
  if (list.exitCode !== 0 || size === 0) {
    throw new UserError(`Backup ${file} could not be verified (pg_restore --list exited with ${list.exitCode}); nothing was migrated:\n${list.all ?? ''}`);
  }
  const entries = (list.stdout ?? '').split('\n').filter((line) => line.trim() && !line.startsWith(';')).length;
  const restoreCommand = `pg_restore --clean --if-exists --no-owner --single-transaction --dbname "${options.urlHint}" ${JSON.stringify(file)}`;
  return { file, restoreCommand, entries };
}
