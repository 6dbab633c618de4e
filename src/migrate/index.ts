/** The migrations API the CLI and the deploy use. */
export { migrateUp, migrateStatus, openDatabase, type MigrateRunOptions, type MigrateUpResult } from './run.ts';
export { MigrateConfigSchema, defaultMigrateConfig, type MigrateConfig } from './config.ts';
export { MigrationFailedError, MigrationLockTimeoutError } from './errors.ts';
export type { MigrationStatus, MigrationEntry, MigrationState } from './status.ts';
