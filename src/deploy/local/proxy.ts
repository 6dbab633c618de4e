import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where one color listens. */
export interface Upstream {
  color: string;
  host: string;
  port: number;
}

/** One upstream's connection pool and the requests it is serving right now. */
interface Pool {
  upstream: Upstream;
  agent: http.Agent;
  inflight: number;
  whenIdle: (() => void)[];
}

export interface DrainResult {
  /** Requests still in flight on the old color when the drain gave up (0 when it drained). */
  remaining: number;
  durationMs: number;
}

export interface ProxyStats {
  served: number;
  failed: number;
  retried: number;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-authenticate', 'proxy-authorization']);
/** Methods that may be sent again when a reused upstream connection was closed before it answered. */
const RETRYABLE = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE', 'PUT']);
/** Idle connections to an app are closed after this long: shorter than any sane app keep-alive timeout. */
const UPSTREAM_IDLE_MS = 4_000;

function poolKey(upstream: Upstream): string {
  return `${upstream.color}@${upstream.host}:${upstream.port}`;
}

function forwardHeaders(headers: http.IncomingHttpHeaders, extra: Record<string, string>): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  const connectionTokens = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  );
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || connectionTokens.has(name)) continue;
    out[name] = value;
  }
  return { ...out, ...extra };
}

function hasBody(req: http.IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * The local provider's reverse proxy. Every request goes to the color that is live when the request
 * arrives; a switch only moves that pointer, so requests in flight finish on the old color and client
 * keep-alive connections stay open. `drain` then waits for the old color's requests and closes its
 * idle connections, after which the old process can stop without a client noticing.
 */
export class SwitchableProxy {
  private readonly server: http.Server;
  private readonly pools = new Map<string, Pool>();
  private live: Pool | undefined;
  readonly stats: ProxyStats = { served: 0, failed: 0, retried: 0 };

  constructor() {
    this.server = http.createServer((req, res) => this.handle(req, res));
    // Clients keep their connections across switches; these only bound idle or stuck clients.
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
  }

  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return (this.server.address() as AddressInfo).port;
  }

  get liveUpstream(): Upstream | undefined {
    return this.live?.upstream;
  }

  /** Requests in flight per color. */
  inflight(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const pool of this.pools.values()) counts[pool.upstream.color] = (counts[pool.upstream.color] ?? 0) + pool.inflight;
    return counts;
  }

  /** From the next request on, traffic goes to `upstream`. Synchronous: no request sees a half-switched state. */
  switchTo(upstream: Upstream): void {
    const key = poolKey(upstream);
    let pool = this.pools.get(key);
    if (!pool) {
      pool = { upstream, agent: new http.Agent({ keepAlive: true, timeout: UPSTREAM_IDLE_MS }), inflight: 0, whenIdle: [] };
      this.pools.set(key, pool);
    }
    this.live = pool;
  }

  /** Waits until no request is in flight on `color` (unless it is live again), then closes its idle connections. */
  async drain(color: string, timeoutMs: number): Promise<DrainResult> {
    const started = performance.now();
    const pools = [...this.pools.values()].filter((pool) => pool.upstream.color === color && pool !== this.live);
    let remaining = 0;
    for (const pool of pools) {
      if (pool.inflight > 0) {
        const idle = new Promise<void>((resolve) => pool.whenIdle.push(resolve));
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, timeoutMs - (performance.now() - started)))));
        await Promise.race([idle, timeout]);
        clearTimeout(timer);
      }
      remaining += pool.inflight;
      if (pool.inflight === 0 && pool !== this.live) {
        pool.agent.destroy();
        this.pools.delete(poolKey(pool.upstream));
      }
    }
    return { remaining, durationMs: performance.now() - started };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
    for (const pool of this.pools.values()) pool.agent.destroy();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const pool = this.live;
    if (!pool) {
      this.stats.failed++;
      res.writeHead(503, { 'content-type': 'text/plain' }).end('tollgate proxy: no live color yet\n');
      return;
    }
    pool.inflight++;
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      pool.inflight--;
      if (pool.inflight === 0) for (const resolve of pool.whenIdle.splice(0)) resolve();
    };
    res.once('finish', settle);
    res.once('close', settle);
    const retryable = RETRYABLE.has(req.method ?? '') && !hasBody(req);
    this.forward(pool, req, res, retryable ? 2 : 0);
  }

  private forward(pool: Pool, req: http.IncomingMessage, res: http.ServerResponse, retriesLeft: number): void {
    const { host, port } = pool.upstream;
    const socket = req.socket;
    const upstreamReq = http.request({
      host,
      port,
      method: req.method,
      path: req.url,
      agent: pool.agent,
      headers: forwardHeaders(req.headers, {
        'x-forwarded-for': [req.headers['x-forwarded-for'], socket.remoteAddress].filter(Boolean).join(', '),
        'x-forwarded-proto': 'http',
        'x-forwarded-host': req.headers.host ?? '',
      }),
    });
    upstreamReq.on('response', (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, forwardHeaders(upstreamRes.headers, {}));
      upstreamRes.pipe(res);
      upstreamRes.once('end', () => this.stats.served++);
      upstreamRes.once('error', () => res.destroy());
    });
    upstreamReq.on('error', (error: NodeJS.ErrnoException) => {
      // A reused idle connection the app closed at the same moment: the app never saw the request.
      if (retriesLeft > 0 && upstreamReq.reusedSocket && !res.headersSent && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
        this.stats.retried++;
        this.forward(pool, req, res, retriesLeft - 1);
        return;
      }
      this.stats.failed++;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(`tollgate proxy: ${pool.upstream.color} did not answer (${error.code ?? error.message})\n`);
      else res.destroy();
    });
    res.once('close', () => {
      if (!res.writableFinished) upstreamReq.destroy();
    });
    if (retriesLeft > 0 || !hasBody(req)) upstreamReq.end();
    else req.pipe(upstreamReq);
  }
}
