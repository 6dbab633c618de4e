import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { runDeployCommand } from './command.ts';
import { RuntimeClient } from './local/runtime-client.ts';
import { runtimeDir } from './local/runtime-paths.ts';
import type { DeployOutcome } from './machine.ts';

/** The example app, from the source tree or next to the build. */
function exampleApp(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    const candidate = path.resolve(here, up, 'examples/deploy-app/server.ts');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('examples/deploy-app/server.ts not found next to tollgate');
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const MIGRATIONS: Record<string, string> = {
  '0001_create_quotes.sql': 'CREATE TABLE quotes (id bigserial PRIMARY KEY, pair text NOT NULL, bid_minor bigint NOT NULL, ask_minor bigint NOT NULL);\n',
  '0002_add_quoted_at.sql': 'ALTER TABLE quotes ADD COLUMN quoted_at timestamptz NOT NULL DEFAULT now();\n',
};

interface Load {
  stop(): Promise<autocannon.Result>;
}

function startLoad(url: string): Load {
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url, connections: 8, duration: 120, timeout: 10 }, (error, result) => (error ? reject(error as Error) : resolve(result)));
  });
  return {
    stop() {
      instance?.stop();
      return done;
    },
  };
}

const ms = (value: number): string => `${Math.round(value)} ms`;

/**
 * `tollgate demo deploy`: the example app deployed twice with the local provider and the embedded
 * database while autocannon keeps 8 keep-alive connections busy, then a broken release that the
 * watch rolls back. Prints requests served, failed requests and the switch times.
 */
export async function runDeployDemo(options: { keep: boolean; write?: (text: string) => void }): Promise<number> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-deploy-demo-'));
  const proxyPort = await freePort();
  const config = {
    migrate: { dir: 'migrations' },
    deploy: {
      environments: {
        demo: {
          provider: { type: 'local', listen: { port: proxyPort }, ports: { blue: await freePort(), green: await freePort() } },
          app: { command: `${process.execPath} ${exampleApp()}`, stopGraceMs: 5_000 },
          migrate: true,
          health: { path: '/health', timeoutMs: 15_000, intervalMs: 50 },
          smoke: [{ name: 'quote in minor units', path: '/api/quote', bodyIncludes: 'bidMinor' }],
          drainTimeoutMs: 10_000,
          watchMs: 2_000,
          watchIntervalMs: 100,
          github: { deployments: false },
        },
      },
    },
  };
  await writeFile(path.join(dir, 'tollgate.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  await mkdir(path.join(dir, 'migrations'));
  const log = (line: string): void => write(`  │ ${line}\n`);
  const deployRelease = async (release: string): Promise<DeployOutcome> => {
    write(`\n$ tollgate deploy --env demo --release ${release}\n`);
    const { outcome } = await runDeployCommand({ cwd: dir, env: 'demo', release, log });
    return outcome!;
  };
  const url = `http://127.0.0.1:${proxyPort}/api/quote`;
  const rows: string[] = [];
  try {
    write(`tollgate demo deploy: the example app in ${dir}, proxy on 127.0.0.1:${proxyPort}, embedded PostgreSQL (PGlite)\n`);
    await writeFile(path.join(dir, 'migrations', '0001_create_quotes.sql'), MIGRATIONS['0001_create_quotes.sql']!);
    const first = await deployRelease('1.0.0');
    rows.push(`1.0.0 (first)          ${first.state.padEnd(12)} total ${ms(first.timings.totalMs)}, switch ${ms(first.timings.switchMs)}, no traffic yet`);

    const outcomes: DeployOutcome[] = [first];
    let failedRequests = 0;
    for (const [release, migration] of [['1.1.0', '0002_add_quoted_at.sql'], ['1.2.0-broken-after-1000', undefined]] as const) {
      if (migration) await writeFile(path.join(dir, 'migrations', migration), MIGRATIONS[migration]!);
      write(`\n  autocannon: 8 keep-alive connections on ${url} during the deploy\n`);
      const load = startLoad(url);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const outcome = await deployRelease(release);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const result = await load.stop();
      const failed = result.non2xx + result.errors + result.timeouts + result.resets;
      outcomes.push(outcome);
      failedRequests += failed;
      rows.push(
        `${release.padEnd(22)} ${outcome.state.padEnd(12)} total ${ms(outcome.timings.totalMs)}, switch ${ms(outcome.timings.switchMs)}, ${result.requests.total} requests served during it, ${failed} failed`,
      );
    }
    write('\nSummary (release, outcome, times, requests through the proxy while it ran):\n');
    for (const row of rows) write(`  ${row}\n`);
    // What the demo shows must be what happened: otherwise say so and fail.
    const states = outcomes.map((o) => o.state).join(', ');
    if (states !== 'succeeded, succeeded, rolled-back' || failedRequests > 0) {
      write(`\nThe demo did not go as designed: outcomes ${states} (expected succeeded, succeeded, rolled-back), ${failedRequests} failed request(s) (expected 0).\n`);
      return 1;
    }
    write('\nThe broken release passed its health check and smoke test, failed the post-switch watch, and traffic went back to 1.1.0 by itself.\n');
    return 0;
  } finally {
    await new RuntimeClient(runtimeDir(dir, 'demo')).shutdown(5_000);
    if (options.keep) write(`kept ${dir}\n`);
    else await rm(dir, { recursive: true, force: true });
  }
}
