import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What the daemon needs to start one color of the app. */
export interface StartSpec {
  color: string;
  version: string;
  command: string;
  cwd: string;
  port: number;
  env: Record<string, string>;
}

/** A color's process as the state file records it (survives a daemon restart). */
export interface ColorProcessState {
  color: string;
  version: string;
  port: number;
  pid: number;
  startedAt: string;
  command: string;
}

export interface ColorStatus extends ColorProcessState {
  running: boolean;
  exitCode?: number | null | undefined;
  signal?: string | null | undefined;
}

interface Entry {
  state: ColorProcessState;
  child: ChildProcess | undefined;
  exit: { code: number | null; signal: string | null } | undefined;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** Members of a process group that are alive (zombies, which only wait for a parent to reap them, are not). */
function liveGroupMembers(pgid: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  let count = 0;
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, pgrp, ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') count++;
    } catch {
      // The process ended while we looked.
    }
  }
  return count;
}

/** Whether any process of the group led by `pid` (sh and the app it started) is still alive. */
export function groupAlive(pid: number): boolean {
  const members = liveGroupMembers(pid);
  if (members !== undefined) return members > 0;
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' || pidAlive(pid);
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return !groupAlive(pid);
}

/** A command without shell syntax runs directly, so the app is our own child and its pid is the group's. */
const SIMPLE_COMMAND = /^\s*[\w@%+=:,./-]+(?:\s+[\w@%+=:,./-]+)*\s*$/;

/**
 * Runs each color as a child process group (the start command through `sh -c`), its output appended to
 * `<logDir>/<color>.log`. Processes of an earlier daemon are adopted by pid, so a restarted daemon can
 * still stop them.
 */
export class Supervisor {
  private readonly entries = new Map<string, Entry>();
  private readonly logDir: string;

  constructor(logDir: string, adopted: ColorProcessState[] = []) {
    this.logDir = logDir;
    for (const state of adopted) {
      if (groupAlive(state.pid)) this.entries.set(state.color, { state, child: undefined, exit: undefined });
    }
  }

  status(): ColorStatus[] {
    return [...this.entries.values()].map((entry) => ({
      ...entry.state,
      running: entry.child ? entry.exit === undefined : groupAlive(entry.state.pid),
      exitCode: entry.exit?.code,
      signal: entry.exit?.signal,
    }));
  }

  states(): ColorProcessState[] {
    return this.status()
      .filter((status) => status.running)
      .map(({ color, version, port, pid, startedAt, command }) => ({ color, version, port, pid, startedAt, command }));
  }

  /** Starts the color; a process already running as that color is stopped first unless it is the same release. */
  async start(spec: StartSpec): Promise<ColorStatus> {
    const current = this.status().find((status) => status.color === spec.color);
    if (current?.running && current.version === spec.version && current.port === spec.port && current.command === spec.command) return current;
    await this.stop(spec.color, 5_000);
    const log = openSync(path.join(this.logDir, `${spec.color}.log`), 'a');
    let child: ChildProcess;
    try {
      const [file, ...args] = SIMPLE_COMMAND.test(spec.command) ? spec.command.trim().split(/\s+/) : ['sh', '-c', spec.command];
      child = spawn(file!, args, {
        cwd: spec.cwd,
        env: { ...process.env, ...spec.env, PORT: String(spec.port), APP_VERSION: spec.version, DEPLOY_COLOR: spec.color },
        stdio: ['ignore', log, log],
        detached: true,
      });
    } finally {
      closeSync(log);
    }
    if (child.pid === undefined) throw new Error(`could not start ${spec.color}: ${spec.command}`);
    const entry: Entry = {
      state: { color: spec.color, version: spec.version, port: spec.port, pid: child.pid, startedAt: new Date().toISOString(), command: spec.command },
      child,
      exit: undefined,
    };
    child.once('exit', (code, signal) => (entry.exit = { code, signal }));
    child.once('error', () => (entry.exit ??= { code: null, signal: null }));
    this.entries.set(spec.color, entry);
    return this.status().find((status) => status.color === spec.color)!;
  }

  /** SIGTERM to the color's process group, SIGKILL after `graceMs`. Stopping a stopped color is a no-op. */
  async stop(color: string, graceMs: number): Promise<void> {
    const entry = this.entries.get(color);
    if (!entry) return;
    const { pid } = entry.state;
    if (groupAlive(pid)) {
      signalGroup(pid, 'SIGTERM');
      if (!(await waitUntilGone(pid, graceMs))) {
        signalGroup(pid, 'SIGKILL');
        await waitUntilGone(pid, 2_000);
      }
    }
    this.entries.delete(color);
  }

  async stopAll(graceMs: number): Promise<void> {
    await Promise.all([...this.entries.keys()].map((color) => this.stop(color, graceMs)));
  }
}
