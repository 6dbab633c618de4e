/**
 * The hook side of the validate-quick daemon. `bin/tollgate.js` asks `daemonPlan` whether this
 * invocation may be served by a warm daemon, sends it there with `askDaemon`, and runs
 * in-process when no daemon answers (then `startDaemon` starts one for the next commit).
 * Only node: built-ins here, and only those a served run needs (child_process is loaded when a
 * daemon has to be started): this runs before anything else on every commit.
 */
import { closeSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { FORWARDED_ENV, lineReader, type DaemonReply, type DaemonRequest } from './protocol.ts';
import { findGitDir, socketPath } from './location.ts';

export interface DaemonPlan {
  socket: string;
  gitDir: string;
  cwd: string;
}

/** Flags the daemon does not take: they change files, print help, or move the working directory. */
const IN_PROCESS_FLAGS = /^(?:--fix|-h|--help|-C|--cwd(?:=.*)?)$/;

function truthy(value: string | undefined): boolean {
  const v = value?.trim().toLowerCase();
  return v !== undefined && v !== '' && v !== '0' && v !== 'false';
}

/**
 * Whether this command line may go to the daemon: `validate-quick` on a developer's machine.
 * Never in CI (a daemon outlives the job for nothing) or with TOLLGATE_DAEMON=0.
 */
export function daemonPlan(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): DaemonPlan | undefined {
  if (argv[2] !== 'validate-quick') return undefined;
  if (truthy(env.CI) || env.GITHUB_ACTIONS === 'true') return undefined;
  if (env.TOLLGATE_DAEMON !== undefined && !truthy(env.TOLLGATE_DAEMON)) return undefined;
  if (argv.slice(3).some((arg) => IN_PROCESS_FLAGS.test(arg))) return undefined;
  const gitDir = findGitDir(cwd);
  if (!gitDir) return undefined;
  return { socket: socketPath(gitDir), gitDir, cwd };
}

/** Sends one request and collects the replies; rejects when the socket is not there or breaks. */
export function exchange(socket: string, request: DaemonRequest, onReply: (reply: DaemonReply) => boolean | void, timeoutMs = 600_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(socket);
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      conn.destroy();
      if (error) reject(error);
      else resolve();
    };
    conn.setTimeout(timeoutMs, () => finish(new Error('the daemon did not answer in time')));
    conn.on('error', (error) => finish(error));
    conn.on('close', () => finish(new Error('the daemon closed the connection')));
    conn.on(
      'data',
      lineReader((line) => {
        if (onReply(JSON.parse(line) as DaemonReply) === true) finish();
      }),
    );
    conn.write(`${JSON.stringify(request)}\n`);
  });
}

/**
 * Runs the command in the daemon, streaming its output here. Returns its exit code, or
 * undefined when no daemon answered or it gave up (the caller then runs in-process).
 */
export async function askDaemon(plan: DaemonPlan, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number | undefined> {
  const forwarded: Record<string, string> = {};
  for (const name of FORWARDED_ENV) if (env[name] !== undefined) forwarded[name] = env[name]!;
  let exitCode: number | undefined;
  let wrote = false;
  try {
    await exchange(plan.socket, { kind: 'run', argv: [...argv], cwd: plan.cwd, env: forwarded, stdoutIsTTY: process.stdout.isTTY === true, stderrIsTTY: process.stderr.isTTY === true }, (reply) => {
      if (reply.type === 'out' || reply.type === 'err') {
        wrote = true;
        (reply.type === 'out' ? process.stdout : process.stderr).write(reply.data);
        return false;
      }
      if (reply.type === 'done') exitCode = reply.exitCode;
      return true;
    });
  } catch {
    if (wrote) process.stderr.write('tollgate: the daemon stopped mid-run; running in-process instead\n');
    return undefined;
  }
  return exitCode;
}

/**
 * Starts a daemon for this repository in the background, unless one is starting already.
 * It warms up (modules, ESLint config) and serves the next validate-quick.
 */
export async function startDaemon(plan: DaemonPlan, binPath: string): Promise<void> {
  const marker = `${plan.socket}.starting`;
  try {
    mkdirSync(path.dirname(plan.socket), { recursive: true, mode: 0o700 });
  } catch {
    return;
  }
  try {
    // A start less than 30 s old is still under way; an older marker is left over from a crash.
    if (Date.now() - statSync(marker).mtimeMs < 30_000) return;
    unlinkSync(marker);
  } catch {
    // no marker: nobody is starting one
  }
  try {
    closeSync(openSync(marker, 'wx', 0o600));
  } catch {
    return; // the socket directory is missing (the daemon creates it) or someone else won the race
  }
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [binPath, 'daemon', 'serve'], {
    cwd: plan.cwd,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, TOLLGATE_DAEMON_SOCKET: plan.socket },
  });
  child.on('error', () => undefined);
  child.unref();
}
