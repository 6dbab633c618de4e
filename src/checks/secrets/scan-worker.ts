/**
 * A secrets scan worker thread: reads the files it is sent and scans them with its own detector.
 * Spawned by scan-pool.ts with the check's options as workerData; answers each batch with its
 * FileScans in wire form.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { SECRET_CONTENT_RULES } from '../../../rules/secrets/index.ts';
import type { SecretsOptions } from './config.ts';
import { SecretDetector } from './detector.ts';
import { scanContent, toWire, type WireFileScan } from './file-scan.ts';
import type { PoolReply, PoolRequest } from './scan-pool.ts';

const options = (workerData as { options: SecretsOptions }).options;
const detector = new SecretDetector(SECRET_CONTENT_RULES, options);

/** Reads are synchronous: this thread has nothing else to do, and it saves a hop through libuv's pool. */
function scanBatch(request: PoolRequest): WireFileScan[] {
  const scans: WireFileScan[] = [];
  for (const file of request.files) {
    let content: Buffer;
    try {
      content = readFileSync(file.absPath);
    } catch {
      continue; // gone since it was listed: nothing to scan, as in the check's own thread
    }
    scans.push(toWire(scanContent({ path: file.path, content }, detector, options)));
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
