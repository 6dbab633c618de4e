import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../config/load.ts';
import type { TollgateConfig } from '../config/schema.ts';
import { UserError } from '../errors/user-error.ts';
import type { EnvironmentConfig } from './config.ts';
import { Journal } from './journal.ts';
import { deploy, resume, rollback, type DeployContext, type DeployObserver, type DeployOutcome } from './machine.ts';
import type { Migrator } from './migrator.ts';
import { createProvider } from './providers.ts';
import { runtimeDir } from './local/runtime-paths.ts';
import { formatJournal, formatOutcome } from './output.ts';

export interface DeployCommandOptions {
  cwd: string;
  config?: string | undefined;
  env: string;
  release?: string | undefined;
  resume?: boolean | undefined;
  rollback?: boolean | undefined;
  down?: boolean | undefined;
  /** Run the environment's runtime (proxy and colors) in this process, for a service manager. */
  serve?: boolean | undefined;
  /** Print what the journal knows (live, previous, an interrupted deploy, the last deploys); changes nothing. */
  status?: boolean | undefined;
  format?: 'text' | 'json' | undefined;
  /** Replaces the migrate step (tests); default: src/migrate with the config's migrate section. */
  migrator?: Migrator | undefined;
  observer?: DeployObserver | undefined;
  /** After every journal write (the crash tests kill the process here). */
  afterJournalWrite?: ConstructorParameters<typeof Journal>[2];
  log?: ((line: string) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface DeployCommandResult {
  outcome: DeployOutcome | undefined;
  exitCode: number;
}

function repositoryRoot(cwd: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return path.resolve(cwd);
  }
}

/** The migrate section's PostgreSQL URL, when one is set (the embedded database has no other clients to lock out). */
function databaseUrl(config: TollgateConfig): string | undefined {
  const url = process.env[config.migrate.databaseUrlEnv]?.trim();
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

function defaultRelease(root: string): string {
  const fromEnv = process.env.TOLLGATE_RELEASE;
  if (fromEnv) return fromEnv;
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    throw new UserError('Which release to deploy? Pass --release <version> (or set TOLLGATE_RELEASE); there is no git commit to name it after.');
  }
}

/**
 * The config and the environment. Paths in the deploy section (app.cwd, the journal, the nginx files)
 * and the migrate step are relative to the directory of the config file: the repository root for a
 * config at the top, or an app's folder in a monorepo.
 */
export async function loadEnvironment(cwd: string, env: string, configPath?: string): Promise<{ root: string; config: TollgateConfig; environment: EnvironmentConfig; file: string | undefined }> {
  const repoRoot = repositoryRoot(cwd);
  const { config, file } = await loadConfig({ cwd, stopDir: path.dirname(repoRoot), ...(configPath ? { explicitPath: configPath } : {}) });
  const root = file ? path.dirname(file) : repoRoot;
  const environment = config.deploy.environments[env];
  if (!environment) {
    const known = Object.keys(config.deploy.environments);
    throw new UserError(
      `${file ? path.relative(cwd, file) || file : 'the config'}: deploy.environments has no "${env}"; ${known.length ? `configured: ${known.join(', ')}` : 'no environment is configured (add deploy.environments.<name>)'}.`,
      { file },
    );
  }
  return { root, config, environment, file };
}

/** `tollgate deploy`: the thin CLI and action wrapper around the state machine. */
export async function runDeployCommand(options: DeployCommandOptions): Promise<DeployCommandResult> {
  if ([options.resume, options.rollback, options.down, options.serve, options.status].filter(Boolean).length > 1) {
    throw new UserError('Use only one of --resume, --rollback, --down, --serve and --status.');
  }
  const { root, config, environment, file } = await loadEnvironment(options.cwd, options.env, options.config);
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));

  if (options.status) {
    const journal = new Journal(path.resolve(root, config.deploy.journal), options.env).read();
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(journal, null, 2)}\n`);
    else log(formatJournal(options.env, journal));
    return { outcome: undefined, exitCode: 0 };
  }

  if (options.down) {
    if (environment.provider.type === 'kubernetes') throw new UserError('--down stops the local runtime; the kubernetes provider has none.');
    const { RuntimeClient } = await import('./local/runtime-client.ts');
    await new RuntimeClient(runtimeDir(root, options.env)).shutdown(environment.app?.stopGraceMs ?? 10_000);
    // Nothing serves any more; the journal says so (previous stays, for the record).
    new Journal(path.resolve(root, config.deploy.journal), options.env).update((journal) => {
      if (!journal.current) journal.live = null;
    });
    log(`stopped every color and the runtime of ${options.env}`);
    return { outcome: undefined, exitCode: 0 };
  }

  if (options.serve) {
    const provider = environment.provider;
    if (provider.type === 'kubernetes') throw new UserError('--serve runs the local runtime; the kubernetes provider has none.');
    const dir = runtimeDir(root, options.env);
    const { RuntimeClient } = await import('./local/runtime-client.ts');
    const running = await new RuntimeClient(dir).probe();
    if (running) throw new UserError(`the runtime of ${options.env} already runs (pid ${running.pid}); stop it with --down first`);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const { runDaemon } = await import('./local/daemon.ts');
    // Returns once it listens; its servers keep this process alive until --down or a signal.
    await runDaemon({ runtimeDir: dir, proxy: provider.type === 'local' ? { host: provider.listen.host, port: provider.listen.port } : undefined });
    return { outcome: undefined, exitCode: 0 };
  }

  const provider = await createProvider({ cwd: root, environment: options.env, config: environment, configFile: file });
  let migrator = options.migrator;
  if (!migrator && environment.migrate) {
    const { migrateStepFor } = await import('./migrate-step.ts');
    migrator = migrateStepFor(root, config.migrate);
  }
  let observer = options.observer;
  if (!observer && environment.github.deployments) {
    const { githubObserverFromEnv } = await import('./github-deployments.ts');
    observer = githubObserverFromEnv({ environment: environment.github.environment ?? options.env, url: environment.github.url, log });
  }
  const ctx: DeployContext = {
    cwd: root,
    environment: options.env,
    config: environment,
    provider,
    journal: new Journal(path.resolve(root, config.deploy.journal), options.env, options.afterJournalWrite),
    lockFile: path.join(runtimeDir(root, options.env), 'deploy.lock'),
    lockDatabaseUrl: environment.migrate ? databaseUrl(config) : undefined,
    migrator,
    observer,
    log,
    signal: options.signal,
  };
  try {
    const outcome = options.resume ? await resume(ctx) : options.rollback ? await rollback(ctx) : await deploy(ctx, options.release ?? defaultRelease(root));
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    else log(formatOutcome(outcome));
    return { outcome, exitCode: outcome.state === 'succeeded' || outcome.state === 'unchanged' ? 0 : 1 };
  } finally {
    await provider.close();
  }
}
