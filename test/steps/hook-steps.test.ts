import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TempRepo, hookEnv } from '../helpers/temp-repo.ts';

/** Real `git commit` with tollgate's plain pre-commit hook, running this checkout's source. */
let repo: TempRepo;
afterEach(async () => repo?.remove());

function commit(message: string): { status: number; output: string } {
  const result = spawnSync('git', ['commit', '-q', '-m', message], { cwd: repo.dir, encoding: 'utf8', env: hookEnv() });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe('steps from the git hooks', () => {
  it('a failing quick step blocks the commit with its output; once it passes the commit goes through', async () => {
    repo = await TempRepo.create({ branch: 'feature' });
    await repo.write('node_modules/.bin/tollgate', `#!/bin/sh\nexec "${process.execPath}" "${path.join(PROJECT_ROOT, 'src/cli/bin.ts')}" "$@"\n`, { executable: true });
    await repo.write('.gitignore', 'node_modules\n');
    // The step checks the staged files it is given: no "TODO" in a ledger file.
    await repo.write(
      'tollgate.config.json',
      JSON.stringify({
        pipelines: { quick: [], all: [] },
        steps: [{ name: 'no-todo', run: 'if grep -Hn TODO {files}; then exit 1; fi', glob: 'ledger/**', pipelines: ['quick'] }],
      }),
    );
    repo.git('config', 'core.hooksPath', path.join(PROJECT_ROOT, 'hooks'));
    await repo.write('ledger/post.ts', 'export const post = 1; // TODO round half-even\n');
    repo.stage('.gitignore', 'tollgate.config.json', 'ledger/post.ts');

    const blocked = commit('post entries');
    expect(blocked.status).toBe(1);
    // grep's file:line: output is read as a located finding (the generic format).
    expect(blocked.output).toMatch(/ledger\/post\.ts\n {2}1:1 +error +export const post = 1; \/\/ TODO round half-even {2}steps\/no-todo/);
    expect(blocked.output).toMatch(/steps\/no-todo\s+1 finding/);
    expect(repo.gitResult('rev-parse', '--verify', 'HEAD').status).not.toBe(0);

    await repo.write('ledger/post.ts', 'export const post = 1;\n');
    repo.stage('ledger/post.ts');
    const passed = commit('post entries');
    expect(passed.status, passed.output).toBe(0);
    expect(repo.git('log', '--format=%s').trim()).toBe('post entries');
  }, 30_000);
});
