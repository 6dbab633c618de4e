import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OutputOptions } from '../cli/options.ts';
import { loadConfig } from '../config/load.ts';
import type { TollgateConfig } from '../config/schema.ts';
import { UserError } from '../errors/user-error.ts';
import { printable } from '../reporters/text.ts';
import { durationMs } from './config.ts';
import type { MigrateRunOptions } from './run.ts';
import type { MigrationStatus } from './status.ts';

// Each command imports what it needs when it runs (the SQL parser, node-postgres, the reporters):
// `migrate new` should not pay for the parser, nor `migrate up` for the reporters.
const run = () => import('./run.ts');
const execFileAsync = promisify(execFile);

/** The CLI side of `tollgate migrate …`: load config, call src/migrate, print, return the exit code. */

export interface MigrateCommandOptions {
  cwd: string;
  config?: string;
  databaseUrl?: string;
}

interface Loaded {
  root: string;
  config: TollgateConfig;
}

async function projectRoot(cwd: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', ['rev-parse', '--show-toplevel'], { cwd });
    return stdout.trim() || path.resolve(cwd);
  } catch {
    return path.resolve(cwd);
  }
}

async function load(options: MigrateCommandOptions): Promise<Loaded> {
  const root = await projectRoot(options.cwd);
  const { config } = await loadConfig({ cwd: options.cwd, stopDir: path.dirname(root), ...(options.config ? { explicitPath: options.config } : {}) });
  return { root, config };
}

function runOptions(loaded: Loaded, options: MigrateCommandOptions, extra: Partial<MigrateRunOptions> = {}): MigrateRunOptions {
  return {
    cwd: loaded.root,
    config: loaded.config.migrate,
    databaseUrl: options.databaseUrl,
    log: (line) => process.stderr.write(`migrate: ${printable(line)}\n`),
    ...extra,
  };
}

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function statusJson(status: MigrationStatus): unknown {
  return {
    database: status.database,
    table: status.table,
    migrations: status.entries.map((e) => ({
      version: e.version,
      name: e.name,
      state: e.state,
      path: e.file?.path,
      checksum: e.file?.checksum,
      appliedChecksum: e.applied?.checksum,
      appliedAt: e.applied?.appliedAt.toISOString(),
      durationMs: e.applied?.durationMs,
      appliedBy: e.applied?.appliedBy,
    })),
    pending: status.pending.map((f) => f.version),
    problems: status.problems,
  };
}

function printStatus(status: MigrationStatus): void {
  out(`database: ${status.database}  history: ${status.table}`);
  const nameWidth = Math.min(40, Math.max(4, ...status.entries.map((e) => e.name.length)));
  for (const e of status.entries) {
    const applied = e.applied ? `  ${e.applied.appliedAt.toISOString()}  ${e.applied.durationMs} ms  by ${e.applied.appliedBy}` : '';
    out(`  ${e.version}  ${printable(e.name).padEnd(nameWidth)}  ${applied ? e.state.padEnd(12) : e.state}${applied}`);
  }
  const counts = new Map<string, number>();
  for (const e of status.entries) counts.set(e.state, (counts.get(e.state) ?? 0) + 1);
  out(`${status.entries.length} migration(s): ${[...counts].map(([state, n]) => `${n} ${state}`).join(', ') || 'none'}`);
  for (const p of status.problems) out(`  problem: ${printable(p)}`);
}

export async function runMigrateStatus(options: MigrateCommandOptions & { format: 'text' | 'json' }): Promise<number> {
  const loaded = await load(options);
  const status = await (await run()).migrateStatus(runOptions(loaded, options));
  if (options.format === 'json') out(JSON.stringify(statusJson(status), null, 2));
  else printStatus(status);
  return 0;
}

export async function runMigrateVerify(options: MigrateCommandOptions & { format: 'text' | 'json' }): Promise<number> {
  const loaded = await load(options);
  const status = await (await run()).migrateStatus(runOptions(loaded, options));
  if (options.format === 'json') {
    out(JSON.stringify(statusJson(status), null, 2));
  } else if (status.problems.length === 0) {
    out(`verified: every applied migration matches its file (${status.entries.filter((e) => e.state === 'applied').length} applied, ${status.pending.length} pending)`);
  } else {
    out(`drift between ${loaded.config.migrate.dir}/ and ${status.table} in ${status.database}:`);
    for (const e of status.entries.filter((x) => x.state === 'edited')) {
      out(`  edited   ${e.file?.path}: applied checksum ${e.applied?.checksum.slice(0, 12)}, file now ${e.file?.checksum.slice(0, 12)}`);
    }
    for (const p of status.problems) out(`  - ${printable(p)}`);
  }
  return status.problems.length > 0 ? 1 : 0;
}

export async function runMigrateUp(options: MigrateCommandOptions & { backup: boolean }): Promise<number> {
  const loaded = await load(options);
  const result = await (await run()).migrateUp(runOptions(loaded, options, options.backup ? {} : { backup: false }));
  if (result.applied.length === 0) out('up to date: nothing to apply');
  for (const a of result.applied) out(`applied ${a.version}_${a.name} (${a.durationMs} ms)`);
  if (result.backup) out(`backup: ${result.backup.file}\nrestore: ${result.backup.restoreCommand}`);
  return 0;
}

/** What `up` would do, read-only: the pending migrations, how each would run, and the lint on them. */
export async function runMigrateDryRun(options: MigrateCommandOptions & { execute?: boolean }): Promise<number> {
  const loaded = await load(options);
  const migrate = loaded.config.migrate;
  const status = await (await run()).migrateStatus(runOptions(loaded, options));
  const { parseMigrations } = await import('./preflight.ts');
  const { lintSql } = await import('./lint/lint.ts');
  const parsed = await parseMigrations(status.pending);
  out(`database: ${status.database}  history: ${status.table}  (dry run: nothing is changed)`);
  if (status.problems.length > 0) {
    out('`migrate up` would refuse to start:');
    for (const p of status.problems) out(`  - ${printable(p)}`);
    return 1;
  }
  if (parsed.length === 0) {
    out('up to date: nothing to apply');
    return 0;
  }
  let warnings = 0;
  for (const { file, statements } of parsed) {
    const mode = file.directives.noTransaction ? 'no transaction, statement by statement' : 'one transaction with its history row';
    const lockTimeout = file.directives.lockTimeout ?? migrate.lockTimeout;
    const statementTimeout = file.directives.statementTimeout ?? migrate.statementTimeout;
    out(`would apply ${file.path}: ${statements.length} statement(s), ${mode}, lock_timeout ${lockTimeout}, statement_timeout ${statementTimeout}`);
    for (const finding of await lintSql(file.path, file.sql)) {
      warnings++;
      out(`  ${finding.severity} ${finding.ruleId} (line ${finding.location.line}): ${printable(finding.message)}`);
    }
  }
  const backup = migrate.backup.enabled ? `a backup to ${migrate.backup.dir}/ first` : 'no backup (migrate.backup.enabled is false)';
  out(`${parsed.length} migration(s) pending; \`tollgate migrate up\` would take ${backup}, waiting up to ${durationMs(migrate.lockWaitTimeout) / 1000} s for another migrator.`);
  if (warnings > 0) out(`${warnings} blue-green warning(s): see \`tollgate migrate lint\` and rules/migrate/*/README.md`);
  if (!options.execute) return 0;
  out('rehearsal: running them in one transaction that is rolled back (it takes the locks `up` would take, each wait bounded by lock_timeout)');
  const { MigrationFailedError } = await import('./errors.ts');
  try {
    const rehearsal = await (await run()).migrateRehearse(runOptions(loaded, options));
    for (const r of rehearsal.rehearsed) out(`  ran ${r.version}_${r.name}: ${r.statements} statement(s) in ${r.durationMs} ms, rolled back`);
    for (const path of rehearsal.skipped) out(`  not rehearsed: ${path} runs outside a transaction (-- tollgate:no-transaction), so it cannot be rolled back`);
    out(`rehearsal passed: ${rehearsal.rehearsed.length} migration(s) ran and were rolled back; the database is as it was`);
    return 0;
  } catch (error) {
    if (!(error instanceof MigrationFailedError)) throw error;
    out(printable(error.message));
    return 1;
  }
}

export async function runMigrateNew(options: MigrateCommandOptions & { name: string }): Promise<number> {
  const loaded = await load(options);
  const { newMigration } = await import('./new-file.ts');
  const rel = await newMigration(loaded.root, loaded.config.migrate.dir, options.name);
  out(rel);
  return 0;
}

/** Migration files added or changed since `ref` (committed, staged, or in the working tree, plus untracked ones). */
async function changedMigrations(root: string, dir: string, ref: string): Promise<string[]> {
  let changed: string;
  try {
    changed = (await execFileAsync('git', ['diff', '--name-only', '--diff-filter=AMR', ref, '--', dir], { cwd: root })).stdout;
  } catch (error) {
    throw new UserError(`--since ${ref}: git could not compare with it: ${String((error as { stderr?: string }).stderr ?? error).trim()}`);
  }
  const untracked = (await execFileAsync('git', ['ls-files', '--others', '--exclude-standard', '--', dir], { cwd: root })).stdout;
  const { isMigrationPath } = await import('./check.ts');
  const names = [...changed.split('\n'), ...untracked.split('\n')].map((l) => l.trim()).filter(Boolean);
  return [...new Set(names)].filter((name) => isMigrationPath(name, dir)).sort();
}

export async function runMigrateLint(options: OutputOptions & { paths: string[]; since?: string }): Promise<number> {
  let paths = options.paths;
  if (options.since) {
    const loaded = await load({ cwd: options.cwd, ...(options.config ? { config: options.config } : {}) });
    const changed = await changedMigrations(loaded.root, loaded.config.migrate.dir, options.since);
    if (changed.length === 0) {
      process.stderr.write(`tollgate: no migration in ${loaded.config.migrate.dir}/ was added or changed since ${options.since}\n`);
      return 0;
    }
    paths = changed.map((rel) => path.relative(options.cwd, path.join(loaded.root, rel)));
  }
  // The reporters and the check runner load only for lint.
  const { runAndReport } = await import('../cli/report-run.ts');
  return runAndReport(options, { mode: paths.length > 0 ? 'paths' : 'all', checks: ['migrate'], paths });
}
