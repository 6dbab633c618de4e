import { describe, expect, it } from 'vitest';
import { lines, runRuleCases } from '../../../test/checks/float/harness.ts';
import { moneyFloatAccumulate } from './rule.ts';

const results = await runRuleCases(moneyFloatAccumulate, {
  valid: [
    { name: 'counting items in a loop', code: lines('declare const items: { qty: number }[];', 'let itemCount = 0;', 'for (const i of items) itemCount += 1;', 'export { itemCount };') },
    { name: 'summing whole cents', code: lines('declare const lines: { amountCents: number }[];', 'export const totalCents = lines.reduce((s, l) => s + l.amountCents, 0);') },
    { name: 'summing decimals', code: lines("import Big from 'big.js';", 'declare const lines: { price: Big }[];', "export const total = lines.reduce((s, l) => s.plus(l.price), new Big(0));") },
    { name: 'summing durations', code: lines('declare const spans: { durationMs: number }[];', 'let totalMs = 0;', 'for (const s of spans) totalMs += s.durationMs;', 'export { totalMs };') },
    { name: 'bigint cents in a loop', code: lines('declare const fees: bigint[];', 'let totalCents = 0n;', 'for (const f of fees) totalCents += f;', 'export { totalCents };') },
    { name: 'adding array lengths to a field of a totals record', code: lines('declare const entries: { added: string[] }[];', 'const totals = { added: 0 };', 'for (const e of entries) totals.added += e.added.length;', 'export { totals };') },
    { name: 'a weighted ratio sum', code: lines('declare const w: { weight: number; ratio: number }[];', 'export const blended = w.reduce((s, x) => s + x.weight * x.ratio, 0);') },
    {
      name: 'a "total" of byte lengths (Buffer.byteLength) in a loop',
      code: lines('declare const Buffer: { byteLength(s: string): number };', 'declare const env: [string, string][];', 'let total = 0;', 'for (const [k, v] of env) total += Buffer.byteLength(k) + Buffer.byteLength(v) + 2;', 'export { total };'),
    },
    { name: 'a "total" of counts in a reduce seeded with 0', code: lines('declare const rules: { count: number }[];', 'export const sum = rules.reduce((total, r) => total + r.count, 0);') },
    { name: 'a "cost" of positions and Map sizes', code: lines('declare const s: string;', 'declare const seen: Map<string, number>;', 'let cost = 0;', 'for (const c of [":", "/"]) cost += s.indexOf(c) + seen.size;', 'export { cost };') },
  ],
  invalid: [
    { name: 'reduce over prices', code: lines('declare const lines: { price: number; qty: number }[];', 'export const total = lines.reduce((sum, l) => sum + l.price * l.qty, 0);'), errors: [{ line: 2 }] },
    { name: '+= in a for-of loop', code: lines('declare const fills: { qty: number }[];', 'let filled = 0;', 'for (const f of fills) {', '  filled += f.qty;', '}', 'export { filled };'), errors: [{ line: 4 }] },
    { name: '+= in forEach', code: lines('declare const payments: { amount: number }[];', 'let paid = 0;', 'payments.forEach((p) => {', '  paid += p.amount;', '});', 'export { paid };'), errors: [{ line: 4 }] },
    { name: 'x = x + price in a while loop', code: lines('declare const next: () => { price: number } | undefined;', 'let sum = 0;', 'let item = next();', 'while (item) {', '  sum = sum + item.price;', '  item = next();', '}', 'export { sum };'), errors: [{ line: 5 }] },
    { name: 'reduce without a seed over a money array', code: lines('declare const balances: number[];', 'export const total = balances.reduce((a, b) => a + b);'), errors: [{ line: 2 }] },
    { name: '-= in a loop', code: lines('declare const refunds: number[];', 'let balance = 100;', 'for (const r of refunds) balance -= r;', 'export { balance };'), errors: [{ line: 3 }] },
    { name: 'a reduce seeded with 0 that adds counts times prices', code: lines('declare const rules: { count: number; price: number }[];', 'export const total = rules.reduce((t, r) => t + r.count * r.price, 0);'), errors: [{ line: 2 }] },
    { name: 'an order size (not a collection size) summed', code: lines('declare const fills: { size: number; price: number }[];', 'let notional = 0;', 'for (const f of fills) notional += f.size * f.price;', 'export { notional };'), errors: [{ line: 3 }] },
  ],
});

describe('float/money-float-accumulate', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
