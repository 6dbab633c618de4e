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
    api = await startKubeApi({ namespace: 'pay', service: 'pay', selector: { app: 'pay', color: 'blue' }, deployments: ['pay-blue', 'pay-green'], container: 'app', rolloutMs: 150, endpointsLagMs: 600 });
    dir = await tempDir();
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'test', server: api.url, skipTLSVerify: true }],
      users: [{ name: 'deployer', token: 'test-token' }],
      contexts: [{ name: 'test', cluster: 'test', user: 'deployer', namespace: 'pay' }],
      currentContext: 'test',
    });
    const environment = EnvironmentSchema.parse({
      provider: { type: 'kubernetes', namespace: 'pay', service: 'pay', deployments: { blue: 'pay-blue', green: 'pay-green' }, container: 'app', image: 'ghcr.io/acme/pay:{version}', replicas: 2, readyTimeoutMs: 1_500, settleMs: 300 },
      watchMs: 0,
      drainTimeoutMs: 3_000,
      github: { deployments: false },
    });
    ctx = {
      cwd: dir.dir,
      environment: 'prod',
      config: environment,
      provider: new KubernetesProvider({ config: environment.provider as KubernetesProviderConfig, kubeConfig }),
      journal: new Journal(path.join(dir.dir, '.tollgate/deploy-journal.json'), 'prod'),
      lockFile: path.join(dir.dir, '.tollgate/deploy/prod/deploy.lock'),
      log: (line: string) => logged.push(line),
    };
  });
  afterAll(async () => {
    await api?.close();
    await dir?.remove();
  });
  beforeEach(() => {
    api.requests.length = 0;
    api.endpoints.lagMs = 600;
    logged.length = 0;
  });
  const logged: string[] = [];

  it('rolls the idle Deployment out with the new image, waits for it, patches the Service selector, then scales the old color to 0', async () => {
    api.deployment('pay-blue').replicas = 2; // blue is live with its pods
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
    // Blue was scaled down only after its pods had left the Service's endpoints (600 ms after
    // the selector patch here) and the settle time (300 ms) had passed.
    const scaleDown = api.requests.find((request) => request.method === 'PATCH' && request.path.endsWith('/pay-blue'))!;
    expect(scaleDown.at - api.requests[servicePatch]!.at).toBeGreaterThanOrEqual(600 + 300);
    expect(api.requests.filter((request) => request.path.endsWith('/endpointslices')).length).toBeGreaterThan(1);
  });

  it('a rollout that never gets ready fails before the switch: the selector stays, the new color is scaled back to 0', async () => {
    const outcome = await deploy(ctx, '1.5.0-broken');
    expect(outcome.state).toBe('failed');
    expect(outcome.message).toMatch(/deployment pay-blue is not ready after 1500 ms \(0\/2 ready/);
    expect(api.selector).toEqual({ app: 'pay', color: 'green' });
    expect(api.deployment('pay-blue').replicas).toBe(0);
    expect(api.requests.some((request) => request.method === 'PATCH' && request.path.endsWith('/services/pay'))).toBe(false);
  });

  it('gives up waiting for endpoints after drainTimeoutMs, says how many are left, and finishes the switch', async () => {
    api.endpoints.lagMs = 60_000;
    const outcome = await deploy(ctx, '1.4.3');
    expect(outcome.state).toBe('succeeded');
    expect(outcome.live).toEqual({ color: 'blue', version: '1.4.3' });
    expect(logged.join('\n')).toMatch(/green still had 2 endpoint\(s\) after 3000 ms/);
    expect(api.deployment('pay-green').replicas).toBe(0);
  });
});
