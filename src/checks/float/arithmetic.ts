/**
 * One decision per arithmetic chain, shared by the arithmetic rules so that an expression is
 * reported once and by the rule that names its real problem:
 *   - `cents / 100` (then used as a value)          → minor-major-units ('minor-to-major')
 *   - `Math.round(price * 100)`, `BigInt(price*100)` → minor-major-units ('major-to-minor')
 *   - `Math.round(x * 100) / 100`                    → minor-major-units ('round-trip')
 *   - `sum + line.price` in a reduce, `+=` in a loop → money-float-accumulate
 *   - any other float arithmetic that yields money   → money-float-arith
 * and silence for what is fine: ratios (money ÷ money), whole minor units kept whole
 * (`cents * qty`, `Math.round(cents * rate)`), string concatenation, display-only division,
 * arithmetic handed straight to a decimal constructor (decimal-from-float reports it) and
 * conversions that decimal-to-number or money-parse-float report.
 */
import { ts } from 'ts-morph';
import type { MoneyOracle, MoneyVerdict } from './money.ts';
import {
  calleeName,
  calleeText,
  isArithmetic,
  isChainTop,
  isCompoundArithmetic,
  isDisplayUse,
  isComparatorResult,
  isInLoop,
  isPowerOfTen,
  isRoundingCall,
  mentionsSymbol,
  outerParent,
  reduceCallOf,
  returnedFrom,
  storedName,
  unwrap,
} from './shapes.ts';

const SK = ts.SyntaxKind;

export type ArithmeticKind = 'float-money' | 'accumulate' | 'minor-to-major' | 'major-to-minor' | 'round-trip';

export interface ArithmeticVerdict {
  kind: ArithmeticKind;
  verdict: MoneyVerdict;
  /** The sub-expression to report when it is not the chain top (`cents / 100` in `cents / 100 * qty`). */
  at?: ts.BinaryExpression;
}

const FLOAT_PARSERS = new Set(['parseFloat', 'Number.parseFloat', 'Number']);
const CONVERTERS = new Set(['toNumber', 'toUnit', 'toJSNumber', 'toFloat']);

export class ArithmeticClassifier {
  private readonly money: MoneyOracle;
  private readonly checker: ts.TypeChecker;
  private readonly cache = new Map<ts.Node, ArithmeticVerdict | null>();

  constructor(money: MoneyOracle, checker: ts.TypeChecker) {
    this.money = money;
    this.checker = checker;
  }

  /** The classification of an arithmetic chain top or compound assignment; undefined when fine. */
  classify(node: ts.BinaryExpression): ArithmeticVerdict | undefined {
    if (this.cache.has(node)) return this.cache.get(node) ?? undefined;
    const result = isCompoundArithmetic(node) ? this.compound(node) : isArithmetic(node) && isChainTop(node) ? this.chain(node) : undefined;
    this.cache.set(node, result ?? null);
    return result;
  }

  private isFloatNumber(v: MoneyVerdict): boolean {
    return v.isMoney && (v.repr === 'number' || v.repr === 'any') && v.shape !== 'integer';
  }

  private chain(node: ts.BinaryExpression): ArithmeticVerdict | undefined {
    const v = this.money.expr(node);
    if (v.repr !== 'number' && v.repr !== 'any') return undefined;
    const op = node.operatorToken.kind;
    const { parent } = outerParent(node);

    const division = this.unitDivision(node);
    if (division) {
      const left = unwrap(division.left);
      if (isRoundingCall(left) && left.arguments[0] && this.isMajorScaling(left.arguments[0])) return { kind: 'round-trip', verdict: this.money.expr(left.arguments[0]), at: division };
      if (division === node && isDisplayUse(node)) return undefined;
      if (isRoundingCall(parent)) return undefined; // `Math.trunc(scaled / 10_000)`: rounded straight back to whole units
      return { kind: 'minor-to-major', verdict: this.money.expr(division.left), at: division };
    }
    if (!v.isMoney) return undefined;
    if (op === SK.MinusToken && isComparatorResult(node)) return undefined;
    if (v.shape === 'integer') return undefined; // whole amounts are exact in a float
    // `Math.floor(room / n)` with both whole: integer division, exact.
    if (op === SK.SlashToken && isRoundingCall(parent) && this.money.expr(node.left).shape === 'integer' && this.money.expr(node.right).shape === 'integer') return undefined;
    if (op === SK.AsteriskToken && this.isMajorScaling(node)) {
      const call = ts.isCallExpression(parent) ? parent : undefined;
      if (call && isRoundingCall(call)) {
        const outer = outerParent(call).parent;
        if (ts.isBinaryExpression(outer) && outer.operatorToken.kind === SK.SlashToken && isPowerOfTen(outer.right, this.checker)) return undefined; // the round trip is reported once, at the division
        return { kind: 'major-to-minor', verdict: v };
      }
      if (call && calleeText(call) === 'BigInt') return { kind: 'major-to-minor', verdict: v };
      const stored = storedName(node);
      if (stored !== undefined && this.money.name(stored).minor) return { kind: 'major-to-minor', verdict: v };
    }
    if (v.minor && isRoundingCall(parent)) return undefined;
    if (this.isDecimalArgument(node)) return undefined;
    if (this.onlyConvertedMoney(node)) return undefined;
    const stored = storedName(node);
    if (stored !== undefined && this.money.name(stored).veto) return undefined;
    if (this.accumulates(node)) return this.countsOnly(node) ? undefined : { kind: 'accumulate', verdict: v };
    if (!this.isFloatNumber(v)) return undefined;
    return { kind: 'float-money', verdict: v };
  }

  private compound(node: ts.BinaryExpression): ArithmeticVerdict | undefined {
    const v = this.money.expr(node);
    if (!this.isFloatNumber(v)) return undefined;
    const target = this.money.expr(node.left);
    if (target.repr !== 'number' && target.repr !== 'any') return undefined;
    if (target.notMoney) return undefined;
    if (this.onlyConvertedMoney(node.right) && !target.isMoney) return undefined;
    const additive = node.operatorToken.kind === SK.PlusEqualsToken || node.operatorToken.kind === SK.MinusEqualsToken;
    const added = this.money.expr(node.right);
    // `totals.added += e.added.length`: adding a whole count that is not money sums no money.
    if (additive && !added.isMoney && added.shape === 'integer') return undefined;
    const accumulating = additive && isInLoop(node);
    return { kind: accumulating ? 'accumulate' : 'float-money', verdict: added.isMoney ? added : v };
  }

  /** A `cents / 100` inside the chain (the top included), not looking into calls. */
  private unitDivision(node: ts.Expression): ts.BinaryExpression | undefined {
    const e = unwrap(node);
    if (ts.isPrefixUnaryExpression(e) && e.operator === SK.MinusToken) return this.unitDivision(e.operand);
    if (!isArithmetic(e)) return undefined;
    if (e.operatorToken.kind === SK.SlashToken && isPowerOfTen(e.right, this.checker)) {
      const dividend = this.money.expr(e.left);
      if (dividend.isMoney && dividend.minor && dividend.shape === 'integer') return e;
    }
    return this.unitDivision(e.left) ?? this.unitDivision(e.right);
  }

  /** `price * 100` with `price` money in major units. */
  isMajorScaling(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== SK.AsteriskToken) return false;
    for (const [value, factor] of [
      [e.left, e.right],
      [e.right, e.left],
    ] as const) {
      if (!isPowerOfTen(factor, this.checker)) continue;
      const v = this.money.expr(value);
      if (v.isMoney && !v.minor && v.shape !== 'integer' && (v.repr === 'number' || v.repr === 'any')) return true;
    }
    return false;
  }

  /**
   * `rules.reduce((total, r) => total + r.count, 0)`: a reduce that starts from a whole number
   * and adds or subtracts only whole values that are not money sums counts, whatever the
   * accumulator is called.
   */
  private countsOnly(node: ts.BinaryExpression): boolean {
    const fn = returnedFrom(node);
    const call = fn ? reduceCallOf(fn) : undefined;
    const accumulator = fn?.parameters[0];
    const initial = call?.arguments[1];
    if (!call || !accumulator || !initial || !ts.isIdentifier(accumulator.name)) return false;
    if (this.money.expr(initial).shape !== 'integer') return false;
    const symbol = this.checker.getSymbolAtLocation(accumulator.name);
    const terms: ts.Expression[] = [];
    const collect = (e: ts.Expression): void => {
      const u = unwrap(e);
      if (ts.isBinaryExpression(u) && (u.operatorToken.kind === SK.PlusToken || u.operatorToken.kind === SK.MinusToken)) {
        collect(u.left);
        collect(u.right);
      } else terms.push(u);
    };
    collect(node);
    return terms.every((t) => {
      if (ts.isIdentifier(t) && symbol && this.checker.getSymbolAtLocation(t) === symbol) return true;
      const v = this.money.expr(t);
      return !v.isMoney && v.shape === 'integer';
    });
  }

  /** `sum + x.price` returned from a reduce callback that mentions its accumulator; `t = t + p` in a loop. */
  private accumulates(node: ts.BinaryExpression): boolean {
    const fn = returnedFrom(node);
    if (fn && reduceCallOf(fn)) {
      const accumulator = fn.parameters[0];
      const symbol = accumulator && ts.isIdentifier(accumulator.name) ? this.checker.getSymbolAtLocation(accumulator.name) : undefined;
      if (symbol && mentionsSymbol(node, symbol, this.checker)) return true;
    }
    const { parent, child } = outerParent(node);
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === SK.EqualsToken && parent.right === child && isInLoop(parent)) {
      const target = unwrap(parent.left);
      const symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(target) ? target.name : target);
      if (symbol && mentionsSymbol(node, symbol, this.checker)) return true;
    }
    return false;
  }

  /** Arithmetic passed straight to a decimal: `new Big(price * qty)`, `total.plus(a * b)`, `Dinero({ amount: x * 100 })`. */
  isDecimalArgument(node: ts.Expression): boolean {
    let { parent, child } = outerParent(node);
    if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent)) {
      child = parent.parent;
      parent = outerParent(parent.parent).parent;
    }
    if (!(ts.isCallExpression(parent) || ts.isNewExpression(parent)) || !parent.arguments?.includes(child as ts.Expression)) return false;
    if (this.money.expr(parent).repr === 'decimal') return true;
    const callee = unwrap(parent.expression);
    return ts.isPropertyAccessExpression(callee) && this.money.expr(callee.expression).repr === 'decimal';
  }

  /**
   * Every money operand of the chain is a conversion another rule reports: `dec.toNumber() * 2`
   * (decimal-to-number), `parseFloat(priceText) + 1` (money-parse-float).
   */
  private onlyConvertedMoney(node: ts.Expression): boolean {
    const leaves: ts.Expression[] = [];
    const collect = (e: ts.Expression): void => {
      const x = unwrap(e);
      if (isArithmetic(x) || isCompoundArithmetic(x)) {
        collect(x.left);
        collect(x.right);
      } else if (ts.isPrefixUnaryExpression(x) && x.operator === SK.MinusToken) collect(x.operand);
      else leaves.push(x);
    };
    collect(node);
    const money = leaves.filter((l) => this.money.expr(l).isMoney);
    return money.length > 0 && money.every((l) => this.isReportedConversion(l));
  }

  private isReportedConversion(e: ts.Expression): boolean {
    if (ts.isCallExpression(e)) {
      const arg = e.arguments[0];
      if (FLOAT_PARSERS.has(calleeText(e)) && arg) {
        const from = this.money.expr(arg).repr;
        return from === 'decimal' || from === 'string' || from === 'any' || from === 'bigint';
      }
      const callee = unwrap(e.expression);
      return ts.isPropertyAccessExpression(callee) && CONVERTERS.has(calleeName(e)) && this.money.expr(callee.expression).repr === 'decimal';
    }
    if (ts.isPrefixUnaryExpression(e) && e.operator === SK.PlusToken) {
      const from = this.money.expr(e.operand).repr;
      return from === 'decimal' || from === 'string' || from === 'any';
    }
    return false;
  }
}
