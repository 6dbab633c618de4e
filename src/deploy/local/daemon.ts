import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SocketForwarder } from './forwarder.ts';
import { SwitchableProxy, type Upstream } from './proxy.ts';
import { socketPath } from './runtime-paths.ts';
import { Supervisor, type ColorProcessState, type StartSpec } from './supervisor.ts';

/** How the daemon is started: where it keeps its state, and the proxy address when it runs one. */
export interface DaemonOptions {
  runtimeDir: string;
  proxy?: { host: string; port: number } | undefined;
}

/** What `state.json` holds, so a restarted daemon takes over the colors and the live route. */
interface DaemonState {
  pid: number;
  proxy: { host: string; port: number } | null;
  live: Upstream | null;
  colors: ColorProcessState[];
  forwards?: { color: string; port: number; path: string }[];
}

function readState(file: string): DaemonState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DaemonState;
  } catch {
    return undefined;
  }
}

async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * The local runtime of one environment: a long-lived process that owns the colors' processes and,
 * for the local provider, the switchable proxy. `tollgate deploy` talks to it over a unix socket
 * (HTTP + JSON), so a deploy command that dies leaves the app serving.
 */
export async function runDaemon(options: DaemonOptions): Promise<void> {
  const stateFile = path.join(options.runtimeDir, 'state.json');
  const previous = readState(stateFile);
  const supervisor = new Supervisor(options.runtimeDir, previous?.colors ?? []);
  const proxy = options.proxy ? new SwitchableProxy() : undefined;
  if (proxy && options.proxy) {
    await proxy.listen(options.proxy.port, options.proxy.host);
    const adoptedLive = previous?.live;
    if (adoptedLive && supervisor.status().some((color) => color.color === adoptedLive.color && color.running)) proxy.switchTo(adoptedLive);
  }

  const forwarders = new Map<string, SocketForwarder>();
  for (const forward of previous?.forwards ?? []) {
    const forwarder = new SocketForwarder(forward.path, forward.port);
    await forwarder.listen();
    forwarders.set(forward.color, forwarder);
  }
  const saveState = (): void => {
    const state: DaemonState = {
      pid: process.pid,
      proxy: options.proxy ?? null,
      live: proxy?.liveUpstream ?? null,
      colors: supervisor.states(),
      forwards: [...forwarders].map(([color, forwarder]) => ({ color, port: forwarder.port, path: forwarder.path })),
    };
    writeFileSync(`${stateFile}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(`${stateFile}.tmp`, stateFile);
  };
  saveState();

  const status = () => ({
    pid: process.pid,
    proxy: options.proxy ?? null,
    live: proxy?.liveUpstream ?? null,
    colors: supervisor.status(),
    inflight: proxy ? proxy.inflight() : Object.fromEntries([...forwarders].map(([color, forwarder]) => [color, forwarder.connections])),
    stats: proxy?.stats ?? null,
  });

  // Under a service manager (`tollgate deploy --serve`), SIGTERM stops the colors before the runtime exits.
  const onSignal = (): void => {
    void supervisor.stopAll(10_000).then(() => {
      saveState();
      admin.close();
      admin.closeAllConnections();
      void proxy?.close();
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  const sock = socketPath(options.runtimeDir);
  rmSync(sock, { force: true });
  const admin = http.createServer((req, res) => {
    void (async () => {
      try {
        const body = req.method === 'POST' ? await readBody(req) : {};
        let result: unknown;
        switch (`${req.method} ${req.url}`) {
          case 'GET /status':
            result = status();
            break;
          case 'POST /start':
            result = await supervisor.start(body as unknown as StartSpec);
            saveState();
            break;
          case 'POST /stop':
            await supervisor.stop(String(body.color), Number(body.graceMs ?? 10_000));
            saveState();
            result = status();
            break;
          case 'POST /switch':
            if (!proxy) throw new Error('this runtime has no proxy (the provider routes traffic itself)');
            proxy.switchTo(body as unknown as Upstream);
            saveState();
            result = status();
            break;
          case 'POST /forward': {
            // A unix socket per color forwarding to its port (the nginx provider's socket mode).
            const color = String(body.color);
            const existing = forwarders.get(color);
            if (!existing || existing.port !== Number(body.port) || existing.path !== String(body.path)) {
              await existing?.close();
              const forwarder = new SocketForwarder(String(body.path), Number(body.port));
              await forwarder.listen();
              forwarders.set(color, forwarder);
            }
            saveState();
            result = status();
            break;
          }
          case 'POST /drain': {
            const color = String(body.color);
            const timeoutMs = Number(body.timeoutMs ?? 30_000);
            const started = performance.now();
            if (proxy) result = await proxy.drain(color, timeoutMs);
            else result = { remaining: (await forwarders.get(color)?.drain(timeoutMs)) ?? 0, durationMs: performance.now() - started };
            break;
          }
          case 'POST /shutdown':
            await supervisor.stopAll(Number(body.graceMs ?? 10_000));
            saveState();
            res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
            admin.close();
            admin.closeAllConnections();
            await proxy?.close();
            process.off('SIGTERM', onSignal);
            process.off('SIGINT', onSignal);
            for (const forwarder of forwarders.values()) await forwarder.close();
            rmSync(stateFile, { force: true });
            return;
          default:
            res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `no route ${req.method} ${req.url}` }));
            return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    admin.once('error', reject);
    admin.listen(sock, () => resolve());
  });
  process.stdout.write(`tollgate deploy runtime ${process.pid} on ${sock}${options.proxy ? `, proxy on ${options.proxy.host}:${options.proxy.port}` : ''}\n`);
}
