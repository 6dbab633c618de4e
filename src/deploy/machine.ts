import { randomUUID } from 'node:crypto';
import { UserError } from '../errors/user-error.ts';
import { otherColor, type Color, type EnvironmentConfig } from './config.ts';
import { probe, waitHealthy } from './health.ts';
import { ROLLBACK_STEPS, STEPS, stepStatuses, type DeployRecord, type DeployState, type Journal, type Release, type StepName } from './journal.ts';
import { acquireDatabaseLock } from './db-lock.ts';
import { acquireDeployLock } from './lock.ts';
import type { Migrator } from './migrator.ts';
import type { Provider } from './provider.ts';
import { runSmokeChecks } from './smoke.ts';

/** Told when a deploy starts and ends (the GitHub Deployments reporter). Its failures never fail a deploy. */
export interface DeployObserver {
  started(record: DeployRecord): Promise<{ githubDeploymentId?: number } | void>;
  finished(record: DeployRecord): Promise<void>;
}

export interface DeployContext {
  cwd: string;
  environment: string;
  config: EnvironmentConfig;
  provider: Provider;
  journal: Journal;
  lockFile: string;
  /** The environment's database: its advisory lock serialises deploys from different machines too. */
  lockDatabaseUrl?: string | undefined;
  migrator?: Migrator | undefined;
  observer?: DeployObserver | undefined;
  log: (line: string) => void;
  signal?: AbortSignal | undefined;
}

export interface DeployTimings {
  totalMs: number;
  migrateMs: number;
  /** Starting the new color until it is healthy: the app's own boot time. */
  appStartMs: number;
  smokeMs: number;
  switchMs: number;
  drainMs: number;
  watchMs: number;
}

export interface DeployOutcome {
  /** `unchanged`: --resume or --rollback found nothing to do. */
  state: Exclude<DeployState, 'running' | 'rolling-back'> | 'unchanged';
  live: Release | null;
  record: DeployRecord | undefined;
  message: string;
  timings: DeployTimings;
}

/** Thrown by a step: the message goes to the journal and the output. */
class StepFailure extends Error {}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const STEP_TIMING: Partial<Record<StepName, keyof DeployTimings>> = {
  migrate: 'migrateMs',
  start: 'appStartMs',
  health: 'appStartMs',
  smoke: 'smokeMs',
  switch: 'switchMs',
  drain: 'drainMs',
  watch: 'watchMs',
};

function emptyTimings(): DeployTimings {
  return { totalMs: 0, migrateMs: 0, appStartMs: 0, smokeMs: 0, switchMs: 0, drainMs: 0, watchMs: 0 };
}

/** Runs one forward step; returns a detail line for the journal or throws StepFailure. */
async function runStep(ctx: DeployContext, record: DeployRecord, step: StepName): Promise<string | undefined> {
  const { provider, config } = ctx;
  const to = record.to;
  const from = record.from?.color;
  switch (step) {
    case 'migrate': {
      if (!ctx.migrator) throw new StepFailure('migrate is on for this environment but no migrator is configured');
      const result = await ctx.migrator.up(ctx.log, ctx.signal);
      const applied = result.applied.map((migration) => migration.version).join(', ') || 'nothing pending';
      return `applied: ${applied}${result.backup ? `; backup ${result.backup.file} (restore: ${result.backup.restoreCommand})` : ''}`;
    }
    case 'start':
      await provider.start(to, record.version, ctx.signal);
      return `${to} started with ${record.version}`;
    case 'health': {
      const url = provider.colorUrl(to);
      if (!url) return 'no direct URL for the color; readiness was checked by the provider';
      const healthy = await waitHealthy(url, config.health, () => provider.running(to), ctx.signal);
      if (!healthy.ok) throw new StepFailure(`${to} is not healthy: ${healthy.reason}`);
      return `healthy after ${Math.round(healthy.durationMs)} ms`;
    }
    case 'smoke': {
      const url = provider.colorUrl(to);
      if (config.smoke.length === 0) return 'no smoke checks configured';
      if (!url) throw new StepFailure('smoke checks need a URL that reaches the new color directly (provider urls)');
      const results = await runSmokeChecks(config.smoke, url, ctx.cwd);
      for (const result of results) ctx.log(`  smoke ${result.ok ? 'ok  ' : 'FAIL'} ${result.name}: ${result.detail}`);
      const failed = results.find((result) => !result.ok);
      if (failed) throw new StepFailure(`smoke check "${failed.name}" failed: ${failed.detail}`);
      return `${results.length} smoke check(s) passed`;
    }
    case 'switch':
      await provider.switchTo(to);
      return `traffic → ${to}`;
    case 'drain': {
      if (!from || from === to) return 'no old color';
      const drained = await provider.drain(from, config.drainTimeoutMs);
      return drained.remaining === 0 ? `${from} drained` : `${from} still had ${drained.remaining} ${drained.unit ?? 'request'}(s) after ${config.drainTimeoutMs} ms`;
    }
    case 'watch': {
      const url = provider.colorUrl(to) ?? provider.publicUrl();
      if (!url || config.watchMs === 0) return 'not watched';
      const deadline = performance.now() + config.watchMs;
      let checks = 0;
      while (performance.now() < deadline) {
        const result = await probe(url, config.health);
        checks++;
        if (!result.ok) throw new StepFailure(`${to} failed a health check ${checks} check(s) into the watch: ${config.health.path} answered ${result.detail}`);
        if (ctx.signal?.aborted) throw new StepFailure('aborted');
        await new Promise((resolve) => setTimeout(resolve, config.watchIntervalMs));
      }
      return `${checks} health check(s) passed over ${config.watchMs} ms`;
    }
    case 'stop-old':
      if (!from || from === to) return 'no old color';
      await provider.stop(from);
      return `${from} stopped`;
  }
}

/** Undo a deploy: the old color takes the traffic back (restarted first when it is gone), the new one is drained and stopped. */
async function undo(ctx: DeployContext, record: DeployRecord, reason: string, timings: DeployTimings): Promise<DeployOutcome> {
  const { provider, journal } = ctx;
  journal.update((state) => {
    if (!state.current) return;
    state.current.state = 'rolling-back';
    state.current.error ??= reason;
  });
  ctx.log(`rolling back: ${reason}`);
  const done = stepStatuses(record);
  const switched = done.has('switch');
  for (const step of ROLLBACK_STEPS) {
    if (done.get(step) === 'done') continue;
    if (step === 'switch-back' && (!switched || !record.from)) {
      journal.step({ step, status: 'skipped', detail: !record.from ? 'no previous release to go back to' : 'traffic never left the old color' });
      continue;
    }
    journal.step({ step, status: 'started' });
    const started = performance.now();
    let detail: string;
    if (step === 'switch-back') {
      const from = record.from!;
      if (!(await provider.running(from.color))) {
        ctx.log(`  ${from.color} is gone; starting ${from.version} again`);
        await provider.start(from.color, from.version, ctx.signal);
        const url = provider.colorUrl(from.color);
        if (url) {
          const healthy = await waitHealthy(url, ctx.config.health, () => provider.running(from.color), ctx.signal);
          if (!healthy.ok) throw new Error(`cannot roll back: the previous release ${from.version} is not healthy either (${healthy.reason})`);
        }
      }
      await provider.switchTo(from.color);
      detail = `traffic → ${from.color} (${from.version})`;
    } else if (step === 'drain-new') {
      const drained: { remaining: number; unit?: string } = switched ? await provider.drain(record.to, ctx.config.drainTimeoutMs) : { remaining: 0 };
      detail = drained.remaining === 0 ? `${record.to} drained` : `${record.to} still had ${drained.remaining} ${drained.unit ?? 'request'}(s)`;
    } else {
      await provider.stop(record.to);
      detail = `${record.to} stopped`;
    }
    journal.step({ step, status: 'done', durationMs: performance.now() - started, detail });
    ctx.log(`  ${step}: ${detail}`);
  }
  const before = journal.read();
  const state = switched ? 'rolled-back' : 'failed';
  journal.finish(state, record.from, before.previous, reason);
  const finished = journal.read().history[0];
  await notify(ctx, finished);
  return { state, live: record.from, record: finished, message: reason, timings };
}

async function notify(ctx: DeployContext, record: DeployRecord | undefined): Promise<void> {
  if (!ctx.observer || !record) return;
  try {
    await ctx.observer.finished(record);
  } catch (error) {
    ctx.log(`warning: could not report the deploy result: ${errorText(error)}`);
  }
}

/** Runs the steps of `record` that are not done yet; on failure stops before the switch or rolls back after it. */
async function forward(ctx: DeployContext, record: DeployRecord, startedAt: number): Promise<DeployOutcome> {
  const { journal } = ctx;
  const timings = emptyTimings();
  const done = stepStatuses(record);
  for (const step of STEPS) {
    const status = done.get(step);
    if (status === 'done' || status === 'skipped') continue;
    if (step === 'migrate' && (record.kind === 'rollback' || !ctx.config.migrate)) {
      journal.step({ step, status: 'skipped', detail: record.kind === 'rollback' ? 'a rollback runs no migrations' : 'migrate is off for this environment' });
      continue;
    }
    journal.step({ step, status: 'started' });
    ctx.log(`${step}…`);
    const started = performance.now();
    try {
      const detail = await runStep(ctx, record, step);
      const durationMs = performance.now() - started;
      const timing = STEP_TIMING[step];
      if (timing) timings[timing] += durationMs;
      journal.step({ step, status: 'done', durationMs, detail });
      ctx.log(`  ${detail ?? 'done'} (${Math.round(durationMs)} ms)`);
    } catch (error) {
      const reason = `${step} failed: ${errorText(error)}`;
      const timing = STEP_TIMING[step];
      if (timing) timings[timing] += performance.now() - started;
      journal.step({ step, status: 'failed', durationMs: performance.now() - started, detail: errorText(error) });
      if (step === 'stop-old') {
        // The new release is live and healthy; an old process that would not stop is not a reason to go back.
        ctx.log(`warning: ${reason}`);
        continue;
      }
      timings.totalMs = performance.now() - startedAt;
      // Before the switch this only stops the new color; after it, traffic goes back first.
      return await undo(ctx, journal.read().current ?? record, reason, timings);
    }
  }
  const previous = record.from;
  const live: Release = { color: record.to, version: record.version };
  journal.finish('succeeded', live, previous);
  timings.totalMs = performance.now() - startedAt;
  const finished = journal.read().history[0];
  await notify(ctx, finished);
  return { state: 'succeeded', live, record: finished, message: `${record.version} is live on ${record.to}`, timings };
}

async function withLock<T>(ctx: DeployContext, deployId: string, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireDeployLock({ file: ctx.lockFile, deployId, timeoutMs: ctx.config.lockTimeoutMs, log: ctx.log, signal: ctx.signal });
  try {
    const dbLock = ctx.lockDatabaseUrl
      ? await acquireDatabaseLock({ url: ctx.lockDatabaseUrl, environment: ctx.environment, timeoutMs: ctx.config.lockTimeoutMs, log: ctx.log, signal: ctx.signal })
      : undefined;
    try {
      return await fn();
    } finally {
      await dbLock?.release();
    }
  } finally {
    lock.release();
  }
}

function interruptedMessage(record: DeployRecord): string {
  const last = record.steps.at(-1);
  return `deploy ${record.id} of ${record.version} to ${record.environment} was interrupted (${record.state}${last ? `, last step: ${last.step} ${last.status}` : ''}); run \`tollgate deploy --env ${record.environment} --resume\` to finish it or \`--rollback\` to undo it`;
}

async function begin(ctx: DeployContext, kind: DeployRecord['kind'], version: string, fixedTarget?: Color): Promise<DeployOutcome> {
  const startedAt = performance.now();
  const { journal, provider } = ctx;
  const state = journal.read();
  if (state.current) throw new UserError(interruptedMessage(state.current), { file: journal.file });
  const liveColor = await provider.live();
  const from: Release | null = liveColor ? { color: liveColor, version: state.live?.color === liveColor ? state.live.version : 'unknown' } : null;
  const to = fixedTarget ?? (liveColor ? otherColor(liveColor) : 'blue');
  const record: DeployRecord = {
    id: randomUUID(),
    kind,
    environment: ctx.environment,
    provider: provider.name,
    version,
    from,
    to,
    state: 'running',
    startedAt: new Date().toISOString(),
    pid: process.pid,
    steps: [],
  };
  journal.update((journalState) => {
    journalState.current = record;
  });
  ctx.log(`${kind === 'rollback' ? 'rolling back to' : 'deploying'} ${version} to ${ctx.environment} (${provider.name}): ${from ? `${from.color} (${from.version})` : 'nothing live'} → ${to}`);
  if (ctx.observer) {
    try {
      const reported = await ctx.observer.started(record);
      if (reported && reported.githubDeploymentId !== undefined) {
        journal.update((journalState) => {
          if (journalState.current) journalState.current.githubDeploymentId = reported.githubDeploymentId;
        });
      }
    } catch (error) {
      ctx.log(`warning: could not report the deploy start: ${errorText(error)}`);
    }
  }
  return forward(ctx, journal.read().current!, startedAt);
}

/** `tollgate deploy --env <name>`: lock → migrate → start → health → smoke → switch → drain → watch → stop the old color. */
export async function deploy(ctx: DeployContext, version: string): Promise<DeployOutcome> {
  return withLock(ctx, `deploy ${version}`, () => begin(ctx, 'deploy', version));
}

/** `--resume`: finishes an interrupted deploy (or its rollback) from the journal. Nothing to resume is not an error. */
export async function resume(ctx: DeployContext): Promise<DeployOutcome> {
  return withLock(ctx, 'resume', async () => {
    const state = ctx.journal.read();
    const record = state.current;
    if (!record) return { state: 'unchanged', live: state.live, record: undefined, message: 'no interrupted deploy to resume', timings: emptyTimings() };
    ctx.log(`resuming deploy ${record.id} of ${record.version} (${record.state})`);
    if (record.state === 'rolling-back') return undo(ctx, record, record.error ?? 'rollback resumed', emptyTimings());
    return forward(ctx, record, performance.now());
  });
}

/**
 * `--rollback`: an interrupted deploy is undone; otherwise the previous release is deployed again
 * (without migrations). Running it twice leaves the same release live.
 */
export async function rollback(ctx: DeployContext): Promise<DeployOutcome> {
  return withLock(ctx, 'rollback', async () => {
    const state = ctx.journal.read();
    if (state.current) return undo(ctx, state.current, 'rollback requested', emptyTimings());
    // Undo the most recent deploy; one that failed, was rolled back or was itself a rollback is undone already.
    const last = state.history[0];
    if (!last || last.state !== 'succeeded' || last.kind === 'rollback' || !state.previous) {
      const why = !last
        ? 'no deploy yet'
        : last.kind === 'rollback' && last.state === 'succeeded'
          ? `the last deploy already was a rollback (to ${last.version})`
          : last.state === 'failed'
            ? `the last deploy (${last.version}) stopped before the switch`
            : last.state === 'rolled-back'
              ? `the last deploy (${last.version}) was rolled back already`
              : 'no previous release';
      return { state: 'unchanged', live: state.live, record: undefined, message: `nothing to roll back: ${why}`, timings: emptyTimings() };
    }
    return begin(ctx, 'rollback', state.previous.version);
  });
}
