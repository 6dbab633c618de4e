import { chmodSync, rmSync } from 'node:fs';
import net from 'node:net';

/**
 * A unix socket that forwards every connection to a color's TCP port. The nginx provider's socket
 * mode points nginx at a symlink to one of these, so a switch is an atomic rename of the symlink:
 * nginx is never reloaded and never closes a client connection.
 */
export class SocketForwarder {
  readonly path: string;
  readonly port: number;
  private readonly server: net.Server;
  private readonly open = new Set<net.Socket>();
  private whenIdle: (() => void)[] = [];

  constructor(socketPath: string, port: number) {
    this.path = socketPath;
    this.port = port;
    this.server = net.createServer((client) => {
      this.open.add(client);
      const upstream = net.connect(port, '127.0.0.1');
      client.pipe(upstream).pipe(client);
      const done = (): void => {
        client.destroy();
        upstream.destroy();
        if (this.open.delete(client) && this.open.size === 0) for (const resolve of this.whenIdle.splice(0)) resolve();
      };
      client.on('close', done);
      upstream.on('close', done);
      client.on('error', done);
      upstream.on('error', done);
    });
  }

  async listen(): Promise<void> {
    rmSync(this.path, { force: true });
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.path, () => resolve());
    });
    // nginx workers run as another user (nobody, www-data) and need write permission to connect.
    chmodSync(this.path, 0o666);
  }

  get connections(): number {
    return this.open.size;
  }

  /** Resolves when no connection is open (or after `timeoutMs`), with the number still open. */
  async drain(timeoutMs: number): Promise<number> {
    if (this.open.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise<void>((resolve) => this.whenIdle.push(resolve)), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    }
    return this.open.size;
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.path, { force: true });
  }
}
