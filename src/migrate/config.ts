import { z } from 'zod';

const RelativePath = (example: string) =>
  z
    .string()
    .min(1)
    .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$)).+$/, `a repository-relative path such as "${example}"`);

/** A PostgreSQL duration as `SET lock_timeout` takes it: "1s", "500ms", "5min", "0" (no limit). */
export const DurationSchema = z
  .string()
  .regex(/^(0|\d+\s*(ms|s|min|h))$/, 'a duration such as "500ms", "1s", "5min", "1h" or "0" (no limit)');

/** The top-level `migrate` section: SQL migrations applied by `tollgate migrate up` and the deploy. */
export const MigrateConfigSchema = z
  .object({
    dir: RelativePath('migrations').default('migrations').describe('Folder of NNNN_name.sql migration files, relative to the repository root.'),
    databaseUrlEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name such as "DATABASE_URL"')
      .default('DATABASE_URL')
      .describe('Environment variable holding the PostgreSQL connection URL. When it is unset, migrations run against the embedded PGlite database in embeddedDir.'),
    table: z
      .string()
      .regex(/^(?:[a-z_][a-z0-9_]*\.)?[a-z_][a-z0-9_]*$/, 'a lower-case table name, optionally schema-qualified, such as "tollgate_migrations" or "ops.migrations"')
      .default('tollgate_migrations')
      .describe('History table: one row per applied migration (version, name, checksum, applied_at, duration_ms, applied_by).'),
    lockTimeout: DurationSchema.default('1s').describe('lock_timeout for every migration statement: a statement that waits longer for a table lock fails instead of stalling traffic behind it. A migration can override it with `-- tollgate:lock-timeout 5s`.'),
    statementTimeout: DurationSchema.default('5min').describe('statement_timeout for every migration statement. A migration can override it with `-- tollgate:statement-timeout 30min`.'),
    lockWaitTimeout: DurationSchema.default('60s').describe('How long a migrator waits for another migrator to finish (polling pg_try_advisory_lock) before giving up.'),
    backup: z
      .object({
        enabled: z.boolean().default(true).describe('Run pg_dump (custom format) before `migrate up` applies anything, and verify it with pg_restore --list. Skipped for the embedded database.'),
        dir: RelativePath('.tollgate/backups').default('.tollgate/backups').describe('Where backups are written, relative to the repository root.'),
      })
      .strict()
      .prefault({})
      .describe('Backup before migrating.'),
    embeddedDir: RelativePath('.tollgate/pgdata').default('.tollgate/pgdata').describe('Data directory of the embedded PGlite database used when no database URL is set.'),
  })
  .strict();

export type MigrateConfig = z.output<typeof MigrateConfigSchema>;

/** The config with every default, for callers that have no config file. */
export function defaultMigrateConfig(overrides: z.input<typeof MigrateConfigSchema> = {}): MigrateConfig {
  return MigrateConfigSchema.parse(overrides);
}

/** Milliseconds of a validated duration ("1s" → 1000); 0 means no limit. */
export function durationMs(duration: string): number {
  const match = /^(\d+)\s*(ms|s|min|h)?$/.exec(duration.trim());
  if (!match) throw new Error(`not a duration: ${duration}`);
  const value = Number(match[1]);
  const unit = match[2] ?? 'ms';
  const factor = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 }[unit] ?? 1;
  return value * factor;
}
