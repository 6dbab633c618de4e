import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../helpers/temp-repo.ts';

export const EXAMPLE_APP = path.join(PROJECT_ROOT, 'examples/deploy-app/server.ts');
/** The example app's start command, with this Node (24) rather than whatever `node` is first on PATH. */
export const APP_COMMAND = `${process.execPath} ${EXAMPLE_APP}`;

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tg-deploy-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface LoadResult {
  total: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  resets: number;
  /** Everything that is not a 2xx answer. */
  failed: number;
}

/**
 * Continuous keep-alive load on `url` (autocannon, a fixed number of persistent connections) until
 * `stop()` or `maxMs`, whichever comes first.
 */
export function startLoad(url: string, options: { connections?: number; maxMs?: number; method?: 'GET' | 'POST'; body?: string } = {}): { stop(): Promise<LoadResult> } {
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    const request = options.body === undefined ? {} : { method: options.method ?? 'POST', body: options.body, headers: { 'content-type': 'application/json' } };
    instance = autocannon({ url, connections: options.connections ?? 8, duration: Math.ceil((options.maxMs ?? 60_000) / 1000), timeout: 10, ...request }, (error, result) =>
      error ? reject(error as Error) : resolve(result),
    );
  });
  return {
    async stop() {
      instance?.stop();
      const result = await done;
      const failed = result.non2xx + result.errors + result.timeouts + result.resets;
      return { total: result.requests.total, ok2xx: result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, resets: result.resets, failed };
    },
  };
}

export interface DeployProject {
  dir: string;
  proxyPort: number;
  ports: { blue: number; green: number };
  publicUrl: string;
  remove(): Promise<void>;
}

/** A temp directory with a tollgate.config.json that deploys the example app as environment "prod". */
export async function deployProject(environment: Record<string, unknown> = {}, top: Record<string, unknown> = {}): Promise<DeployProject> {
  const { dir, remove } = await tempDir();
  const proxyPort = await freePort();
  const ports = { blue: await freePort(), green: await freePort() };
  const { writeFile } = await import('node:fs/promises');
  const config = {
    ...top,
    deploy: {
      environments: {
        prod: {
          provider: { type: 'local', listen: { port: proxyPort }, ports },
          app: { command: APP_COMMAND, stopGraceMs: 5_000 },
          health: { timeoutMs: 15_000, intervalMs: 50 },
          smoke: [{ name: 'quote', path: '/api/quote', bodyIncludes: 'bidMinor' }],
          drainTimeoutMs: 5_000,
          watchMs: 300,
          watchIntervalMs: 50,
          lockTimeoutMs: 60_000,
          github: { deployments: false },
          ...environment,
        },
      },
    },
  };
  await writeFile(path.join(dir, 'tollgate.config.json'), JSON.stringify(config, null, 2));
  return { dir, proxyPort, ports, publicUrl: `http://127.0.0.1:${proxyPort}`, remove };
}

/** What the public URL serves right now. */
export async function servedVersion(url: string): Promise<{ version: string; color: string }> {
  const response = await fetch(`${url}/`, { headers: { connection: 'close' } });
  return (await response.json()) as { version: string; color: string };
}
