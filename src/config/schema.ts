import { z } from 'zod';
import { SEVERITIES } from '../findings/finding.ts';
import { CHECK_IDS, DEFAULT_PIPELINES } from '../checks/ids.ts';
import { HygieneConfigSchema } from '../checks/hygiene/config.ts';
import { EslintConfigSchema } from '../checks/eslint/config.ts';
import { TscConfigSchema } from '../checks/tsc/config.ts';
import { FloatConfigSchema } from '../checks/float/config.ts';
import { SecretsConfigSchema } from '../checks/secrets/config.ts';
import { CoverageConfigSchema } from '../checks/coverage/config.ts';
import { DocsConfigSchema } from '../checks/docs/config.ts';
import { DebtConfigSchema } from '../debt/config.ts';
import { BranchProtectionConfigSchema } from '../audit/config.ts';
import { StepsConfigSchema } from '../steps/config.ts';
import { MigrateConfigSchema } from '../migrate/config.ts';
import { MigrateCheckConfigSchema } from '../migrate/check-config.ts';
import { DeployConfigSchema } from '../deploy/config.ts';

export const SeveritySchema = z.enum(SEVERITIES);
export const RuleSettingSchema = z.enum([...SEVERITIES, 'off']);
export const RuleSettingsSchema = z
  .record(z.string().regex(/^[a-z0-9-]+(?:\/\S+)?$/, 'a rule id such as "hygiene/trailing-whitespace", or a check id such as "float"'), RuleSettingSchema)
  .describe('Per-rule severity, or "off". Keys are rule ids such as "hygiene/trailing-whitespace" or "eslint/no-console", or a whole check ("float").');

const CheckIdSchema = z.enum(CHECK_IDS);

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    failOn: SeveritySchema.default('error').describe('Lowest severity that makes tollgate exit 1.'),
    ignore: z
      .array(z.string().min(1))
      .default([])
      .describe('Globs (repository-relative) that no check looks at, on top of .gitignore.'),
    concurrency: z.number().int().min(1).max(64).optional().describe('How many checks run at once (default: CPU count).'),
    rules: RuleSettingsSchema.prefault({}),
    overrides: z
      .array(
        z
          .object({
            files: z.array(z.string().min(1)).min(1).describe('Globs the override applies to.'),
            rules: RuleSettingsSchema,
          })
          .strict(),
      )
      .default([])
      .describe('Rule settings for some paths only; later entries win.'),
    pipelines: z
      .object({
        quick: z.array(CheckIdSchema).default(DEFAULT_PIPELINES.quick).describe('Checks run by validate-quick.'),
        all: z.array(CheckIdSchema).default(DEFAULT_PIPELINES.all).describe('Checks run by validate-all.'),
      })
      .strict()
      .prefault({}),
    checks: z
      .object({
        hygiene: HygieneConfigSchema.prefault({}),
        eslint: EslintConfigSchema.prefault({}),
        tsc: TscConfigSchema.prefault({}),
        float: FloatConfigSchema.prefault({}),
        secrets: SecretsConfigSchema.prefault({}),
        coverage: CoverageConfigSchema.prefault({}),
        docs: DocsConfigSchema.prefault({}),
        migrate: MigrateCheckConfigSchema.prefault({}),
      })
      .strict()
      .prefault({}),
    debt: DebtConfigSchema.prefault({}).describe('The warning-debt baseline (tollgate debt): warnings locked in .tollgate/debt.json pass, new ones fail, counts only go down.'),
    branchProtection: BranchProtectionConfigSchema.prefault({}).describe('The branch-protection audit (tollgate audit branch-protection): the policy a branch is held to, and the workflow cross-check.'),
    steps: StepsConfigSchema,
    migrate: MigrateConfigSchema.prefault({}).describe('SQL migrations (tollgate migrate, and the deploy): folder, database URL variable, history table, timeouts, lock wait, backup, embedded database.'),
    deploy: DeployConfigSchema.prefault({}).describe('Blue-green deploys (tollgate deploy, actions/deploy): per environment the provider, the app, health, smoke checks, drain and watch times.'),
  })
  .strict();

/** The config as written by a user (everything optional). */
export type TollgateConfigInput = z.input<typeof ConfigSchema>;
/** The config after validation and defaults: what every check receives. */
export type TollgateConfig = z.output<typeof ConfigSchema>;

/** Identity helper that gives tollgate.config.ts editor completion. */
export function defineConfig(config: TollgateConfigInput): TollgateConfigInput {
  return config;
}
