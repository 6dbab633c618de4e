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
  /** When it arrived (ms since epoch). */
  at: number;
  method: string;
  path: string;
  contentType: string | undefined;
  body: unknown;
}

/**
 * A Kubernetes API server on 127.0.0.1 that knows one Service and two Deployments, answering with
 * the documented object shapes (core/v1 Service and Pod lists, apps/v1 Deployment with status,
 * discovery.k8s.io/v1 EndpointSlice lists). A patched Deployment becomes ready `rolloutMs` later,
 * unless its image contains "broken". A Deployment's pods carry the color its name ends with; the
 * Service's endpoints follow a selector change `endpointsLagMs` later, as the EndpointSlice
 * controller does.
 */
export async function startKubeApi(options: { namespace: string; service: string; selector: Record<string, string>; deployments: string[]; container: string; rolloutMs?: number; endpointsLagMs?: number }) {
  const rolloutMs = options.rolloutMs ?? 100;
  const requests: KubeRequest[] = [];
  const selector = { ...options.selector };
  const endpoints = { lagMs: options.endpointsLagMs ?? 0, previous: { ...options.selector }, changedAt: 0 };
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
  const podsOf = (d: Deployment) =>
    Array.from({ length: d.replicas }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${d.name}-5d8f7c9b4-${i}`, namespace: options.namespace, labels: { app: 'pay', color: d.name.slice(d.name.lastIndexOf('-') + 1) } },
      spec: { containers: [{ name: d.container, image: d.image }] },
      status: { phase: 'Running', podIP: `10.1.${d.name.length}.${i + 1}` },
    }));
  const matches = (labels: Record<string, string>, wanted: Record<string, string>) => Object.entries(wanted).every(([k, v]) => labels[k] === v);
  const labelSelector = (url: URL): Record<string, string> => Object.fromEntries((url.searchParams.get('labelSelector') ?? '').split(',').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
  const allPods = () => [...deployments.values()].flatMap(podsOf);
  const endpointSlices = () => {
    const routed = Date.now() - endpoints.changedAt < endpoints.lagMs ? endpoints.previous : selector;
    const pods = allPods().filter((pod) => matches(pod.metadata.labels, routed));
    return {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSliceList',
      metadata: { resourceVersion: '1' },
      items: [
        {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: { name: `${options.service}-x7k2p`, namespace: options.namespace, labels: { 'kubernetes.io/service-name': options.service } },
          addressType: 'IPv4',
          endpoints: pods.map((pod) => ({ addresses: [pod.status.podIP], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: options.namespace } })),
          ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        },
      ],
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
      requests.push({ at: Date.now(), method: req.method ?? '', path: url.pathname, contentType: req.headers['content-type'], body });
      const service = new RegExp(`^/api/v1/namespaces/${options.namespace}/services/([^/]+)$`).exec(url.pathname);
      const deployment = new RegExp(`^/apis/apps/v1/namespaces/${options.namespace}/deployments/([^/]+)$`).exec(url.pathname);
      const json = (value: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (service) {
        if (service[1] !== options.service) return notFound(res, `services "${service[1]}"`);
        if (req.method === 'PATCH') {
          Object.assign(endpoints, { previous: { ...selector }, changedAt: Date.now() });
          Object.assign(selector, ((body?.spec as { selector?: Record<string, string> }) ?? {}).selector ?? {});
        }
        return json(serviceObject());
      }
      if (req.method === 'GET' && url.pathname === `/api/v1/namespaces/${options.namespace}/pods`) {
        const wanted = labelSelector(url);
        return json({ apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '1' }, items: allPods().filter((pod) => matches(pod.metadata.labels, wanted)) });
      }
      if (req.method === 'GET' && url.pathname === `/apis/discovery.k8s.io/v1/namespaces/${options.namespace}/endpointslices`) {
        const wanted = labelSelector(url);
        const list = endpointSlices();
        return json({ ...list, items: list.items.filter((slice) => matches(slice.metadata.labels, wanted)) });
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
    endpoints,
    selector,
    deployment: (name: string) => deployments.get(name)!,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
