import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLOAT_RULES } from '../../../rules/float/index.ts';
import { analyze } from '../../../src/checks/float/analyze.ts';
import { ruleSwitch } from '../../../src/checks/float/check.ts';
import { FloatConfigSchema } from '../../../src/checks/float/config.ts';
import { loadProgram } from '../../../src/checks/float/program.ts';
import type { SourceFile } from '../../../src/checks/check.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.join(here, 'fixtures/trading-app');

interface Expected {
  findings: { path: string; line: number; rule: string }[];
}

async function filesUnder(dir: string): Promise<SourceFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => {
      const abs = path.join(e.parentPath, e.name);
      return { path: path.relative(dir, abs).split(path.sep).join('/'), mode: '100644', read: () => readFile(abs) };
    });
}

/** Counts how many of `a` are matched in `b` (as multisets of keys). */
function matched(a: string[], b: string[]): number {
  const pool = new Map<string, number>();
  for (const k of b) pool.set(k, (pool.get(k) ?? 0) + 1);
  let n = 0;
  for (const k of a) {
    const left = pool.get(k) ?? 0;
    if (left > 0) {
      n++;
      pool.set(k, left - 1);
    }
  }
  return n;
}

describe('float check accuracy on the trading-app fixture (order book, invoices, portfolio P&L)', async () => {
  const expected = JSON.parse(await readFile(path.join(here, 'fixtures/trading-app.expected.json'), 'utf8')) as Expected;
  const loaded = await loadProgram({ root: projectDir, mode: 'all', files: await filesUnder(projectDir), tsconfig: 'tsconfig.json' });
  const findings = await analyze({
    program: loaded.program!,
    targets: loaded.targets,
    rules: FLOAT_RULES,
    config: FloatConfigSchema.parse({}),
    explain: false,
    ruleEnabled: ruleSwitch({ rules: {}, overrides: [{ files: ['src/domain/**'], rules: { 'float/money-number-in-domain': 'error' } }] }),
  });
  const actualKeys = findings.map((f) => `${f.location.path}:${f.location.line} ${f.ruleId}`);
  const expectedKeys = expected.findings.map((f) => `${f.path}:${f.line} ${f.rule}`);
  const truePositives = matched(actualKeys, expectedKeys);
  const precision = actualKeys.length === 0 ? 0 : truePositives / actualKeys.length;
  const recall = truePositives / expectedKeys.length;

  it('analyses every TypeScript file of the project', () => {
    expect(loaded.targets.map((t) => t.path).sort()).toContain('src/orderbook/order-book.ts');
    expect(loaded.targets.every((t) => !t.path.endsWith('.d.ts'))).toBe(true);
  });

  it('keeps precision and recall at 0.9 or better against the hand-written expected findings', () => {
    const falsePositives = actualKeys.filter((k) => matched([k], expectedKeys) === 0 || actualKeys.filter((x) => x === k).length > expectedKeys.filter((x) => x === k).length);
    const missed = expectedKeys.filter((k) => matched([k], actualKeys) === 0);
    const detail = `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\nunexpected: ${[...new Set(falsePositives)].join('; ')}\nmissed: ${missed.join('; ')}`;
    expect(precision, detail).toBeGreaterThanOrEqual(0.9);
    expect(recall, detail).toBeGreaterThanOrEqual(0.9);
  });
});
