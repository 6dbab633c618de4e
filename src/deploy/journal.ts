import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Color } from './config.ts';

/** The steps of a deploy, in order. Each is written to the journal before ("started") and after it runs. */
export const STEPS = ['migrate', 'start', 'health', 'smoke', 'switch', 'drain', 'watch', 'stop-old'] as const;
export type StepName = (typeof STEPS)[number];
/** Steps of undoing a deploy: back to the old color, then the new one drained and stopped. */
export const ROLLBACK_STEPS = ['switch-back', 'drain-new', 'stop-new'] as const;
export type RollbackStepName = (typeof ROLLBACK_STEPS)[number];

export type StepStatus = 'started' | 'done' | 'failed' | 'skipped';
export interface StepEvent {
  step: StepName | RollbackStepName | 'lock';
  status: StepStatus;
  at: string;
  durationMs?: number | undefined;
  detail?: string | undefined;
}

/**
 * running: steps are going forward; rolling-back: undoing after a failure or on --rollback;
 * succeeded: the new release is live; rolled-back: the old release is live again; failed: stopped
 * before the switch (the old release never stopped serving).
 */
export type DeployState = 'running' | 'rolling-back' | 'succeeded' | 'rolled-back' | 'failed';

export interface Release {
  color: Color;
  version: string;
}

export interface DeployRecord {
  id: string;
  /** deploy: a new version; rollback: the previous version deployed again by `--rollback`. */
  kind: 'deploy' | 'rollback';
  environment: string;
  provider: string;
  version: string;
  from: Release | null;
  to: Color;
  state: DeployState;
  startedAt: string;
  finishedAt?: string | undefined;
  error?: string | undefined;
  /** Which process wrote last (for diagnosing an interrupted deploy). */
  pid: number;
  steps: StepEvent[];
  /** GitHub deployment id, when the deploy is reported there. */
  githubDeploymentId?: number | undefined;
}

export interface EnvironmentJournal {
  live: Release | null;
  /** The release that was live before `live`: where `--rollback` goes. */
  previous: Release | null;
  current: DeployRecord | null;
  /** Finished deploys, newest first, at most HISTORY_LIMIT. */
  history: DeployRecord[];
}

interface JournalFile {
  version: 1;
  environments: Record<string, EnvironmentJournal>;
}

const HISTORY_LIMIT = 20;
const EMPTY: EnvironmentJournal = { live: null, previous: null, current: null, history: [] };

function readFile(file: string): JournalFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, environments: {} };
    throw error;
  }
  return JSON.parse(text) as JournalFile;
}

/** Write to a temp file, fsync, rename: a crash leaves the old journal or the new one, never half of one. */
function writeAtomic(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  const dir = openSync(path.dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/** A short exclusive section around read-modify-write, so deploys of two environments can share one file. */
function withFileMutex<T>(file: string, fn: () => T): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A writer killed inside the section leaves the lock behind; nothing holds it for more than a moment.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 5_000) rmSync(lock, { force: true });
      } catch {
        // Removed meanwhile.
      }
      if (Date.now() > deadline) throw new Error(`the deploy journal ${file} stayed locked (${lock})`, { cause: error });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** The deploy journal of one environment, in the shared journal file. */
export class Journal {
  readonly file: string;
  readonly environment: string;
  /** Called after every write: the crash tests kill the process here. */
  private readonly afterWrite: ((journal: EnvironmentJournal) => void) | undefined;

  constructor(file: string, environment: string, afterWrite?: (journal: EnvironmentJournal) => void) {
    this.file = file;
    this.environment = environment;
    this.afterWrite = afterWrite;
  }

  read(): EnvironmentJournal {
    return structuredClone(readFile(this.file).environments[this.environment] ?? EMPTY);
  }

  update(change: (journal: EnvironmentJournal) => void): EnvironmentJournal {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const next = withFileMutex(this.file, () => {
      const data = readFile(this.file);
      const journal = structuredClone(data.environments[this.environment] ?? EMPTY);
      change(journal);
      data.environments[this.environment] = journal;
      writeAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
      return journal;
    });
    this.afterWrite?.(next);
    return next;
  }

  /** Appends a step event to the current deploy. */
  step(event: Omit<StepEvent, 'at'>): void {
    this.update((journal) => {
      if (!journal.current) throw new Error('no deploy in progress to journal a step for');
      journal.current.steps.push({ ...event, at: new Date().toISOString() });
      journal.current.pid = process.pid;
    });
  }

  /** Ends the current deploy: into the history, with the release that is live now. */
  finish(state: 'succeeded' | 'rolled-back' | 'failed', live: Release | null, previous: Release | null, error?: string): void {
    this.update((journal) => {
      const current = journal.current;
      if (!current) return;
      current.state = state;
      current.finishedAt = new Date().toISOString();
      if (error !== undefined) current.error = error;
      journal.live = live;
      journal.previous = previous;
      journal.history = [current, ...journal.history].slice(0, HISTORY_LIMIT);
      journal.current = null;
    });
  }
}

/** The last event of each step of a record. */
export function stepStatuses(record: DeployRecord): Map<string, StepStatus> {
  const statuses = new Map<string, StepStatus>();
  for (const event of record.steps) statuses.set(event.step, event.status);
  return statuses;
}
