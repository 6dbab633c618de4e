/**
 * A secrets scan worker thread: reads the files it is sent and scans them with its own detector.
 * Spawned by scan-pool.ts with the check's options as workerData; answers each batch with its
 * FileScans in wire form.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SECRET_CONTENT_RULES } from '../../../rules/secrets/index.ts';
import type { SecretsOptions } from './config.ts';
import { SecretDetector } from './detector.ts';
import { scanFromDisk, toWire, type WireFileScan } from './file-scan.ts';
import { FileReader } from './file-reader.ts';
import type { PoolReply, PoolRequest } from './scan-pool.ts';

const options = (workerData as { options: SecretsOptions }).options;
const detector = new SecretDetector(SECRET_CONTENT_RULES, options);

/** Synchronous reads: this thread has nothing else to do, and it saves a hop through libuv's pool. */
const reader = new FileReader(options.maxFileSizeKb * 1024);

function scanBatch(request: PoolRequest): WireFileScan[] {
  const scans: WireFileScan[] = [];
  for (const file of request.files) {
    const scan = scanFromDisk(file, reader, detector, options);
    if (scan) scans.push(toWire(scan));
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
