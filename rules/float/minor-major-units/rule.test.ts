import { describe, expect, it } from 'vitest';
import { lines, runRuleCases } from '../../../test/checks/float/harness.ts';
import { minorMajorUnits } from './rule.ts';

const results = await runRuleCases(minorMajorUnits, {
  valid: [
    { name: 'cents formatted for display with toFixed', code: lines('declare const amountCents: number;', 'export const label = (amountCents / 100).toFixed(2);') },
    { name: 'cents formatted with Intl', code: lines('declare const totalCents: number;', "const fmt = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });", 'export const label = fmt.format(totalCents / 100);') },
    { name: 'cents in a template', code: lines('declare const feeCents: number;', 'export const label = `fee ${feeCents / 100}`;') },
    { name: 'basis points to a ratio', code: lines('declare const feeBps: number;', 'export const ratio = feeBps / 10000;') },
    { name: 'a percentage to a fraction', code: lines('declare const discountPct: number;', 'export const f = discountPct / 100;') },
    { name: 'converting with a decimal', code: lines("import Big from 'big.js';", 'declare const amountCents: number;', 'export const major = new Big(amountCents).div(100);') },
    { name: 'whole cents divided and rounded straight back', code: lines('declare const amountCents: number;', 'export const wholeDollars = Math.floor(amountCents / 100);') },
    { name: 'a rate scaled to percent', code: lines('declare const taxRate: number;', 'export const taxPct = Math.round(taxRate * 100);') },
  ],
  invalid: [
    { name: 'cents to dollars then used', code: lines('declare const amountCents: number, qty: number;', 'export const dollars = (amountCents / 100) * qty;'), errors: [{ line: 2 }] },
    { name: 'cents to dollars stored', code: lines('declare const order: { totalCents: number };', 'export const total = order.totalCents / 100;'), errors: [{ line: 2 }] },
    { name: 'Math.round(price * 100)', code: lines('declare const price: number;', 'export const priceCents = Math.round(price * 100);'), errors: [{ line: 2 }] },
    { name: 'a float price scaled into cents', code: lines('declare const price: number;', 'export const priceCents = price * 100;'), errors: [{ line: 2 }] },
    { name: 'BigInt(price * 100)', code: lines('declare const amount: number;', 'export const units = BigInt(amount * 100);'), errors: [{ line: 2 }] },
    { name: 'the round-trip idiom, once', code: lines('declare const total: number;', 'export const rounded = Math.round(total * 100) / 100;'), errors: [{ line: 2 }] },
    { name: 'satoshis to bitcoin with a named constant', code: lines('const SATS_PER_BTC = 1e8;', 'declare const balanceSats: number;', 'export const btc = balanceSats / SATS_PER_BTC;'), errors: [{ line: 3 }] },
    { name: 'wei with 10 ** decimals', code: lines('declare const amountWei: number, decimals: number;', 'export const tokens = amountWei / 10 ** decimals;'), errors: [{ line: 2 }] },
  ],
});

describe('float/minor-major-units', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
