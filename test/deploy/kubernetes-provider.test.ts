import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentSchema, type KubernetesProviderConfig } from '../../src/deploy/config.ts';
import { Journal } from '../../src/deploy/journal.ts';
import { KubernetesProvider } from '../../src/deploy/kubernetes/kubernetes-provider.ts';
import { deploy, type DeployContext } from '../../src/deploy/machine.ts';
import { tempDir } from './helpers.ts';
import { startKubeApi } from './kube-api-server.ts';

const STRATEGIC = 'application/strategic-merge-patch+json';

describe('kubernetes provider against an API server with the documented shapes', () => {
  let api: Awaited<ReturnType<typeof startKubeApi>>;
  let dir: { dir: string; remove(): Promise<void> };
  let ctx: DeployContext;

  beforeAll(async () => {
    api = await startKubeApi({ namespace: 'pay', service: 'pay', selector: { app: 'pay', color: 'blue' }, deployments: ['pay-blue', 'pay-green'], container: 'app', rolloutMs: 150 });
    dir = await tempDir();
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'test', server: api.url, skipTLSVerify: true }],
      users: [{ name: 'deployer', token: 'test-token' }],
      contexts: [{ name: 'test', cluster: 'test', user: 'deployer', namespace: 'pay' }],
      currentContext: 'test',
    });
    const environment = EnvironmentSchema.parse({
      provider: { type: 'kubernetes', namespace: 'pay', service: 'pay', deployments: { blue: 'pay-blue', green: 'pay-green' }, container: 'app', image: 'ghcr.io/acme/pay:{version}', replicas: 2, readyTimeoutMs: 1_500 },
      watchMs: 0,
      github: { deployments: false },
    });
    ctx = {
      cwd: dir.dir,
      environment: 'prod',
      config: environment,
      provider: new KubernetesProvider({ config: environment.provider as KubernetesProviderConfig, kubeConfig }),
      journal: new Journal(path.join(dir.dir, '.tollgate/deploy-journal.json'), 'prod'),
      lockFile: path.join(dir.dir, '.tollgate/deploy/prod/deploy.lock'),
      log: () => {},
    };
  });
  afterAll(async () => {
    await api?.close();
    await dir?.remove();
  });
  beforeEach(() => {
    api.requests.length = 0;
  });

  it('rolls the idle Deployment out with the new image, waits for it, patches the Service selector, then scales the old color to 0', async () => {
    const outcome = await deploy(ctx, '1.4.2');
    expect(outcome.state).toBe('succeeded');
    expect(outcome.live).toEqual({ color: 'green', version: '1.4.2' });
    expect(api.selector).toEqual({ app: 'pay', color: 'green' });
    expect(api.deployment('pay-green')).toMatchObject({ image: 'ghcr.io/acme/pay:1.4.2', replicas: 2 });
    expect(api.deployment('pay-blue').replicas).toBe(0);
    const patches = api.requests.filter((request) => request.method === 'PATCH');
    expect(patches.map((patch) => patch.path)).toEqual([
      '/apis/apps/v1/namespaces/pay/deployments/pay-green',
      '/api/v1/namespaces/pay/services/pay',
      '/apis/apps/v1/namespaces/pay/deployments/pay-blue',
    ]);
    expect(patches.every((patch) => patch.contentType === STRATEGIC)).toBe(true);
    // The Service was patched only after the green rollout reported every replica ready.
    const servicePatch = api.requests.findIndex((request) => request.method === 'PATCH' && request.path.endsWith('/services/pay'));
    expect(api.requests.slice(0, servicePatch).filter((request) => request.method === 'GET' && request.path.endsWith('/pay-green')).length).toBeGreaterThan(1);
  });

  it('a rollout that never gets ready fails before the switch: the selector stays, the new color is scaled back to 0', async () => {
    const outcome = await deploy(ctx, '1.5.0-broken');
    expect(outcome.state).toBe('failed');
    expect(outcome.message).toMatch(/deployment pay-blue is not ready after 1500 ms \(0\/2 ready/);
    expect(api.selector).toEqual({ app: 'pay', color: 'green' });
    expect(api.deployment('pay-blue').replicas).toBe(0);
    expect(api.requests.some((request) => request.method === 'PATCH' && request.path.endsWith('/services/pay'))).toBe(false);
  });
});
