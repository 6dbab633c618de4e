import { describe, expect, it } from 'vitest';
import { lines, runRuleCases } from '../../../test/checks/float/harness.ts';
import { decimalToNumber } from './rule.ts';

const results = await runRuleCases(decimalToNumber, {
  valid: [
    { name: 'a number for a chart', code: lines("import Big from 'big.js';", 'declare const total: Big;', 'declare function plot(y: number): void;', 'plot(total.toNumber());') },
    { name: 'a number kept only for display', code: lines("import Big from 'big.js';", 'declare const total: Big;', 'const shown = total.toNumber();', 'console.log(shown);') },
    { name: 'a sign check', code: lines("import Big from 'big.js';", 'declare const balance: Big;', 'export const negative = balance.toNumber() < 0;') },
    { name: 'a rate held as a decimal', code: lines("import Big from 'big.js';", 'declare const taxRate: Big;', 'export const pct = taxRate.toNumber() * 100;') },
    { name: 'staying in the decimal', code: lines("import Big from 'big.js';", 'declare const price: Big, qty: number;', 'export const total = price.times(qty).toFixed(2);') },
    { name: 'toNumber on a type from another package', code: lines("import { Decimal } from 'other-math';", 'declare const amount: Decimal;', 'export const n = amount.toNumber() * 2;') },
  ],
  invalid: [
    { name: 'toNumber then arithmetic', code: lines("import Big from 'big.js';", 'declare const price: Big, qty: number;', 'export const total = price.toNumber() * qty;'), errors: [{ line: 3 }] },
    { name: 'Number(decimal) stored in an object', code: lines("import { Decimal } from 'decimal.js';", 'declare const amount: Decimal;', 'export const dto = { amount: Number(amount) };'), errors: [{ line: 3 }] },
    { name: 'returned as a number', code: lines("import BigNumber from 'bignumber.js';", 'declare const balance: BigNumber;', 'export function balanceAsNumber(): number {', '  return balance.toNumber();', '}'), errors: [{ line: 4 }] },
    { name: 'unary plus then arithmetic', code: lines("import Big from 'big.js';", 'declare const fee: Big;', 'export const doubled = +fee * 2;'), errors: [{ line: 3 }] },
    { name: 'parseFloat of toFixed', code: lines("import Big from 'big.js';", 'declare const total: Big;', 'export const t = { total: parseFloat(total.toFixed(2)) };'), errors: [{ line: 3 }] },
    { name: 'a variable later used in arithmetic', code: lines("import Big from 'big.js';", 'declare const price: Big;', 'const p = price.toNumber();', 'export const withVat = p * 1.2;'), errors: [{ line: 3 }] },
    { name: 'BN toNumber then arithmetic', code: lines("import BN from 'bn.js';", 'declare const balance: BN;', 'export const eth = balance.toNumber() / 3;'), errors: [{ line: 3 }] },
  ],
});

describe('float/decimal-to-number', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
