import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Repo } from '../../src/git/repo.ts';
import { gitBlobId, readIfStaged } from '../../src/git/staged-blob.ts';
import { stagedFileSet } from '../../src/runner/file-set.ts';
import { TempRepo } from '../helpers/temp-repo.ts';

let temp: TempRepo | undefined;
afterEach(async () => {
  await temp?.remove();
  temp = undefined;
});

const indexBlob = (repo: TempRepo, rel: string) => repo.git('ls-files', '-s', '--', rel).split(/\s+/)[1]!;

describe('staged content from the working tree', () => {
  it('hashes a blob exactly as git does, for text, empty and binary content, in SHA-1 and SHA-256', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-blob-'));
    try {
      const samples = [Buffer.from('export const a = 1;\n'), Buffer.alloc(0), Buffer.from([0, 255, 10, 13, 0, 1, 2])];
      for (const [i, content] of samples.entries()) {
        const file = path.join(dir, `s${i}`);
        writeFileSync(file, content);
        expect(gitBlobId(content, 'sha1')).toBe(execFileSync('git', ['hash-object', '--', file], { encoding: 'utf8' }).trim());
      }
      execFileSync('git', ['init', '-q', '--object-format=sha256', path.join(dir, 'r256')]);
      writeFileSync(path.join(dir, 'r256', 'f'), samples[0]!);
      const id = execFileSync('git', ['hash-object', 'f'], { cwd: path.join(dir, 'r256'), encoding: 'utf8' }).trim();
      expect(id).toHaveLength(64);
      expect(gitBlobId(samples[0]!, 'sha256')).toBe(id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the file only while it still holds the staged bytes', async () => {
    temp = await TempRepo.create();
    await temp.write('a.ts', 'staged\n');
    temp.stage('a.ts');
    const blob = indexBlob(temp, 'a.ts');
    expect((await readIfStaged(path.join(temp.dir, 'a.ts'), blob))?.toString()).toBe('staged\n');
    await temp.write('a.ts', 'edited after staging\n');
    expect(await readIfStaged(path.join(temp.dir, 'a.ts'), blob)).toBeUndefined();
    await temp.write('a.ts', '');
    expect(await readIfStaged(path.join(temp.dir, 'missing.ts'), blob)).toBeUndefined();
    expect(await readIfStaged(path.join(temp.dir, 'a.ts'), blob.slice(0, 12))).toBeUndefined();
  });

  it('gives the index bytes when a clean filter makes the working tree differ (CRLF to LF)', async () => {
    temp = await TempRepo.create();
    temp.git('config', 'core.autocrlf', 'input');
    await temp.write('win.ts', 'one\r\ntwo\r\n');
    temp.stage('win.ts');
    const repo = await Repo.open(temp.dir);
    try {
      const set = await stagedFileSet(repo, []);
      expect((await set.files[0]!.read())?.toString()).toBe('one\ntwo\n');
      expect(await set.readText('win.ts')).toBe('one\ntwo\n');
    } finally {
      repo.close();
    }
  });
});
