import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Deployment {
  name: string;
  generation: number;
  observedGeneration: number;
  replicas: number;
  readyReplicas: number;
  image: string;
  container: string;
  /** When the pods of the current generation count as ready (ms since epoch). */
  readyAt: number;
}

export interface KubeRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  body: unknown;
}

/**
 * A Kubernetes API server on 127.0.0.1 that knows one Service and two Deployments, answering with
 * the documented object shapes (core/v1 Service, apps/v1 Deployment with status). A patched
 * Deployment becomes ready `rolloutMs` later, unless its image contains "broken".
 */
export async function startKubeApi(options: { namespace: string; service: string; selector: Record<string, string>; deployments: string[]; container: string; rolloutMs?: number }) {
  const rolloutMs = options.rolloutMs ?? 100;
  const requests: KubeRequest[] = [];
  const selector = { ...options.selector };
  const deployments = new Map<string, Deployment>(
    options.deployments.map((name) => [name, { name, generation: 1, observedGeneration: 1, replicas: 0, readyReplicas: 0, image: 'pay:old', container: options.container, readyAt: 0 }]),
  );

  const serviceObject = () => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: options.service, namespace: options.namespace, resourceVersion: '1' },
    spec: { selector: { ...selector }, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }], type: 'ClusterIP' },
    status: { loadBalancer: {} },
  });
  const deploymentObject = (d: Deployment) => {
    const settled = Date.now() >= d.readyAt && !d.image.includes('broken');
    const ready = settled ? d.replicas : 0;
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: d.name, namespace: options.namespace, generation: d.generation },
      spec: {
        replicas: d.replicas,
        selector: { matchLabels: { app: 'pay' } },
        template: { metadata: { labels: { app: 'pay' } }, spec: { containers: [{ name: d.container, image: d.image }] } },
      },
      status: {
        observedGeneration: Date.now() >= d.readyAt ? d.generation : d.generation - 1,
        replicas: d.replicas,
        updatedReplicas: Date.now() >= d.readyAt ? d.replicas : 0,
        readyReplicas: ready || undefined,
        availableReplicas: ready || undefined,
      },
    };
  };
  const notFound = (res: http.ServerResponse, what: string) =>
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: `${what} not found`, reason: 'NotFound', code: 404 }));

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push({ method: req.method ?? '', path: url.pathname, contentType: req.headers['content-type'], body });
      const service = new RegExp(`^/api/v1/namespaces/${options.namespace}/services/([^/]+)$`).exec(url.pathname);
      const deployment = new RegExp(`^/apis/apps/v1/namespaces/${options.namespace}/deployments/([^/]+)$`).exec(url.pathname);
      const json = (value: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (service) {
        if (service[1] !== options.service) return notFound(res, `services "${service[1]}"`);
        if (req.method === 'PATCH') Object.assign(selector, ((body?.spec as { selector?: Record<string, string> }) ?? {}).selector ?? {});
        return json(serviceObject());
      }
      if (deployment) {
        const d = deployments.get(deployment[1]!);
        if (!d) return notFound(res, `deployments.apps "${deployment[1]}"`);
        if (req.method === 'PATCH') {
          const spec = (body?.spec ?? {}) as { replicas?: number; template?: { spec?: { containers?: { name: string; image?: string }[] } } };
          if (spec.replicas !== undefined) d.replicas = spec.replicas;
          const container = spec.template?.spec?.containers?.find((c) => c.name === d.container);
          if (container?.image) d.image = container.image;
          d.generation++;
          d.readyAt = Date.now() + rolloutMs;
        }
        return json(deploymentObject(d));
      }
      notFound(res, url.pathname);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    selector,
    deployment: (name: string) => deployments.get(name)!,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
