import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A real HTTP server on 127.0.0.1 that answers like the GitHub REST API, for tests of code
 * that talks to GitHub. Bodies come from GitHub's own published examples: the OpenAPI
 * description in @octokit/openapi (`openapiExample`) and the recorded responses in
 * @octokit/fixtures (`recordedResponse`). Tests change values in those documents, never
 * invent their shape.
 */

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body, or undefined. */
  body: unknown;
  /** Values of the `{name}` segments of the route that answered. */
  params: Record<string, string>;
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

const require = createRequire(import.meta.url);
let examples: Record<string, { value?: unknown }> | undefined;
let schemas: Record<string, { properties?: Record<string, unknown> }> | undefined;

function loadSpec(): void {
  if (examples) return;
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { components: { examples: typeof examples; schemas: typeof schemas } };
  examples = spec.components.examples;
  schemas = spec.components.schemas;
}

/** A deep copy of `components.examples[name].value` from GitHub's OpenAPI description. */
export function openapiExample<T = Record<string, unknown>>(name: string): T {
  loadSpec();
  const example = examples![name];
  if (!example || example.value === undefined) throw new Error(`@octokit/openapi has no example named "${name}"`);
  return structuredClone(example.value) as T;
}

interface FixtureEntry {
  method: string;
  path: string;
  status: number;
  response: unknown;
  headers: Record<string, string | number>;
}

/** A response recorded from the real API in @octokit/fixtures (scenario "api.github.com/<name>"). */
export function recordedResponse(scenario: string, method: string, status: number): Reply {
  const dir = path.dirname(require.resolve('@octokit/fixtures/package.json'));
  const entries = JSON.parse(readFileSync(path.join(dir, 'scenarios', 'api.github.com', scenario, 'normalized-fixture.json'), 'utf8')) as FixtureEntry[];
  const entry = entries.find((e) => e.method.toLowerCase() === method.toLowerCase() && e.status === status);
  if (!entry) throw new Error(`@octokit/fixtures scenario ${scenario} has no ${method} answered ${status}`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry.headers)) if (!['content-length', 'connection', 'transfer-encoding'].includes(k)) headers[k] = String(v);
  return { status: entry.status, body: structuredClone(entry.response), headers };
}

/**
 * An error body in GitHub's `basic-error` schema (message, documentation_url), checked
 * against the schema's properties. The message is GitHub's documented text for the case.
 */
export function basicError(status: number, message: string, headers: Record<string, string> = {}): Reply {
  loadSpec();
  const body = { message, documentation_url: 'https://docs.github.com/rest' };
  const allowed = Object.keys(schemas!['basic-error']?.properties ?? {});
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw new Error(`basic-error has no property ${key}`);
  return { status, body, headers };
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

function compile(route: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = route.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

export class GitHubServer {
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private routes: Route[] = [];
  private readonly pathPrefix: string;

  private constructor(server: Server, pathPrefix: string) {
    this.server = server;
    this.pathPrefix = pathPrefix;
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}${pathPrefix}`;
  }

  /**
   * `pathPrefix: '/api/v3'` answers like GitHub Enterprise Server, whose REST root is
   * https://HOST/api/v3 and GraphQL endpoint https://HOST/api/graphql (routed as /api/graphql).
   */
  static async start(options: { pathPrefix?: string } = {}): Promise<GitHubServer> {
    const holder: { instance?: GitHubServer } = {};
    const server = createServer((req, res) => void holder.instance!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.instance = new GitHubServer(server, options.pathPrefix ?? '');
    return holder.instance;
  }

  /**
   * Answers `method route` (route with `{name}` segments, e.g. /repos/{owner}/{repo}). A list of
   * replies is used in order, the last one repeating (for "rate limit, then success").
   * A later registration for the same route wins.
   */
  on(method: string, route: string, reply: Reply | Reply[] | Handler): this {
    const { pattern, names } = compile(route);
    let handler: Handler;
    if (typeof reply === 'function') handler = reply;
    else if (Array.isArray(reply)) {
      let i = 0;
      handler = () => reply[Math.min(i++, reply.length - 1)]!;
    } else handler = () => reply;
    this.routes.unshift({ method: method.toUpperCase(), pattern, names, handler });
    return this;
  }

  /** Forgets routes and recorded requests. */
  reset(): void {
    this.routes = [];
    this.requests.length = 0;
  }

  /** The requests with this method whose path ends with `suffix`. */
  requestsTo(method: string, suffix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && r.path.endsWith(suffix));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    let found = true;
    // GitHub Enterprise Server answers GraphQL at /api/graphql, beside the /api/v3 REST root.
    const ghesGraphql = this.pathPrefix === '/api/v3' && url.pathname === '/api/graphql';
    if (this.pathPrefix && !ghesGraphql) {
      found = url.pathname.startsWith(`${this.pathPrefix}/`);
      url.pathname = url.pathname.slice(this.pathPrefix.length);
    }
    const recorded: RecordedRequest = { method, path: decodeURIComponent(url.pathname), query: url.searchParams, headers: req.headers, body: raw ? (JSON.parse(raw) as unknown) : undefined, params: {} };
    this.requests.push(recorded);
    let reply: Reply = basicError(404, 'Not Found');
    for (const route of found ? this.routes : []) {
      const match = route.method === method ? route.pattern.exec(url.pathname) : null;
      if (!match) continue;
      route.names.forEach((n, i) => (recorded.params[n] = decodeURIComponent(match[i + 1]!)));
      try {
        reply = await route.handler(recorded);
      } catch (error) {
        reply = { status: 500, body: { message: `test server handler failed: ${String(error)}` } };
      }
      break;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '4999', ...reply.headers };
    res.writeHead(reply.status, headers);
    res.end(reply.body === undefined || reply.status === 204 ? undefined : JSON.stringify(reply.body));
  }
}
