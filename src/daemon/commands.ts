/** `tollgate daemon start | stop | status | serve`: the CLI side of the validate-quick daemon. */
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors/user-error.ts';
import { exchange, startDaemon, type DaemonPlan } from './client.ts';
import { findGitDir, socketPath } from './location.ts';
import type { DaemonReply } from './protocol.ts';
import { serveDaemon } from './server.ts';

/** bin/tollgate.js, which the background daemon is started with. */
const BIN = fileURLToPath(new URL(import.meta.url.includes('/build/src/') ? '../../../bin/tollgate.js' : '../../bin/tollgate.js', import.meta.url));

/** A daemon busy warming up (loading ESLint's plugins) answers late, not never. */
const STATUS_TIMEOUT_MS = 15_000;

function planFor(cwd: string): DaemonPlan {
  const gitDir = findGitDir(cwd);
  if (!gitDir) throw new UserError(`Not inside a git repository: ${cwd}. The daemon serves one repository's validate-quick.`);
  return { gitDir, socket: socketPath(gitDir), cwd };
}

async function status(plan: DaemonPlan): Promise<Extract<DaemonReply, { type: 'status' }> | undefined> {
  let found: Extract<DaemonReply, { type: 'status' }> | undefined;
  await exchange(plan.socket, { kind: 'status' }, (reply) => {
    if (reply.type === 'status') found = reply;
    return true;
  }, STATUS_TIMEOUT_MS).catch(() => undefined);
  return found;
}

function describe(s: Extract<DaemonReply, { type: 'status' }>): string {
  return `tollgate daemon: running (pid ${s.pid}) for ${s.root}, since ${s.startedAt}, ${s.served} request(s) served, stops after ${Math.round(s.idleMs / 60000)} min idle; socket ${s.socket}`;
}

export async function runDaemonStatus(cwd: string): Promise<number> {
  const s = await status(planFor(cwd));
  process.stdout.write(s ? `${describe(s)}\n` : 'tollgate daemon: not running for this repository\n');
  return s ? 0 : 1;
}

export async function runDaemonStart(cwd: string): Promise<number> {
  const plan = planFor(cwd);
  const before = await status(plan);
  if (before) {
    process.stdout.write(`${describe(before)}\n`);
    return 0;
  }
  await startDaemon(plan, BIN);
  for (let waited = 0; waited < 15_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const s = await status(plan);
    if (s) {
      process.stdout.write(`${describe(s)}\n`);
      return 0;
    }
  }
  throw new UserError('The daemon did not start within 15 s. Run `tollgate daemon serve` in the foreground to see why.');
}

export async function runDaemonStop(cwd: string): Promise<number> {
  const plan = planFor(cwd);
  let stopped = false;
  await exchange(plan.socket, { kind: 'stop' }, (reply) => {
    stopped = reply.type === 'stopping';
    return true;
  }, STATUS_TIMEOUT_MS).catch(() => undefined);
  process.stdout.write(stopped ? 'tollgate daemon: stopped\n' : 'tollgate daemon: was not running\n');
  return 0;
}

export async function runDaemonServe(cwd: string): Promise<number> {
  await serveDaemon({ cwd });
  return 0;
}
