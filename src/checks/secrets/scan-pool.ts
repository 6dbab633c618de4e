/**
 * Scans working-tree files on several threads. A tree scan is CPU-bound (one pass of the keyword
 * automaton over every byte, then the rules around the hits), so the files are handed out in
 * small batches to worker threads and to the check's own thread, each with its own detector, and
 * the results come back as FileScans in the order the batches finish. Where the worker module is
 * not on disk (a bundle that did not ship it), `workerModule()` says so and the check scans in
 * its own thread alone.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PreparedWork } from '../check.ts';
import type { SecretsOptions } from './config.ts';
import { fromWire, type FileScan, type WireFileScan } from './file-scan.ts';

export interface PoolFile {
  path: string;
  absPath: string;
}

export interface PoolRequest {
  batch: number;
  files: PoolFile[];
}

export type PoolReply = { batch: number; scans: WireFileScan[] } | { batch: number; error: string };

/** Files per batch: small enough to balance the threads, large enough that messages stay rare. */
const BATCH_FILES = 24;
/** Below this many files a pool costs more (thread start-up, module load) than it saves. */
export const MIN_POOL_FILES = 400;
const MAX_AUTO_THREADS = 8;

/** The worker's file next to this module (`.ts` from source, `.js` when built or bundled). */
export function workerModule(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const file = path.join(path.dirname(here), `scan-worker${path.extname(here)}`);
  return existsSync(file) ? file : undefined;
}

/** How many threads `threads: 'auto' | n` means for this many files (1 = scan in the check's thread). */
export function threadCount(setting: 'auto' | number, files: number): number {
  if (setting !== 'auto') return Math.max(1, setting);
  if (files < MIN_POOL_FILES) return 1;
  return autoThreads();
}

/** The threads `auto` gives a scan large enough for a pool: one per CPU, at most 8. */
export function autoThreads(): number {
  return Math.max(1, Math.min(os.availableParallelism(), MAX_AUTO_THREADS));
}

export interface PoolRun {
  files: readonly PoolFile[];
  signal: AbortSignal;
  /** Scans one file in this thread (the pool's last scanner); undefined when it cannot be read. */
  scanHere(file: PoolFile): FileScan | undefined;
  /** Called with each finished file's scan, in completion order. */
  onScan(scan: FileScan): void;
  onProgress(done: number): void;
}

/** Progress is reported each time this many more files are done. */
const PROGRESS_EVERY = 2000;
/** Batches a worker holds at once, so it never waits for this thread to hand it the next. */
const IN_FLIGHT = 2;

/**
 * The threads of one scan: `threads - 1` workers and the thread that calls scan(), which takes
 * batches from the same queue between handing them out (it would otherwise sit idle, and one
 * worker fewer starts). The workers are started before the files are listed (the check's
 * prepare()), so their start-up (a thread, the detector's modules, its compiled rules) overlaps
 * the listing; scan() runs once. Idle workers do not keep the process alive, and release() ends
 * them whether or not they were used.
 */
export class ScanPool implements PreparedWork {
  readonly threads: number;
  private readonly workers: Worker[];
  private used = false;
  /** A worker that failed (even before the scan: a module that did not load), and the scan to tell. */
  private failure: Error | undefined;
  private failScan: ((error: Error) => void) | undefined;

  constructor(module: string, threads: number, options: SecretsOptions) {
    this.threads = Math.max(2, threads);
    this.workers = Array.from({ length: this.threads - 1 }, () => new Worker(module, { workerData: { options } }));
    for (const worker of this.workers) {
      worker.unref();
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`secrets scan worker exited with code ${code}`));
      });
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.failScan?.(error);
  }

  async scan(run: PoolRun): Promise<void> {
    if (this.used) throw new Error('a scan pool scans once, and not after release()');
    this.used = true;
    run.signal.throwIfAborted();
    const batches: PoolFile[][] = [];
    for (let i = 0; i < run.files.length; i += BATCH_FILES) batches.push(run.files.slice(i, i + BATCH_FILES));
    for (const worker of this.workers) worker.ref();
    let next = 0;
    let done = 0;
    let completed = 0;
    let stopped = false;
    let onAbort: (() => void) | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        const stop = (error: Error) => {
          stopped = true;
          reject(error);
        };
        if (this.failure) {
          stop(this.failure);
          return;
        }
        this.failScan = stop;
        onAbort = () => stop(run.signal.reason instanceof Error ? run.signal.reason : new Error('aborted'));
        run.signal.addEventListener('abort', onAbort, { once: true });
        const complete = (files: number) => {
          const before = done;
          done += files;
          if (Math.floor(done / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) run.onProgress(done);
          if (++completed === batches.length) resolve();
        };
        const give = (worker: Worker) => {
          if (stopped || next >= batches.length) return;
          const batch = next++;
          worker.postMessage({ batch, files: batches[batch]! } satisfies PoolRequest);
        };
        for (const worker of this.workers) {
          worker.on('message', (reply: PoolReply) => {
            if ('error' in reply) {
              stop(new Error(`secrets scan worker failed: ${reply.error}`));
              return;
            }
            try {
              for (const scan of reply.scans) run.onScan(fromWire(scan));
            } catch (error) {
              stop(error instanceof Error ? error : new Error(String(error)));
              return;
            }
            complete(batches[reply.batch]!.length);
            give(worker);
          });
          for (let k = 0; k < IN_FLIGHT; k++) give(worker);
        }
        if (batches.length === 0) {
          resolve();
          return;
        }
        // This thread's share: a batch at a time, letting the workers' replies in between.
        const here = async () => {
          while (!stopped && next < batches.length) {
            const batch = batches[next++]!;
            for (const file of batch) {
              const scan = run.scanHere(file);
              if (scan) run.onScan(scan);
            }
            complete(batch.length);
            await new Promise((resume) => setImmediate(resume));
          }
        };
        here().catch((error: unknown) => stop(error instanceof Error ? error : new Error(String(error))));
      });
    } finally {
      if (onAbort) run.signal.removeEventListener('abort', onAbort);
      this.failScan = undefined;
      await this.end();
    }
  }

  release(): void {
    this.used = true;
    void this.end();
  }

  private async end(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}
