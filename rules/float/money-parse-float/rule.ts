import { ts } from 'ts-morph';
import type { FloatRule } from '../../../src/checks/float/rule-context.ts';
import { calleeText, isDisplayUse, shortText } from '../../../src/checks/float/shapes.ts';

const PARSERS = new Set(['parseFloat', 'Number.parseFloat', 'Number']);

export const moneyParseFloat: FloatRule = {
  meta: {
    id: 'float/money-parse-float',
    description: 'A money string parsed into a float with `parseFloat`, `Number()` or unary `+`.',
    severity: 'error',
    fixable: false,
    fixHint: 'Pass the string to a decimal type (`new Big(text)`), or parse it into integer minor units; never through a float.',
  },
  create(context) {
    const check = (node: ts.Expression, argument: ts.Expression | undefined, how: string): void => {
      if (!argument) return;
      const from = context.money.expr(argument);
      if (!from.isMoney || from.minor) return;
      if (from.repr !== 'string' && from.repr !== 'any') return;
      if (isDisplayUse(node) || context.arithmetic.isDecimalArgument(node)) return;
      context.report({ node, message: `Money text parsed into a float by ${how}: \`${shortText(node, 60)}\`; the amount is inexact from here on.`, evidence: from });
    };
    for (const call of context.nodes.calls) {
      const text = calleeText(call);
      if (PARSERS.has(text)) check(call, call.arguments[0], `${text}()`);
    }
    for (const unary of context.nodes.prefixUnary) {
      if (unary.operator === ts.SyntaxKind.PlusToken) check(unary, unary.operand, 'unary +');
    }
  },
};
