import { StringDecoder } from 'node:string_decoder';
import { execa } from 'execa';
import type { Invocation } from './command.ts';
import { signalTree, trackGroup } from './process-tree.ts';

/** After SIGTERM, the tree gets this long before SIGKILL. */
export const KILL_GRACE_MS = 2_000;
/** After SIGKILL, output pipes still open (held by a process that escaped the group) are closed. */
const PIPE_GRACE_MS = 2_000;
/** After the command exits, processes it left behind get this long to close its output. */
const LINGER_MS = 1_000;

export interface SpawnOptions {
  cwd: string;
  env: Record<string, string>;
  /** Epoch ms when the step's time is up. */
  deadline: number;
  signal: AbortSignal;
  onLine(line: string): void;
}

export interface SpawnOutcome {
  exitCode: number | undefined;
  signal: string | undefined;
  /** The process could not start (ENOENT, E2BIG, EACCES …): execa's explanation. */
  startError: string | undefined;
  timedOut: boolean;
  aborted: boolean;
  /** The command exited but processes it started kept its output open and were killed. */
  killedLeftovers: boolean;
  /** Output was still held open after SIGKILL (a process outside the group) and was cut off. */
  pipesCutOff: boolean;
}

/** Splits a byte stream into lines (UTF-8 safe across chunk boundaries). */
function lineSplitter(onLine: (line: string) => void): { write(chunk: Buffer): void; end(): void } {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const emit = (text: string) => {
    pending += text;
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      onLine(pending.slice(0, nl).replace(/\r$/, ''));
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
  };
  return {
    write: (chunk) => emit(decoder.write(chunk)),
    end: () => {
      emit(decoder.end());
      if (pending !== '') onLine(pending.replace(/\r$/, ''));
      pending = '';
    },
  };
}

/**
 * Runs one invocation in its own process group with stdout and stderr interleaved line by
 * line, and stops the whole tree at the deadline or on abort.
 */
export async function spawnStep(inv: Invocation, options: SpawnOptions): Promise<SpawnOutcome> {
  const outcome: SpawnOutcome = { exitCode: undefined, signal: undefined, startError: undefined, timedOut: false, aborted: false, killedLeftovers: false, pipesCutOff: false };
  if (options.signal.aborted) return { ...outcome, aborted: true };
  const child = execa(inv.file, inv.args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: true,
    shell: inv.shell,
    detached: process.platform !== 'win32',
    stdin: 'ignore',
    all: true,
    buffer: false,
    reject: false,
    windowsHide: true,
  });
  const pid = child.pid;
  const untrack = pid === undefined ? () => {} : trackGroup(pid);
  const timers: NodeJS.Timeout[] = [];
  const lines = lineSplitter(options.onLine);
  child.all?.on('data', (chunk: Buffer) => lines.write(chunk));

  let stopping = false;
  const stop = () => {
    if (stopping || pid === undefined) return;
    stopping = true;
    signalTree(pid, 'SIGTERM');
    timers.push(setTimeout(() => signalTree(pid, 'SIGKILL'), KILL_GRACE_MS));
    timers.push(
      setTimeout(() => {
        // Something outside the group still holds the pipes: stop waiting for them.
        outcome.pipesCutOff = true;
        child.all?.destroy();
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, KILL_GRACE_MS + PIPE_GRACE_MS),
    );
  };
  const onAbort = () => {
    outcome.aborted = true;
    stop();
  };
  options.signal.addEventListener('abort', onAbort, { once: true });
  timers.push(
    setTimeout(() => {
      outcome.timedOut = true;
      stop();
    }, Math.max(0, options.deadline - Date.now())),
  );
  child.nodeChildProcess.once('exit', () => {
    // The leader is gone; a background process it left holding the output would keep the step open.
    timers.push(
      setTimeout(() => {
        if (stopping) return;
        outcome.killedLeftovers = true;
        stop();
      }, LINGER_MS),
    );
  });

  try {
    const result = await child;
    lines.end();
    if (result.code !== undefined && result.exitCode === undefined && result.signal === undefined) {
      outcome.startError = result.code;
    }
    outcome.exitCode = result.exitCode;
    outcome.signal = result.signal;
    return outcome;
  } finally {
    for (const t of timers) clearTimeout(t);
    options.signal.removeEventListener('abort', onAbort);
    untrack();
  }
}
