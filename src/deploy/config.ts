import { z } from 'zod';

export const COLORS = ['blue', 'green'] as const;
export type Color = (typeof COLORS)[number];

export function otherColor(color: Color): Color {
  return color === 'blue' ? 'green' : 'blue';
}

const Port = z.number().int().min(1).max(65_535);
const Ms = (fallback: number, what: string) => z.number().int().min(0).max(3_600_000).default(fallback).describe(what);
const ColorPorts = z
  .object({
    blue: Port.default(3001).describe('Port the blue color listens on (passed to the app as PORT).'),
    green: Port.default(3002).describe('Port the green color listens on (passed to the app as PORT).'),
  })
  .strict()
  .prefault({})
  .describe('The port of each color on 127.0.0.1.');

export const AppSchema = z
  .object({
    command: z
      .string()
      .min(1)
      .describe('Start command of one color, run in `cwd` (through `sh -c` when it uses shell syntax). It gets PORT, APP_VERSION and DEPLOY_COLOR in its environment and must stop gracefully on SIGTERM.'),
    cwd: z.string().min(1).default('.').describe('Directory the command runs in, relative to the repository root.'),
    env: z.record(z.string(), z.string()).default({}).describe('Extra environment variables for the app.'),
    stopGraceMs: Ms(10_000, 'How long a stopped color may take to finish after SIGTERM before it gets SIGKILL.'),
  })
  .strict()
  .describe('How to run the app (local and nginx providers).');
export type AppConfig = z.output<typeof AppSchema>;

export const HealthSchema = z
  .object({
    path: z.string().startsWith('/').default('/health').describe('Health endpoint, requested on the color directly.'),
    expectStatus: z.number().int().min(100).max(599).default(200).describe('Status a healthy color answers.'),
    timeoutMs: Ms(30_000, 'How long a new color may take to become healthy before the deploy stops it and fails.'),
    intervalMs: Ms(100, 'Pause between health requests while waiting.'),
    requestTimeoutMs: Ms(2_000, 'Timeout of one health request.'),
  })
  .strict()
  .prefault({});

const HttpSmokeSchema = z
  .object({
    name: z.string().min(1).describe('Name shown in the output and the journal.'),
    path: z.string().startsWith('/').describe('Path requested on the idle color.'),
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS']).default('GET').describe('HTTP method.'),
    body: z.string().optional().describe('Request body (sent as application/json).'),
    expectStatus: z.number().int().min(100).max(599).default(200).describe('Expected status.'),
    bodyIncludes: z.string().optional().describe('Text the response body must contain.'),
    timeoutMs: Ms(5_000, 'Timeout of the request.'),
  })
  .strict();

const CommandSmokeSchema = z
  .object({
    name: z.string().min(1).describe('Name shown in the output and the journal.'),
    command: z.string().min(1).describe('Command run through `sh -c` in the repository root; exit code 0 passes. It gets TOLLGATE_SMOKE_URL (the idle color) in its environment.'),
    timeoutMs: Ms(60_000, 'Timeout of the command.'),
  })
  .strict();

export const SmokeCheckSchema = z.union([HttpSmokeSchema, CommandSmokeSchema]);
export type SmokeCheck = z.output<typeof SmokeCheckSchema>;

const LocalProviderSchema = z
  .object({
    type: z.literal('local').describe('Colors as child processes behind tollgate’s own switchable reverse proxy.'),
    listen: z
      .object({
        host: z.string().default('127.0.0.1').describe('Address the proxy binds to.'),
        port: Port.default(8080).describe('Port the proxy serves the live color on.'),
      })
      .strict()
      .prefault({})
      .describe('Where the proxy listens: the address your users (or your load balancer) call.'),
    ports: ColorPorts,
  })
  .strict();

const NginxProviderSchema = z
  .object({
    type: z.literal('nginx').describe('Colors as child processes behind your nginx, which includes the upstream file tollgate writes.'),
    mode: z
      .enum(['socket', 'reload'])
      .default('socket')
      .describe(
        'socket (default): the upstream is a unix socket symlink that tollgate points at the new color, so a switch never reloads nginx and no client connection is closed. reload: the upstream names the color’s port and every switch runs `nginx -s reload` (nginx before 1.27.4 may reset client keep-alive connections on reload).',
      ),
    upstreamFile: z.string().min(1).describe('File tollgate writes the `upstream` block to; your nginx.conf includes it (relative to the repository root or absolute).'),
    upstreamName: z.string().regex(/^[A-Za-z0-9_]+$/, 'an nginx upstream name such as "tollgate_app"').default('tollgate_app').describe('Name of the upstream block.'),
    nginx: z.string().min(1).default('nginx').describe('The nginx binary.'),
    args: z.array(z.string()).default([]).describe('Extra arguments for `nginx -s reload` and `nginx -t`, such as ["-c", "/etc/nginx/nginx.conf", "-p", "/var/lib/nginx"].'),
    url: z.string().url().optional().describe('The URL nginx serves the app on, for the post-switch watch.'),
    pidFile: z.string().min(1).optional().describe('nginx’s pid file. With it, a switch waits until the new workers run and the drain until the old workers have exited; without it both wait `settleMs`.'),
    settleMs: Ms(1_000, 'Without pidFile: how long a reload is given to take effect.'),
    keepalive: z.number().int().min(0).max(1_000).default(0).describe('reload mode only: `keepalive` connections per worker to the app in the upstream block. Socket mode always opens a connection per request, so the old color drains at once.'),
    ports: ColorPorts,
  })
  .strict();

const KubernetesProviderSchema = z
  .object({
    type: z.literal('kubernetes').describe('Two Deployments, one per color, behind one Service whose selector tollgate patches.'),
    namespace: z.string().min(1).default('default').describe('Namespace of the Service and the Deployments.'),
    service: z.string().min(1).describe('The Service that receives the traffic.'),
    selectorKey: z.string().min(1).default('color').describe('The label key (in the Service selector and the pod template) that names the color.'),
    deployments: z
      .object({ blue: z.string().min(1).describe('Deployment of the blue color.'), green: z.string().min(1).describe('Deployment of the green color.') })
      .strict()
      .describe('The Deployment of each color.'),
    container: z.string().min(1).describe('Container whose image is set to `image` with the release.'),
    image: z.string().min(1).describe('Image, with "{version}" where the release goes: "ghcr.io/acme/pay:{version}".'),
    replicas: z.number().int().min(1).default(2).describe('Replicas of the live color.'),
    urls: z
      .object({ blue: z.string().url().describe('URL that reaches the blue pods directly.'), green: z.string().url().describe('URL that reaches the green pods directly.') })
      .strict()
      .optional()
      .describe('URLs that reach each color directly (for example a per-color Service), for health and smoke tests. Without them only pod readiness is checked.'),
    url: z.string().url().optional().describe('The public URL, for the post-switch watch.'),
    readyTimeoutMs: Ms(300_000, 'How long the new color’s pods may take to become ready.'),
    settleMs: Ms(2_000, 'After the old color’s pods have left the Service’s endpoints, how long to wait before scaling them down, for kube-proxy (or the ingress) on every node to catch up.'),
  })
  .strict();

export const ProviderSchema = z.discriminatedUnion('type', [LocalProviderSchema, NginxProviderSchema, KubernetesProviderSchema]);
export type ProviderConfig = z.output<typeof ProviderSchema>;
export type LocalProviderConfig = z.output<typeof LocalProviderSchema>;
export type NginxProviderConfig = z.output<typeof NginxProviderSchema>;
export type KubernetesProviderConfig = z.output<typeof KubernetesProviderSchema>;

export const EnvironmentSchema = z
  .object({
    provider: ProviderSchema.prefault({ type: 'local' }).describe('How colors run and how traffic is switched: local (default), nginx or kubernetes.'),
    app: AppSchema.optional(),
    migrate: z.boolean().default(false).describe('Run `tollgate migrate` (the top-level migrate section, with its pg_dump backup) before starting the new color.'),
    health: HealthSchema.describe('How a color is judged healthy.'),
    smoke: z.array(SmokeCheckSchema).default([]).describe('Checks run against the new color before it gets traffic: HTTP requests ({name, path, expectStatus, bodyIncludes}) or commands ({name, command}).'),
    drainTimeoutMs: Ms(30_000, 'After the switch, how long requests still running on the old color may take to finish.'),
    watchMs: Ms(10_000, 'After the switch, how long the new color is watched; any failed health check switches back.'),
    watchIntervalMs: Ms(250, 'Pause between health checks while watching.'),
    lockTimeoutMs: Ms(600_000, 'How long a deploy waits for another deploy of the same environment to finish.'),
    github: z
      .object({
        deployments: z.boolean().default(true).describe('Report the deploy to the GitHub Deployments API when GITHUB_TOKEN and GITHUB_REPOSITORY are set.'),
        environment: z.string().optional().describe('GitHub environment name (default: the tollgate environment name).'),
        url: z.string().url().optional().describe('environment_url shown on GitHub.'),
      })
      .strict()
      .prefault({})
      .describe('GitHub Deployments statuses.'),
  })
  .strict();
export type EnvironmentConfig = z.output<typeof EnvironmentSchema>;

/** The top-level `deploy` section: blue-green deploys per environment. */
export const DeployConfigSchema = z
  .object({
    journal: z
      .string()
      .min(1)
      .default('.tollgate/deploy-journal.json')
      .describe('The journal every deploy step is written to before and after it runs (relative to the repository root).'),
    environments: z
      .record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'an environment name of letters, digits, "-" and "_"'), EnvironmentSchema)
      .default({})
      .describe('Environments by name (`tollgate deploy --env <name>`).'),
  })
  .strict();

export type DeployConfig = z.output<typeof DeployConfigSchema>;
