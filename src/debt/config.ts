import { z } from 'zod';
import { SEVERITIES } from '../findings/finding.ts';

export const DEFAULT_BASELINE_PATH = '.tollgate/debt.json';

/** The `debt` section of the config: the warning-debt baseline that validate-all applies. */
export const DebtConfigSchema = z
  .object({
    enabled: z
      .boolean()
      .default(true)
      .describe('Apply the warning-debt baseline in validate-all when the baseline file exists: baselined warnings pass, new ones fail.'),
    baseline: z
      .string()
      .min(1)
      .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$)).+$/, 'a repository-relative path such as ".tollgate/debt.json"')
      .default(DEFAULT_BASELINE_PATH)
      .describe('Baseline file, relative to the repository root. Commit it.'),
    severities: z
      .array(z.enum(SEVERITIES))
      .min(1)
      .default(['warning'])
      .describe('Which finding severities count as debt. Errors not listed here still fail on their own.'),
    required: z
      .boolean()
      .default(false)
      .describe('Fail validate-all when the baseline file is missing, instead of skipping the debt stage.'),
    ratchet: z
      .boolean()
      .default(true)
      .describe('Outside CI, lower the baseline file by itself when debt went down. CI (CI=true) never writes; there a baseline higher than reality fails.'),
    sarif: z
      .array(z.string().min(1))
      .default([])
      .describe('SARIF files (repository-relative) whose results count as findings too, e.g. from another scanner run earlier in CI. A missing file is skipped with a note and its baseline entries are left as they are.'),
    baseBranch: z
      .string()
      .min(1)
      .optional()
      .describe('Branch whose baseline the job summary compares with, per rule ("main"). Default: the pull request\'s base (GITHUB_BASE_REF); without either there is no trend column.'),
  })
  .strict();

export type DebtConfig = z.output<typeof DebtConfigSchema>;
