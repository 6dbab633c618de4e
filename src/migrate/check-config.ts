import { z } from 'zod';

/** `checks.migrate`: the blue-green compatibility lint as a check of the validate pipelines. */
export const MigrateCheckConfigSchema = z
  .object({
    enabled: z
      .boolean()
      .default(true)
      .describe('Lint the SQL migrations in migrate.dir for changes that break the version still serving traffic (runs when a pipeline or `tollgate check migrate` / `tollgate migrate lint` asks for it).'),
  })
  .strict();

export type MigrateCheckConfig = z.output<typeof MigrateCheckConfigSchema>;
