import { describe, expect, it } from 'vitest';
import { ownerOf, summariseProfile } from '../../scripts/bench/cpu-profile.ts';
import { summarise } from '../../scripts/bench/measure.ts';
import { compareWithPeers, evaluateTargets, formatSpeedup, renderTable, type ResultRow } from '../../scripts/bench/report.ts';

function row(size: number, scenario: string, medianMs: number, tool: ResultRow['tool'] = 'tollgate'): ResultRow {
  return { size, scenario, pipeline: scenario.startsWith('all') ? 'all' : 'quick', tool, command: scenario, runs: 3, medianMs, minMs: medianMs, maxMs: medianMs, samplesMs: [medianMs], steps: [] };
}

describe('summarise', () => {
  it('takes the middle sample of an odd count and the mean of the middle two of an even count', () => {
    expect(summarise([30, 10, 20])).toMatchObject({ medianMs: 20, minMs: 10, maxMs: 30, runs: 3 });
    expect(summarise([40, 10, 20, 30])).toMatchObject({ medianMs: 25, minMs: 10, maxMs: 40 });
  });
});

describe('peer ratios and targets', () => {
  it('computes how many times faster a row is than its peer of the same size', () => {
    const rows = [row(1000, 'quick.tollgate', 500), row(1000, 'quick.lint-staged', 1500, 'peer'), row(5000, 'quick.tollgate', 2000), row(5000, 'quick.lint-staged', 1000, 'peer')];
    compareWithPeers(rows, new Map([['quick.tollgate', 'quick.lint-staged']]));
    expect(rows[0]!.peer?.speedup).toBeCloseTo(3);
    expect(rows[2]!.peer?.speedup).toBeCloseTo(0.5);
    expect(rows[1]!.peer).toBeUndefined();
    expect(formatSpeedup(3)).toBe('3.00× faster');
    expect(formatSpeedup(0.5)).toBe('2.00× slower');
    expect(renderTable(rows)).toContain('2.00× slower than quick.lint-staged');
  });

  it('judges the targets on the 5,000-file repository only', () => {
    const met = evaluateTargets([row(5000, 'quick.tollgate-daemon', 300), row(5000, 'quick.tollgate', 450), row(5000, 'all.tollgate', 30_000), row(1000, 'quick.tollgate', 9000)]);
    expect(met.map((t) => t.met)).toEqual([true, true, true]);
    const missed = evaluateTargets([row(5000, 'quick.tollgate-daemon', 520), row(5000, 'quick.tollgate', 1510), row(5000, 'all.tollgate', 50_000)]);
    expect(missed.map((t) => t.met)).toEqual([false, false, false]);
    // The warm daemon and the fresh process are judged apart: one can meet the target alone.
    const warmOnly = evaluateTargets([row(5000, 'quick.tollgate-daemon', 250), row(5000, 'quick.tollgate', 1200)]);
    expect(warmOnly.map((t) => t.met)).toEqual([true, false, undefined]);
    expect(evaluateTargets([row(1000, 'quick.tollgate', 100)]).map((t) => t.met)).toEqual([undefined, undefined, undefined]);
  });
});

describe('CPU profile summary', () => {
  it('attributes self time to packages and inclusive time to the outermost matching frame', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2] },
        { id: 2, callFrame: frame('lintText', 'file:///r/node_modules/eslint/lib/eslint/eslint.js'), children: [3, 4] },
        { id: 3, callFrame: frame('parse', 'file:///r/node_modules/@typescript-eslint/parser/dist/parser.js'), children: [] },
        { id: 4, callFrame: frame('run', 'file:///r/build/src/checks/eslint/check.js'), children: [] },
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [3, 3, 4, 1],
      timeDeltas: [1000, 2000, 3000, 4000],
    };
    const summary = summariseProfile(profile, [{ name: 'lint', match: (fn, url) => fn === 'lintText' && url.includes('/eslint/') }]);
    expect(summary.totalMs).toBe(10);
    expect(summary.byOwner).toEqual([
      { owner: '(root)', ms: 4 },
      { owner: '@typescript-eslint/parser', ms: 3 },
      { owner: 'tollgate', ms: 3 },
    ]);
    expect(summary.probes).toEqual([{ probe: 'lint', ms: 6 }]);
    expect(ownerOf('node:internal/modules/cjs/loader', 'require')).toBe('node: internals');
  });
});
