/**
 * A secrets scan worker thread: reads the files it is sent and scans them with its own detector.
 * Spawned by scan-pool.ts with the check's options as workerData; answers each batch with its
 * FileScans in wire form.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { SECRET_CONTENT_RULES } from '../../../rules/secrets/index.ts';
import type { SecretsOptions } from './config.ts';
import { SecretDetector } from './detector.ts';
import { scanContent, toWire, type WireFileScan } from './file-scan.ts';
import type { PoolReply, PoolRequest } from './scan-pool.ts';

const options = (workerData as { options: SecretsOptions }).options;
const detector = new SecretDetector(SECRET_CONTENT_RULES, options);

/**
 * Reads are synchronous (this thread has nothing else to do, and it saves a hop through libuv's
 * pool) and go into one buffer reused from file to file: a fresh buffer per file costs more in
 * page faults and garbage collection than the copy itself. Nothing keeps the content past
 * scanContent, which is synchronous and returns strings.
 */
let buffer = Buffer.allocUnsafe(1 << 20);

/** Of a file over the scan limit only this much is read: enough for the blocked-file rules (.npmrc). */
const LARGE_FILE_HEAD = 64 * 1024;

function readFile(absPath: string): { content: Buffer; size: number } | undefined {
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch {
    return undefined; // gone since it was listed: nothing to scan, as in the check's own thread
  }
  try {
    const size = fstatSync(fd).size;
    const wanted = size > options.maxFileSizeKb * 1024 ? LARGE_FILE_HEAD : size;
    if (wanted > buffer.length) buffer = Buffer.allocUnsafe(wanted);
    let filled = 0;
    while (filled < wanted) {
      const read = readSync(fd, buffer, filled, wanted - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return { content: buffer.subarray(0, filled), size };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function scanBatch(request: PoolRequest): WireFileScan[] {
  const scans: WireFileScan[] = [];
  for (const file of request.files) {
    const read = readFile(file.absPath);
    if (read === undefined) continue;
    scans.push(toWire(scanContent({ path: file.path, content: read.content, size: read.size }, detector, options)));
  }
  return scans;
}

parentPort!.on('message', (request: PoolRequest) => {
  let reply: PoolReply;
  try {
    reply = { batch: request.batch, scans: scanBatch(request) };
  } catch (error) {
    reply = { batch: request.batch, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
