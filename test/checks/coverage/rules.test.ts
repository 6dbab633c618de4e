import { describe, expect, it } from 'vitest';
import { CoverageConfigSchema } from '../../../src/checks/coverage/config.ts';
import type { CoverageReport, CoverageRuleContext, PatchResult } from '../../../src/checks/coverage/rule-context.ts';
import { patchThreshold } from '../../../rules/coverage/patch-threshold/rule.ts';
import { staleReport } from '../../../rules/coverage/stale-report/rule.ts';
import { missingReport } from '../../../rules/coverage/missing-report/rule.ts';
import type { CoverageRule } from '../../../src/checks/coverage/rule-context.ts';

function run(rule: CoverageRule, facts: Partial<CoverageRuleContext>): CoverageReport[] {
  const reports: CoverageReport[] = [];
  void rule.create({
    options: CoverageConfigSchema.parse({}),
    configured: true,
    state: { kind: 'ok', file: 'coverage/lcov.info' },
    thresholds: [],
    patch: undefined,
    untested: [],
    ...facts,
    report: (r) => reports.push(r),
  });
  return reports;
}

const patch = (p: Partial<PatchResult>): PatchResult => ({ against: 'main', covered: 0, total: 0, threshold: 80, uncovered: [], missing: [], ...p });

describe('coverage/patch-threshold', () => {
  const valid: [string, PatchResult | undefined][] = [
    ['no patch (paths mode, no base)', undefined],
    ['no threshold set', patch({ threshold: undefined, covered: 0, total: 10 })],
    ['exactly at the threshold', patch({ covered: 8, total: 10 })],
    ['nothing executable changed', patch({})],
  ];
  for (const [name, p] of valid) it(`stays silent: ${name}`, () => expect(run(patchThreshold, { patch: p })).toEqual([]));

  it('reports a change below the threshold with its figures', () => {
    expect(run(patchThreshold, { patch: patch({ covered: 7, total: 10 }) }).map((r) => r.message)).toEqual(['Patch coverage 70.00% (7/10 changed executable lines against main) is below the minimum of 80%.']);
  });

  it('reports a change made only of files no test loads', () => {
    const [r] = run(patchThreshold, { patch: patch({ missing: [{ path: 'src/new.ts', firstLine: 1, changedLines: 12 }] }) });
    expect(r?.message).toContain('none of the 1 changed source file(s) is in the coverage report (src/new.ts)');
  });
});

describe('coverage when nothing asks for it', () => {
  it('says nothing about a missing report, and only notes a stale one', () => {
    expect(run(missingReport, { configured: false, state: { kind: 'missing', tried: ['coverage/lcov.info'] } })).toEqual([]);
    expect(run(staleReport, { configured: false, state: { kind: 'stale', file: 'coverage/lcov.info', newer: 'src/a.ts', minutesNewer: 3 } }).map((r) => r.severity)).toEqual(['note']);
    expect(run(staleReport, { configured: true, state: { kind: 'stale', file: 'coverage/lcov.info', newer: 'src/a.ts', minutesNewer: 3 } }).map((r) => r.severity)).toEqual(['error']);
  });
});
