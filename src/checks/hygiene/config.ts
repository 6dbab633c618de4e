import { z } from 'zod';

export const HygieneConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe('Run the repository-hygiene rules.'),
    maxFileSizeKb: z
      .number()
      .int()
      .positive()
      .default(500)
      .describe('Files larger than this (in KiB) are reported by hygiene/large-file.'),
    protectedBranches: z
      .array(z.string().min(1))
      .default(['main', 'master'])
      .describe('Branches that must not receive commits directly (hygiene/no-commit-to-branch). Globs allowed.'),
    binaryExtensions: z
      .array(z.string().regex(/^\.[^./\\]+$/, 'an extension such as ".png"'))
      .default([])
      .describe('Extra extensions treated as binary (skipped by text rules).'),
    jsoncFiles: z
      .array(z.string().min(1))
      .default(['**/tsconfig*.json', '**/jsconfig*.json', '**/.vscode/*.json', '**/.devcontainer/**/*.json', '**/.devcontainer.json', '**/.eslintrc.json'])
      .describe('Globs of .json files that are JSON with comments (comments and trailing commas allowed by hygiene/invalid-json). *.jsonc files always are.'),
  })
  .strict();
