import { describe, expect, it } from 'vitest';
import { lines, runRuleCases } from '../../../test/checks/float/harness.ts';
import { moneyParseFloat } from './rule.ts';

const results = await runRuleCases(moneyParseFloat, {
  valid: [
    { name: 'parsing a percentage', code: lines('declare const taxPct: string;', 'export const t = parseFloat(taxPct);') },
    { name: 'parsing whole cents', code: lines('declare const amountCents: string;', 'export const c = Number(amountCents);') },
    { name: 'parseInt on a quantity', code: lines('declare const qty: string;', 'export const q = parseInt(qty, 10);') },
    { name: 'parsing a page number', code: lines('declare const query: { page: string };', 'export const p = Number(query.page);') },
    { name: 'Number() on a number', code: lines('declare const price: number;', 'export const p = Number(price);') },
    { name: 'the text handed to a decimal', code: lines("import Big from 'big.js';", 'declare const priceText: string;', 'export const p = new Big(priceText);') },
    { name: 'parsing for display only', code: lines('declare const amount: string;', 'export const label = `${Number(amount).toFixed(2)} EUR`;') },
  ],
  invalid: [
    { name: 'parseFloat on a price string', code: lines('declare const body: { price: string };', 'export const p = parseFloat(body.price);'), errors: [{ line: 2 }] },
    { name: 'Number() on an untyped amount', code: lines('declare const req: { body: any };', 'export const a = Number(req.body.amount);'), errors: [{ line: 2 }] },
    { name: 'unary plus on a database numeric', code: lines('declare const row: { balance: string };', 'export const b = +row.balance;'), errors: [{ line: 2 }] },
    { name: 'Number.parseFloat on a form field', code: lines('declare const form: { fee: string };', 'export const f = Number.parseFloat(form.fee);'), errors: [{ line: 2 }] },
    { name: 'parsed then used in arithmetic', code: lines('declare const totalText: string;', 'export const t = parseFloat(totalText) * 2;'), errors: [{ line: 2 }] },
  ],
});

describe('float/money-parse-float', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
