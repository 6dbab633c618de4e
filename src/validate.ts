import path from 'node:path';
import type { CheckPlan, CheckRequest, Mode, PreparedWork } from './checks/check.ts';
import { CHECK_IDS, type CheckId } from './checks/ids.ts';
import { loadCheck } from './checks/registry.ts';
import { loadConfig } from './config/load.ts';
import type { TollgateConfig } from './config/schema.ts';
import { UserError } from './errors/user-error.ts';
import { Repo } from './git/repo.ts';
import { pathsFileSet, stagedFileSet, stdinFileSet, treeFileSet, type FileSet } from './runner/file-set.ts';
import { runChecks, type CheckRun, type RunReport, type StepUnit } from './runner/run.ts';
import type { DebtOutcome, DebtRequest } from './debt/stage.ts';

export interface ValidateOptions {
  cwd: string;
  /** --config: an explicit config file. */
  configPath?: string | undefined;
  mode: Mode;
  /** Restrict to these checks (tollgate check <id>); default: the pipeline for the mode. */
  checks?: readonly string[] | undefined;
  /** For mode 'paths': files or directories. */
  paths?: readonly string[] | undefined;
  /** In mode 'paths' or a single check: read staged content instead of the working tree. */
  staged?: boolean | undefined;
  fix?: boolean | undefined;
  /** Check-specific flags (--explain, --history, --update-baseline). */
  request?: CheckRequest | undefined;
  /** Content for the path '-' (stdin), already read by the caller. */
  stdin?: Buffer | undefined;
  progress?: (checkId: CheckRun['id'], message: string) => void;
  /** Each output line of a command step while it runs (masked); without it output is only captured. */
  stepOutput?: ((step: string, line: string) => void) | undefined;
  /** Command steps: the pipeline's steps by default (none for `check`, paths or stdin); false runs none. */
  steps?: { names?: readonly string[] | undefined; ci?: boolean | undefined } | false | undefined;
  /** The warning-debt stage of validate-all: `tollgate debt …` passes its request (run even when debt.enabled is false); false skips it. */
  debt?: DebtRequest | false | undefined;
}

export interface ValidateResult {
  report: RunReport;
  config: TollgateConfig;
  configFile: string | undefined;
  repoRoot: string;
  /** The debt comparison, when the debt stage ran. */
  debt?: DebtOutcome | undefined;
}

function parseCheckIds(ids: readonly string[]): CheckId[] {
  return ids.map((id) => {
    if (!(CHECK_IDS as readonly string[]).includes(id)) {
      throw new UserError(`Unknown check "${id}". Known checks: ${CHECK_IDS.join(', ')}.`);
    }
    return id as CheckId;
  });
}

/** Which files a run looks at, from the options alone. */
function fileSource(options: ValidateOptions): FileSet['kind'] {
  if (options.paths?.includes('-')) return 'stdin';
  if (options.mode === 'quick' || options.staged) return 'staged';
  if (options.mode === 'paths' && options.paths && options.paths.length > 0) return 'paths';
  return 'tree';
}

/**
 * The one engine entry point behind the CLI, the hooks and the action: find the repository,
 * load the config, pick the files, run the checks, post-process the findings.
 */
export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const repo = await Repo.open(options.cwd);
  const prepared = new Map<CheckId, PreparedWork>();
  let preloaded: Promise<unknown> | undefined;
  const source = fileSource(options);
  // A tree's listing does not depend on the config: git lists while the config loads.
  const listing = source === 'tree' ? repo.listFiles() : undefined;
  listing?.catch(() => undefined); // awaited below; a config error must not leave it unhandled
  try {
    const { config, file } = await loadConfig({ cwd: options.cwd, stopDir: path.dirname(repo.root), ...(options.configPath ? { explicitPath: options.configPath } : {}) });
    const checks = options.checks ? parseCheckIds(options.checks) : options.mode === 'quick' ? config.pipelines.quick : config.pipelines.all;
    const enabled = checks.filter((id) => config.checks[id].enabled);
    // The checks' modules load (CPU in this process), and start what they can without the files
    // (threads), while git lists the files (its own process); runChecks loads them again from
    // the module cache and reports any failure to load.
    const plan: CheckPlan = { config, mode: options.mode, request: options.request ?? {} };
    preloaded = Promise.allSettled(
      enabled.map(async (id) => {
        const work = (await loadCheck(id)).prepare?.(plan);
        if (work) prepared.set(id, work);
      }),
    );
    let fileSet: FileSet;
    if (source === 'stdin') {
      if (options.paths!.length > 1) throw new UserError('"-" (stdin) cannot be combined with other paths.');
      fileSet = stdinFileSet(options.stdin ?? Buffer.alloc(0));
    } else if (source === 'staged') fileSet = await stagedFileSet(repo, config.ignore);
    else if (source === 'paths') fileSet = await pathsFileSet(repo, options.cwd, options.paths!, config.ignore);
    else fileSet = await treeFileSet(repo, config.ignore, listing);
    let steps: StepUnit[] = [];
    const pipelineRun = !options.checks && options.mode !== 'paths';
    if (config.steps.length > 0 && options.steps !== false && (pipelineRun || options.steps)) {
      // Loaded only when the config has steps, so validate-quick without steps never pays for it.
      const { pipelineSteps } = await import('./steps/units.ts');
      steps = pipelineSteps(config, { mode: options.mode, ...options.steps }, options.stepOutput);
    }
    await preloaded;
    let report = await runChecks({
      repo,
      config,
      mode: options.mode,
      checks: enabled,
      fileSet,
      steps,
      fix: options.fix ?? false,
      ...(options.request ? { request: options.request } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
      prepared,
    });
    let debt: DebtOutcome | undefined;
    const debtRequest = options.debt ?? (config.debt.enabled ? {} : false);
    // After a pipeline, or when asked for with a subset of checks (whose sources alone are compared).
    if (options.mode === 'all' && (!options.checks || options.debt) && debtRequest !== false) {
      const { applyDebtStage } = await import('./debt/stage.ts');
      ({ report, outcome: debt } = await applyDebtStage({ repo, config, report, readText: fileSet.readText, cwd: options.cwd, request: debtRequest }));
    }
    return { report, config, configFile: file, repoRoot: repo.root, debt };
  } finally {
    // Released once every prepare() has returned, so nothing started is left behind.
    await preloaded;
    for (const work of prepared.values()) work.release();
    repo.close();
  }
}
