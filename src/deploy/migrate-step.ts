import { migrateUp, type MigrateConfig } from '../migrate/index.ts';
import type { Migrator } from './migrator.ts';

/** The deploy's migrate step: `tollgate migrate up` with its pg_dump backup, from the top-level migrate section. */
export function migrateStepFor(cwd: string, config: MigrateConfig, databaseUrl?: string): Migrator {
  return {
    async up(log, signal) {
      return migrateUp({ cwd, config, databaseUrl, log, signal });
    },
  };
}
