import path from 'node:path';
import type { AppConfig, Color, LocalProviderConfig } from '../config.ts';
import type { Provider } from '../provider.ts';
import { RuntimeClient } from './runtime-client.ts';
import { runtimeDir } from './runtime-paths.ts';
import { UserError } from '../../errors/user-error.ts';

/** The embedded provider: colors are processes of the environment's runtime, traffic goes through its proxy. */
export class LocalProvider implements Provider {
  readonly name = 'local';
  private readonly client: RuntimeClient;
  private readonly config: LocalProviderConfig;
  private readonly app: AppConfig;
  private readonly cwd: string;

  constructor(options: { cwd: string; environment: string; config: LocalProviderConfig; app: AppConfig }) {
    this.client = new RuntimeClient(runtimeDir(options.cwd, options.environment));
    this.config = options.config;
    this.app = options.app;
    this.cwd = options.cwd;
  }

  /** Connects to the runtime, starting it with the proxy when it is not running. */
  async connect(): Promise<void> {
    const status = await this.client.ensure({ proxy: { host: this.config.listen.host, port: this.config.listen.port } });
    const proxy = status.proxy;
    if (!proxy || proxy.port !== this.config.listen.port || proxy.host !== this.config.listen.host) {
      throw new UserError(
        `The running deploy runtime (pid ${status.pid}) serves ${proxy ? `${proxy.host}:${proxy.port}` : 'no proxy'}, but the config asks for ${this.config.listen.host}:${this.config.listen.port} (deploy.environments.*.provider.listen). Stop it first with \`tollgate deploy --env <name> --down\`.`,
      );
    }
  }

  get runtime(): RuntimeClient {
    return this.client;
  }

  async live(): Promise<Color | undefined> {
    const status = await this.client.status();
    return (status.live?.color as Color | undefined) ?? undefined;
  }

  async start(color: Color, version: string): Promise<void> {
    await this.client.start({
      color,
      version,
      command: this.app.command,
      cwd: path.resolve(this.cwd, this.app.cwd),
      port: this.config.ports[color],
      env: this.app.env,
    });
  }

  async running(color: Color): Promise<boolean> {
    const status = await this.client.status();
    return status.colors.some((entry) => entry.color === color && entry.running);
  }

  colorUrl(color: Color): string {
    return `http://127.0.0.1:${this.config.ports[color]}`;
  }

  publicUrl(): string {
    const host = this.config.listen.host === '0.0.0.0' ? '127.0.0.1' : this.config.listen.host;
    return `http://${host}:${this.config.listen.port}`;
  }

  async switchTo(color: Color): Promise<void> {
    await this.client.switchTo({ color, host: '127.0.0.1', port: this.config.ports[color] });
  }

  async drain(color: Color, timeoutMs: number): Promise<{ remaining: number }> {
    return this.client.drain(color, timeoutMs);
  }

  async stop(color: Color): Promise<void> {
    await this.client.stop(color, this.app.stopGraceMs);
  }

  async close(): Promise<void> {
    // Nothing held open: each runtime call is its own connection.
  }
}
