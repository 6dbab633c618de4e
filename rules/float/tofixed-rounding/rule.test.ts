import { describe, expect, it } from 'vitest';
import { lines, runRuleCases } from '../../../test/checks/float/harness.ts';
import { toFixedRounding } from './rule.ts';

const results = await runRuleCases(toFixedRounding, {
  valid: [
    { name: 'a display string', code: lines('declare const total: number;', 'export const label = total.toFixed(2);') },
    { name: 'a template', code: lines('declare const price: number;', 'export const label = `$${price.toFixed(2)}`;') },
    { name: 'rounding a ratio', code: lines('declare const ratio: number;', 'export const r = Number(ratio.toFixed(4));') },
    { name: 'decimal toFixed', code: lines("import Big from 'big.js';", 'declare const total: Big;', 'export const s = total.toFixed(2);') },
  ],
  invalid: [
    { name: 'Number(x.toFixed(2))', code: lines('declare const price: number, qty: number;', 'export const total = Number((price * qty).toFixed(2));'), errors: [{ line: 2 }] },
    { name: 'parseFloat(x.toFixed(2))', code: lines('declare const fee: number;', 'export const f = parseFloat(fee.toFixed(2));'), errors: [{ line: 2 }] },
    { name: 'unary plus', code: lines('declare const amount: number;', 'export const a = +amount.toFixed(2);'), errors: [{ line: 2 }] },
  ],
});

describe('float/tofixed-rounding', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
