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
export function startLoad(url: string, options: { connections?: number; maxMs?: number } = {}): { stop(): Promise<LoadResult> } {
  const instance = autocannon({ url, connections: options.connections ?? 8, duration: Math.ceil((options.maxMs ?? 60_000) / 1000), timeout: 10 });
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
  return {
    async stop() {
      instance.stop();
      const result = await done;
      const failed = result.non2xx + result.errors + result.timeouts + result.resets;
      return { total: result.requests.total, ok2xx: result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, resets: result.resets, failed };
    },
  };
}
