import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../../errors/user-error.ts';
import type { AppConfig, Color, NginxProviderConfig } from '../config.ts';
import { COLORS } from '../config.ts';
import { RuntimeClient } from '../local/runtime-client.ts';
import { runtimeDir, socketPath } from '../local/runtime-paths.ts';
import type { Provider } from '../provider.ts';

const run = promisify(execFile);
const LIVE_MARKER = /^# tollgate live color: (\w+)$/m;

/** Reload mode's upstream block for `color`; the marker comment is how tollgate reads the live color back. */
export function upstreamBlock(name: string, color: Color, port: number, keepalive: number): string {
  return [
    `# Written by tollgate deploy; do not edit: the next deploy overwrites it.`,
    `# tollgate live color: ${color}`,
    `upstream ${name} {`,
    `    server 127.0.0.1:${port};`,
    ...(keepalive > 0 ? [`    keepalive ${keepalive};`] : []),
    `}`,
    '',
  ].join('\n');
}

/** Socket mode's upstream block: always the live symlink; it never changes, so switches need no reload. */
export function socketUpstreamBlock(name: string, liveSocket: string): string {
  return [
    `# Written by tollgate deploy; do not edit. ${liveSocket} is a symlink to the live color's socket.`,
    `upstream ${name} {`,
    `    server unix:${liveSocket};`,
    `}`,
    '',
  ].join('\n');
}

/** Worker processes of the nginx master (Linux /proc). */
function workerPids(masterPid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === masterPid && fields[0] !== 'Z') pids.push(Number(name));
    } catch {
      // Exited while we looked.
    }
  }
  return pids;
}

/**
 * nginx in front of the colors: the colors are processes of the environment's runtime (as with
 * `local`), and a switch writes the upstream file, checks the config with `nginx -t` and reloads.
 * A reload starts new workers and lets the old ones finish their requests; with the pid file the
 * switch waits for the new workers and the drain for the old ones to exit.
 */
export class NginxProvider implements Provider {
  readonly name = 'nginx';
  private readonly client: RuntimeClient;
  private readonly config: NginxProviderConfig;
  private readonly app: AppConfig;
  private readonly cwd: string;
  private readonly upstreamFile: string;
  private readonly runtimeDir: string;
  /** Workers from before the last reload: the drain waits for them. */
  private oldWorkers: number[] = [];

  constructor(options: { cwd: string; environment: string; config: NginxProviderConfig; app: AppConfig }) {
    this.runtimeDir = runtimeDir(options.cwd, options.environment);
    this.client = new RuntimeClient(this.runtimeDir);
    this.config = options.config;
    this.app = options.app;
    this.cwd = options.cwd;
    this.upstreamFile = path.resolve(options.cwd, options.config.upstreamFile);
  }

  async connect(): Promise<void> {
    const status = await this.client.ensure({ proxy: undefined });
    if (status.proxy) throw new UserError(`The running deploy runtime (pid ${status.pid}) runs the local proxy; stop it with \`tollgate deploy --env <name> --down\` before switching this environment to nginx.`);
    if (this.config.mode === 'socket') {
      // One reload when the upstream block is new or changed; after that switches only move the symlink.
      await this.writeUpstream(socketUpstreamBlock(this.config.upstreamName, this.liveSocket()));
    }
  }

  private liveSocket(): string {
    return socketPath(this.runtimeDir, 'live');
  }

  private colorSocket(color: Color): string {
    return socketPath(this.runtimeDir, color);
  }

  get runtime(): RuntimeClient {
    return this.client;
  }

  async live(): Promise<Color | undefined> {
    if (this.config.mode === 'socket') {
      try {
        const target = readlinkSync(this.liveSocket());
        return COLORS.find((color) => target === this.colorSocket(color));
      } catch {
        return undefined;
      }
    }
    let text: string;
    try {
      text = readFileSync(this.upstreamFile, 'utf8');
    } catch {
      return undefined;
    }
    const color = LIVE_MARKER.exec(text)?.[1];
    return (COLORS as readonly string[]).includes(color ?? '') ? (color as Color) : undefined;
  }

  async start(color: Color, version: string): Promise<void> {
    await this.client.start({ color, version, command: this.app.command, cwd: path.resolve(this.cwd, this.app.cwd), port: this.config.ports[color], env: this.app.env });
    if (this.config.mode === 'socket') await this.client.forward(color, this.config.ports[color], this.colorSocket(color));
  }

  async running(color: Color): Promise<boolean> {
    return (await this.client.status()).colors.some((entry) => entry.color === color && entry.running);
  }

  colorUrl(color: Color): string {
    return `http://127.0.0.1:${this.config.ports[color]}`;
  }

  publicUrl(): string | undefined {
    return this.config.url;
  }

  private masterPid(): number | undefined {
    if (!this.config.pidFile) return undefined;
    try {
      return Number(readFileSync(path.resolve(this.cwd, this.config.pidFile), 'utf8').trim()) || undefined;
    } catch {
      return undefined;
    }
  }

  private async nginx(...args: string[]): Promise<void> {
    try {
      await run(this.config.nginx, [...this.config.args, ...args], { timeout: 30_000 });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim();
      throw new Error(`${this.config.nginx} ${[...this.config.args, ...args].join(' ')} failed: ${stderr || (error as Error).message}`, { cause: error });
    }
  }

  async switchTo(color: Color): Promise<void> {
    if (this.config.mode === 'socket') {
      // rename(2) replaces the symlink atomically: every new nginx connection reaches one color or the other.
      const tmp = `${this.liveSocket()}.${process.pid}.tmp`;
      rmSync(tmp, { force: true });
      symlinkSync(this.colorSocket(color), tmp);
      renameSync(tmp, this.liveSocket());
      return;
    }
    await this.writeUpstream(upstreamBlock(this.config.upstreamName, color, this.config.ports[color], this.config.keepalive));
  }

  /** Writes the upstream file when it differs, checks the config with nginx -t (restoring the old file if refused) and reloads. */
  private async writeUpstream(next: string): Promise<void> {
    const previous = readFileOrEmpty(this.upstreamFile);
    if (previous === next) return;
    writeFileSync(`${this.upstreamFile}.tmp`, next);
    renameSync(`${this.upstreamFile}.tmp`, this.upstreamFile);
    try {
      await this.nginx('-t');
    } catch (error) {
      // Never leave nginx a config it refuses: the next reload (anyone's) would fail too.
      writeFileSync(`${this.upstreamFile}.tmp`, previous);
      renameSync(`${this.upstreamFile}.tmp`, this.upstreamFile);
      throw error;
    }
    const master = this.masterPid();
    const before = master ? workerPids(master) : [];
    await this.nginx('-s', 'reload');
    if (!master) {
      await new Promise((resolve) => setTimeout(resolve, this.config.settleMs));
      return;
    }
    // The reload took effect once a worker that was not there before runs.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (workerPids(master).some((pid) => !before.includes(pid))) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    this.oldWorkers = before;
  }

  async drain(color: Color, timeoutMs: number): Promise<{ remaining: number }> {
    if (this.config.mode === 'socket') return this.client.drain(color, timeoutMs);
    const master = this.masterPid();
    if (!master) return { remaining: 0 };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const remaining = workerPids(master).filter((pid) => this.oldWorkers.includes(pid)).length;
      if (remaining === 0 || Date.now() > deadline) return { remaining };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(color: Color): Promise<void> {
    await this.client.stop(color, this.app.stopGraceMs);
  }

  async close(): Promise<void> {
    // Nothing held open.
  }
}

function readFileOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
