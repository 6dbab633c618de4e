/**
 * Expression shapes the float rules share: which operators are arithmetic, where an arithmetic
 * chain ends, rounding calls, powers of ten, loops, display-only uses. Syntax only; what is
 * money is decided in money.ts.
 */
import { ts } from 'ts-morph';

const SK = ts.SyntaxKind;

export const ARITHMETIC = new Set<ts.SyntaxKind>([SK.PlusToken, SK.MinusToken, SK.AsteriskToken, SK.SlashToken, SK.PercentToken]);
export const COMPOUND_ARITHMETIC = new Set<ts.SyntaxKind>([SK.PlusEqualsToken, SK.MinusEqualsToken, SK.AsteriskEqualsToken, SK.SlashEqualsToken, SK.PercentEqualsToken]);
export const EQUALITY = new Set<ts.SyntaxKind>([SK.EqualsEqualsEqualsToken, SK.ExclamationEqualsEqualsToken, SK.EqualsEqualsToken, SK.ExclamationEqualsToken]);
export const ORDERING = new Set<ts.SyntaxKind>([SK.LessThanToken, SK.LessThanEqualsToken, SK.GreaterThanToken, SK.GreaterThanEqualsToken]);

export function isArithmetic(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && ARITHMETIC.has(node.operatorToken.kind);
}

export function isCompoundArithmetic(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && COMPOUND_ARITHMETIC.has(node.operatorToken.kind);
}

/** Strips parentheses, `as`, `!`, `satisfies` and type assertions. */
export function unwrap(node: ts.Expression): ts.Expression {
  let e = node;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
    else return e;
  }
}

/** The nearest parent that is not a parenthesis, `as`, `!` or `satisfies` wrapper. */
export function outerParent(node: ts.Node): { parent: ts.Node; child: ts.Node } {
  let child = node;
  let parent = node.parent;
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent))) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/**
 * The arithmetic chain an expression belongs to ends at the first parent that is not an
 * arithmetic operator, a unary sign, a wrapper or a branch of a conditional. Rules report
 * once per chain, at its top.
 */
export function isChainTop(node: ts.Expression): boolean {
  const { parent, child } = outerParent(node);
  if (isArithmetic(parent)) return false;
  if (isCompoundArithmetic(parent) && parent.right === child) return false;
  if (ts.isPrefixUnaryExpression(parent) && (parent.operator === SK.MinusToken || parent.operator === SK.PlusToken)) return !isChainMember(parent);
  if (ts.isConditionalExpression(parent) && child !== parent.condition) return !isChainMember(parent);
  return true;
}

function isChainMember(node: ts.Expression): boolean {
  return !isChainTop(node);
}

/** A dotted name as written: `Math.round` → "Math.round", `a.b.format` → "a.b.format"; "" otherwise. */
export function dottedName(node: ts.Expression): string {
  const e = unwrap(node);
  if (ts.isIdentifier(e)) return e.text;
  if (e.kind === SK.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(e)) return `${dottedName(e.expression)}.${e.name.text}`;
  return '';
}

/** The callee as written: `Math.round(x)` → "Math.round", `new Intl.NumberFormat().format(x)` → ".format". */
export function calleeText(call: ts.CallExpression | ts.NewExpression): string {
  return dottedName(call.expression);
}

/** The last name of the callee: `Math.round` → "round", `lodash.sumBy` → "sumBy". */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return '';
}

export const ROUNDING = new Set(['Math.round', 'Math.floor', 'Math.ceil', 'Math.trunc']);

export function isRoundingCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ROUNDING.has(calleeText(node));
}

/** The numeric value of a literal (`100`, `1e2`, `-1`, `1_000`), or undefined. */
export function numericLiteral(node: ts.Expression): number | undefined {
  const e = unwrap(node);
  if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ''));
  if (ts.isPrefixUnaryExpression(e) && e.operator === SK.MinusToken) {
    const inner = numericLiteral(e.operand);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

/**
 * A power of ten used to move between minor and major units: `100`, `1e8`, `10 ** decimals`,
 * `Math.pow(10, d)`, or a const initialised with one of those (`CENTS_PER_DOLLAR`).
 */
export function isPowerOfTen(node: ts.Expression, checker: ts.TypeChecker, depth = 0): boolean {
  const e = unwrap(node);
  const value = numericLiteral(e);
  if (value !== undefined) return value >= 10 && Number.isInteger(Math.log10(value)) && 10 ** Math.round(Math.log10(value)) === value;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === SK.AsteriskAsteriskToken) return numericLiteral(e.left) === 10;
  if (ts.isCallExpression(e) && calleeText(e) === 'Math.pow') return e.arguments[0] !== undefined && numericLiteral(e.arguments[0]) === 10;
  if (depth < 2 && (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e))) {
    const symbol = checker.getSymbolAtLocation(ts.isIdentifier(e) ? e : e.name);
    const decl = symbol?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const) {
      return isPowerOfTen(decl.initializer, checker, depth + 1);
    }
    if (decl && ts.isPropertyDeclaration(decl) && decl.initializer && ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Readonly) {
      return isPowerOfTen(decl.initializer, checker, depth + 1);
    }
  }
  return false;
}

const LOOPS = new Set<ts.SyntaxKind>([SK.ForStatement, SK.ForOfStatement, SK.ForInStatement, SK.WhileStatement, SK.DoStatement]);
const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'each', 'reduce', 'reduceRight']);

/** Inside a loop body or an iteration callback (`forEach`, `map`…) of the same function. */
export function isInLoop(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (LOOPS.has(n.kind)) return true;
    if (ts.isFunctionLike(n)) {
      const call = n.parent;
      return ts.isCallExpression(call) && call.arguments.includes(n as unknown as ts.Expression) && ITERATING_METHODS.has(calleeName(call));
    }
  }
  return false;
}

/** The callback and call when `fn` is the first argument of `.reduce()`/`.reduceRight()`. */
export function reduceCallOf(fn: ts.Node): ts.CallExpression | undefined {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  const name = calleeName(call);
  return name === 'reduce' || name === 'reduceRight' ? call : undefined;
}

/** The function whose return value `node` is (arrow expression body or `return` statement). */
export function returnedFrom(node: ts.Node): ts.SignatureDeclaration | undefined {
  const { parent, child } = outerParent(node);
  if (ts.isArrowFunction(parent) && parent.body === child) return parent;
  if (ts.isReturnStatement(parent)) {
    for (let n: ts.Node | undefined = parent.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return n;
  }
  return undefined;
}

/**
 * Can the value cancel out to (almost) zero: does it subtract or negate anywhere, looking
 * through the initialisers of the names it uses? `balance - paid` can; a sum of positives cannot.
 */
export function mayCancel(node: ts.Expression, checker: ts.TypeChecker, depth = 0): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && (n.operatorToken.kind === SK.MinusToken || n.operatorToken.kind === SK.MinusEqualsToken)) found = true;
    else if (ts.isPrefixUnaryExpression(n) && n.operator === SK.MinusToken) found = true;
    else if (ts.isIdentifier(n) && depth < 3) {
      const decl = checker.getSymbolAtLocation(n)?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer) found = mayCancel(decl.initializer, checker, depth + 1);
    } else if (!ts.isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

const SORTING = new Set(['sort', 'toSorted', 'sortBy', 'orderBy']);

/**
 * A difference used only for its sign: the value a sort comparator returns, directly or
 * through `||`, `??` or a conditional (`(a, b) => b.price - a.price || a.time - b.time`).
 */
export function isComparatorResult(node: ts.Expression): boolean {
  let current: ts.Node = node;
  for (;;) {
    const { parent, child } = outerParent(current);
    if (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === SK.BarBarToken || parent.operatorToken.kind === SK.QuestionQuestionToken)) current = parent;
    else if (ts.isConditionalExpression(parent) && parent.condition !== child) current = parent;
    else break;
  }
  const fn = returnedFrom(current);
  if (!fn) return false;
  const call = fn.parent;
  return !!call && ts.isCallExpression(call) && call.arguments[0] === fn && SORTING.has(calleeName(call));
}

/** Does the expression tree mention this symbol (the accumulator of a reduce, the target of `x = x + …`)? */
export function mentionsSymbol(node: ts.Node, symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && checker.getSymbolAtLocation(n) === symbol) {
      found = true;
      return;
    }
    if (ts.isFunctionLike(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

const DISPLAY_METHODS = new Set(['toFixed', 'toLocaleString', 'toString', 'toPrecision']);
const DISPLAY_CALLEE_WORDS = /format|display|render|print|log|show|label|text|string|debug|warn|info|error|trace/i;

/**
 * A value used only to show it: formatted (`.toFixed(2)`, `Intl.NumberFormat#format`,
 * `formatMoney(x)`), interpolated into a template or string, logged, or placed in JSX.
 */
export function isDisplayUse(node: ts.Expression): boolean {
  const { parent, child } = outerParent(node);
  if (ts.isPropertyAccessExpression(parent) && parent.expression === child && DISPLAY_METHODS.has(parent.name.text)) return ts.isCallExpression(parent.parent);
  if (ts.isTemplateSpan(parent) || ts.isJsxExpression(parent)) return true;
  if (ts.isCallExpression(parent) && parent.arguments.includes(child as ts.Expression)) {
    const text = calleeText(parent);
    if (text === 'String' || text.startsWith('console.')) return true;
    return DISPLAY_CALLEE_WORDS.test(calleeName(parent));
  }
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === SK.PlusToken) {
    const other = parent.left === child ? parent.right : parent.left;
    return ts.isStringLiteral(unwrap(other)) || ts.isTemplateExpression(unwrap(other)) || ts.isNoSubstitutionTemplateLiteral(unwrap(other));
  }
  return false;
}

/** The name of the function a node is in (`function f`, `const f = () =>`, a method). */
export function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    const name = (n as { name?: ts.Node }).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) return name.text;
    if (n.parent && ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name)) return n.parent.name.text;
    if (n.parent && ts.isPropertyAssignment(n.parent)) return propertyNameText(n.parent.name);
    return undefined;
  }
  return undefined;
}

/**
 * The name a value is stored under: `const x = …`, `x = …`, `{ x: … }`, `this.x = …`, or the
 * name of the function it is returned from (`function marginPct() { return … }`).
 */
export function storedName(node: ts.Expression): string | undefined {
  const { parent, child } = outerParent(node);
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === child)) return enclosingFunctionName(child);
  if (ts.isVariableDeclaration(parent) && parent.initializer === child && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && parent.initializer === child) return propertyNameText(parent.name);
  if (ts.isPropertyDeclaration(parent) && parent.initializer === child) return propertyNameText(parent.name);
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === SK.EqualsToken && parent.right === child) {
    const target = unwrap(parent.left);
    if (ts.isIdentifier(target)) return target.text;
    if (ts.isPropertyAccessExpression(target)) return target.name.text;
  }
  return undefined;
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

export type Sink = 'arithmetic' | 'storage' | 'return' | 'other';

/**
 * Where a converted value goes: into arithmetic, into storage (a variable, a property, an
 * object literal field, an array element) or out of a function, or elsewhere (a call argument,
 * a comparison, a template). `Math.abs/min/max` are looked through.
 */
export function sinkOf(node: ts.Expression): Sink {
  const { parent, child } = outerParent(node);
  if (isArithmetic(parent) || isCompoundArithmetic(parent)) return 'arithmetic';
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === SK.MinusToken) return sinkOf(parent);
  if (ts.isConditionalExpression(parent) && parent.condition !== child) return sinkOf(parent);
  if (ts.isCallExpression(parent) && ['Math.abs', 'Math.min', 'Math.max'].includes(calleeText(parent))) return sinkOf(parent);
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isShorthandPropertyAssignment(parent)) return 'storage';
  if (ts.isArrayLiteralExpression(parent)) return 'storage';
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === SK.EqualsToken && parent.right === child) return 'storage';
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === child)) return 'return';
  return 'other';
}

/** 1-based line of a node's start. */
export function lineOf(node: ts.Node): number {
  const sf = node.getSourceFile();
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

/** Short source text of a node for messages and snippets (one line, at most `max` characters). */
export function shortText(node: ts.Node, max = 80): string {
  const text = node.getText(node.getSourceFile()).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
