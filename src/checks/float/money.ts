/**
 * What is money, decided in this order and explained: (1) the type checker (a decimal type,
 * a branded money type, a `Money`-typed declaration), (2) the name split into words, (3) data
 * flow (a value computed from money is money: initialisers, assignments, returns, array
 * callbacks, destructuring). Every answer carries the evidence for `--explain`.
 */
import { ts } from 'ts-morph';
import type { FloatConfig } from './config.ts';
import { calleeName, calleeText, dottedName, isPowerOfTen, lineOf, numericLiteral, propertyNameText, ROUNDING, shortText, unwrap } from './shapes.ts';
import { COUNT_WORDS, describeNameEvidence, FRACTION_WORDS, NameClassifier, splitWords, wordLists } from './words.ts';

const SK = ts.SyntaxKind;

/** How a value is represented at run time. */
export type Repr = 'number' | 'bigint' | 'decimal' | 'string' | 'any' | 'other';

/** What is known about a number's value when it is not money (or about whole minor units). */
export type Shape = 'integer' | 'fraction' | 'unknown';

export interface MoneyVerdict {
  isMoney: boolean;
  /** Run-time representation, from the type checker. */
  repr: Repr;
  /** Money held as whole minor units (cents, sats) rather than major units. */
  minor: boolean;
  /** Money by a quantity word only (`qty`): whole in cent-based code, divides money into a unit price. */
  quantity: boolean;
  /** Known to be a whole number (integer literal, `Math.round`, integer cents kept integer). */
  shape: Shape;
  /** The result of arithmetic on floats, not a stored, parsed or rounded value. */
  computed: boolean;
  /** Known not to be money: a veto name (ratio, count, duration) or money ÷ money. */
  notMoney: boolean;
  /** The decimal type's name when repr is 'decimal'. */
  decimalType?: string;
  /** Every value it can hold is whole (`const budget = 4096`, a counter only ever given counts, a function returning only whole values): whole whatever its name. */
  wholeAlways?: true;
  /** Why: 'type Big (big.js)', 'name word "price"', 'computed from unitPrice (line 12) ← …'. */
  reason: string;
  /** The expression the evidence is about, for "computed from <subject>". */
  subject: string;
}

const NEUTRAL: Omit<MoneyVerdict, 'repr' | 'subject'> = { isMoney: false, minor: false, quantity: false, shape: 'unknown', computed: false, notMoney: false, reason: '' };

const QUANTITY_WORDS = new Set(['qty', 'quantity']);
const CONVERTERS = new Set(['toNumber', 'toUnit', 'toJSNumber', 'toFloat']);
const INTEGER_PARSERS = new Set(['parseInt', 'Number.parseInt']);
const FLOAT_PARSERS = new Set(['parseFloat', 'Number.parseFloat', 'Number']);
const ELEMENT_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findLast', 'sort', 'reduce', 'reduceRight']);
const ELEMENT_GETTERS = new Set(['at', 'get', 'find', 'findLast', 'pop', 'shift']);
const MAX_DEPTH = 10;
/** Calls that return a whole count, position or timestamp, never an amount. */
const WHOLE_CALLS = new Set(['Buffer.byteLength', 'Date.now']);
/** Methods that return a whole index, character code or timestamp, whatever the receiver. */
const WHOLE_METHODS = new Set(['indexOf', 'lastIndexOf', 'findIndex', 'findLastIndex', 'charCodeAt', 'codePointAt', 'getTime']);
/** Collections whose `.size` counts entries (an order's `size` is a quantity, so only these). */
const SIZED_COLLECTIONS = new Set(['Map', 'Set', 'ReadonlyMap', 'ReadonlySet', 'WeakMap', 'WeakSet']);
const DECIMAL_DIVIDE = new Set(['div', 'dividedBy', 'divide']);
const DECIMAL_KEEPS = new Set(['times', 'mul', 'multipliedBy', 'multiply', 'round', 'toDecimalPlaces', 'toDP', 'abs', 'neg', 'plus', 'minus', 'add', 'sub']);

export interface OracleOptions {
  config: FloatConfig;
  checker: ts.TypeChecker;
}

/** Answers "is this expression money, and why?" with caches per node and per symbol. */
export class MoneyOracle {
  private readonly checker: ts.TypeChecker;
  private readonly names: NameClassifier;
  private readonly decimals: Map<string, readonly string[]>;
  private readonly brands: Set<string>;
  private readonly exprCache = new Map<ts.Node, MoneyVerdict>();
  private readonly symbolCache = new Map<ts.Symbol, MoneyVerdict | null>();
  private readonly returnsCache = new Map<ts.Node, MoneyVerdict | null>();
  private readonly assignmentIndex = new Map<ts.SourceFile, Map<string, ts.BinaryExpression[]>>();
  private readonly stack: (ts.Node | ts.Symbol)[] = [];
  private taintFrom = Number.POSITIVE_INFINITY;

  constructor(options: OracleOptions) {
    this.checker = options.checker;
    this.names = new NameClassifier(wordLists(options.config));
    this.decimals = new Map(options.config.decimalTypes.map((d) => [d.name, d.modules]));
    this.brands = new Set(options.config.brandedTypes);
  }

  /** The verdict for an expression. */
  expr(node: ts.Expression): MoneyVerdict {
    const e = unwrap(node);
    return this.guarded(e, this.exprCache, () => this.compute(e), () => this.neutral(e));
  }

  /**
   * Runs one step of the recursive evaluation with cycle and depth guards. A step that meets
   * itself again (a reduce accumulator, `x = x + 1`) answers "nothing known" for the inner
   * occurrence; results computed inside such a cycle are not cached, since they saw only a
   * partial answer, but the step that closed the cycle is.
   */
  private guarded<K extends ts.Node | ts.Symbol, V>(key: K, cache: Map<K, V>, compute: () => V, fallback: () => V): V {
    if (cache.has(key)) return cache.get(key)!;
    const at = this.stack.indexOf(key);
    if (at >= 0 || this.stack.length > MAX_DEPTH) {
      this.taintFrom = Math.min(this.taintFrom, at >= 0 ? at + 1 : this.stack.length - 1);
      return fallback();
    }
    this.stack.push(key);
    try {
      const value = compute();
      if (this.stack.length - 1 < this.taintFrom) cache.set(key, value);
      return value;
    } finally {
      this.stack.pop();
      if (this.stack.length <= this.taintFrom) this.taintFrom = Number.POSITIVE_INFINITY;
    }
  }

  /** Only the run-time representation of an expression (a cheap question: no names, no flow). */
  reprAt(node: ts.Expression): Repr {
    const e = unwrap(node);
    const known = this.exprCache.get(e);
    if (known) return known.repr;
    return this.repr(this.checker.getTypeAtLocation(e)).repr;
  }

  /** The verdict for a name alone (for declarations: `price: number` in an interface). */
  name(text: string): { money: boolean; veto: boolean; minor: boolean; reason: string } {
    const c = this.names.classify(text);
    if (c.kind === 'money') return { money: true, veto: false, minor: c.minor, reason: describeNameEvidence(text, c.words) };
    if (c.kind === 'veto') return { money: false, veto: true, minor: false, reason: `veto word "${c.word}"` };
    return { money: false, veto: false, minor: false, reason: '' };
  }

  /** The run-time representation of a type, and the decimal type's name when it is one. */
  repr(type: ts.Type): { repr: Repr; decimalType?: string } {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { repr: 'any' };
    const parts = type.isUnion() ? type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void))) : [type];
    if (parts.length === 0) return { repr: 'other' };
    const reprs = parts.map((t) => this.reprOfPart(t));
    const first = reprs[0]!;
    if (reprs.every((r) => r.repr === first.repr)) return first;
    return { repr: 'other' };
  }

  private reprOfPart(type: ts.Type): { repr: Repr; decimalType?: string } {
    const decimal = this.decimalName(type);
    if (decimal) return { repr: 'decimal', decimalType: decimal };
    if (type.flags & ts.TypeFlags.NumberLike) return { repr: 'number' };
    if (type.flags & ts.TypeFlags.BigIntLike) return { repr: 'bigint' };
    if (type.flags & ts.TypeFlags.StringLike) return { repr: 'string' };
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return { repr: 'any' };
    if (type.isIntersection()) {
      for (const t of type.types) {
        const r = this.reprOfPart(t);
        if (r.repr !== 'other') return r;
      }
    }
    return { repr: 'other' };
  }

  /** A configured decimal type: by symbol name, and by declaring package when it is in node_modules or `declare module`. */
  private decimalName(type: ts.Type): string | undefined {
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    if (!symbol) return undefined;
    const modules = this.decimals.get(symbol.getName());
    if (!modules) return undefined;
    if (modules.length === 0) return symbol.getName();
    const decl = symbol.declarations?.[0];
    if (!decl) return symbol.getName();
    const from = declaringModule(decl);
    if (from === undefined) return symbol.getName();
    return modules.includes(from) ? symbol.getName() : undefined;
  }

  /** A branded money type (`number & { __brand: 'Cents' }`, `type Money = …` by alias name). */
  brand(type: ts.Type): { name: string; minor: boolean } | undefined {
    const alias = type.aliasSymbol?.getName();
    if (alias && this.brands.has(alias)) return { name: alias, minor: this.isMinorName(alias) };
    const members = type.isIntersection() ? type.types : [];
    if (members.length === 0) return undefined;
    if (!members.some((t) => t.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.StringLike))) return undefined;
    for (const member of members) {
      if (!(member.flags & ts.TypeFlags.Object)) continue;
      for (const prop of member.getProperties()) {
        const candidates = [prop.getName().replace(/^_+/, '')];
        const propType = prop.valueDeclaration ? this.checker.getTypeOfSymbolAtLocation(prop, prop.valueDeclaration) : undefined;
        if (propType?.isStringLiteral()) candidates.push(propType.value);
        for (const c of candidates) {
          if (this.brands.has(c) || this.names.classify(c).kind === 'money') return { name: c, minor: this.isMinorName(c) };
        }
      }
    }
    return undefined;
  }

  private isMinorName(name: string): boolean {
    const c = this.names.classify(name);
    return c.kind === 'money' && c.minor;
  }

  private neutral(e: ts.Expression, repr?: Repr): MoneyVerdict {
    return { ...NEUTRAL, repr: repr ?? this.repr(this.checker.getTypeAtLocation(e)).repr, subject: shortText(e, 40) };
  }

  private compute(e: ts.Expression): MoneyVerdict {
    const type = this.checker.getTypeAtLocation(e);
    const { repr, decimalType } = this.repr(type);
    const subject = shortText(e, 40);
    const base = { ...NEUTRAL, repr, subject };

    // 1. Types.
    if (repr === 'decimal') {
      const own = ownName(e);
      const veto = own === undefined ? undefined : this.name(own);
      if (veto?.veto) return { ...base, notMoney: true, decimalType: decimalType!, reason: veto.reason };
      const ratio = this.decimalRatio(e);
      if (ratio) return { ...base, notMoney: true, decimalType: decimalType!, reason: ratio };
      return { ...base, isMoney: true, decimalType: decimalType!, minor: decimalType === 'BN' || decimalType === 'Dinero', reason: `type ${decimalType}` };
    }
    const brand = this.brand(type);
    if (brand) return { ...base, isMoney: true, minor: brand.minor, shape: brand.minor ? 'integer' : 'unknown', reason: `branded type ${brand.name}` };

    // 2 and 3. Names, then data flow, by expression kind.
    if (ts.isNumericLiteral(e)) {
      const value = numericLiteral(e)!;
      return { ...base, shape: Number.isInteger(value) ? 'integer' : 'fraction' };
    }
    if (ts.isIdentifier(e)) return this.named(e.text, base, () => this.symbolFlow(e));
    if (ts.isPropertyAccessExpression(e)) {
      if (this.isWholeCount(e)) return { ...base, notMoney: true, shape: 'integer', reason: `a count (.${e.name.text})` };
      return this.named(e.name.text, base, () => this.symbolFlow(e.name) ?? this.inherited(e.expression, base));
    }
    if (ts.isElementAccessExpression(e)) {
      const key = unwrap(e.argumentExpression);
      if (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) return this.named(key.text, base, () => this.inherited(e.expression, base));
      return this.inherited(e.expression, base) ?? base;
    }
    if (ts.isCallExpression(e)) return this.call(e, base);
    if (ts.isBinaryExpression(e)) return this.binary(e, base);
    if (ts.isConditionalExpression(e)) return this.either([this.expr(e.whenTrue), this.expr(e.whenFalse)], base);
    if (ts.isPrefixUnaryExpression(e)) {
      if (e.operator === SK.MinusToken) return { ...this.expr(e.operand), repr, subject };
      if (e.operator === SK.PlusToken) return this.conversion(this.expr(e.operand), base, 'unary +');
      if (e.operator === SK.TildeToken) return { ...base, shape: 'integer' };
      return base;
    }
    if (ts.isPostfixUnaryExpression(e)) return { ...this.expr(e.operand), repr, subject };
    if (ts.isAwaitExpression(e)) return { ...this.expr(e.expression), repr, subject };
    return base;
  }

  /** `a.minus(b).div(b).times(100)`: a decimal ratio of two amounts stays a ratio through further scaling. */
  private decimalRatio(e: ts.Expression): string | undefined {
    if (!ts.isCallExpression(e)) return undefined;
    const callee = unwrap(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    const receiver = this.expr(callee.expression);
    if (receiver.repr !== 'decimal') return undefined;
    if (DECIMAL_DIVIDE.has(method) && receiver.isMoney && e.arguments[0] && this.expr(e.arguments[0]).isMoney) {
      return `money ÷ money is a ratio (${receiver.subject} ÷ ${shortText(e.arguments[0], 40)})`;
    }
    if (DECIMAL_KEEPS.has(method) && receiver.notMoney) return receiver.reason;
    return undefined;
  }

  /** Name evidence first (veto wins), then the given flow. */
  private named(text: string, base: MoneyVerdict, flow: () => MoneyVerdict | undefined | null): MoneyVerdict {
    const c = this.names.classify(text);
    if (c.kind === 'veto') {
      const shape: Shape = FRACTION_WORDS.has(c.word) ? 'fraction' : COUNT_WORDS.has(c.word) ? 'integer' : 'unknown';
      return { ...base, notMoney: true, shape, reason: `veto word "${c.word}"` };
    }
    if (c.kind === 'money') {
      const quantity = c.words.every((w) => QUANTITY_WORDS.has(w));
      const flowed = c.minor ? undefined : flow();
      // `const total = items.length`: the value itself says count or ratio, whatever the name says.
      if (flowed?.notMoney) return { ...base, notMoney: true, shape: flowed.shape, reason: flowed.reason };
      // The name decides; the flow only says whether the value was computed in floats.
      // Minor-unit names are trusted to hold whole units (a float initialiser is reported where it is).
      const computed = flowed?.computed ?? false;
      const whole = c.minor || flowed?.wholeAlways === true;
      return { ...base, isMoney: true, minor: c.minor, quantity, shape: whole ? 'integer' : 'unknown', computed, reason: describeNameEvidence(text, c.words) };
    }
    const flowed = flow();
    if (flowed) return { ...flowed, repr: base.repr, subject: base.subject };
    const words = splitWords(text);
    const last = words[words.length - 1];
    if (last !== undefined && COUNT_WORDS.has(last)) return { ...base, shape: 'integer' };
    if (last !== undefined && FRACTION_WORDS.has(last)) return { ...base, shape: 'fraction' };
    return base;
  }

  /** `balance.available`, `prices[i]`, `balances.get(id)`: a neutral part of a money-named container. */
  private inherited(container: ts.Expression, base: MoneyVerdict): MoneyVerdict | undefined {
    if (base.repr !== 'number' && base.repr !== 'any' && base.repr !== 'bigint' && base.repr !== 'string') return undefined;
    const name = ownName(unwrap(container));
    if (name === undefined) return undefined;
    const c = this.name(name);
    if (!c.money) return undefined;
    return { ...base, isMoney: true, minor: c.minor, shape: c.minor ? 'integer' : 'unknown', reason: `part of ${shortText(container, 40)}: ${c.reason}` };
  }

  private either(verdicts: MoneyVerdict[], base: MoneyVerdict): MoneyVerdict {
    const money = verdicts.filter((v) => v.isMoney);
    if (money.length === 0) {
      const shape: Shape = verdicts.every((v) => v.shape === 'integer') ? 'integer' : verdicts.some((v) => v.shape === 'fraction') ? 'fraction' : 'unknown';
      return { ...base, shape, notMoney: verdicts.some((v) => v.notMoney) };
    }
    const first = money[0]!;
    return {
      ...base,
      isMoney: true,
      minor: money.every((v) => v.minor),
      quantity: money.every((v) => v.quantity),
      shape: verdicts.every((v) => v.shape === 'integer') ? 'integer' : 'unknown',
      computed: money.some((v) => v.computed),
      reason: first.reason,
      subject: first.subject,
      ...(first.decimalType ? { decimalType: first.decimalType } : {}),
    };
  }

  /** `Number(x)`, `parseFloat(x)`, `+x`, `x.toNumber()`: the value, now a number. */
  private conversion(from: MoneyVerdict, base: MoneyVerdict, how: string): MoneyVerdict {
    if (!from.isMoney) return { ...base, notMoney: from.notMoney, shape: from.shape };
    const reason = from.repr === 'decimal' ? `converted from ${from.decimalType ?? 'a decimal'} ${from.subject} by ${how}; ${from.reason}` : from.reason;
    const computed = from.repr === 'number' ? from.computed : false;
    return { ...base, isMoney: true, minor: from.minor, quantity: from.quantity, shape: from.minor && !computed ? 'integer' : 'unknown', computed, reason, subject: from.subject };
  }

  private call(e: ts.CallExpression, base: MoneyVerdict): MoneyVerdict {
    const text = calleeText(e);
    const name = calleeName(e);
    const args = e.arguments;
    if (ROUNDING.has(text) && args[0]) {
      const inner = this.expr(args[0]);
      return { ...inner, repr: base.repr, subject: inner.isMoney ? inner.subject : base.subject, shape: 'integer', computed: false };
    }
    if (WHOLE_CALLS.has(text) || (WHOLE_METHODS.has(name) && text !== name)) return { ...base, notMoney: true, shape: 'integer', reason: `a count or position (${text}())` };
    if (text === 'Math.abs' || text === 'Math.min' || text === 'Math.max') return this.either(args.map((a) => this.expr(a)), base);
    if (text.startsWith('Math.')) return base;
    if (INTEGER_PARSERS.has(text) && args[0]) return { ...this.conversion(this.expr(args[0]), base, `${text}()`), shape: 'integer' };
    if (FLOAT_PARSERS.has(text) && args[0]) return this.conversion(this.expr(args[0]), base, `${text}()`);
    const callee = unwrap(e.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = this.expr(callee.expression);
      if (receiver.repr === 'decimal' && CONVERTERS.has(name)) return this.conversion(receiver, base, `.${name}()`);
      if (receiver.repr === 'decimal' && name === 'getAmount') return { ...base, isMoney: receiver.isMoney, minor: true, shape: 'integer', reason: receiver.reason };
      if ((name === 'reduce' || name === 'reduceRight') && args[0] && (ts.isArrowFunction(args[0]) || ts.isFunctionExpression(args[0]))) {
        const returned = this.returns(args[0]);
        if (returned?.isMoney) return { ...returned, repr: base.repr, subject: base.subject };
        // `lines.reduce((n, l) => n + l.length, 0)`: a sum of counts is a count.
        if (returned?.notMoney) return { ...base, notMoney: true, shape: returned.shape, reason: returned.reason };
      }
      if (ELEMENT_GETTERS.has(name)) {
        const inherited = this.inherited(callee.expression, base);
        if (inherited) return inherited;
      }
    }
    const signature = () => this.checker.getResolvedSignature(e)?.getDeclaration();
    const own = this.names.classify(name);
    if (own.kind === 'veto') return this.named(name, base, () => undefined);
    if (own.kind === 'money') {
      // `getTotal()`: money by its name; its body (when in the project) says whether it computes in floats.
      return this.named(name, base, () => {
        const d = signature();
        return d && !d.getSourceFile().isDeclarationFile ? this.returns(d) : undefined;
      });
    }
    if (base.repr !== 'number' && base.repr !== 'bigint' && base.repr !== 'any') return base;
    const decl = signature();
    if (decl && !decl.getSourceFile().isDeclarationFile) {
      const returned = this.returns(decl);
      if (returned?.isMoney) return { ...returned, repr: base.repr, subject: base.subject, reason: `returned by ${name}() (line ${lineOf(decl)}) ← ${returned.reason}` };
      if (returned?.notMoney) return { ...base, notMoney: true, shape: returned.shape };
    }
    const moneyArg = args.map((a) => this.expr(a)).find((v) => v.isMoney && v.repr === 'number');
    if (moneyArg) return { ...base, isMoney: true, minor: moneyArg.minor, computed: true, reason: `${name}() of ${moneyArg.subject} ← ${moneyArg.reason}`, subject: base.subject };
    return base;
  }

  private binary(e: ts.BinaryExpression, base: MoneyVerdict): MoneyVerdict {
    const op = e.operatorToken.kind;
    if (op === SK.EqualsToken || op === SK.CommaToken) return { ...this.expr(e.right), repr: base.repr, subject: base.subject };
    if (op === SK.QuestionQuestionToken || op === SK.BarBarToken || op === SK.AmpersandAmpersandToken) return this.either([this.expr(e.left), this.expr(e.right)], base);
    if (op === SK.BarToken || op === SK.LessThanLessThanToken || op === SK.GreaterThanGreaterThanToken) return { ...this.expr(e.left), repr: base.repr, subject: base.subject, shape: 'integer', computed: false };
    if (op === SK.PlusEqualsToken || op === SK.MinusEqualsToken || op === SK.AsteriskEqualsToken || op === SK.SlashEqualsToken) {
      return this.arithmetic(op === SK.PlusEqualsToken ? SK.PlusToken : op === SK.MinusEqualsToken ? SK.MinusToken : op === SK.AsteriskEqualsToken ? SK.AsteriskToken : SK.SlashToken, e, base);
    }
    if (op === SK.PlusToken || op === SK.MinusToken || op === SK.AsteriskToken || op === SK.SlashToken || op === SK.PercentToken) return this.arithmetic(op, e, base);
    return base;
  }

  /**
   * Money through + − × ÷ %: money ÷ money is a ratio; whole values (minor units, rounded amounts)
   * stay whole through + − × by whole numbers, and floats are exact while they are whole.
   */
  private arithmetic(op: ts.SyntaxKind, e: ts.BinaryExpression, base: MoneyVerdict): MoneyVerdict {
    if (base.repr === 'string') return base;
    const l = this.expr(e.left);
    const r = this.expr(e.right);
    const whole = (v: MoneyVerdict) => (v.isMoney ? v.shape === 'integer' || (v.minor && !v.computed) : v.shape !== 'fraction');
    if (!l.isMoney && !r.isMoney) {
      const shape: Shape = l.shape === 'integer' && r.shape === 'integer' && op !== SK.SlashToken ? 'integer' : l.shape === 'fraction' || r.shape === 'fraction' || op === SK.SlashToken ? 'fraction' : 'unknown';
      return { ...base, shape, notMoney: l.notMoney || r.notMoney };
    }
    const money = l.isMoney ? l : r;
    const other = l.isMoney ? r : l;
    const carry = { reason: money.reason, subject: money.subject };
    if (op === SK.PlusToken || op === SK.MinusToken) {
      const both = l.isMoney && r.isMoney;
      const minor = both ? l.minor && r.minor : money.minor;
      const integer = whole(l) && whole(r);
      return { ...base, ...carry, isMoney: true, minor, quantity: both ? l.quantity && r.quantity : money.quantity, shape: integer ? 'integer' : 'unknown', computed: !integer };
    }
    if (op === SK.AsteriskToken) {
      if (l.isMoney && r.isMoney) {
        const minorSide = l.minor ? l : r.minor ? r : undefined;
        const otherSide = minorSide === l ? r : l;
        if (minorSide && (otherSide.quantity || otherSide.minor)) return { ...base, ...carry, isMoney: true, minor: true, shape: whole(minorSide) ? 'integer' : 'unknown', computed: !whole(minorSide) };
        const priced = l.quantity ? r : l;
        const integer = whole(l) && whole(r);
        return { ...base, reason: priced.reason, subject: priced.subject, isMoney: true, minor: false, shape: integer ? 'integer' : 'unknown', computed: !integer };
      }
      if (!money.minor && isPowerOfTen(l.isMoney ? e.right : e.left, this.checker)) {
        return { ...base, ...carry, isMoney: true, minor: true, shape: whole(money) ? 'integer' : 'unknown', computed: !whole(money), reason: `${money.reason}, scaled to minor units` };
      }
      const integer = whole(money) && whole(other);
      return { ...base, ...carry, isMoney: true, minor: money.minor, quantity: money.quantity, shape: integer ? 'integer' : 'unknown', computed: !integer };
    }
    if (op === SK.SlashToken) {
      if (!l.isMoney) return { ...base, notMoney: true, shape: 'fraction' };
      if (l.minor && l.shape === 'integer' && isPowerOfTen(e.right, this.checker)) return { ...base, reason: l.reason, subject: l.subject, isMoney: true, minor: false, shape: 'unknown', computed: true };
      if (r.isMoney && (!r.quantity || l.quantity)) return { ...base, notMoney: true, shape: 'fraction', reason: `money ÷ money is a ratio (${l.subject} ÷ ${r.subject})` };
      if (isRelativeChange(e)) return { ...base, notMoney: true, shape: 'fraction', reason: `a relative change (${shortText(e, 40)})` };
      return { ...base, ...carry, isMoney: true, minor: l.minor, shape: 'unknown', computed: true };
    }
    // %
    if (!l.isMoney) return { ...base, shape: other.shape };
    const integer = whole(l) && whole(r);
    return { ...base, ...carry, isMoney: true, minor: l.minor, shape: integer ? 'integer' : 'unknown', computed: !integer };
  }

  /** Data flow into a name: what its declarations and assignments hold. */
  private symbolFlow(node: ts.Identifier | ts.PrivateIdentifier | ts.MemberName): MoneyVerdict | undefined {
    let symbol = this.checker.getSymbolAtLocation(node);
    if (!symbol) return undefined;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const resolved = symbol;
    return this.guarded(resolved, this.symbolCache, () => this.computeSymbol(resolved) ?? null, () => null) ?? undefined;
  }

  private computeSymbol(symbol: ts.Symbol): MoneyVerdict | undefined {
    const decls = (symbol.declarations ?? []).slice(0, 3);
    for (const decl of decls) {
      const declared = this.declaredType(decl);
      if (declared) return declared;
      let verdict: MoneyVerdict | undefined;
      if (ts.isVariableDeclaration(decl)) {
        verdict = this.flowFrom(decl.initializer, decl) ?? this.wholeVariable(symbol, decl) ?? this.iterated(decl) ?? this.assigned(symbol, decl);
      } else if (ts.isParameter(decl)) {
        verdict = this.flowFrom(decl.initializer, decl) ?? this.callbackParameter(decl);
      } else if (ts.isBindingElement(decl)) {
        verdict = this.bindingElement(decl);
      } else if (ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl)) {
        verdict = this.flowFrom(decl.initializer, decl) ?? (ts.isPropertyDeclaration(decl) ? this.assigned(symbol, decl) : undefined);
      } else if (ts.isShorthandPropertyAssignment(decl)) {
        const value = this.checker.getShorthandAssignmentValueSymbol(decl);
        if (value?.valueDeclaration && ts.isVariableDeclaration(value.valueDeclaration)) verdict = this.flowFrom(value.valueDeclaration.initializer, value.valueDeclaration);
      } else if (ts.isGetAccessorDeclaration(decl)) {
        const returned = this.returns(decl);
        if (returned?.isMoney) verdict = { ...returned, reason: `returned by get ${symbol.getName()} (line ${lineOf(decl)}) ← ${returned.reason}` };
      }
      if (verdict) return verdict;
    }
    return undefined;
  }

  /** `price: Money` where `type Money = number`: the alias is gone from the type, but not from the declaration. */
  private declaredType(decl: ts.Declaration): MoneyVerdict | undefined {
    const typeNode = (decl as { type?: ts.TypeNode }).type;
    if (!typeNode || !ts.isTypeReferenceNode(typeNode)) return undefined;
    const name = ts.isIdentifier(typeNode.typeName) ? typeNode.typeName.text : typeNode.typeName.right.text;
    if (!this.brands.has(name)) return undefined;
    const minor = this.isMinorName(name);
    return { ...NEUTRAL, repr: 'number', isMoney: true, minor, shape: minor ? 'integer' : 'unknown', reason: `declared as ${name}`, subject: name };
  }

  private flowFrom(init: ts.Expression | undefined, decl: ts.Node): MoneyVerdict | undefined {
    if (!init) return undefined;
    const v = this.expr(init);
    if (!v.isMoney && !v.notMoney) return undefined;
    if (v.notMoney) return { ...v };
    return { ...v, reason: `computed from ${v.subject} (line ${lineOf(decl)}) ← ${v.reason}` };
  }

  /**
   * `const budget = 4096`, or `let total = 0` only ever given whole values that are not money
   * (`total += Buffer.byteLength(k)`): the variable holds whole numbers whatever its name.
   */
  private wholeVariable(symbol: ts.Symbol, decl: ts.VariableDeclaration): MoneyVerdict | undefined {
    if (!decl.initializer) return undefined;
    const init = this.expr(decl.initializer);
    if (init.isMoney || init.notMoney || init.shape !== 'integer') return undefined;
    const constant = (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) !== 0;
    if (!constant) {
      for (const a of this.assignmentsTo(symbol, decl)) {
        const op = a.operatorToken.kind;
        if (op !== SK.EqualsToken && op !== SK.PlusEqualsToken && op !== SK.MinusEqualsToken && op !== SK.AsteriskEqualsToken) return undefined;
        const v = this.expr(a.right);
        if (v.isMoney || v.shape !== 'integer') return undefined;
      }
    }
    const what = constant ? 'a whole constant' : 'only ever given whole values';
    return { ...init, wholeAlways: true, reason: `${what} (${shortText(decl.initializer, 30)}, line ${lineOf(decl)})` };
  }

  /** `.length`, `.byteLength`, and `.size` of a Map or Set: whole counts, never money. */
  private isWholeCount(e: ts.PropertyAccessExpression): boolean {
    const name = e.name.text;
    if (name === 'length' || name === 'byteLength') return true;
    if (name !== 'size') return false;
    const receiver = this.checker.getTypeAtLocation(e.expression).getSymbol()?.getName();
    return receiver !== undefined && SIZED_COLLECTIONS.has(receiver);
  }

  /** `for (const p of prices)`. */
  private iterated(decl: ts.VariableDeclaration): MoneyVerdict | undefined {
    const list = decl.parent;
    const loop = list?.parent;
    if (!loop || !ts.isForOfStatement(loop) || loop.initializer !== list) return undefined;
    const v = this.expr(loop.expression);
    if (!v.isMoney) return undefined;
    return { ...v, computed: false, reason: `element of ${v.subject} (line ${lineOf(decl)}) ← ${v.reason}` };
  }

  /** The assignments (`=`, `+=`, …) in the declaring file whose target is this symbol. */
  private assignmentsTo(symbol: ts.Symbol, decl: ts.Node): ts.BinaryExpression[] {
    const byName = this.assignmentsIn(decl.getSourceFile()).get(symbol.getName()) ?? [];
    return byName.filter((a) => {
      const target = unwrap(a.left);
      return this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(target) ? target.name : target) === symbol;
    });
  }

  /** `let sum = 0; … sum += line.price`: money assigned into a neutral name makes it money. */
  private assigned(symbol: ts.Symbol, decl: ts.Node): MoneyVerdict | undefined {
    for (const a of this.assignmentsTo(symbol, decl)) {
      const v = this.expr(a.right);
      if (!v.isMoney) continue;
      const compound = a.operatorToken.kind !== SK.EqualsToken;
      return { ...v, computed: v.computed || (compound && v.shape !== 'integer'), reason: `assigned from ${v.subject} (line ${lineOf(a)}) ← ${v.reason}` };
    }
    return undefined;
  }

  private assignmentsIn(file: ts.SourceFile): Map<string, ts.BinaryExpression[]> {
    let index = this.assignmentIndex.get(file);
    if (index) return index;
    index = new Map();
    const found = index;
    const visit = (n: ts.Node): void => {
      if (ts.isBinaryExpression(n) && n.operatorToken.kind >= SK.FirstAssignment && n.operatorToken.kind <= SK.LastAssignment) {
        const target = unwrap(n.left);
        const key = ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : undefined;
        if (key !== undefined) found.set(key, [...(found.get(key) ?? []), n]);
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
    this.assignmentIndex.set(file, index);
    return index;
  }

  /** `prices.map(p => …)`, `prices.reduce((sum, p) => …, 0)`: callback parameters hold the array's elements. */
  private callbackParameter(param: ts.ParameterDeclaration): MoneyVerdict | undefined {
    const fn = param.parent;
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
    const call = fn.parent;
    if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !ELEMENT_METHODS.has(callee.name.text)) return undefined;
    const index = fn.parameters.indexOf(param);
    const reduce = callee.name.text === 'reduce' || callee.name.text === 'reduceRight';
    if (reduce && index === 0) {
      const seed = call.arguments[1];
      const fromSeed = seed ? this.expr(seed) : undefined;
      if (fromSeed?.isMoney) return { ...fromSeed, reason: `accumulator seeded with ${fromSeed.subject} ← ${fromSeed.reason}` };
      const returned = this.returns(fn);
      if (returned?.isMoney) return { ...returned, computed: true, reason: `accumulator of ${shortText(call, 40)} ← ${returned.reason}` };
      return undefined;
    }
    if (index !== (reduce ? 1 : 0) && !(callee.name.text === 'sort' && index === 1)) return undefined;
    const array = this.expr(callee.expression);
    if (!array.isMoney) return undefined;
    return { ...array, computed: false, reason: `element of ${array.subject} (line ${lineOf(param)}) ← ${array.reason}` };
  }

  /** `const { price: p } = order`, `const [first] = prices`. */
  private bindingElement(decl: ts.BindingElement): MoneyVerdict | undefined {
    const pattern = decl.parent;
    if (ts.isObjectBindingPattern(pattern)) {
      const key = decl.propertyName ? propertyNameText(decl.propertyName) : undefined;
      if (key === undefined) return undefined;
      const c = this.name(key);
      if (c.money) return { ...NEUTRAL, repr: 'number', isMoney: true, minor: c.minor, shape: c.minor ? 'integer' : 'unknown', reason: `destructured from ${key}: ${c.reason}`, subject: key };
      if (c.veto) return { ...NEUTRAL, repr: 'number', notMoney: true, reason: c.reason, subject: key };
      return undefined;
    }
    const holder = pattern.parent;
    if (ts.isVariableDeclaration(holder) && holder.initializer) {
      const v = this.expr(holder.initializer);
      if (v.isMoney) return { ...v, reason: `element of ${v.subject} ← ${v.reason}` };
    }
    return undefined;
  }

  /** What a function returns: the money verdict of any returned expression (first money one wins). */
  returns(fn: ts.Node): MoneyVerdict | undefined {
    return (
      this.guarded(
        fn,
        this.returnsCache,
        () => {
          const verdicts = returnedExpressions(fn).map((r) => this.expr(r));
          const money = verdicts.find((v) => v.isMoney);
          const picked = money ?? (verdicts.length > 0 && verdicts.every((v) => v.notMoney) ? verdicts[0]! : undefined);
          // Every return whole (`return 0` … `return total` of counts): so is the function's result.
          const whole = verdicts.length > 0 && verdicts.every((v) => v.shape === 'integer' && !v.computed);
          if (whole) return { ...(picked ?? verdicts[0]!), shape: 'integer', wholeAlways: true };
          return picked ?? null;
        },
        () => null,
      ) ?? undefined
    );
  }
}

/** `(a - b) / b`, `(price - prev) / prev`: the divisor is a term of the dividend, so the result is a ratio. */
function isRelativeChange(e: ts.BinaryExpression): boolean {
  const divisor = unwrap(e.right).getText();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && (n.operatorToken.kind === SK.MinusToken || n.operatorToken.kind === SK.PlusToken)) {
      if (unwrap(n.left).getText() === divisor || unwrap(n.right).getText() === divisor) found = true;
    }
    if (ts.isParenthesizedExpression(n) || ts.isBinaryExpression(n)) ts.forEachChild(n, visit);
  };
  visit(unwrap(e.left));
  return found;
}

/** The name an expression goes by: `price`, `order.price` → price, `row['amount']`, `getTotal()` → getTotal. */
export function ownName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e)) {
    const key = unwrap(e.argumentExpression);
    if (ts.isStringLiteral(key)) return key.text;
    return ownName(unwrap(e.expression));
  }
  if (ts.isCallExpression(e)) return calleeName(e) || undefined;
  if (ts.isNewExpression(e)) return dottedName(e.expression) || undefined;
  return undefined;
}

function returnedExpressions(fn: ts.Node): ts.Expression[] {
  if (ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return [fn.body];
  const body = (fn as { body?: ts.Node }).body;
  if (!body) return [];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n)) {
      if (n.expression) out.push(n.expression);
      return;
    }
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

/** The package (`big.js`, `@scope/pkg`) or `declare module 'x'` name a declaration comes from, if any. */
export function declaringModule(decl: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = decl; n; n = n.parent) {
    if (ts.isModuleDeclaration(n) && ts.isStringLiteral(n.name)) return n.name.text;
  }
  const file = decl.getSourceFile().fileName.replace(/\\/g, '/');
  const at = file.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const rest = file.slice(at + '/node_modules/'.length).split('/');
  let pkg = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  if (pkg.startsWith('@types/')) {
    const inner = pkg.slice('@types/'.length);
    pkg = inner.includes('__') ? `@${inner.replace('__', '/')}` : inner;
  }
  return pkg;
}
