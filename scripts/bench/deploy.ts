// Deploy benchmark: `node scripts/bench/deploy.ts [--switches 5]`.
// For the local provider, nginx in socket mode and nginx with `nginx -s reload` (the peer), in the
// same run: deploy overhead (total minus app start, migrations and the configured watch), switch
// time and failed requests under autocannon keep-alive load; plus one full deploy of the example
// with an embedded-database migration. Everything on 127.0.0.1, bounded in time.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { runDeployCommand } from '../../src/deploy/command.ts';
import { RuntimeClient } from '../../src/deploy/local/runtime-client.ts';
import { runtimeDir } from '../../src/deploy/local/runtime-paths.ts';
import type { DeployOutcome } from '../../src/deploy/machine.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APP = `${process.execPath} ${path.join(ROOT, 'examples/deploy-app/server.ts')}`;
const NGINX = '/usr/sbin/nginx';
const WATCH_MS = 1_000;

export type Scenario = 'local' | 'nginx-socket' | 'nginx-reload';

export interface ScenarioResult {
  scenario: Scenario;
  switches: number;
  /** Medians over the timed deploys, in ms. */
  totalMs: number;
  appStartMs: number;
  switchMs: number;
  overheadMs: number;
  requests: number;
  failed: number;
  failures: { errors: number; resets: number; timeouts: number; non2xx: number };
}

export interface DeployBenchResult {
  scenarios: ScenarioResult[];
  fullDeploy: { totalMs: number; migrateMs: number; appStartMs: number; overheadMs: number; state: string } | undefined;
  /** nginx reload switch time / local switch time (>1: local switches faster). */
  switchRatio: number | undefined;
  notes: string[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function overhead(outcome: DeployOutcome): number {
  const t = outcome.timings;
  return Math.max(0, t.totalMs - t.appStartMs - t.migrateMs - t.watchMs);
}

async function startNginx(dir: string, port: number, upstream: string): Promise<{ args: string[]; pidFile: string; upstreamFile: string; stop(): void }> {
  const prefix = path.join(dir, 'nginx');
  await mkdir(path.join(prefix, 'logs'), { recursive: true });
  await mkdir(path.join(prefix, 'temp'), { recursive: true });
  const upstreamFile = path.join(prefix, 'upstream.conf');
  const pidFile = path.join(prefix, 'nginx.pid');
  await writeFile(upstreamFile, upstream);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${prefix}/temp/${kind};`).join('\n');
  await writeFile(
    path.join(prefix, 'nginx.conf'),
    `user root;\nworker_processes 2;\npid ${pidFile};\nerror_log ${prefix}/logs/error.log warn;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n${temp}\n  include ${upstreamFile};\n  server {\n    listen 127.0.0.1:${port};\n    keepalive_timeout 65s;\n    keepalive_requests 100000;\n    location / { proxy_pass http://tollgate_app; proxy_http_version 1.1; proxy_set_header Connection ""; }\n  }\n}\n`,
  );
  const args = ['-c', path.join(prefix, 'nginx.conf'), '-p', prefix];
  execFileSync(NGINX, args, { stdio: 'pipe' });
  return {
    args,
    pidFile,
    upstreamFile,
    stop: () => {
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM');
      } catch {
        // Not running.
      }
    },
  };
}

async function runScenario(scenario: Scenario, switches: number, log: (line: string) => void): Promise<ScenarioResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `tollgate-bench-deploy-${scenario}-`));
  const publicPort = await freePort();
  const ports = { blue: await freePort(), green: await freePort() };
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  let provider: Record<string, unknown>;
  if (scenario === 'local') provider = { type: 'local', listen: { port: publicPort }, ports };
  else {
    nginx = await startNginx(dir, publicPort, `upstream tollgate_app { server 127.0.0.1:${ports.blue}; }\n`);
    provider = { type: 'nginx', mode: scenario === 'nginx-socket' ? 'socket' : 'reload', upstreamFile: nginx.upstreamFile, nginx: NGINX, args: nginx.args, pidFile: nginx.pidFile, ports };
  }
  const config = {
    deploy: {
      environments: {
        bench: {
          provider,
          app: { command: APP, stopGraceMs: 5_000 },
          health: { timeoutMs: 20_000, intervalMs: 25 },
          smoke: [{ name: 'quote', path: '/api/quote', bodyIncludes: 'bidMinor' }],
          watchMs: WATCH_MS,
          watchIntervalMs: 100,
          github: { deployments: false },
        },
      },
    },
  };
  await writeFile(path.join(dir, 'tollgate.config.json'), JSON.stringify(config));
  const deploy = async (release: string): Promise<DeployOutcome> => {
    const { outcome } = await runDeployCommand({ cwd: dir, env: 'bench', release, log: () => {} });
    if (outcome?.state !== 'succeeded') throw new Error(`${scenario}: deploy of ${release} ${outcome?.state}: ${outcome?.message}`);
    return outcome;
  };
  try {
    await deploy('r0');
    let instance: autocannon.Instance | undefined;
    const done = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon({ url: `http://127.0.0.1:${publicPort}/api/quote`, connections: 8, duration: 120, timeout: 10 }, (error, result) => (error ? reject(error as Error) : resolve(result)));
    });
    const outcomes: DeployOutcome[] = [];
    for (let i = 1; i <= switches; i++) {
      outcomes.push(await deploy(`r${i}`));
      log(`${scenario}: deploy ${i}/${switches} in ${Math.round(outcomes.at(-1)!.timings.totalMs)} ms`);
    }
    instance?.stop();
    const load = await done;
    const failures = { errors: load.errors, resets: load.resets, timeouts: load.timeouts, non2xx: load.non2xx };
    return {
      scenario,
      switches,
      totalMs: median(outcomes.map((o) => o.timings.totalMs)),
      appStartMs: median(outcomes.map((o) => o.timings.appStartMs)),
      switchMs: median(outcomes.map((o) => o.timings.switchMs)),
      overheadMs: median(outcomes.map(overhead)),
      requests: load.requests.total,
      failed: failures.errors + failures.resets + failures.timeouts + failures.non2xx,
      failures,
    };
  } finally {
    await new RuntimeClient(runtimeDir(dir, 'bench')).shutdown(5_000);
    nginx?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** One full deploy of the example with a migration on the embedded database (after a warm-up deploy that creates it). */
async function fullDeploy(): Promise<DeployBenchResult['fullDeploy']> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-bench-deploy-full-'));
  const config = {
    migrate: { dir: 'migrations' },
    deploy: {
      environments: {
        bench: {
          provider: { type: 'local', listen: { port: await freePort() }, ports: { blue: await freePort(), green: await freePort() } },
          app: { command: APP },
          migrate: true,
          health: { intervalMs: 25 },
          smoke: [{ name: 'quote', path: '/api/quote' }],
          watchMs: WATCH_MS,
          github: { deployments: false },
        },
      },
    },
  };
  await writeFile(path.join(dir, 'tollgate.config.json'), JSON.stringify(config));
  await mkdir(path.join(dir, 'migrations'));
  await writeFile(path.join(dir, 'migrations/0001_quotes.sql'), 'CREATE TABLE quotes (id bigserial PRIMARY KEY, bid_minor bigint NOT NULL);\n');
  try {
    await runDeployCommand({ cwd: dir, env: 'bench', release: 'r0', log: () => {} });
    await writeFile(path.join(dir, 'migrations/0002_ask.sql'), 'ALTER TABLE quotes ADD COLUMN ask_minor bigint;\n');
    const { outcome } = await runDeployCommand({ cwd: dir, env: 'bench', release: 'r1', log: () => {} });
    const t = outcome!.timings;
    return { totalMs: t.totalMs, migrateMs: t.migrateMs, appStartMs: t.appStartMs, overheadMs: overhead(outcome!), state: outcome!.state };
  } finally {
    await new RuntimeClient(runtimeDir(dir, 'bench')).shutdown(5_000);
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runDeployBench(options: { switches?: number; log?: (line: string) => void } = {}): Promise<DeployBenchResult> {
  const switches = options.switches ?? 5;
  const log = options.log ?? (() => {});
  const notes: string[] = [];
  const scenarios: ScenarioResult[] = [];
  const available: Scenario[] = existsSync(NGINX) ? ['local', 'nginx-socket', 'nginx-reload'] : ['local'];
  if (!existsSync(NGINX)) notes.push(`${NGINX} not installed: the nginx scenarios were skipped`);
  for (const scenario of available) scenarios.push(await runScenario(scenario, switches, log));
  const full = await fullDeploy();
  const local = scenarios.find((s) => s.scenario === 'local');
  const reload = scenarios.find((s) => s.scenario === 'nginx-reload');
  notes.push(`overhead = total − app start (start + health) − migrations − the configured ${WATCH_MS} ms watch`);
  return { scenarios, fullDeploy: full, switchRatio: local && reload ? reload.switchMs / Math.max(local.switchMs, 0.001) : undefined, notes };
}

const ms = (value: number): string => `${Math.round(value)} ms`;

export function renderDeployBench(r: DeployBenchResult): string {
  const lines = ['deploy (example app, 8 keep-alive connections of autocannon during the deploys; medians):'];
  lines.push('  scenario        deploys  total     app start  switch    overhead  requests  failed');
  for (const s of r.scenarios) {
    lines.push(
      `  ${s.scenario.padEnd(15)} ${String(s.switches).padEnd(8)} ${ms(s.totalMs).padEnd(9)} ${ms(s.appStartMs).padEnd(10)} ${ms(s.switchMs).padEnd(9)} ${ms(s.overheadMs).padEnd(9)} ${String(s.requests).padEnd(9)} ${s.failed}${s.failed ? ` (errors ${s.failures.errors}, resets ${s.failures.resets}, timeouts ${s.failures.timeouts}, non-2xx ${s.failures.non2xx})` : ''}`,
    );
  }
  if (r.switchRatio !== undefined) lines.push(`  switch time ratio nginx reload / local proxy: ${r.switchRatio.toFixed(1)}x`);
  if (r.fullDeploy) {
    const f = r.fullDeploy;
    lines.push(`  full deploy with an embedded-database migration: ${ms(f.totalMs)} (${f.state}; migrate ${ms(f.migrateMs)}, app start ${ms(f.appStartMs)}, overhead ${ms(f.overheadMs)})`);
  }
  const failed = r.scenarios.filter((s) => s.scenario !== 'nginx-reload').reduce((sum, s) => sum + s.failed, 0);
  const worstOverhead = Math.max(...r.scenarios.map((s) => s.overheadMs));
  lines.push(`  targets: zero failed requests (local, nginx socket): ${failed === 0 ? 'met' : `MISSED (${failed})`}; overhead under 2 s: ${worstOverhead < 2_000 ? 'met' : 'MISSED'}; full deploy under 10 s: ${r.fullDeploy && r.fullDeploy.totalMs < 10_000 ? 'met' : 'MISSED'}`);
  for (const note of r.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { switches: { type: 'string' } } });
  const result = await runDeployBench({ ...(values.switches ? { switches: Number(values.switches) } : {}), log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${renderDeployBench(result)}\n`);
}
