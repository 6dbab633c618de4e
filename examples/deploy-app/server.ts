// The example app for `tollgate deploy`: a tiny HTTP service with a health endpoint and a version.
// Run it with `PORT=3000 APP_VERSION=1.0.0 node examples/deploy-app/server.ts`.
//
// Knobs for trying failure paths (used by the tests and the demo):
//   HEALTH_FAIL=1            /health answers 503 from the start (the deploy stops before the switch)
//   HEALTH_FAIL_AFTER_MS=n   /health answers 503 once the process is n ms old (fails the post-switch watch)
//   SMOKE_FAIL=1             /api/quote answers 500 (a smoke test fails)
//   START_DELAY_MS=n         wait n ms before listening (a slow boot)
// A release named with one of these suffixes behaves as if the knob were set, so a broken release
// can be deployed next to a good one: 1.1.0-broken-health, 1.1.0-broken-smoke, 1.1.0-broken-after-500
import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const version = process.env.APP_VERSION ?? '0.0.0';
const color = process.env.DEPLOY_COLOR ?? 'none';
const startedAt = Date.now();
const brokenAfter = /-broken-after-(\d+)$/.exec(version)?.[1];
const healthFailAfter = process.env.HEALTH_FAIL_AFTER_MS ? Number(process.env.HEALTH_FAIL_AFTER_MS) : brokenAfter ? Number(brokenAfter) : undefined;
const smokeFails = process.env.SMOKE_FAIL === '1' || version.endsWith('-broken-smoke');

function healthy(): boolean {
  if (process.env.HEALTH_FAIL === '1' || version.endsWith('-broken-health')) return false;
  return healthFailAfter === undefined || Date.now() - startedAt < healthFailAfter;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') {
    json(res, healthy() ? 200 : 503, { status: healthy() ? 'ok' : 'failing', version, color });
  } else if (url.pathname === '/api/quote') {
    if (smokeFails) json(res, 500, { error: 'quote engine down' });
    // Amounts in minor units (integers): this is an app about money.
    else json(res, 200, { pair: 'EUR/USD', bidMinor: 108_412, askMinor: 108_419, version });
  } else if (url.pathname === '/slow') {
    const ms = Math.min(Number(url.searchParams.get('ms') ?? 200), 10_000);
    setTimeout(() => json(res, 200, { version, sleptMs: ms }), ms);
  } else if (url.pathname === '/') {
    json(res, 200, { app: 'deploy-app', version, color });
  } else {
    json(res, 404, { error: 'not found' });
  }
});
// Longer than the proxy's idle upstream timeout, so the proxy always closes an idle connection first.
server.keepAliveTimeout = 30_000;

function shutdown(): void {
  // Finish in-flight requests, close idle keep-alive connections, then exit.
  server.close(() => process.exitCode = 0);
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 10_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

setTimeout(() => {
  server.listen(port, '127.0.0.1', () => {
    process.stdout.write(`deploy-app ${version} (${color}) listening on 127.0.0.1:${port}\n`);
  });
}, Number(process.env.START_DELAY_MS ?? 0));
