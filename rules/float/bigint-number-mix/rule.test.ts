import { describe, expect, it } from 'vitest';
import { lines, runRuleCases } from '../../../test/checks/float/harness.ts';
import { bigintNumberMix } from './rule.ts';

const results = await runRuleCases(bigintNumberMix, {
  valid: [
    { name: 'bigint arithmetic', code: lines('declare const balanceCents: bigint;', 'export const doubled = balanceCents * 2n;') },
    { name: 'a timer', code: lines('const start = process.hrtime.bigint();', 'export const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;') },
    { name: 'bigint cents for display', code: lines('declare const totalCents: bigint;', 'console.log(Number(totalCents));') },
    { name: 'BigInt from whole cents', code: lines('declare const amountCents: number;', 'export const c = BigInt(amountCents);') },
    { name: 'BigInt from a rounded value', code: lines('declare const amountCents: number, feeRate: number;', 'export const fee = BigInt(Math.round(amountCents * feeRate));') },
    { name: 'cents to units for display is left to minor-major-units', code: lines('declare const totalCents: bigint;', 'export const units = Number(totalCents) / 100;') },
  ],
  invalid: [
    { name: 'Number(bigint) in arithmetic', code: lines('declare const balanceCents: bigint, feeRate: number;', 'export const fee = Number(balanceCents) * feeRate;'), errors: [{ line: 2 }] },
    { name: 'stored as a number', code: lines('declare const account: { balanceCents: bigint };', 'export const dto = { balance: Number(account.balanceCents) };'), errors: [{ line: 2 }] },
    { name: 'BigInt of a float price', code: lines('declare const order: { price: number };', 'export const p = BigInt(order.price);'), errors: [{ line: 2 }] },
    { name: 'parseFloat of bigint text', code: lines('declare const amountCents: bigint;', 'export const a = parseFloat(amountCents.toString()) + 1;'), errors: [{ line: 2 }] },
  ],
});

describe('float/bigint-number-mix', () => {
  for (const c of results.valid) it(`stays silent: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
  for (const c of results.invalid) it(`reports: ${c.name}`, () => expect(c.actual).toEqual(c.expected));
});
