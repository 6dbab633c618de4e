import { describe, expect, it } from 'vitest';
import { lines, runRuleCases } from '../../../test/checks/float/harness.ts';
import { moneyFloatCompare } from './rule.ts';

const results = await runRuleCases(moneyFloatCompare, {
  valid: [
    { name: 'comparing stored amounts', code: lines('declare const balance: number, amount: number;', 'export const enough = balance >= amount;') },
    { name: 'a sign check on a computed amount', code: lines('declare const price: number, cost: number;', 'export const profitable = price - cost > 0;') },
    { name: 'whole cents compared exactly', code: lines('declare const aCents: number, bCents: number, totalCents: number;', 'export const ok = aCents + bCents === totalCents;') },
    { name: 'decimals compared with eq', code: lines("import Big from 'big.js';", 'declare const a: Big, b: Big;', 'export const same = a.eq(b);') },
    { name: 'an epsilon check', code: lines('declare const a: number, b: number, price: number;', 'export const near = Math.abs(price * a - b) < 0.005;') },
    { name: 'counts', code: lines('declare const totalCount: number, n: number;', 'export const done = totalCount + 1 === n;') },
  ],
  invalid: [
    { name: 'a sum compared for equality', code: lines('declare const subtotal: number, tax: number, total: number;', 'export const ok = subtotal + tax === total;'), errors: [{ line: 2 }] },
    { name: 'a computed variable compared', code: lines('declare const price: number, qty: number, paid: number;', 'const due = price * qty;', 'export const settled = due === paid;'), errors: [{ line: 3 }] },
    { name: 'an ordering between computed and stored money', code: lines('declare const lines: { price: number }[], creditLimit: number;', 'const total = lines.reduce((s, l) => s + l.price, 0);', 'export const over = total > creditLimit;'), errors: [{ line: 3 }] },
    { name: 'a computed difference against zero', code: lines('declare const balance: number, paid: number;', 'export const clear = balance - paid === 0;'), errors: [{ line: 2 }] },
  ],
});

describe('float/money-float-compare', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
