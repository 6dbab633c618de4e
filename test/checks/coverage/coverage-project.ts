import { execFileSync } from 'node:child_process';
import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT, TempRepo } from '../../helpers/temp-repo.ts';

/**
 * A tiny TypeScript project in a real git repository whose tests run under the real vitest with
 * the v8 coverage provider, using this checkout's node_modules through a symlink.
 */
export async function coverageProject(files: Record<string, string>): Promise<TempRepo> {
  const repo = await TempRepo.create();
  await repo.symlink('node_modules', path.join(PROJECT_ROOT, 'node_modules'));
  await repo.write('.gitignore', 'node_modules\ncoverage\n');
  await repo.write(
    'vitest.config.ts',
    [
      "import { defineConfig } from 'vitest/config';",
      'export default defineConfig({',
      "  test: { include: ['test/**/*.test.ts'], coverage: { provider: 'v8', reporter: ['json', 'lcov', 'json-summary'], include: ['src/**'] } },",
      '});',
      '',
    ].join('\n'),
  );
  for (const [rel, text] of Object.entries(files)) await repo.write(rel, text);
  return repo;
}

/** Runs the project's tests with coverage (what `npx vitest run --coverage` does), then dates the report after every source. */
export async function runCoverage(repo: TempRepo): Promise<void> {
  const env: Record<string, string> = {};
  // The outer vitest's worker variables would make the inner one think it is a worker.
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST') env[k] = v;
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--coverage', '--reporter=dot'], {
    cwd: repo.dir,
    env: { ...env, NO_COLOR: '1', CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
}

/** Sets a file's modification time `seconds` from now (negative: in the past). */
export async function touch(repo: TempRepo, rel: string, seconds: number): Promise<void> {
  const when = new Date(Date.now() + seconds * 1000);
  await utimes(repo.path(rel), when, when);
}

export const lines = (...l: string[]): string => `${l.join('\n')}\n`;
