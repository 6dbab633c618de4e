import { ts } from 'ts-morph';
import type { FloatRuleContext, FloatRule } from '../../../src/checks/float/rule-context.ts';
import { calleeName, calleeText, isArithmetic, numericLiteral, shortText, unwrap } from '../../../src/checks/float/shapes.ts';

const PARSERS = new Set(['parseFloat', 'Number.parseFloat', 'Number']);
const CONVERTERS = new Set(['toNumber', 'toUnit', 'toJSNumber', 'toFloat']);

/** Why an argument handed to a decimal is already a float, or undefined when it is fine. */
function floatArgument(context: FloatRuleContext, arg: ts.Expression, constructing: boolean): string | undefined {
  const e = unwrap(arg);
  const literal = numericLiteral(e);
  if (literal !== undefined) return constructing && !Number.isInteger(literal) ? `the float literal ${e.getText()} (write '${e.getText()}' as a string)` : undefined;
  if (isArithmetic(e)) {
    const v = context.money.expr(e);
    if (v.repr !== 'number') return undefined;
    if (v.isMoney && v.shape !== 'integer') return `float arithmetic \`${shortText(e, 40)}\` (do it in the decimal type)`;
    if (!v.isMoney && v.shape === 'fraction') return `float arithmetic \`${shortText(e, 40)}\` (do it in the decimal type)`;
    return undefined;
  }
  if (ts.isCallExpression(e)) {
    const text = calleeText(e);
    const inner = e.arguments[0];
    if (PARSERS.has(text) && inner && context.money.expr(inner).repr !== 'number') return `a parsed float \`${shortText(e, 40)}\` (pass the text itself)`;
    const callee = unwrap(e.expression);
    if (ts.isPropertyAccessExpression(callee) && CONVERTERS.has(calleeName(e)) && context.money.expr(callee.expression).repr === 'decimal') {
      return `a decimal converted to a float \`${shortText(e, 40)}\` (pass the decimal itself)`;
    }
  }
  return undefined;
}

/** Arguments (and `amount`-style fields of an object argument) shaped like a float: a fractional literal, arithmetic, a parse or a conversion. */
function candidates(call: ts.CallExpression | ts.NewExpression): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const arg of call.arguments ?? []) {
    const e = unwrap(arg);
    const targets = ts.isObjectLiteralExpression(e) ? e.properties.filter(ts.isPropertyAssignment).map((p) => p.initializer) : [arg];
    for (const t of targets) {
      const x = unwrap(t);
      const literal = numericLiteral(x);
      if (literal !== undefined ? !Number.isInteger(literal) : isArithmetic(x) || (ts.isCallExpression(x) && (PARSERS.has(calleeText(x)) || CONVERTERS.has(calleeName(x))))) out.push(t);
    }
  }
  return out;
}

export const decimalFromFloat: FloatRule = {
  meta: {
    id: 'float/decimal-from-float',
    description: 'A decimal built from a value that is already a float: `new Big(0.1)`, `new Decimal(price * qty)`, `Big(parseFloat(text))`.',
    severity: 'error',
    fixable: false,
    fixHint: "Build decimals from strings or integers (`new Big('0.1')`, `new Big(text)`) and do the arithmetic in the decimal type (`price.times(qty)`).",
  },
  create(context) {
    const examine = (call: ts.CallExpression | ts.NewExpression, constructing: boolean): void => {
      for (const target of candidates(call)) {
        const why = floatArgument(context, target, constructing);
        if (why) context.report({ node: target, message: `Decimal built from ${why}: the float error is already in the value.`, evidence: context.money.expr(target) });
      }
    };
    // Syntax first: only calls with an argument that could be a float are worth a type query.
    for (const node of context.nodes.news) {
      if (candidates(node).length > 0 && context.money.reprAt(node) === 'decimal') examine(node, true);
    }
    for (const call of context.nodes.calls) {
      if (candidates(call).length === 0) continue;
      const callee = unwrap(call.expression);
      if (ts.isIdentifier(callee) && context.money.reprAt(call) === 'decimal') {
        examine(call, true); // Big(x), Decimal(x), Dinero({ amount })
      } else if (ts.isPropertyAccessExpression(callee) && context.money.reprAt(callee.expression) === 'decimal') {
        examine(call, false); // total.plus(x), price.times(x)
      }
    }
  },
};
