import { describe, expect, it } from 'vitest';
import { lines, runRuleCases } from '../../../test/checks/float/harness.ts';
import { moneyNumberInDomain } from './rule.ts';

const results = await runRuleCases(moneyNumberInDomain, {
  valid: [
    { name: 'a decimal-typed price', code: lines("import Big from 'big.js';", 'export interface Line { price: Big }') },
    { name: 'whole cents', code: lines('export interface Line { priceCents: number }') },
    { name: 'a branded type', code: lines("type Cents = number & { readonly __brand: 'Cents' };", 'export interface Line { price: Cents }') },
    { name: 'a Money alias', code: lines('type Money = number;', 'export interface Line { total: Money }') },
    { name: 'ratios and counts', code: lines('export interface Line { taxRate: number; itemCount: number; discountPct: number }') },
    { name: 'bigint', code: lines('export interface Account { balance: bigint }') },
  ],
  invalid: [
    { name: 'interface properties', code: lines('export interface Order {', '  id: string;', '  price: number;', '  quantity: number;', '}'), errors: [{ line: 3 }, { line: 4 }] },
    { name: 'a class property', code: lines('export class Account {', '  balance: number = 0;', '}'), errors: [{ line: 2 }] },
    { name: 'a type literal', code: lines('export type Fee = { amount: number | undefined };'), errors: [{ line: 1 }] },
  ],
});

describe('float/money-number-in-domain', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
