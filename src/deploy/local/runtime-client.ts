import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DaemonOptions } from './daemon.ts';
import type { DrainResult, ProxyStats, Upstream } from './proxy.ts';
import { socketPath } from './runtime-paths.ts';
import type { ColorStatus, StartSpec } from './supervisor.ts';

export interface RuntimeStatus {
  pid: number;
  proxy: { host: string; port: number } | null;
  live: Upstream | null;
  colors: ColorStatus[];
  inflight: Record<string, number>;
  stats: ProxyStats | null;
}

/** How to start the runtime process. The action's single-file bundle replaces it (see actions/deploy/main.ts). */
export interface DaemonLauncher {
  command: string;
  args: (options: DaemonOptions) => string[];
  env?: Record<string, string>;
}

const here = fileURLToPath(import.meta.url);
let launcher: DaemonLauncher = {
  command: process.execPath,
  args: (options) => [path.join(path.dirname(here), `daemon-entry${path.extname(here)}`), JSON.stringify(options)],
};

export function setDaemonLauncher(next: DaemonLauncher): void {
  launcher = next;
}

/**
 * The runtime outlives the deploy and passes its environment on to the app: credentials that only
 * the deploy needs (the GitHub token, the Actions runtime tokens, the action's inputs) stay behind.
 */
const DEPLOY_ONLY = /^(?:GITHUB_TOKEN|GH_TOKEN|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|INPUT_.*)$/;

export function runtimeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !DEPLOY_ONLY.test(name)));
}

function call<T>(runtimeDir: string, method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request({ socketPath: socketPath(runtimeDir), method, path: route, headers: { 'content-type': 'application/json' }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const parsed = (text ? JSON.parse(text) : {}) as T & { error?: string };
        if (res.statusCode !== 200) reject(new Error(`deploy runtime: ${parsed.error ?? `HTTP ${res.statusCode}`}`));
        else resolve(parsed);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** The deploy command's handle on an environment's local runtime (started on first use). */
export class RuntimeClient {
  readonly runtimeDir: string;

  constructor(runtimeDir: string) {
    this.runtimeDir = runtimeDir;
  }

  /** The runtime's status, or undefined when none is running. */
  async probe(): Promise<RuntimeStatus | undefined> {
    try {
      return await this.status();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ECONNREFUSED') return undefined;
      throw error;
    }
  }

  /** Connects to the runtime, starting it (detached, outliving this process) when it is not running. */
  async ensure(options: Omit<DaemonOptions, 'runtimeDir'>): Promise<RuntimeStatus> {
    const running = await this.probe();
    if (running) return running;
    mkdirSync(this.runtimeDir, { recursive: true });
    const log = openSync(path.join(this.runtimeDir, 'runtime.log'), 'a');
    try {
      const child = spawn(launcher.command, launcher.args({ ...options, runtimeDir: this.runtimeDir }), {
        detached: true,
        stdio: ['ignore', log, log],
        env: { ...runtimeEnv(process.env), ...launcher.env },
      });
      child.unref();
    } finally {
      closeSync(log);
    }
    const deadline = Date.now() + 10_000;
    for (;;) {
      const status = await this.probe();
      if (status) return status;
      if (Date.now() > deadline) throw new Error(`the deploy runtime did not start; see ${path.join(this.runtimeDir, 'runtime.log')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  status(): Promise<RuntimeStatus> {
    return call(this.runtimeDir, 'GET', '/status');
  }

  start(spec: StartSpec): Promise<ColorStatus> {
    return call(this.runtimeDir, 'POST', '/start', spec);
  }

  stop(color: string, graceMs: number): Promise<RuntimeStatus> {
    return call(this.runtimeDir, 'POST', '/stop', { color, graceMs });
  }

  switchTo(upstream: Upstream): Promise<RuntimeStatus> {
    return call(this.runtimeDir, 'POST', '/switch', upstream);
  }

  /** Makes the runtime forward connections on the unix socket `path` to the color's port. */
  forward(color: string, port: number, path: string): Promise<RuntimeStatus> {
    return call(this.runtimeDir, 'POST', '/forward', { color, port, path });
  }

  drain(color: string, timeoutMs: number): Promise<DrainResult> {
    return call(this.runtimeDir, 'POST', '/drain', { color, timeoutMs });
  }

  /** Stops every color and the proxy, and ends the runtime. */
  async shutdown(graceMs = 10_000): Promise<void> {
    if (await this.probe()) await call(this.runtimeDir, 'POST', '/shutdown', { graceMs });
  }
}
