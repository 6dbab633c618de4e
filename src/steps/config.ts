import { z } from 'zod';

/** Names end up in rule ids (`steps/<name>`) and suppression comments, so no spaces or colons. */
export const STEP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The output formats tollgate can turn into located findings. */
export const OUTPUT_FORMATS = ['tsc', 'eslint-stylish', 'eslint-compact', 'vitest', 'jest', 'generic'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The named groups a user pattern may use; `file` and `message` are required. */
export const PATTERN_GROUPS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'message', 'code'] as const;

const UserPatternSchema = z
  .object({
    pattern: z
      .string()
      .min(1)
      .describe(
        'A JavaScript regular expression matched against each output line, with named groups: (?<file>…) and (?<message>…) required; (?<line>…), (?<column>…), (?<endLine>…), (?<endColumn>…), (?<severity>…) (error, warning, note/info) and (?<code>…) optional.',
      ),
    flags: z.string().regex(/^[imsu]*$/, 'regular expression flags from "imsu"').default('').describe('Flags for the pattern ("i" for case-insensitive).'),
    severity: z.enum(['error', 'warning', 'note']).default('error').describe('Severity of a matched line that has no severity group.'),
  })
  .strict()
  .superRefine((value, ctx) => {
    let regex: RegExp;
    try {
      regex = new RegExp(value.pattern, value.flags);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `not a valid regular expression (${error instanceof Error ? error.message : String(error)})`, input: value.pattern });
      return;
    }
    const groups = namedGroups(regex.source);
    for (const required of ['file', 'message']) {
      if (!groups.has(required)) ctx.addIssue({ code: 'custom', path: ['pattern'], message: `the pattern needs a named group (?<${required}>…)`, input: value.pattern });
    }
    const unknown = [...groups].filter((g) => !(PATTERN_GROUPS as readonly string[]).includes(g));
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', path: ['pattern'], message: `unknown named group(s) ${unknown.join(', ')}; use ${PATTERN_GROUPS.join(', ')}`, input: value.pattern });
  });

function namedGroups(source: string): Set<string> {
  return new Set([...source.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map((m) => m[1]!));
}

const GlobList = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((value) => (typeof value === 'string' ? [value] : value));

export const StepSchema = z
  .object({
    name: z
      .string()
      .regex(STEP_NAME, 'a name of letters, digits, ".", "_" and "-", such as "test-fast"')
      .describe('Unique name: shown as the row in reports and as the [name] prefix of live output; findings carry the rule id "steps/<name>".'),
    run: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe(
        'The command. A string runs through the shell (sh -c; cmd.exe on Windows); an array is an argv run directly, without a shell. "{files}" (a whole array element, or inside the string) is replaced by the matched files, in chunks that fit the OS argument limit.',
      ),
    pipelines: z
      .array(z.enum(['quick', 'all']))
      .min(1)
      .default(['all'])
      .describe('Where the step runs: "quick" (validate-quick, pre-commit), "all" (validate-all: pre-push and CI), or both.'),
    where: z
      .array(z.enum(['local', 'ci']))
      .min(1)
      .default(['local', 'ci'])
      .describe('"local" runs it outside CI (git hooks, a terminal), "ci" when the CI environment variable is set. Default both: for example fast tests with ["local"] and the full suite with ["ci"].'),
    glob: GlobList.optional().describe(
      'Run only when a file in scope (the staged files in validate-quick, every file in validate-all) matches one of these globs (repository-relative, picomatch). These are the files "{files}" passes. Without it the step always runs and "{files}" passes every file in scope.',
    ),
    cwd: z
      .string()
      .min(1)
      .default('.')
      .refine((value) => !/^([\\/]|[A-Za-z]:)/.test(value) && !value.split(/[\\/]/).includes('..'), 'a directory inside the repository, such as "packages/api"')
      .describe('Working directory, relative to the repository root. Paths in "{files}" are passed relative to it.'),
    env: z.record(z.string(), z.string()).default({}).describe('Extra environment variables (added to the environment tollgate runs in).'),
    timeout: z
      .number()
      .positive()
      .max(86_400)
      .default(600)
      .describe('Seconds before the step is stopped: its whole process tree gets SIGTERM, then SIGKILL 2 s later, and the step fails with a timeout finding.'),
    parallel: z
      .boolean()
      .default(false)
      .describe('Whether the step may run at the same time as other parallel steps. A serial step (false) runs alone, in config order. Checks run beside steps either way.'),
    format: z
      .union([z.enum(['auto', 'none', ...OUTPUT_FORMATS]), UserPatternSchema])
      .default('auto')
      .describe(
        'How to read the output into located findings: "auto" (when the step fails, try tsc, ESLint stylish and compact, vitest and jest failures, then file:line:col: message), a format name (always parsed, so warnings of a passing step show too), "none", or { "pattern": "…" } with named groups.',
      ),
    enabled: z.boolean().default(true).describe('Run this step. `tollgate init` writes the steps it detects with enabled: false, for you to turn on.'),
  })
  .strict();

export const StepsConfigSchema = z
  .array(StepSchema)
  .default([])
  .superRefine((steps, ctx) => {
    const seen = new Map<string, number>();
    steps.forEach((step, index) => {
      const first = seen.get(step.name);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate step name "${step.name}" (also steps.${first}.name)`, input: step.name });
      else seen.set(step.name, index);
    });
  })
  .describe('Your own commands (fast tests, the full suite, a build) run beside the checks, in the same report: a failing step fails the gate, and tsc, ESLint, vitest, jest or file:line:col output becomes located findings.');

export type StepConfig = z.output<typeof StepSchema>;
export type StepFormat = StepConfig['format'];
export type UserPattern = Exclude<StepFormat, string>;
