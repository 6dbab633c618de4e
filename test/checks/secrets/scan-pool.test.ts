import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secretsCheck } from '../../../src/checks/secrets/check.ts';
import { SecretsConfigSchema } from '../../../src/checks/secrets/config.ts';
import { ScanPool, workerModule, type PoolFile } from '../../../src/checks/secrets/scan-pool.ts';
import { SECRET_CONTENT_RULES } from '../../../rules/secrets/index.ts';
import { SecretDetector } from '../../../src/checks/secrets/detector.ts';
import { FileReader } from '../../../src/checks/secrets/file-reader.ts';
import { scanFromDisk } from '../../../src/checks/secrets/file-scan.ts';
import { ConfigSchema } from '../../../src/config/schema.ts';
import type { FileScan } from '../../../src/checks/secrets/file-scan.ts';

const options = SecretsConfigSchema.parse({});
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

function plan(mode: 'quick' | 'all' | 'paths', threads: 'auto' | number, request = {}) {
  return { config: ConfigSchema.parse({ checks: { secrets: { threads } } }), mode, request };
}

describe('secrets scan threads started before the files are listed', () => {
  it('are started for a whole-tree scan only, with the configured count', () => {
    const tree = secretsCheck.prepare!(plan('all', 2));
    expect(tree).toBeInstanceOf(ScanPool);
    expect((tree as ScanPool).threads).toBe(2); // one worker and the check's own thread
    tree!.release();
    expect(secretsCheck.prepare!(plan('quick', 2))).toBeUndefined();
    expect(secretsCheck.prepare!(plan('paths', 2))).toBeUndefined();
    expect(secretsCheck.prepare!(plan('all', 2, { history: true }))).toBeUndefined();
    expect(secretsCheck.prepare!(plan('all', 1))).toBeUndefined();
  });

  it('scan every file once, on the workers and on the calling thread, and refuse after release', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-pool-'));
    const files = [];
    for (let i = 0; i < 300; i++) {
      await writeFile(path.join(dir, `f${i}.yml`), i % 50 === 3 ? `token: ghp_${'a1B2c3D4e5'.repeat(3)}abcdef\n` : 'name: x\n');
      files.push({ path: `f${i}.yml`, absPath: path.join(dir, `f${i}.yml`) });
    }
    const detector = new SecretDetector(SECRET_CONTENT_RULES, options);
    const reader = new FileReader(options.maxFileSizeKb * 1024);
    const here: string[] = [];
    const scanHere = (file: PoolFile) => {
      here.push(file.path);
      return scanFromDisk(file, reader, detector, options);
    };
    const pool = new ScanPool(workerModule()!, 3, options);
    const scans: FileScan[] = [];
    const progress: number[] = [];
    await pool.scan({ files, signal: new AbortController().signal, scanHere, onScan: (s) => scans.push(s), onProgress: (n) => progress.push(n) });
    expect(scans.map((s) => s.path).sort()).toEqual(files.map((f) => f.path).sort());
    expect(scans.filter((s) => s.secrets.length > 0).map((s) => s.path).sort()).toEqual(['f103.yml', 'f153.yml', 'f203.yml', 'f253.yml', 'f3.yml', 'f53.yml']);
    // Both kinds of scanner took batches.
    expect(here.length).toBeGreaterThan(0);
    expect(here.length).toBeLessThan(files.length);
    await expect(pool.scan({ files, signal: new AbortController().signal, scanHere, onScan: () => {}, onProgress: () => {} })).rejects.toThrow(/scans once/);

    const released = new ScanPool(workerModule()!, 2, options);
    released.release();
    await expect(released.scan({ files, signal: new AbortController().signal, scanHere, onScan: () => {}, onProgress: () => {} })).rejects.toThrow(/not after release/);
  });

  it('report a worker that failed while waiting, when the scan starts', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-pool-'));
    const broken = path.join(dir, 'broken-worker.mjs');
    await writeFile(broken, "throw new Error('the detector did not load');\n");
    const pool = new ScanPool(broken, 2, options);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(pool.scan({ files: [{ path: 'a', absPath: broken }], signal: new AbortController().signal, scanHere: () => undefined, onScan: () => {}, onProgress: () => {} })).rejects.toThrow(/did not load/);
  });
});
