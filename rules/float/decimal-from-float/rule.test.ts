import { describe, expect, it } from 'vitest';
import { lines, runRuleCases } from '../../../test/checks/float/harness.ts';
import { decimalFromFloat } from './rule.ts';

const results = await runRuleCases(decimalFromFloat, {
  valid: [
    { name: 'from a string', code: lines("import Big from 'big.js';", "export const p = new Big('0.1');") },
    { name: 'from an integer', code: lines("import { Decimal } from 'decimal.js';", 'export const zero = new Decimal(0);', 'export const hundred = new Decimal(100);') },
    { name: 'from whole cents', code: lines("import Big from 'big.js';", 'declare const amountCents: number;', 'export const major = new Big(amountCents).div(100);') },
    { name: 'from a number at the boundary', code: lines("import Big from 'big.js';", 'declare const body: { price: number };', 'export const price = Big(body.price);') },
    { name: 'decimal arithmetic with integers', code: lines("import Big from 'big.js';", 'declare const price: Big, qty: number;', 'export const t = price.times(qty).plus(1);') },
    { name: 'an integer loop counter', code: lines("import Big from 'big.js';", 'declare const rate: Big, i: number;', 'export const x = rate.times(i + 1);') },
  ],
  invalid: [
    { name: 'a float literal', code: lines("import Big from 'big.js';", 'export const tenth = new Big(0.1);'), errors: [{ line: 2 }] },
    { name: 'float arithmetic', code: lines("import { Decimal } from 'decimal.js';", 'declare const price: number, qty: number;', 'export const total = new Decimal(price * qty);'), errors: [{ line: 3 }] },
    { name: 'a parsed float', code: lines("import Big from 'big.js';", 'declare const priceText: string;', 'export const p = Big(parseFloat(priceText));'), errors: [{ line: 3 }] },
    { name: 'float arithmetic into a decimal method', code: lines("import Big from 'big.js';", 'declare const total: Big, price: number, qty: number;', 'export const next = total.plus(price * qty);'), errors: [{ line: 3 }] },
    { name: 'a decimal converted to float and back', code: lines("import Big from 'big.js';", "import BigNumber from 'bignumber.js';", 'declare const fee: BigNumber;', 'export const f = new Big(fee.toNumber());'), errors: [{ line: 4 }] },
    { name: 'a division', code: lines("import Big from 'big.js';", 'declare const x: number;', 'export const third = new Big(x / 3);'), errors: [{ line: 3 }] },
  ],
});

describe('float/decimal-from-float', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
