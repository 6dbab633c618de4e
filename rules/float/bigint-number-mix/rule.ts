import { ts } from 'ts-morph';
import type { FloatRule } from '../../../src/checks/float/rule-context.ts';
import { calleeText, outerParent, shortText, sinkOf, unwrap } from '../../../src/checks/float/shapes.ts';

const TO_NUMBER = new Set(['Number', 'parseFloat', 'Number.parseFloat', 'parseInt', 'Number.parseInt']);

/** `String(x)` or `x.toString()` → x: the value a parser is really given. */
function textSource(arg: ts.Expression): ts.Expression {
  const e = unwrap(arg);
  if (!ts.isCallExpression(e)) return e;
  if (calleeText(e) === 'String' && e.arguments[0]) return e.arguments[0];
  const callee = unwrap(e.expression);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'toString') return callee.expression;
  return e;
}

export const bigintNumberMix: FloatRule = {
  meta: {
    id: 'float/bigint-number-mix',
    description: 'bigint money turned into a number and computed with (`Number(balanceCents) * rate`), or a float turned into bigint money (`BigInt(price)`).',
    severity: 'error',
    fixable: false,
    fixHint: 'Stay in bigint minor units (`cents * 3n`, scaled integer rates), and build bigint cents from strings or integers that are already whole.',
  },
  create(context) {
    for (const call of context.nodes.calls) {
      const text = calleeText(call);
      const arg = call.arguments[0];
      if (!arg) continue;
      if (TO_NUMBER.has(text)) {
        const from = context.money.expr(textSource(arg));
        if (from.repr !== 'bigint' || !from.isMoney) continue;
        const sink = sinkOf(call);
        if (sink === 'other') continue;
        const { parent } = outerParent(call);
        if (ts.isBinaryExpression(parent) && context.arithmetic.classify(parent)?.kind === 'minor-to-major') continue;
        context.report({ node: call, message: `bigint money turned into a float: \`${shortText(call, 60)}\` loses exactness (and every digit past 2^53).`, evidence: from });
      } else if (text === 'BigInt') {
        const from = context.money.expr(arg);
        if (!from.isMoney || from.repr !== 'number' || from.shape === 'integer') continue;
        if (context.arithmetic.isMajorScaling(arg)) continue; // minor-major-units reports BigInt(price * 100)
        context.report({ node: call, message: `Float money turned into bigint: \`${shortText(call, 60)}\` throws on a fraction or keeps the float's error.`, evidence: from });
      }
    }
  },
};
