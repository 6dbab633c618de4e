import { describe, expect, it } from 'vitest';
import type { DebtMap } from '../../src/debt/baseline-file.ts';
import { gitattributesLine, mergeBaselines, withMergeAttribute } from '../../src/debt/merge-driver.ts';

const R = 'eslint/no-console';
const [X, Y, Z, W] = ['11111111.11111111', '22222222.22222222', '33333333.33333333', '44444444.44444444'];

function map(entries: Record<string, string[]>): DebtMap {
  const m: DebtMap = new Map();
  for (const [file, fps] of Object.entries(entries)) if (fps.length > 0) m.set(file, new Map([[R, [...fps].sort()]]));
  return m;
}

function flat(m: DebtMap): Record<string, string[]> {
  return Object.fromEntries([...m].map(([file, rules]) => [file, rules.get(R) ?? []]));
}

describe('mergeBaselines (three-way per fingerprint)', () => {
  const cases: { name: string; o: Record<string, string[]>; a: Record<string, string[]>; b: Record<string, string[]>; want: Record<string, string[]> }[] = [
    { name: 'keeps fixes made on either side', o: { f: [X, Y, Z] }, a: { f: [Y, Z] }, b: { f: [X, Y] }, want: { f: [Y] } },
    { name: 'keeps warnings accepted on either side', o: { f: [X] }, a: { f: [X, Y] }, b: { f: [X, Z] }, want: { f: [X, Y, Z] } },
    { name: 'counts the same warning accepted on both sides once', o: { f: [X] }, a: { f: [X, W] }, b: { f: [X, W] }, want: { f: [X, W] } },
    { name: 'never raises a fingerprint above the side with the most', o: { f: [X] }, a: { f: [X, X] }, b: { f: [X, X] }, want: { f: [X, X] } },
    { name: 'a fix on one side and an accept on the other in different files', o: { f: [X], g: [Y] }, a: { f: [], g: [Y] }, b: { f: [X], g: [Y, Z] }, want: { g: [Y, Z] } },
    { name: 'no common ancestor (both added the file): the union, each fingerprint at its larger count', o: {}, a: { f: [X, X] }, b: { f: [X, Y] }, want: { f: [X, X, Y] } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(flat(mergeBaselines(map(c.o), map(c.a), map(c.b)))).toEqual(c.want);
    });
  }
});

describe('.gitattributes line', () => {
  it('adds the driver line once, keeping what is there', () => {
    expect(gitattributesLine()).toBe('.tollgate/debt.json merge=tollgate-debt');
    expect(withMergeAttribute(undefined)).toBe('.tollgate/debt.json merge=tollgate-debt\n');
    expect(withMergeAttribute('*.png binary')).toBe('*.png binary\n.tollgate/debt.json merge=tollgate-debt\n');
    expect(withMergeAttribute('*.png binary\n/.tollgate/debt.json merge=tollgate-debt\n')).toBeUndefined();
  });
});
