import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secretsCheck } from '../../../src/checks/secrets/check.ts';
import { SecretsConfigSchema } from '../../../src/checks/secrets/config.ts';
import { ScanPool, workerModule } from '../../../src/checks/secrets/scan-pool.ts';
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
    expect((tree as ScanPool).threads).toBe(2);
    tree!.release();
    expect(secretsCheck.prepare!(plan('quick', 2))).toBeUndefined();
    expect(secretsCheck.prepare!(plan('paths', 2))).toBeUndefined();
    expect(secretsCheck.prepare!(plan('all', 2, { history: true }))).toBeUndefined();
    expect(secretsCheck.prepare!(plan('all', 1))).toBeUndefined();
  });

  it('scan the files they are handed, once, and refuse after release', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-pool-'));
    const files = [];
    for (let i = 0; i < 5; i++) {
      await writeFile(path.join(dir, `f${i}.yml`), i === 3 ? `token: ghp_${'a1B2c3D4e5'.repeat(3)}abcdef\n` : 'name: x\n');
      files.push({ path: `f${i}.yml`, absPath: path.join(dir, `f${i}.yml`) });
    }
    const pool = new ScanPool(workerModule()!, 2, options);
    const scans: FileScan[] = [];
    await pool.scan({ files, signal: new AbortController().signal, onScan: (s) => scans.push(s), onProgress: () => {} });
    expect(scans.map((s) => s.path).sort()).toEqual(files.map((f) => f.path));
    expect(scans.find((s) => s.path === 'f3.yml')!.secrets.map((s) => s.rule.meta.id)).toEqual(['secrets/github-token']);
    await expect(pool.scan({ files, signal: new AbortController().signal, onScan: () => {}, onProgress: () => {} })).rejects.toThrow(/scans once/);

    const released = new ScanPool(workerModule()!, 2, options);
    released.release();
    await expect(released.scan({ files, signal: new AbortController().signal, onScan: () => {}, onProgress: () => {} })).rejects.toThrow(/not after release/);
  });

  it('report a worker that failed while waiting, when the scan starts', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-pool-'));
    const broken = path.join(dir, 'broken-worker.mjs');
    await writeFile(broken, "throw new Error('the detector did not load');\n");
    const pool = new ScanPool(broken, 1, options);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(pool.scan({ files: [{ path: 'a', absPath: broken }], signal: new AbortController().signal, onScan: () => {}, onProgress: () => {} })).rejects.toThrow(/did not load/);
  });
});
