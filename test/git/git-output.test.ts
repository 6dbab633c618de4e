import { afterEach, describe, expect, it } from 'vitest';
import { GitCommandError, gitOutput } from '../../src/git/git-output.ts';
import { TempRepo } from '../helpers/temp-repo.ts';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

describe('gitOutput', () => {
  it('returns what git prints, and an empty string when it prints nothing', async () => {
    repo = await TempRepo.create();
    await repo.write('a.txt', 'a\n');
    expect(await gitOutput(repo.dir, ['ls-files', '-z', '--stage'])).toBe('');
    expect(await gitOutput(repo.dir, ['ls-files', '-z', '--others', '--exclude-standard'])).toBe('a.txt\0');
  });

  it('rejects with git\'s own message and exit code', async () => {
    repo = await TempRepo.create();
    const error = await gitOutput(repo.dir, ['diff-index', '--cached', 'HEAD']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitCommandError);
    expect((error as GitCommandError).exitCode).toBe(128);
    expect((error as Error).message).toMatch(/HEAD/);
  });
});
