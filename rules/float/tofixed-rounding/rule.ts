import { ts } from 'ts-morph';
import type { FloatRule } from '../../../src/checks/float/rule-context.ts';
import { calleeText, outerParent, shortText, unwrap } from '../../../src/checks/float/shapes.ts';

const PARSERS = new Set(['parseFloat', 'Number.parseFloat', 'Number']);

export const toFixedRounding: FloatRule = {
  meta: {
    id: 'float/tofixed-rounding',
    description: '`toFixed` used to round money and parsed back into a number (`Number(x.toFixed(2))`).',
    severity: 'error',
    fixable: false,
    fixHint: "Round in a decimal type with an explicit rounding mode (`x.round(2, Big.roundHalfUp)`); keep `toFixed` for display strings only.",
  },
  create(context) {
    for (const call of context.nodes.calls) {
      const callee = unwrap(call.expression);
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'toFixed') continue;
      const receiver = context.money.expr(callee.expression);
      if (!receiver.isMoney || (receiver.repr !== 'number' && receiver.repr !== 'any')) continue;
      const { parent } = outerParent(call);
      const parsed =
        (ts.isCallExpression(parent) && PARSERS.has(calleeText(parent))) || (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.PlusToken);
      if (!parsed) continue;
      context.report({
        node: parent,
        message: `Rounding money with toFixed: \`${shortText(parent, 60)}\` rounds the binary float (1.005.toFixed(2) === '1.00') and turns it back into a float.`,
        evidence: receiver,
      });
    }
  },
};
