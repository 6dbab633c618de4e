import { afterEach, describe, expect, it } from 'vitest';
import { summaryMarkdown } from '../../src/reporters/summary.ts';
import { validate } from '../../src/validate.ts';
import type { TempRepo } from '../helpers/temp-repo.ts';
import { consoleModule, debtRepo } from './debt-repo.ts';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

const UNUSED = 'export function idle() {\n  const unused = 1;\n  return 0;\n}\n';

async function checkWithBase(r: TempRepo, baseBranch: string | undefined) {
  if (baseBranch) await r.write('tollgate.config.json', `${JSON.stringify({ debt: { baseBranch } })}\n`);
  return validate({ cwd: r.dir, mode: 'all', checks: undefined, debt: { action: 'check', required: true, ci: true } });
}

describe('debt trend against the base branch (job summary)', () => {
  it('shows per rule the base branch count, this branch, today and the trend, worse rules first', async () => {
    repo = await debtRepo({ 'src/pay.js': consoleModule(['charge', 'refund', 'settle']) }, { commit: false });
    await validate({ cwd: repo.dir, mode: 'all', debt: { action: 'update', ci: false } });
    repo.stage();
    repo.commit('main: 3 console warnings locked');

    repo.git('checkout', '-q', '-b', 'feature');
    await repo.write('src/pay.js', consoleModule(['charge']));
    await repo.write('src/idle.js', UNUSED);
    await validate({ cwd: repo.dir, mode: 'all', debt: { action: 'update', acceptNew: true, ci: false } });
    repo.stage();
    repo.commit('feature: two console calls fixed, one unused variable accepted');

    const result = await checkWithBase(repo, 'main');
    const rows = result.report.debt?.rules.map((r) => [r.ruleId, r.base, r.baseline, r.current]);
    expect(rows).toEqual([
      ['eslint/no-console', 3, 1, 1],
      ['eslint/no-unused-vars', 0, 1, 1],
    ]);
    expect(result.report.debt?.baseRef).toBe('main');

    const md = summaryMarkdown(result.report, { toolVersion: 'test', color: false, failOn: 'error', timings: false, ruleMeta: () => undefined });
    const table = md.slice(md.indexOf('### Warning debt'));
    expect(table).toContain('| rule | `main` | baseline | now | new | fixed | state | trend |');
    const lines = table.split('\n');
    const unused = lines.findIndex((l) => l.includes('eslint/no-unused-vars'));
    const consoleRow = lines.findIndex((l) => l.includes('eslint/no-console'));
    expect(unused).toBeGreaterThan(0);
    expect(unused).toBeLessThan(consoleRow);
    expect(lines[unused]).toContain('▲ 1');
    expect(lines[consoleRow]).toContain('▼ 2');
    expect(table).toMatch(/\| \*\*total\*\* \| 3 \| 2 \| 2 \| 0 \| 0 \| {2}\| ▼ 1 \|/);
  });

  it('says the base branch is not fetched instead of inventing a trend', async () => {
    repo = await debtRepo({ 'src/pay.js': consoleModule(['charge']) }, { commit: false });
    await validate({ cwd: repo.dir, mode: 'all', debt: { action: 'update', ci: false } });
    repo.stage();
    repo.commit('lock');

    const result = await checkWithBase(repo, 'release');
    expect(result.report.debt?.baseRef).toBeUndefined();
    expect(result.report.debt?.rules.every((r) => r.base === undefined)).toBe(true);
    const md = summaryMarkdown(result.report, { toolVersion: 'test', color: false, failOn: 'error', timings: false, ruleMeta: () => undefined });
    expect(md).toContain('base branch release is not in this clone');
    expect(md).toContain('| rule | baseline | now | new | fixed | state |');
    expect(md).not.toContain('trend |');
  });

  it('has no base column without a configured base branch or GITHUB_BASE_REF', async () => {
    repo = await debtRepo({ 'src/pay.js': consoleModule(['charge']) }, { commit: false });
    await validate({ cwd: repo.dir, mode: 'all', debt: { action: 'update', ci: false } });
    repo.stage();
    repo.commit('lock');
    const saved = process.env.GITHUB_BASE_REF;
    delete process.env.GITHUB_BASE_REF;
    try {
      const result = await checkWithBase(repo, undefined);
      expect(result.report.debt).toMatchObject({ baseRef: undefined, baseNote: undefined });
      expect(result.report.debt?.rules).toEqual([expect.objectContaining({ ruleId: 'eslint/no-console', base: undefined, current: 1 })]);
    } finally {
      if (saved !== undefined) process.env.GITHUB_BASE_REF = saved;
    }
  });
});
