import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * Reads many blobs through one long-lived `git cat-file --batch` process, so that reading
 * the staged version of N files costs one process, not N.
 */
export class BlobReader {
  private proc: ChildProcessWithoutNullStreams | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private queue: { id: string; resolve: (b: Buffer | undefined) => void; reject: (e: Error) => void }[] = [];
  private readonly cwd: string;

  constructor(cwd: string) {
    this.cwd = cwd;
  }

  read(objectId: string): Promise<Buffer | undefined> {
    const proc = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ id: objectId, resolve, reject });
      proc.stdin.write(`${objectId}\n`);
    });
  }

  close(): void {
    if (this.proc) {
      this.proc.stdin.end();
      this.proc = undefined;
    }
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.proc) return this.proc;
    const proc = spawn('git', ['cat-file', '--batch'], { cwd: this.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    proc.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (error: Error) => {
      for (const pending of this.queue.splice(0)) pending.reject(error);
    };
    proc.on('error', fail);
    proc.on('close', (code) => {
      if (this.queue.length > 0) fail(new Error(`git cat-file exited with ${String(code)}`));
    });
    this.proc = proc;
    return proc;
  }

  private drain(): void {
    for (;;) {
      const pending = this.queue[0];
      if (!pending) return;
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      if (header.endsWith(' missing')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        pending.resolve(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      const total = newline + 1 + size + 1;
      if (this.buffer.length < total) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + size));
      this.buffer = this.buffer.subarray(total);
      this.queue.shift();
      pending.resolve(content);
    }
  }
}
