import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { CHECK_IDS } from '../checks/ids.ts';
import { isUserError, UserError } from '../errors/user-error.ts';
import { VERSION } from '../version.ts';
import { outputOptions, type OutputOptions } from './options.ts';
import { runAndReport } from './report-run.ts';

/** Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage or configuration error, 3 a bug. */
export const EXIT = { clean: 0, findings: 1, usage: 2, internal: 3 } as const;

interface CheckFlags {
  staged: boolean;
  fix: boolean;
  explain?: boolean;
  history?: string | true;
  updateBaseline?: boolean;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function withOutput(command: Command): Command {
  for (const option of outputOptions()) command.addOption(option);
  return command;
}

export function buildProgram(): Command {
  const program = new Command('tollgate')
    .description('Quality gates for TypeScript codebases that handle money.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .addHelpText(
      'after',
      `
Exit codes:
  0  clean: no finding at or above the fail threshold
  1  findings at or above the threshold (--fail-on, config failOn; default error)
  2  usage or configuration error (nothing was modified)
  3  internal error (a bug: please report it with the output)

Examples:
  tollgate validate-quick                 # pre-commit: staged content only
  tollgate validate-all --timings         # pre-push / CI: everything, with per-check times
  tollgate check hygiene --fix src/       # one check on some paths, with safe fixes
  tollgate validate-all --format sarif -o tollgate.sarif
  tollgate demo                           # try it on a generated payments repository`,
    );

  withOutput(
    program
      .command('validate-quick')
      .description('pre-commit gate: the fast checks on staged content only (what `git commit` will record)')
      .option('--fix', 'apply safe hygiene fixes to the staged and working-tree versions alike', false)
      .option('--no-steps', 'skip the command steps of the config (steps in the README)'),
  ).action(async (opts: OutputOptions & { fix: boolean; steps: boolean }) => {
    process.exitCode = await runAndReport(opts, { mode: 'quick', fix: opts.fix, steps: opts.steps ? undefined : false });
  });

  withOutput(
    program
      .command('validate-all')
      .description('pre-push and CI gate: every check on the whole repository, plus ESLint and tsc')
      .option('--fix', 'apply safe hygiene fixes in the working tree', false)
      .option('--no-steps', 'skip the command steps of the config (steps in the README)'),
  ).action(async (opts: OutputOptions & { fix: boolean; steps: boolean }) => {
    process.exitCode = await runAndReport(opts, { mode: 'all', fix: opts.fix, steps: opts.steps ? undefined : false });
  });

  withOutput(
    program
      .command('check')
      .description(`run one check: ${CHECK_IDS.join(', ')}`)
      .argument('<check>', `the check to run (${CHECK_IDS.join(', ')})`)
      .argument('[paths...]', 'files or directories (default: the whole repository); "-" reads standard input')
      .option('--staged', 'check the staged content instead of the working tree', false)
      .option('--fix', 'apply safe fixes', false)
      .option('--explain', 'show the evidence behind each finding (float)')
      .option('--history [range]', 'scan git history instead of files: every commit of every branch, or a revision range; paths limit it to their changes, even if they are gone from the tree (secrets)')
      .option('--update-baseline', "accept today's findings into the check's baseline (secrets)"),
  ).action(async (check: string, paths: string[], opts: OutputOptions & CheckFlags) => {
    // With --history the paths limit which changes are scanned, and may be gone from the tree.
    if (opts.history !== undefined && paths.length > 0) {
      if (paths.includes('-')) throw new UserError('--history reads git history, so it cannot be combined with "-" (standard input).');
      const historyPaths = paths.map((p) => path.resolve(opts.cwd, p));
      process.exitCode = await runAndReport(opts, { mode: 'all', checks: [check], request: { explain: opts.explain, history: opts.history, historyPaths, updateBaseline: opts.updateBaseline } });
      return;
    }
    const stdin = paths.includes('-') ? await readStdin() : undefined;
    process.exitCode = await runAndReport(opts, {
      mode: opts.staged ? 'quick' : paths.length > 0 ? 'paths' : 'all',
      checks: [check],
      paths,
      staged: opts.staged,
      fix: opts.fix,
      stdin,
      request: { explain: opts.explain, history: opts.history, updateBaseline: opts.updateBaseline },
    });
  });

  program
    .command('demo')
    .description('build a small payments repository with planted problems in a temp dir and run validate-all on it')
    .option('--keep', 'keep the demo repository and print its path', false)
    .option('-f, --format <format>', 'output format for the demo report', 'text')
    .action(async (opts: { keep: boolean; format: string }) => {
      const { runDemo } = await import('../demo/demo.ts');
      process.exitCode = await runDemo({ keep: opts.keep, format: opts.format });
    });

  program
    .command('recover-fix')
    .description('restore the files of a hygiene --fix that was interrupted (killed mid-write), from its recovery record')
    .option('-C, --cwd <dir>', 'run as if started in <dir>', process.cwd())
    .action(async (opts: { cwd: string }) => {
      const { runRecoverFix } = await import('./recover-fix.ts');
      process.exitCode = await runRecoverFix(opts.cwd);
    });

  program
    .command('init')
    .description('set up husky + lint-staged hooks, a starter config and the CI gate workflow in this repository, merged into what is there')
    .option('--dry-run', 'print every file it would create or change, and write nothing', false)
    .option('-C, --cwd <dir>', 'run as if started in <dir>', process.cwd())
    .action(async (opts: { dryRun: boolean; cwd: string }) => {
      const { runInit } = await import('../init/init.ts');
      process.exitCode = await runInit({ cwd: opts.cwd, dryRun: opts.dryRun });
    });

  addDebtCommands(program);
  addDaemonCommands(program);
  addMigrateCommands(program);
  addDeployCommands(program);
  addAuditCommands(program);
  addStepsCommand(program);

  return program;
}

/** `tollgate steps [names…]`: the command steps of the config without the checks. */
function addStepsCommand(program: Command): void {
  withOutput(
    program
      .command('steps')
      .description("run the config's command steps without the checks: the pipeline's steps for this place (local or CI), or the ones named")
      .argument('[names...]', 'steps to run by name, even when switched off or meant for another pipeline or place')
      .addOption(new Option('--pipeline <pipeline>', "whose steps and files: validate-quick's (staged files) or validate-all's (every file)").choices(['quick', 'all']).default('all'))
      .option('--ci', 'pick the steps CI runs (where: ["ci"]) even outside CI')
      .addHelpText(
        'after',
        `
Steps are your own commands (tests, a build) that validate-quick and validate-all run beside the
checks. Output streams live with a [name] prefix on a terminal; otherwise it is captured and shown
when the step fails. A failure exits 1; tsc, ESLint, vitest and jest output becomes located findings.

Examples:
  tollgate steps                     # the steps validate-all would run here
  tollgate steps test build          # just these two
  tollgate steps --pipeline quick    # validate-quick's steps on the staged files
  tollgate steps --ci --format json  # what CI runs, as JSON`,
      ),
  ).action(async (names: string[], opts: OutputOptions & { pipeline: 'quick' | 'all'; ci?: boolean }) => {
    process.exitCode = await runAndReport(opts, { mode: opts.pipeline, checks: [], steps: { names: names.length > 0 ? names : undefined, ci: opts.ci } });
  });
}

/** `tollgate audit branch-protection`: GitHub settings against the config's policy (needs a token and the network). */
function addAuditCommands(program: Command): void {
  const audit = program.command('audit').description('audit repository settings on GitHub against the config (needs a token; not part of validate-quick/validate-all)');
  withOutput(
    audit
      .command('branch-protection')
      .description('check a branch\'s classic protection and rulesets against branchProtection in the config: pass, fail or unknown per criterion, the OpenSSF Scorecard tier, and required checks no workflow produces')
      .option('--repo <owner/name>', 'repository (default: branchProtection.repo, GITHUB_REPOSITORY, else the origin remote)')
      .option('--branch <name>', "branch (default: branchProtection.branch, else the repository's default branch)")
      .option('--token-env <name>', 'environment variable holding the token (default: GITHUB_TOKEN, then GH_TOKEN)')
      .option('--api-url <url>', 'REST API root, e.g. https://github.example.com/api/v3 for GitHub Enterprise Server (default: GITHUB_API_URL, else https://api.github.com)')
      .option('--fix', 'print the exact API requests (method, path, JSON body) that bring the branch to the policy', false)
      .option('--apply', 'send the --fix requests, then read the branch again and report the new verdicts', false)
      .addHelpText(
        'after',
        `
A criterion is "unknown" (a warning) when GitHub hides what it needs from this token: classic
protection needs admin access (fine-grained token or app: Administration read); a workflow's
GITHUB_TOKEN can never read it. Unknown is never reported as a pass.

Examples:
  GH_TOKEN=$(gh auth token) tollgate audit branch-protection --repo acme/payments
  tollgate audit branch-protection --branch release --format sarif -o protection.sarif
  tollgate audit branch-protection --fix              # print the requests
  tollgate audit branch-protection --apply            # send them and re-check`,
      ),
  ).action(async (opts: OutputOptions & { repo?: string; branch?: string; tokenEnv?: string; apiUrl?: string; fix: boolean; apply: boolean }) => {
    const { runAuditCommand } = await import('../audit/command.ts');
    process.exitCode = await runAuditCommand(opts);
  });
}

const collectSarif = (value: string, previous: string[]): string[] => [...previous, value];
const SARIF_HELP = 'also count the results of this SARIF file (repeatable)';

/** Only -c/--config and -C/--cwd of the shared output options. */
function withLocation(command: Command): Command {
  for (const option of outputOptions()) if (['config', 'cwd'].includes(option.attributeName())) command.addOption(option);
  return command;
}

/** `tollgate debt check | update | explain | merge`: the warning-debt baseline (.tollgate/debt.json). */
function addDebtCommands(program: Command): void {
  const debt = program
    .command('debt')
    .description('warning-debt baseline (.tollgate/debt.json): baselined warnings pass, new ones fail, counts only go down');
  withOutput(
    debt
      .command('check')
      .description('fail on warnings the baseline does not have; locally lower the baseline when debt went down (CI=true never writes)')
      .option('--sarif <file>', SARIF_HELP, collectSarif, []),
  ).action(async (opts: OutputOptions & { sarif: string[] }) => {
    const { runDebtCheck } = await import('../debt/commands.ts');
    process.exitCode = await runDebtCheck(opts);
  });
  withLocation(
    debt
      .command('update')
      .description("write the baseline from today's warnings: drops fixed ones; new ones only with --accept-new (or when there is no baseline yet)")
      .option('--accept-new', 'add new warnings to the baseline too', false)
      .option('--sarif <file>', SARIF_HELP, collectSarif, []),
  ).action(async (opts: { config?: string; cwd: string; sarif: string[]; acceptNew: boolean }) => {
    const { runDebtUpdate } = await import('../debt/commands.ts');
    process.exitCode = await runDebtUpdate(opts);
  });
  withLocation(
    debt
      .command('explain')
      .description('list exactly which warnings are new (file:line) and which were fixed, per file and rule')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
      .option('--sarif <file>', SARIF_HELP, collectSarif, []),
  ).action(async (opts: { config?: string; cwd: string; sarif: string[]; format: 'text' | 'json' }) => {
    const { runDebtExplain } = await import('../debt/commands.ts');
    process.exitCode = await runDebtExplain(opts);
  });
  debt
    .command('merge')
    .description('git merge driver for the baseline: `git config merge.tollgate-debt.driver "npx tollgate debt merge %O %A %B"`')
    .argument('<ancestor>', '%O: the common ancestor version')
    .argument('<current>', '%A: our version; the merged baseline is written here')
    .argument('<other>', '%B: their version')
    .argument('[pathname]', '%P: the path in the repository, for messages')
    .action(async (ancestor: string, current: string, other: string, pathname: string | undefined) => {
      const { runDebtMerge } = await import('../debt/commands.ts');
      process.exitCode = await runDebtMerge(ancestor, current, other, pathname);
    });
}

interface MigrateFlags {
  cwd: string;
  config?: string;
  databaseUrl?: string;
}

/** -C/--cwd, -c/--config and --database-url for the commands that talk to the database. */
function withDatabase(command: Command): Command {
  return withLocation(command).option(
    '--database-url <url>',
    'PostgreSQL URL (default: the variable named by migrate.databaseUrlEnv, DATABASE_URL; unset: the embedded PGlite database in .tollgate/pgdata)',
  );
}

/** `tollgate migrate status | up | dry-run | verify | new | lint`: SQL migrations (src/migrate). */
function addMigrateCommands(program: Command): void {
  const migrate = program
    .command('migrate')
    .description('SQL migrations (migrations/NNNN_name.sql): one transaction each with its history row, one migrator at a time, lock and statement timeouts, backup first')
    .addHelpText(
      'after',
      `
Without DATABASE_URL (migrate.databaseUrlEnv) the migrations run against an embedded PGlite
database in .tollgate/pgdata, so nothing needs a server to try it.

Examples:
  tollgate migrate new add_invoice_currency    # creates migrations/0004_add_invoice_currency.sql
  tollgate migrate lint --since origin/main    # blue-green lint of the migrations this branch adds
  tollgate migrate dry-run                     # what up would apply, read-only
  tollgate migrate dry-run --execute           # and run it in a transaction that is rolled back
  DATABASE_URL=postgres://app@db/app tollgate migrate up
  tollgate migrate verify                      # exit 1 when an applied migration was edited or is missing`,
    );
  const formatOption = () => new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text');
  withDatabase(migrate.command('status').description('list every migration: applied (when, how long, by whom), pending, edited, missing, out of order'))
    .addOption(formatOption())
    .action(async (opts: MigrateFlags & { format: 'text' | 'json' }) => {
      const { runMigrateStatus } = await import('../migrate/commands.ts');
      process.exitCode = await runMigrateStatus(opts);
    });
  withDatabase(
    migrate
      .command('up')
      .description('apply the pending migrations in order: backup (pg_dump) first, then each in its own transaction with its history row; stops at the first failure with nothing of it left')
      .option('--no-backup', 'skip the pg_dump backup (migrate.backup.enabled)'),
  ).action(async (opts: MigrateFlags & { backup: boolean }) => {
    const { runMigrateUp } = await import('../migrate/commands.ts');
    process.exitCode = await runMigrateUp(opts);
  });
  withDatabase(
    migrate
      .command('dry-run')
      .description('show what `up` would apply, how (transaction, timeouts) and the blue-green warnings; changes nothing')
      .option('--execute', 'also run the pending migrations in one transaction that is rolled back, to find failures before `up` (takes the locks `up` would; no-transaction files are skipped)', false),
  ).action(
    async (opts: MigrateFlags & { execute: boolean }) => {
      const { runMigrateDryRun } = await import('../migrate/commands.ts');
      process.exitCode = await runMigrateDryRun(opts);
    },
  );
  withDatabase(migrate.command('verify').description('compare the files with the history: exit 1 when an applied migration was edited, is missing, or a pending one is numbered below an applied one'))
    .addOption(formatOption())
    .action(async (opts: MigrateFlags & { format: 'text' | 'json' }) => {
      const { runMigrateVerify } = await import('../migrate/commands.ts');
      process.exitCode = await runMigrateVerify(opts);
    });
  withLocation(migrate.command('new').description('create the next numbered migration file with a commented template').argument('<name>', 'what it does, such as add_invoice_currency')).action(
    async (name: string, opts: MigrateFlags) => {
      const { runMigrateNew } = await import('../migrate/commands.ts');
      process.exitCode = await runMigrateNew({ ...opts, name });
    },
  );
  withOutput(
    migrate
      .command('lint')
      .description('blue-green lint: warn on migrations that break the version still serving traffic (drop/rename column or table, type change, NOT NULL without default)')
      .argument('[paths...]', 'migration files (default: every migration in migrate.dir)')
      .option('--since <ref>', 'only the migrations added or changed since this git ref (CI: origin/main)'),
  ).action(async (paths: string[], opts: OutputOptions & { since?: string }) => {
    const { runMigrateLint } = await import('../migrate/commands.ts');
    process.exitCode = await runMigrateLint({ ...opts, paths });
  });
}

/** `tollgate deploy` and `tollgate demo deploy`: blue-green deploys from the config's deploy section. */
function addDeployCommands(program: Command): void {
  withLocation(
    program
      .command('deploy')
      .description('blue-green deploy of one environment: lock, migrate (with backup), start the idle color, health, smoke checks, switch without a failed request, drain, watch; rolls back by itself on failure')
      .requiredOption('--env <name>', 'the environment (a key of deploy.environments in the config)')
      .option('--release <version>', 'the version to deploy, passed to the app as APP_VERSION (default: TOLLGATE_RELEASE, else the commit)')
      .option('--resume', 'finish a deploy that was interrupted (killed), from the journal', false)
      .option('--rollback', 'undo the interrupted deploy, or else the most recent one (the release before it goes back live)', false)
      .option('--down', 'stop every color and the proxy of the environment (local and nginx providers)', false)
      .option('--serve', 'run the environment\'s runtime (proxy and colors) in the foreground, for systemd or another service manager; deploys then use it', false)
      .option('--status', 'print the journal: the live and previous releases, an interrupted deploy, the last deploys (changes nothing)', false)
      .addOption(new Option('-f, --format <format>', 'output format of the result').choices(['text', 'json']).default('text'))
      .addHelpText(
        'after',
        `
Every step is written to the journal (.tollgate/deploy-journal.json) before and after it runs. A
failure before the switch stops the new color and leaves live traffic untouched; a failure after it
switches back. --resume and --rollback are idempotent: running one twice changes nothing more.

Exit codes: 0 live on the new release (or nothing to do), 1 the deploy failed or was rolled back
(the previous release serves), 2 usage or configuration error, 3 a bug.

Examples:
  tollgate deploy --env production --release 1.4.2
  tollgate deploy --env production --resume        # after the runner died mid-deploy
  tollgate deploy --env production --rollback      # the previous release, live again
  tollgate deploy --env production --serve         # the runtime under systemd (ExecStart=)
  tollgate deploy --env production --status        # what is live, what happened
  tollgate demo deploy                             # try it: two releases under load, then a broken one`,
      ),
  ).action(async (opts: { env: string; release?: string; resume: boolean; rollback: boolean; down: boolean; serve: boolean; status: boolean; format: 'text' | 'json'; cwd: string; config?: string }) => {
    const { runDeployCommand } = await import('../deploy/command.ts');
    const result = await runDeployCommand(opts);
    process.exitCode = result.exitCode;
  });
  program.commands
    .find((command) => command.name() === 'demo')
    ?.command('deploy')
    .description('deploy the example app twice with the local provider and the embedded database under autocannon load, then a broken release that rolls back; prints requests served, failed requests and switch times')
    .option('--keep', 'keep the demo directory and print its path', false)
    .action(async (opts: { keep: boolean }) => {
      const { runDeployDemo } = await import('../deploy/demo.ts');
      process.exitCode = await runDeployDemo(opts);
    });
}

/** `tollgate daemon start | stop | status | serve`: the warm validate-quick server for the pre-commit hook. */
function addDaemonCommands(program: Command): void {
  const daemon = program
    .command('daemon')
    .description('a warm background process per repository that serves validate-quick, so the pre-commit hook does not pay start-up (started by itself on the first commit; never in CI; TOLLGATE_DAEMON=0 turns it off)');
  const load = () => import('../daemon/commands.ts');
  const cwdOption = new Option('-C, --cwd <dir>', 'run as if started in <dir>').default(process.cwd(), 'the current directory');
  daemon
    .command('start')
    .description("start this repository's daemon in the background and wait until it answers")
    .addOption(cwdOption)
    .action(async (opts: { cwd: string }) => {
      process.exitCode = await (await load()).runDaemonStart(opts.cwd);
    });
  daemon
    .command('stop')
    .description("stop this repository's daemon")
    .addOption(cwdOption)
    .action(async (opts: { cwd: string }) => {
      process.exitCode = await (await load()).runDaemonStop(opts.cwd);
    });
  daemon
    .command('status')
    .description('say whether the daemon runs, since when and how many runs it served (exit 1 when not running)')
    .addOption(cwdOption)
    .action(async (opts: { cwd: string }) => {
      process.exitCode = await (await load()).runDaemonStatus(opts.cwd);
    });
  daemon
    .command('serve')
    .description('run the daemon in the foreground (what start runs in the background)')
    .addOption(cwdOption)
    .action(async (opts: { cwd: string }) => {
      process.exitCode = await (await load()).runDaemonServe(opts.cwd);
    });
}

/** CLI entry: never calls process.exit(), so pending output is flushed. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.clean : EXIT.usage;
      return;
    }
    if (isUserError(error)) {
      process.stderr.write(`tollgate: ${error.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    process.stderr.write(`tollgate: internal error (a bug, please report it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.internal;
  }
}
