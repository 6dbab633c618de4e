import { z } from 'zod';

const Percent = z.number().min(0).max(100);

export const METRICS = ['lines', 'branches', 'functions', 'statements'] as const;
export type Metric = (typeof METRICS)[number];

export const ThresholdSchema = z
  .object({
    files: z.array(z.string().min(1)).min(1).describe('Globs (repository-relative) whose files are summed into one figure, e.g. ["src/risk/**"].'),
    lines: Percent.optional().describe('Minimum share of executable lines hit, in percent.'),
    branches: Percent.optional().describe('Minimum share of branches taken, in percent.'),
    functions: Percent.optional().describe('Minimum share of functions called, in percent.'),
    statements: Percent.optional().describe('Minimum share of statements run, in percent.'),
  })
  .strict()
  .refine((t) => METRICS.some((m) => t[m] !== undefined), { message: 'name at least one of lines, branches, functions, statements' });

export const DEFAULT_REPORTS = ['coverage/coverage-final.json', 'coverage/lcov.info', 'coverage/coverage-summary.json'];
export const DEFAULT_SOURCES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
export const DEFAULT_EXCLUDE = ['**/*.d.ts', '**/*.{test,spec}.*', '**/__tests__/**', 'test/**', 'tests/**', '**/*.config.*', 'coverage/**', 'dist/**', 'build/**', 'scripts/**'];

export const CoverageConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe('Run the coverage check (validate-all). Without thresholds, patch threshold or mustTest it only reads what is there and never fails.'),
    reports: z
      .array(z.string().min(1))
      .min(1)
      .default(DEFAULT_REPORTS)
      .describe('Coverage files written by your test run, repository-relative; the first that exists is read. Istanbul JSON (coverage-final.json), lcov (lcov.info) or an Istanbul summary (coverage-summary.json, thresholds only).'),
    command: z
      .string()
      .min(1)
      .default('npx vitest run --coverage')
      .describe('The command that writes the coverage files; error messages tell the user to run it.'),
    sources: z
      .array(z.string().min(1))
      .default(DEFAULT_SOURCES)
      .describe('Globs of the source files coverage is about: changed lines in them count for patch coverage, and they are compared with the report to find a stale one.'),
    exclude: z
      .array(z.string().min(1))
      .default(DEFAULT_EXCLUDE)
      .describe('Globs taken out of `sources` (tests, configs, generated files).'),
    thresholds: z.array(ThresholdSchema).default([]).describe('Minimum coverage per glob; every entry is checked on its own, e.g. src/** at 80% and src/risk/** at 100%.'),
    patch: z
      .object({
        threshold: Percent.optional().describe('Minimum share of added or changed executable lines that the tests hit, in percent. Unset: uncovered changed lines are listed as warnings but do not fail.'),
        base: z
          .string()
          .min(1)
          .optional()
          .describe('The branch to compare with (its merge-base with HEAD). Default: GITHUB_BASE_REF in a pull request, else the default branch (origin/HEAD, main, master).'),
      })
      .strict()
      .prefault({})
      .describe('Patch coverage: the lines this branch adds or changes, against the merge-base with the base branch (the staged diff in validate-quick and --staged).'),
    mustTest: z
      .array(z.string().min(1))
      .default([])
      .describe('Globs of files whose every exported function must be called by the tests at least once (e.g. ["src/risk/**"]).'),
    staleness: z
      .boolean()
      .default(true)
      .describe('Report a coverage file older than a source file it covers (the tests have not been run since the code changed).'),
  })
  .strict();

export type CoverageConfig = z.output<typeof CoverageConfigSchema>;

/** Whether the user asked for anything that can fail: without it, no coverage is only a note. */
export function isConfigured(config: CoverageConfig): boolean {
  return config.thresholds.length > 0 || config.patch.threshold !== undefined || config.mustTest.length > 0;
}
