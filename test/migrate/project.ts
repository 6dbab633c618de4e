import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { defaultMigrateConfig, type MigrateConfig } from '../../src/migrate/index.ts';
import type { MigrateRunOptions } from '../../src/migrate/run.ts';
import { postgresBinDir } from '../helpers/postgres.ts';

/** A temp project folder with a migrations/ directory, for migrate tests. */
export class MigrationProject {
  readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async create(files: Record<string, string> = {}): Promise<MigrationProject> {
    const project = new MigrationProject(await mkdtemp(path.join(os.tmpdir(), 'tollgate-migrate-')));
    await mkdir(path.join(project.dir, 'migrations'), { recursive: true });
    for (const [name, sql] of Object.entries(files)) await project.write(name, sql);
    return project;
  }

  async write(name: string, sql: string): Promise<void> {
    await writeFile(path.join(this.dir, 'migrations', name), sql);
  }

  options(databaseUrl: string, config: Partial<MigrateConfig> = {}, extra: Partial<MigrateRunOptions> = {}): MigrateRunOptions {
    return { cwd: this.dir, databaseUrl, config: { ...defaultMigrateConfig(), ...config }, backup: false, ...extra };
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** pg_dump --schema-only, without the random \restrict lines newer pg_dump versions write. */
export function schemaDump(url: string): string {
  const out = execFileSync(path.join(postgresBinDir(), 'pg_dump'), ['--schema-only', '--no-owner', `--dbname=${url}`], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => !line.startsWith('\\restrict') && !line.startsWith('\\unrestrict'))
    .join('\n');
}

export async function query<Row = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** The history table's content as text, every column (for byte-for-byte comparisons). */
export async function historyText(url: string, table = 'tollgate_migrations'): Promise<string> {
  const rows = await query(url, `SELECT to_regclass($1) IS NOT NULL AS present`, [table]);
  if (!rows[0]?.present) return '<no history table>';
  const history = await query(url, `SELECT * FROM ${table} ORDER BY version`);
  return JSON.stringify(history);
}
