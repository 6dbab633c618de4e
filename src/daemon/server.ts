/**
 * `tollgate daemon serve`: keeps one repository's validate-quick warm (modules loaded, ESLint's
 * config and plugins resolved) and runs the same CLI `main()` for each request, one at a time,
 * with the client's working directory, colour settings and output streamed back. Exits when
 * idle, when asked to stop, or when a config or lock file changed (a fresh one then starts).
 */
import { chmodSync, lstatSync, mkdirSync, realpathSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { UserError } from '../errors/user-error.ts';
import { Repo } from '../git/repo.ts';
import { exchange } from './client.ts';
import { findGitDir, socketPath } from './location.ts';
import { FORWARDED_ENV, lineReader, type DaemonReply, type DaemonRequest, type RunRequest } from './protocol.ts';
import { ConfigWatch } from './watch.ts';

export const DEFAULT_IDLE_MS = 30 * 60 * 1000;

type Send = (reply: DaemonReply) => void;

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The socket directory must be this user's alone: anyone who can connect runs commands as us. */
function privateSocketDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  const uid = typeof process.getuid === 'function' ? process.getuid() : stat.uid;
  if (!stat.isDirectory() || stat.uid !== uid) throw new UserError(`${dir} is not a directory owned by this user; the daemon will not listen there.`);
  if ((stat.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/** Runs the CLI's main() for one request, with process-wide state set for it and put back after. */
async function runRequest(request: RunRequest, send: Send): Promise<void> {
  const { main } = await import('../cli/main.ts');
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  const tty = { out: process.stdout.isTTY, err: process.stderr.isTTY };
  const savedEnv = new Map(FORWARDED_ENV.map((name) => [name, process.env[name]]));
  const savedCwd = process.cwd();
  const capture = (type: 'out' | 'err') =>
    ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
      send({ type, data: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8') });
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') (done as () => void)();
      return true;
    }) as typeof process.stdout.write;
  try {
    process.stdout.write = capture('out');
    process.stderr.write = capture('err');
    Object.defineProperty(process.stdout, 'isTTY', { value: request.stdoutIsTTY, configurable: true, writable: true });
    Object.defineProperty(process.stderr, 'isTTY', { value: request.stderrIsTTY, configurable: true, writable: true });
    for (const name of FORWARDED_ENV) {
      if (request.env[name] === undefined) delete process.env[name];
      else process.env[name] = request.env[name];
    }
    process.chdir(request.cwd);
    process.exitCode = undefined;
    await main(request.argv);
    send({ type: 'done', exitCode: Number(process.exitCode ?? 0) });
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    Object.defineProperty(process.stdout, 'isTTY', { value: tty.out, configurable: true, writable: true });
    Object.defineProperty(process.stderr, 'isTTY', { value: tty.err, configurable: true, writable: true });
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    process.chdir(savedCwd);
    process.exitCode = undefined;
  }
}

/** Loads what validate-quick needs before the first request: modules, and ESLint's config. */
async function warmUp(root: string): Promise<void> {
  await import('../cli/main.ts');
  const { loadCheck } = await import('../checks/registry.ts');
  const { DEFAULT_PIPELINES } = await import('../checks/ids.ts');
  for (const id of DEFAULT_PIPELINES.quick) await loadCheck(id);
  const { warmEslint } = await import('../checks/eslint/check.ts');
  await warmEslint(root).catch(() => undefined);
}

export interface ServeOptions {
  cwd: string;
  idleMs?: number;
  /** Called once the socket listens (tests, `daemon start`). */
  onListening?: (socket: string) => void;
}

/** Serves until idle, stopped, or stale. Returns when the daemon has shut down. */
export async function serveDaemon(options: ServeOptions): Promise<void> {
  const repo = await Repo.open(options.cwd);
  const root = realpathSync(repo.root);
  repo.close();
  const gitDir = findGitDir(root);
  if (!gitDir) throw new UserError(`${root}: no .git found for the daemon.`);
  const socket = process.env.TOLLGATE_DAEMON_SOCKET || socketPath(gitDir);
  privateSocketDir(path.dirname(socket));

  // Another daemon already answering on this socket: leave it be.
  const alive = await exchange(socket, { kind: 'status' }, () => true, 1000).then(
    () => true,
    () => false,
  );
  if (alive) return;
  try {
    unlinkSync(socket);
  } catch {
    // no stale socket file
  }

  const watch = new ConfigWatch(root);
  const startedAt = new Date().toISOString();
  const idleMs = options.idleMs ?? (Number(process.env.TOLLGATE_DAEMON_IDLE_MS) || DEFAULT_IDLE_MS);
  let served = 0;
  // Requests wait for the warm-up, which they would otherwise each pay for.
  let queue: Promise<void> = warmUp(root).catch(() => undefined);
  let idleTimer: NodeJS.Timeout | undefined;

  const server = net.createServer();
  const closed = new Promise<void>((resolve) => server.on('close', () => resolve()));
  const shutdown = () => {
    if (idleTimer) clearTimeout(idleTimer);
    server.close();
    try {
      unlinkSync(socket);
    } catch {
      // already gone
    }
  };
  const touch = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(shutdown, idleMs);
    idleTimer.unref();
  };

  server.on('connection', (conn) => {
    const send: Send = (reply) => {
      if (!conn.destroyed) conn.write(`${JSON.stringify(reply)}\n`);
    };
    conn.on('error', () => undefined);
    conn.on(
      'data',
      lineReader((line) => {
        let request: DaemonRequest;
        try {
          request = JSON.parse(line) as DaemonRequest;
        } catch {
          conn.destroy();
          return;
        }
        touch();
        if (request.kind === 'status') {
          send({ type: 'status', pid: process.pid, root, socket, served, startedAt, idleMs });
          conn.end();
          return;
        }
        if (request.kind === 'stop') {
          send({ type: 'stopping' });
          conn.end();
          shutdown();
          return;
        }
        queue = queue.then(async () => {
          const cwd = (() => {
            try {
              return realpathSync(request.cwd);
            } catch {
              return undefined;
            }
          })();
          if (!cwd || !isInside(cwd, root)) {
            send({ type: 'stale', reason: `${request.cwd} is not inside ${root}` });
            conn.end();
            return;
          }
          const changed = watch.changed(cwd);
          if (changed !== undefined) {
            send({ type: 'stale', reason: `config or lock files changed in ${changed}` });
            conn.end();
            shutdown();
            return;
          }
          try {
            await runRequest({ ...request, cwd }, send);
            served++;
          } catch (error) {
            send({ type: 'stale', reason: error instanceof Error ? error.message : String(error) });
          }
          conn.end();
          touch();
        });
      }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  chmodSync(socket, 0o600);
  try {
    unlinkSync(`${socket}.starting`);
  } catch {
    // started by hand, not by a client
  }
  touch();
  options.onListening?.(socket);
  await closed;
}
