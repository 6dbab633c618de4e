import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors/user-error.ts';
import { DurationSchema } from './config.ts';

/** One migration file on disk: `migrations/0003_add_invoices.sql`. */
export interface MigrationFile {
  /** The number prefix as written ("0003"): the history key. */
  version: string;
  /** The rest of the file name ("add_invoices"). */
  name: string;
  /** Repository-relative POSIX path. */
  path: string;
  sql: string;
  /** sha256 of the normalised text (see `normaliseSql`). */
  checksum: string;
  directives: MigrationDirectives;
}

/** What the `-- tollgate:` header lines ask for. */
export interface MigrationDirectives {
  /** `-- tollgate:no-transaction`: run statement by statement outside a transaction (CREATE INDEX CONCURRENTLY). */
  noTransaction: boolean;
  /** `-- tollgate:lock-timeout 5s` */
  lockTimeout?: string;
  /** `-- tollgate:statement-timeout 30min` */
  statementTimeout?: string;
}

export const FILE_PATTERN = /^(\d+)_([A-Za-z0-9][A-Za-z0-9_-]*)\.sql$/;
const DIRECTIVE = /^--\s*tollgate:([a-z-]+)(?:\s+(.*?))?\s*$/;

/**
 * The text the checksum is taken over: no BOM, LF line ends, no trailing blanks on a line, no blank
 * lines at the end. An editor that rewrites line endings does not make an applied migration "edited".
 */
export function normaliseSql(sql: string): string {
  return sql
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(normaliseSql(sql)).digest('hex');
}

export function parseDirectives(sql: string, file: string): MigrationDirectives {
  const directives: MigrationDirectives = { noTransaction: false };
  const lines = sql.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const match = DIRECTIVE.exec(raw.trim());
    if (!match) return;
    const [, key, value] = match;
    const where = `${file}:${index + 1}`;
    if (key === 'no-transaction') {
      directives.noTransaction = true;
      return;
    }
    if (key === 'lock-timeout' || key === 'statement-timeout') {
      if (!value || !DurationSchema.safeParse(value).success) {
        throw new UserError(`${where}: \`-- tollgate:${key}\` needs a duration such as "5s", "500ms", "30min" or "0" (got "${value ?? ''}").`, { file });
      }
      if (key === 'lock-timeout') directives.lockTimeout = value;
      else directives.statementTimeout = value;
      return;
    }
    throw new UserError(
      `${where}: unknown directive \`-- tollgate:${key}\`; expected no-transaction, lock-timeout <duration> or statement-timeout <duration>.`,
      { file },
    );
  });
  return directives;
}

function compareVersions(a: string, b: string): number {
  const diff = BigInt(a) - BigInt(b);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** Reads every migration of `dir` (repository-relative), ordered by version. A missing folder has none. */
export async function readMigrations(cwd: string, dir: string): Promise<MigrationFile[]> {
  const abs = path.resolve(cwd, dir);
  let names: string[];
  try {
    names = await readdir(abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: MigrationFile[] = [];
  const seen = new Map<string, string>();
  for (const entry of names.sort()) {
    if (!entry.endsWith('.sql')) continue;
    const rel = path.posix.join(dir.split(path.sep).join('/'), entry);
    const match = FILE_PATTERN.exec(entry);
    if (!match) {
      throw new UserError(`${rel}: a migration file is named NNNN_name.sql (digits, an underscore, then letters, digits, _ or -), such as 0001_create_accounts.sql.`, { file: rel });
    }
    const version = match[1]!;
    const key = BigInt(version).toString();
    const other = seen.get(key);
    if (other) throw new UserError(`${rel}: version ${version} is also used by ${other}; every migration needs its own number.`, { file: rel });
    seen.set(key, rel);
    const sql = await readFile(path.join(abs, entry), 'utf8');
    files.push({ version, name: match[2]!, path: rel, sql, checksum: checksumOf(sql), directives: parseDirectives(sql, rel) });
  }
  return files.sort((a, b) => compareVersions(a.version, b.version));
}

export { compareVersions };
