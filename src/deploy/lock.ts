import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors/user-error.ts';
import { pidAlive } from './local/supervisor.ts';

interface LockOwner {
  pid: number;
  host: string;
  deployId: string;
  since: string;
}

export interface DeployLock {
  release(): void;
}

function readOwner(file: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** Removes a dead owner's lock; two waiters doing this at once must not remove each other's new lock. */
function removeStale(file: string, deadPid: number): boolean {
  const guard = `${file}.takeover`;
  try {
    closeSync(openSync(guard, 'wx'));
  } catch {
    // A waiter killed inside this section leaves the guard behind.
    try {
      if (Date.now() - statSync(guard).mtimeMs > 5_000) rmSync(guard, { force: true });
    } catch {
      // Removed meanwhile.
    }
    return false;
  }
  try {
    if (readOwner(file)?.pid !== deadPid) return false;
    rmSync(file, { force: true });
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * One deploy per environment: an exclusive lock file taken with a polling try-lock. A lock left by a
 * process that no longer exists on this host (a deploy killed with SIGKILL) is taken over, so
 * `--resume` and `--rollback` work after a crash. A second deploy waits up to `timeoutMs`.
 */
export async function acquireDeployLock(options: {
  file: string;
  deployId: string;
  timeoutMs: number;
  pollMs?: number;
  log?: (line: string) => void;
  signal?: AbortSignal | undefined;
}): Promise<DeployLock> {
  mkdirSync(path.dirname(options.file), { recursive: true });
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(options.file, 'wx');
      const owner: LockOwner = { pid: process.pid, host: os.hostname(), deployId: options.deployId, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      return {
        release: () => {
          if (readOwner(options.file)?.pid === process.pid) rmSync(options.file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(options.file);
    if (owner && owner.host === os.hostname() && !pidAlive(owner.pid)) {
      if (removeStale(options.file, owner.pid)) options.log?.(`took over the deploy lock of process ${owner.pid}, which no longer runs (deploy ${owner.deployId})`);
      continue;
    }
    if (!announced) {
      options.log?.(`waiting for the deploy lock: ${owner ? `deploy ${owner.deployId} (pid ${owner.pid} on ${owner.host}) since ${owner.since}` : options.file}`);
      announced = true;
    }
    if (options.signal?.aborted) throw new UserError('deploy cancelled while waiting for the deploy lock');
    if (Date.now() - started > options.timeoutMs) {
      throw new UserError(`another deploy of this environment still holds ${options.file} after ${options.timeoutMs} ms (deploy.environments.*.lockTimeoutMs)`, { file: options.file });
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }
}
