import { spawn } from 'node:child_process';

/**
 * Stopping a step's whole process tree. On POSIX every step runs as the leader of its own
 * process group (spawned detached), so one signal to the negative pid reaches the command and
 * everything it started, unless a descendant moved itself to a new session (setsid, a daemon).
 * On Windows `taskkill /T` walks the tree.
 */
export function signalTree(pid: number, signal: NodeJS.Signals): void {
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => {});
    return;
  }
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/**
 * Detached groups do not get the terminal's Ctrl-C, so while any step runs, tollgate passes
 * SIGINT/SIGTERM/SIGHUP on to every live group and then dies of the same signal; on exit it
 * kills whatever is left. The handlers exist only while a step runs.
 */
const live = new Set<number>();
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const pid of live) signalTree(pid, signal);
  uninstall();
  process.kill(process.pid, signal);
}

function onExit(): void {
  for (const pid of live) signalTree(pid, 'SIGKILL');
}

function install(): void {
  for (const s of FORWARDED) process.on(s, onSignal);
  process.on('exit', onExit);
}

function uninstall(): void {
  for (const s of FORWARDED) process.off(s, onSignal);
  process.off('exit', onExit);
}

export function trackGroup(pid: number): () => void {
  live.add(pid);
  if (live.size === 1) install();
  return () => {
    if (!live.delete(pid)) return;
    if (live.size === 0) uninstall();
  };
}
