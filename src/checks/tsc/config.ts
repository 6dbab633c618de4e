import { z } from 'zod';

export const TscConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe('Type-check the project with its own TypeScript in validate-all.'),
    project: z.string().min(1).default('tsconfig.json').describe('tsconfig path, relative to the repository root.'),
  })
  .strict();
