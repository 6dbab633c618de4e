import { setTimeout as sleep } from 'node:timers/promises';
import { AppsV1Api, CoreV1Api, DiscoveryV1Api, KubeConfig, PatchStrategy, setHeaderOptions, type V1Deployment } from '@kubernetes/client-node';
import { COLORS, type Color, type KubernetesProviderConfig } from '../config.ts';
import type { Provider } from '../provider.ts';

const STRATEGIC = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);

/** Whether a Deployment has rolled out its current spec with every replica ready. */
export function rolledOut(deployment: V1Deployment, replicas: number): boolean {
  const status = deployment.status ?? {};
  const generation = deployment.metadata?.generation ?? 0;
  return (
    (status.observedGeneration ?? 0) >= generation &&
    (status.updatedReplicas ?? 0) === replicas &&
    (status.readyReplicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas
  );
}

/**
 * Two Deployments (one per color) behind one Service: start sets the color's image and replicas
 * and waits for the rollout, the switch patches the Service selector, stop scales the color to 0.
 * The cluster comes from the usual kubeconfig (KUBECONFIG, ~/.kube/config, or in-cluster).
 */
export class KubernetesProvider implements Provider {
  readonly name = 'kubernetes';
  private readonly config: KubernetesProviderConfig;
  private readonly core: CoreV1Api;
  private readonly apps: AppsV1Api;
  private readonly discovery: DiscoveryV1Api;

  constructor(options: { config: KubernetesProviderConfig; kubeConfig?: KubeConfig }) {
    this.config = options.config;
    const kc = options.kubeConfig ?? new KubeConfig();
    if (!options.kubeConfig) kc.loadFromDefault();
    this.core = kc.makeApiClient(CoreV1Api);
    this.apps = kc.makeApiClient(AppsV1Api);
    this.discovery = kc.makeApiClient(DiscoveryV1Api);
  }

  async live(): Promise<Color | undefined> {
    const service = await this.core.readNamespacedService({ name: this.config.service, namespace: this.config.namespace });
    const color = service.spec?.selector?.[this.config.selectorKey];
    return (COLORS as readonly string[]).includes(color ?? '') ? (color as Color) : undefined;
  }

  private deployment(color: Color): string {
    return this.config.deployments[color];
  }

  async start(color: Color, version: string, signal?: AbortSignal): Promise<void> {
    const image = this.config.image.replaceAll('{version}', version);
    await this.apps.patchNamespacedDeployment(
      {
        name: this.deployment(color),
        namespace: this.config.namespace,
        body: { spec: { replicas: this.config.replicas, template: { spec: { containers: [{ name: this.config.container, image }] } } } },
      },
      STRATEGIC,
    );
    const deadline = Date.now() + this.config.readyTimeoutMs;
    for (;;) {
      const deployment = await this.apps.readNamespacedDeployment({ name: this.deployment(color), namespace: this.config.namespace });
      if (rolledOut(deployment, this.config.replicas)) return;
      if (signal?.aborted) throw new Error('aborted while waiting for the rollout');
      if (Date.now() > deadline) {
        const status = deployment.status ?? {};
        throw new Error(
          `deployment ${this.deployment(color)} is not ready after ${this.config.readyTimeoutMs} ms (${status.readyReplicas ?? 0}/${this.config.replicas} ready, ${status.updatedReplicas ?? 0} updated)`,
        );
      }
      await sleep(500);
    }
  }

  async running(color: Color): Promise<boolean> {
    const deployment = await this.apps.readNamespacedDeployment({ name: this.deployment(color), namespace: this.config.namespace });
    return (deployment.spec?.replicas ?? 0) > 0;
  }

  colorUrl(color: Color): string | undefined {
    return this.config.urls?.[color];
  }

  publicUrl(): string | undefined {
    return this.config.url;
  }

  async switchTo(color: Color): Promise<void> {
    await this.core.patchNamespacedService(
      { name: this.config.service, namespace: this.config.namespace, body: { spec: { selector: { [this.config.selectorKey]: color } } } },
      STRATEGIC,
    );
    const live = await this.live();
    if (live !== color) throw new Error(`service ${this.config.service} still selects ${live ?? 'no color'} after the patch`);
  }

  /**
   * The Service's endpoints follow its selector asynchronously (the EndpointSlice controller,
   * then kube-proxy on every node), so scaling the old color down at once would drop requests
   * still routed to its pods. Drain waits until none of the old color's pods is an endpoint of
   * the Service any more, then `settleMs` for the nodes to catch up; the pods' own termination
   * grace period covers the requests they are still serving.
   */
  async drain(color: Color, timeoutMs: number): Promise<{ remaining: number; unit: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const remaining = await this.endpointsOf(color);
      if (remaining === 0) {
        await sleep(this.config.settleMs);
        return { remaining: 0, unit: 'endpoint' };
      }
      if (Date.now() > deadline) return { remaining, unit: 'endpoint' };
      await sleep(200);
    }
  }

  /** How many endpoints of the Service are pods of `color` (by the color label). */
  private async endpointsOf(color: Color): Promise<number> {
    const { namespace, service, selectorKey } = this.config;
    const [pods, slices] = await Promise.all([
      this.core.listNamespacedPod({ namespace, labelSelector: `${selectorKey}=${color}` }),
      this.discovery.listNamespacedEndpointSlice({ namespace, labelSelector: `kubernetes.io/service-name=${service}` }),
    ]);
    const names = new Set(pods.items.map((pod) => pod.metadata?.name));
    return slices.items.flatMap((slice) => slice.endpoints ?? []).filter((e) => e.targetRef?.kind === 'Pod' && names.has(e.targetRef.name)).length;
  }

  async stop(color: Color): Promise<void> {
    await this.apps.patchNamespacedDeployment({ name: this.deployment(color), namespace: this.config.namespace, body: { spec: { replicas: 0 } } }, STRATEGIC);
  }

  async close(): Promise<void> {
    // The API client holds no connection open between calls.
  }
}
