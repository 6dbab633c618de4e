import { describe, expect, it } from 'vitest';
import { lines, runRuleCases } from '../../../test/checks/float/harness.ts';
import { moneyFloatArith } from './rule.ts';

const results = await runRuleCases(moneyFloatArith, {
  valid: [
    { name: 'a percentage of two amounts is a ratio', code: lines('declare const amount: number, total: number;', 'export const pct = (amount / total) * 100;') },
    { name: 'a margin ratio computed from prices', code: lines('declare const price: number, cost: number;', 'export const margin = (price - cost) / price;') },
    { name: 'whole cents times a quantity stay whole', code: lines('declare const line: { unitCents: number; qty: number };', 'export const lineCents = line.unitCents * line.qty;') },
    { name: 'whole cents rounded once after a rate', code: lines('declare const amountCents: number, feeRate: number;', 'export const feeCents = Math.round(amountCents * feeRate);') },
    { name: 'branded integer cents added', code: lines("type Cents = number & { readonly __brand: 'Cents' };", 'declare const a: Cents, b: Cents;', 'export const sum = a + b;') },
    { name: 'bigint cents', code: lines('declare const priceCents: bigint;', 'export const total = priceCents * 3n;') },
    { name: 'string concatenation', code: lines('declare const total: number;', "export const label = 'Total: ' + total;") },
    { name: 'decimal arithmetic', code: lines("import Big from 'big.js';", "const price = new Big('19.99');", 'export const t = price.times(3);') },
    { name: 'durations and counters', code: lines('declare const start: number, end: number, totalCount: number;', 'export const elapsedMs = end - start;', 'export const next = totalCount + 1;') },
    { name: 'a veto word on a money word', code: lines('declare const priceIndex: number, feeBps: number;', 'export const i = priceIndex + 1;', 'export const b = feeBps * 2;') },
    { name: 'rates multiplied together', code: lines('declare const taxRate: number, fxRate: number;', 'export const combined = taxRate * fxRate;') },
    { name: 'a neutral value', code: lines('declare const width: number, x: number;', 'export const half = x / 2 + width;') },
    { name: 'a ratio-named result', code: lines('declare const pnl: number, cost: number;', 'export const returnPct = pnl / cost * 100;') },
    { name: 'a rounded amount plus a whole number is exact', code: lines('declare const price: number, n: number;', 'const whole = Math.round(price);', 'export const next = whole + n * 2;') },
    { name: 'basis points on whole cents, truncated back to cents', code: lines('declare const amountCents: number, bps: number;', 'const scaled = amountCents * bps;', 'export const fee = Math.trunc(scaled / 10_000) + (scaled % 10_000 >= 5_000 ? 1 : 0);') },
    { name: 'a sort comparator on prices', code: lines('declare const orders: { price: number; time: number }[];', 'orders.sort((a, b) => b.price - a.price || a.time - b.time);') },
    { name: 'a type named Decimal from another package is not a decimal', code: lines("import { Decimal } from 'other-math';", 'declare const d: Decimal;', 'export const ok = d.toNumber() + 1;') },
    {
      name: 'a whole budget constant minus a sum of lengths',
      code: lines('declare const parts: string[];', 'const budget = 4096;', 'const cost = parts.reduce((n, p) => n + p.length, 0);', 'export const room = budget - cost;'),
    },
    {
      name: 'whole values through a counter and a function, divided and floored',
      code: lines(
        'declare const Buffer: { byteLength(s: string): number };',
        'declare const env: [string, string][];',
        'function envCost(): number {',
        '  let total = 0;',
        '  for (const [k, v] of env) total += Buffer.byteLength(k) + Buffer.byteLength(v);',
        '  return total;',
        '}',
        'function lineBudget(): number { return 131072; }',
        'const room = lineBudget() - envCost();',
        'export const perFile = Math.floor(room / 4);',
      ),
    },
  ],
  invalid: [
    { code: lines('declare const price: number, qty: number;', 'export const lineTotal = price * qty;'), errors: [{ line: 2 }] },
    { name: 'a float amount divided, then floored', code: lines('declare const price: number;', 'export const share = Math.floor(price / 3);'), errors: [{ line: 2 }] },
    { name: 'a counter that is also given an amount is money', code: lines('declare const fee: number;', 'let total = 0;', 'total += 2;', 'total += fee;', 'export const withTax = total * 1.2;'), errors: [{ line: 4 }, { line: 5 }] },
    { name: 'a whole price constant times a fractional rate', code: lines('const price = 100;', 'export const withTax = price * 1.2;'), errors: [{ line: 2 }] },
    { name: 'a whole fee constant taken from a float amount', code: lines('declare const amount: number;', 'const fee = 2;', 'export const net = amount - fee;'), errors: [{ line: 3 }] },
    { name: 'a let budget that starts whole is not trusted to stay whole', code: lines('declare const prices: number[];', 'let budget = 100;', 'budget = prices[0] ?? 0;', 'export const left = budget - 0.5;'), errors: [{ line: 4 }] },
    { code: lines('declare const subtotal: number, tax: number;', 'export const total = subtotal + tax;'), errors: [{ line: 2 }] },
    { name: 'money times a fraction', code: lines('declare const price: number, discountPct: number;', 'export const discounted = price * (1 - discountPct / 100);'), errors: [{ line: 2 }] },
    { name: 'properties', code: lines('declare const order: { price: number; quantity: number };', 'export const notional = order.price * order.quantity;'), errors: [{ line: 2 }] },
    { name: 'renamed destructuring', code: lines('declare const order: { price: number };', 'const { price: p } = order;', 'export const doubled = p * 2;'), errors: [{ line: 3 }] },
    { name: 'data flow through a neutral name', code: lines('declare const item: { price: number };', 'const x = item.price;', 'export const y = x * 1.2;'), errors: [{ line: 3 }] },
    { name: 'compound assignment outside a loop', code: lines('declare const fee: number;', 'let balance = 100;', 'balance -= fee;', 'export { balance };'), errors: [{ line: 3 }] },
    { name: 'cents split into thirds', code: lines('declare const amountCents: number;', 'export const share = amountCents / 3;'), errors: [{ line: 2 }] },
    { name: 'a branded Money number', code: lines("type Money = number & { readonly __brand: 'Money' };", 'declare const m: Money;', 'export const withVat = m * 1.2;'), errors: [{ line: 3 }] },
    { name: 'a Money alias of number', code: lines('type Money = number;', 'declare const m: Money;', 'export const next = m + 0.5;'), errors: [{ line: 3 }] },
    { name: 'array callback element', code: lines('declare const prices: number[];', 'export const withVat = prices.map((p) => p * 1.2);'), errors: [{ line: 2 }] },
    { name: 'a money-named function result', code: lines('declare function getPrice(): number;', 'export const twice = getPrice() * 2;'), errors: [{ line: 2 }] },
    { name: 'a function that returns money', code: lines('declare const o: { price: number };', 'function unit() { return o.price; }', 'export const y = unit() * 3;'), errors: [{ line: 3 }] },
    { name: 'weak words in company', code: lines('declare const netValue: number, x: number;', 'export const y = netValue - x;'), errors: [{ line: 2 }] },
    { name: 'one finding per chain', code: lines('declare const price: number, qty: number, fee: number;', 'export const t = price * qty + fee - 1;'), errors: [{ line: 2 }] },
  ],
});

describe('float/money-float-arith', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
