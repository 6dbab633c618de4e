import { z } from 'zod';

export const EslintConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe("Run the repository's own ESLint (its config and version)."),
    quick: z
      .boolean()
      .default(true)
      .describe('Also lint staged files in validate-quick (disable when lint-staged already runs ESLint).'),
  })
  .strict();
