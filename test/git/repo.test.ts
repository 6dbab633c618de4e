import { afterEach, describe, expect, it } from 'vitest';
import { Repo } from '../../src/git/repo.ts';
import { UserError } from '../../src/errors/user-error.ts';
import { stagedFileSet } from '../../src/runner/file-set.ts';
import { TempRepo } from '../helpers/temp-repo.ts';

let temp: TempRepo;
afterEach(async () => temp?.remove());

describe('git layer', () => {
  it('reads staged content from the index, not the working tree', async () => {
    temp = await TempRepo.create();
    await temp.write('a.ts', 'staged\n');
    temp.stage('a.ts');
    await temp.write('a.ts', 'unstaged edit\n');
    const repo = await Repo.open(temp.dir);
    try {
      const set = await stagedFileSet(repo, []);
      expect(set.files.map((f) => f.path)).toEqual(['a.ts']);
      expect((await set.files[0]!.read())?.toString()).toBe('staged\n');
    } finally {
      repo.close();
    }
  });

  it('lists staged statuses with renames, modes and added lines, and leaves out deletions', async () => {
    temp = await TempRepo.create();
    await temp.write('keep.ts', 'one\ntwo\nthree\n');
    await temp.write('old.ts', 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n');
    await temp.write('gone.ts', 'x\n');
    temp.stage();
    temp.commit();
    await temp.write('keep.ts', 'one\nTWO\nthree\nfour\n');
    temp.git('mv', 'old.ts', 'new.ts');
    temp.git('rm', '-q', 'gone.ts');
    await temp.write('run.sh', '#!/bin/sh\necho hi\n', { executable: true });
    temp.stage();
    const repo = await Repo.open(temp.dir);
    try {
      const set = await stagedFileSet(repo, []);
      const byPath = Object.fromEntries(set.files.map((f) => [f.path, f]));
      expect(Object.keys(byPath).sort()).toEqual(['keep.ts', 'new.ts', 'run.sh']);
      expect(byPath['new.ts']).toMatchObject({ status: 'R', oldPath: 'old.ts', addedLines: [] });
      expect(byPath['keep.ts']).toMatchObject({ status: 'M', addedLines: [{ start: 2, end: 2 }, { start: 4, end: 4 }] });
      expect(byPath['run.sh']).toMatchObject({ status: 'A', mode: '100755' });
    } finally {
      repo.close();
    }
  });

  it('finds the merge base with the default branch and the files changed since', async () => {
    temp = await TempRepo.create();
    await temp.write('a.ts', '1\n');
    temp.stage();
    temp.commit();
    temp.git('checkout', '-q', '-b', 'feature');
    await temp.write('b.ts', '2\n');
    temp.stage();
    temp.commit();
    const repo = await Repo.open(temp.dir);
    try {
      expect(await repo.defaultBranch()).toBe('main');
      expect(await repo.currentBranch()).toBe('feature');
      const base = await repo.mergeBase('main');
      expect(base).toBe(temp.git('rev-parse', 'main').trim());
      expect(await repo.changedSince(base)).toEqual(['b.ts']);
      await expect(repo.changedSince('no-such-ref')).rejects.toThrow(/Unknown git ref/);
    } finally {
      repo.close();
    }
  });

  it('works before the first commit', async () => {
    temp = await TempRepo.create();
    await temp.write('first.ts', 'a\n');
    temp.stage();
    const repo = await Repo.open(temp.dir);
    try {
      expect(await repo.hasHead()).toBe(false);
      const set = await stagedFileSet(repo, []);
      expect(set.files.map((f) => [f.path, f.status])).toEqual([['first.ts', 'A']]);
    } finally {
      repo.close();
    }
  });

  it('gives a clear user error outside a repository', async () => {
    await expect(Repo.open('/')).rejects.toBeInstanceOf(UserError);
  });
});
