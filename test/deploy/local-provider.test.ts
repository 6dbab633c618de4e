import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSchema, otherColor, ProviderSchema, type Color, type LocalProviderConfig } from '../../src/deploy/config.ts';
import { HealthSchema } from '../../src/deploy/config.ts';
import { waitHealthy } from '../../src/deploy/health.ts';
import { LocalProvider } from '../../src/deploy/local/local-provider.ts';
import { APP_COMMAND, freePort, startLoad, tempDir } from './helpers.ts';

describe('local provider', () => {
  let dir: { dir: string; remove(): Promise<void> };
  let provider: LocalProvider;
  const health = HealthSchema.parse({ timeoutMs: 15_000, intervalMs: 50 });

  beforeAll(async () => {
    dir = await tempDir();
    const config = ProviderSchema.parse({
      type: 'local',
      listen: { port: await freePort() },
      ports: { blue: await freePort(), green: await freePort() },
    }) as LocalProviderConfig;
    provider = new LocalProvider({ cwd: dir.dir, environment: 'test', config, app: AppSchema.parse({ command: APP_COMMAND, stopGraceMs: 5_000 }) });
    await provider.connect();
  });

  afterAll(async () => {
    await provider?.runtime.shutdown(2_000);
    await dir?.remove();
  });

  async function deployTo(color: Color, version: string): Promise<void> {
    await provider.start(color, version);
    const healthy = await waitHealthy(provider.colorUrl(color), health, () => provider.running(color));
    expect(healthy).toMatchObject({ ok: true });
    const previous = await provider.live();
    await provider.switchTo(color);
    if (previous && previous !== color) {
      expect(await provider.drain(previous, 10_000)).toMatchObject({ remaining: 0 });
      await provider.stop(previous);
    }
  }

  it('switches ten times under keep-alive load (GETs, and POSTs with a body) without a single failed request', async () => {
    await deployTo('blue', 'v0');
    const load = startLoad(`${provider.publicUrl()}/api/quote`, { connections: 6, maxMs: 90_000 });
    const posts = startLoad(`${provider.publicUrl()}/api/quote`, { connections: 2, maxMs: 90_000, body: JSON.stringify({ pair: 'EUR/USD', amountMinor: 125_000 }) });
    let color: Color = 'blue';
    for (let i = 1; i <= 10; i++) {
      color = otherColor(color);
      await deployTo(color, `v${i}`);
    }
    const [result, postResult] = [await load.stop(), await posts.stop()];
    expect(result.total).toBeGreaterThan(200);
    expect(postResult.total).toBeGreaterThan(50);
    expect(result).toMatchObject({ failed: 0, non2xx: 0, errors: 0, timeouts: 0, resets: 0 });
    expect(postResult).toMatchObject({ failed: 0, non2xx: 0, errors: 0, timeouts: 0, resets: 0 });
    const answer = (await (await fetch(`${provider.publicUrl()}/`)).json()) as { version: string; color: string };
    expect(answer).toMatchObject({ version: 'v10', color });
  });

  it('lets a long request that started before the switch finish on the old color', async () => {
    const before = (await provider.live())!;
    const slow = fetch(`${provider.publicUrl()}/slow?ms=800`).then(async (response) => ({ status: response.status, body: (await response.json()) as { version: string } }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    await deployTo(otherColor(before), 'v-slow');
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.body.version).not.toBe('v-slow');
  });
});
