import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { SmokeCheckSchema } from '../../src/deploy/config.ts';
import { runSmokeChecks } from '../../src/deploy/smoke.ts';
import { UserError } from '../../src/errors/user-error.ts';

describe('smoke checks against the idle color', () => {
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/api/quote') res.writeHead(200, { 'content-type': 'application/json' }).end('{"bidMinor":108412}');
      else if (req.url === '/orders' && req.method === 'POST') res.writeHead(201).end('created');
      else res.writeHead(404).end('nope');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const checks = (list: unknown[]) => list.map((check) => SmokeCheckSchema.parse(check));

  it.each([
    [{ name: 'quote', path: '/api/quote', bodyIncludes: 'bidMinor' }, true, /GET \/api\/quote → HTTP 200/],
    [{ name: 'order', path: '/orders', method: 'POST', body: '{}', expectStatus: 201 }, true, /POST \/orders → HTTP 201/],
    [{ name: 'missing', path: '/nope' }, false, /GET \/nope answered HTTP 404, expected 200/],
    [{ name: 'body', path: '/api/quote', bodyIncludes: 'askMinor' }, false, /the body does not contain "askMinor"/],
    [{ name: 'cmd ok', command: 'test -n "$TOLLGATE_SMOKE_URL" && curl -fsS "$TOLLGATE_SMOKE_URL/api/quote" >/dev/null' }, true, /passed/],
    [{ name: 'cmd fails', command: 'echo "checkout flow broke" >&2; exit 3' }, false, /exited 3:\ncheckout flow broke/],
    [{ name: 'cmd hangs', command: 'sleep 10', timeoutMs: 200 }, false, /was killed \(SIGKILL, timeout 200 ms\)/],
  ])('%o passes: %s', async (check, ok, detail) => {
    const [result] = await runSmokeChecks(checks([check]), url, process.cwd());
    expect(result).toMatchObject({ name: (check as { name: string }).name, ok });
    expect(result!.detail).toMatch(detail);
  });

  it('stops at the first failing check', async () => {
    const results = await runSmokeChecks(checks([{ name: 'a', path: '/nope' }, { name: 'b', path: '/api/quote' }]), url, process.cwd());
    expect(results.map((result) => result.name)).toEqual(['a']);
  });
});

describe('deploy config validation', () => {
  it.each([
    [{ environments: { prod: { provider: { type: 'heroku' } } } }, /deploy\.environments\.prod\.provider\.type/],
    [{ environments: { prod: { provider: { type: 'local', listen: { port: 70000 } } } } }, /deploy\.environments\.prod\.provider\.listen\.port: expected <= 65535/],
    [{ environments: { prod: { smoke: [{ name: 'x' }] } } }, /deploy\.environments\.prod\.smoke\.0/],
    [{ environments: { prod: { watchMs: 10, typo: true } } }, /unknown key "typo"/],
    [{ environments: { 'bad name': {} } }, /deploy\.environments\.bad name: Invalid key in record/],
  ])('%o is refused with the key named', (deploy, message) => {
    expect(() => parseConfig({ deploy }, 'tollgate.config.json')).toThrow(UserError);
    expect(() => parseConfig({ deploy }, 'tollgate.config.json')).toThrow(message);
  });

  it('fills every default for a minimal environment', () => {
    const config = parseConfig({ deploy: { environments: { prod: { app: { command: 'node server.js' } } } } }, 'tollgate.config.json');
    expect(config.deploy.environments.prod).toMatchObject({
      provider: { type: 'local', listen: { host: '127.0.0.1', port: 8080 }, ports: { blue: 3001, green: 3002 } },
      health: { path: '/health', expectStatus: 200 },
      migrate: false,
      watchMs: 10_000,
    });
  });
});

describe('what the long-lived runtime is given', () => {
  it('keeps the deploy-only credentials (GitHub token, Actions tokens, action inputs) away from the runtime and the app', async () => {
    const { runtimeEnv } = await import('../../src/deploy/local/runtime-client.ts');
    const env = runtimeEnv({ PATH: '/bin', DATABASE_URL: 'postgres://db', GITHUB_TOKEN: 'ghs_x', GH_TOKEN: 'gho_y', ACTIONS_RUNTIME_TOKEN: 'z', INPUT_ENVIRONMENT: 'prod', GITHUB_SHA: 'abc' });
    expect(env).toEqual({ PATH: '/bin', DATABASE_URL: 'postgres://db', GITHUB_SHA: 'abc' });
  });

  it('a local environment without an app command is refused, naming the key', async () => {
    const { tempDir } = await import('./helpers.ts');
    const { writeFile } = await import('node:fs/promises');
    const { runDeployCommand } = await import('../../src/deploy/command.ts');
    const dir = await tempDir();
    try {
      await writeFile(`${dir.dir}/tollgate.config.json`, JSON.stringify({ deploy: { environments: { prod: {} } } }));
      await expect(runDeployCommand({ cwd: dir.dir, env: 'prod', release: 'v1', log: () => {} })).rejects.toThrow(/deploy\.environments\.prod\.app: expected the app's start command/);
    } finally {
      await dir.remove();
    }
  });
});
