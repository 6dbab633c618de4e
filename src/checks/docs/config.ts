import { z } from 'zod';

export const DocsConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe('Run the docs check (validate-quick on staged Markdown, validate-all on every Markdown file).'),
    files: z
      .array(z.string().min(1))
      .default(['**/*.md', '**/*.markdown'])
      .describe('Globs of the Markdown files to check (repository-relative; the top-level `ignore` applies too).'),
    required: z
      .array(z.string().min(1))
      .default([])
      .describe('Documents that must exist, as paths or globs each matched by at least one file, e.g. ["docs/security.md", "README.md"].'),
    anchors: z.boolean().default(true).describe('Check #anchors of links against the headings (GitHub slugs) and HTML ids of the target document.'),
    ignoreLinks: z
      .array(z.string().min(1))
      .default([])
      .describe('Link targets not to check, as globs of the resolved repository path (e.g. ["generated/**"]).'),
    codeBlocks: z
      .object({
        yaml: z.boolean().default(true).describe('Parse fenced `yaml` / `yml` blocks.'),
        json: z.boolean().default(true).describe('Parse fenced `json` blocks (`jsonc` and `json5` are not JSON and are skipped).'),
        float: z.boolean().default(true).describe('Run fenced `ts` / `typescript` / `tsx` blocks through the float-in-finance rules.'),
      })
      .strict()
      .prefault({})
      .describe('Which fenced code blocks are checked.'),
  })
  .strict();

export type DocsConfig = z.output<typeof DocsConfigSchema>;
