import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Check } from '../../src/checks/check.ts';
import { parseConfig } from '../../src/config/load.ts';
import { Repo } from '../../src/git/repo.ts';
import { treeFileSet } from '../../src/runner/file-set.ts';
import { TempRepo } from '../helpers/temp-repo.ts';

const fakeChecks = new Map<string, Check>();
vi.mock('../../src/checks/registry.ts', () => ({
  loadCheck: async (id: string) => {
    const check = fakeChecks.get(id);
    if (!check) throw new Error(`no fake check ${id}`);
    return check;
  },
}));
const { runChecks } = await import('../../src/runner/run.ts');

let temp: TempRepo;
afterEach(async () => {
  fakeChecks.clear();
  await temp?.remove();
});

async function run(ids: ('hygiene' | 'eslint' | 'tsc')[], concurrency = 4) {
  temp = await TempRepo.create();
  await temp.write('a.txt', 'x\n');
  const repo = await Repo.open(temp.dir);
  try {
    const config = parseConfig({}, 'test');
    return await runChecks({ repo, config, mode: 'all', checks: ids, fileSet: await treeFileSet(repo, []), concurrency });
  } finally {
    repo.close();
  }
}

describe('runner', () => {
  it('turns a crashing check into an error finding instead of a pass', async () => {
    fakeChecks.set('hygiene', { id: 'hygiene', title: 'boom', run: async () => Promise.reject(new Error('kaput')) });
    const report = await run(['hygiene']);
    expect(report.checks[0]).toMatchObject({ id: 'hygiene', crashed: 'kaput' });
    expect(report.findings).toMatchObject([{ ruleId: 'tollgate/check-crashed', severity: 'error', checkId: 'hygiene' }]);
  });

  it('never runs more checks at once than the concurrency bound, and times each', async () => {
    let running = 0;
    let peak = 0;
    const slow = (id: 'hygiene' | 'eslint' | 'tsc'): Check => ({
      id,
      title: id,
      run: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 50));
        running--;
        return { findings: [] };
      },
    });
    for (const id of ['hygiene', 'eslint', 'tsc'] as const) fakeChecks.set(id, slow(id));
    const report = await run(['hygiene', 'eslint', 'tsc'], 2);
    expect(peak).toBe(2);
    expect(report.checks.map((c) => c.id)).toEqual(['hygiene', 'eslint', 'tsc']);
    for (const c of report.checks) expect(c.durationMs).toBeGreaterThanOrEqual(45);
  });

  it('refuses a check-specific flag that none of the checks understands', async () => {
    fakeChecks.set('hygiene', { id: 'hygiene', title: 'h', run: async () => ({ findings: [] }) });
    temp = await TempRepo.create();
    const repo = await Repo.open(temp.dir);
    try {
      const config = parseConfig({}, 'test');
      await expect(runChecks({ repo, config, mode: 'all', checks: ['hygiene'], fileSet: await treeFileSet(repo, []), request: { explain: true } })).rejects.toThrow('--explain does not apply to hygiene');
    } finally {
      repo.close();
    }
  });
});
