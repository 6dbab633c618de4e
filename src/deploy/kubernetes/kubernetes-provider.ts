import { AppsV1Api, CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions, type V1Deployment } from '@kubernetes/client-node';
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

  constructor(options: { config: KubernetesProviderConfig; kubeConfig?: KubeConfig }) {
    this.config = options.config;
    const kc = options.kubeConfig ?? new KubeConfig();
    if (!options.kubeConfig) kc.loadFromDefault();
    this.core = kc.makeApiClient(CoreV1Api);
    this.apps = kc.makeApiClient(AppsV1Api);
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
      await new Promise((resolve) => setTimeout(resolve, 500));
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

  /** Endpoints follow the selector asynchronously; the old pods' own termination grace period covers their requests. */
  async drain(): Promise<{ remaining: number }> {
    return { remaining: 0 };
  }

  async stop(color: Color): Promise<void> {
    await this.apps.patchNamespacedDeployment({ name: this.deployment(color), namespace: this.config.namespace, body: { spec: { replicas: 0 } } }, STRATEGIC);
  }

  async close(): Promise<void> {
    // The API client holds no connection open between calls.
  }
}
