import { ts } from 'ts-morph';
import type { MoneyVerdict } from '../../../src/checks/float/money.ts';
import type { FloatRule } from '../../../src/checks/float/rule-context.ts';
import { calleeName, calleeText, outerParent, shortText, sinkOf, storedName, unwrap } from '../../../src/checks/float/shapes.ts';

const CONVERTERS = new Set(['toNumber', 'toUnit', 'toJSNumber', 'toFloat']);
const PARSERS = new Set(['parseFloat', 'Number.parseFloat', 'Number']);
const TEXT_METHODS = new Set(['toString', 'toFixed', 'valueOf', 'toPrecision']);

export const decimalToNumber: FloatRule = {
  meta: {
    id: 'float/decimal-to-number',
    description: 'A decimal (Big, Decimal, BigNumber) turned back into a number and then used in arithmetic, stored or returned.',
    severity: 'error',
    fixable: false,
    fixHint: 'Stay in the decimal type (`a.times(b)`, not `a.toNumber() * b`); convert to a string or integer minor units at the edge, and to a number only to display it.',
  },
  create(context) {
    const report = (node: ts.Expression, decimal: MoneyVerdict): void => {
      if (!decimal.isMoney) return;
      let sink = sinkOf(node);
      const { parent } = outerParent(node);
      if (sink === 'storage' && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
        // `const n = total.toNumber()` is fine when n is only shown or charted; look at its uses.
        const symbol = context.checker.getSymbolAtLocation(parent.name);
        const uses = symbol ? referencesOf(symbol, parent, context.checker) : [];
        sink = uses.map((u) => sinkOf(u)).find((s) => s !== 'other') ?? 'other';
      }
      if (sink === 'other') return;
      // A number going into a ratio-named place (`pct`, `rate`) or out of a ratio-named function is not money.
      const stored = sink === 'storage' || sink === 'return' ? storedName(node) : undefined;
      if (stored !== undefined && context.money.name(stored).veto) return;
      const what = sink === 'arithmetic' ? 'then used in arithmetic' : sink === 'return' ? 'then returned as a number' : 'then stored as a number';
      context.report({ node, message: `${decimal.decimalType ?? 'Decimal'} money turned into a float (\`${shortText(node, 60)}\`) ${what}.`, evidence: decimal });
    };
    /** `dec`, or `dec.toString()` / `dec.toFixed(2)`: the decimal a parser is given. */
    const decimalBehind = (e: ts.Expression | undefined): MoneyVerdict | undefined => {
      if (!e) return undefined;
      let inner = unwrap(e);
      if (ts.isCallExpression(inner) && TEXT_METHODS.has(calleeName(inner))) {
        const callee = unwrap(inner.expression);
        if (ts.isPropertyAccessExpression(callee)) inner = callee.expression;
      }
      const v = context.money.expr(inner);
      return v.repr === 'decimal' ? v : undefined;
    };
    for (const call of context.nodes.calls) {
      const callee = unwrap(call.expression);
      if (ts.isPropertyAccessExpression(callee) && CONVERTERS.has(callee.name.text) && call.arguments.length === 0) {
        const receiver = context.money.expr(callee.expression);
        if (receiver.repr === 'decimal') report(call, receiver);
        continue;
      }
      if (PARSERS.has(calleeText(call))) {
        const decimal = decimalBehind(call.arguments[0]);
        if (decimal) report(call, decimal);
      }
    }
    for (const unary of context.nodes.prefixUnary) {
      if (unary.operator !== ts.SyntaxKind.PlusToken) continue;
      const decimal = decimalBehind(unary.operand);
      if (decimal) report(unary, decimal);
    }
  },
};

/** Identifiers that refer to `symbol` in the scope of its declaration. */
function referencesOf(symbol: ts.Symbol, decl: ts.VariableDeclaration, checker: ts.TypeChecker): ts.Identifier[] {
  let scope: ts.Node = decl;
  while (scope.parent && !ts.isBlock(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  const out: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n !== decl.name && n.text === symbol.getName() && checker.getSymbolAtLocation(n) === symbol) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return out;
}
