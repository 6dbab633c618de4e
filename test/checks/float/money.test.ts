import { Project, ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { FloatConfigSchema } from '../../../src/checks/float/config.ts';
import { MoneyOracle, type MoneyVerdict } from '../../../src/checks/float/money.ts';
import { DEFAULT_COMPILER_OPTIONS } from '../../../src/checks/float/program.ts';
import { DECIMAL_STUBS } from './decimal-stubs.ts';

/** The oracle's verdict for the last expression in `code` whose text is `expression`. */
function verdict(code: string, expression: string, config = {}): MoneyVerdict {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: DEFAULT_COMPILER_OPTIONS });
  project.createSourceFile('/types.d.ts', DECIMAL_STUBS);
  project.createSourceFile('/case.ts', code);
  const program = project.getProgram().compilerObject;
  const sf = program.getSourceFile('/case.ts')!;
  let found: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isExpression(n) && n.getText(sf) === expression) found = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (!found) throw new Error(`no expression ${expression}`);
  return new MoneyOracle({ config: FloatConfigSchema.parse(config), checker: program.getTypeChecker() }).expr(found);
}

describe('deciding what is money', () => {
  it('types first: a Big is money whatever its name, and says so', () => {
    const v = verdict("import Big from 'big.js';\ndeclare const x: Big;\nx;", 'x');
    expect(v).toMatchObject({ isMoney: true, repr: 'decimal', decimalType: 'Big', reason: 'type Big' });
  });

  it('matches decimal types by declaring package: a Decimal from another package is not one', () => {
    expect(verdict("import { Decimal } from 'other-math';\ndeclare const x: Decimal;\nx;", 'x').repr).toBe('other');
    expect(verdict("import { Decimal } from 'decimal.js';\ndeclare const x: Decimal;\nx;", 'x').repr).toBe('decimal');
  });

  it('reads brands: Cents is whole minor units, Money is major units', () => {
    expect(verdict("type Cents = number & { readonly __brand: 'Cents' };\ndeclare const c: Cents;\nc;", 'c')).toMatchObject({ isMoney: true, minor: true, shape: 'integer', reason: 'branded type Cents' });
    expect(verdict("declare const m: number & { readonly _tag: 'Money' };\nm;", 'm')).toMatchObject({ isMoney: true, minor: false });
  });

  it('then names: evidence names the word and the name', () => {
    expect(verdict('declare const unitPrice: number;\nunitPrice;', 'unitPrice')).toMatchObject({ isMoney: true, reason: 'name word "price" (unitPrice)' });
    expect(verdict('declare const feeRate: number;\nfeeRate;', 'feeRate')).toMatchObject({ isMoney: false, notMoney: true, reason: 'veto word "rate"' });
  });

  it('then data flow: computed from money is money, with the line it came from', () => {
    const v = verdict('declare const unitPrice: number, n: number;\nconst x = unitPrice * n;\nx;', 'x');
    expect(v).toMatchObject({ isMoney: true, computed: true });
    expect(v.reason).toBe('computed from unitPrice (line 2) ← name word "price" (unitPrice)');
  });

  it('follows destructuring, array callbacks, for-of and function returns', () => {
    expect(verdict('declare const o: { price: number };\nconst { price: p } = o;\np;', 'p').isMoney).toBe(true);
    expect(verdict('declare const prices: number[];\nprices.map((v) => v);', 'v').isMoney).toBe(true);
    expect(verdict('declare const fees: number[];\nfor (const f of fees) f;', 'f').isMoney).toBe(true);
    expect(verdict('declare const o: { amount: number };\nfunction g() { return o.amount; }\ng();', 'g()').reason).toMatch(/^returned by g\(\) \(line 2\)/);
  });

  it('treats money ÷ money as a ratio and money ÷ quantity as money', () => {
    expect(verdict('declare const pnl: number, cost: number;\npnl / cost;', 'pnl / cost')).toMatchObject({ isMoney: false, notMoney: true });
    expect(verdict('declare const notional: number, qty: number;\nnotional / qty;', 'notional / qty').isMoney).toBe(true);
  });

  it('keeps whole minor units whole through + − × by counts and rounding, not through ÷ or a rate', () => {
    expect(verdict('declare const aCents: number, n: number;\naCents * n + 1;', 'aCents * n + 1')).toMatchObject({ minor: true, shape: 'integer' });
    expect(verdict('declare const aCents: number, feeRate: number;\naCents * feeRate;', 'aCents * feeRate')).toMatchObject({ minor: true, shape: 'unknown', computed: true });
    expect(verdict('declare const aCents: number, feeRate: number;\nMath.round(aCents * feeRate);', 'Math.round(aCents * feeRate)')).toMatchObject({ minor: true, shape: 'integer', computed: false });
    expect(verdict('declare const aCents: number;\naCents / 100;', 'aCents / 100')).toMatchObject({ isMoney: true, minor: false, computed: true });
  });

  it('sees a decimal converted to a number as money, naming the conversion', () => {
    expect(verdict("import Big from 'big.js';\ndeclare const total: Big;\ntotal.toNumber();", 'total.toNumber()').reason).toBe('converted from Big total by .toNumber(); type Big');
  });

  it('does not loop on self-referencing accumulators', () => {
    const v = verdict('declare const xs: { fee: number }[];\nlet s = 0;\nfor (const x of xs) s = s + x.fee;\ns;', 's');
    expect(v.isMoney).toBe(true);
  });
});
