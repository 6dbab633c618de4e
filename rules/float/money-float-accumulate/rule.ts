import type { FloatRule } from '../../../src/checks/float/rule-context.ts';
import { shortText } from '../../../src/checks/float/shapes.ts';

export const moneyFloatAccumulate: FloatRule = {
  meta: {
    id: 'float/money-float-accumulate',
    description: 'Money summed into a JavaScript number in a loop or a reduce, where rounding errors add up.',
    severity: 'error',
    fixable: false,
    fixHint: 'Sum decimals (`items.reduce((s, i) => s.plus(i.price), new Big(0))`) or integer minor units, and convert once at the edge.',
  },
  create(context) {
    for (const node of context.nodes.binary) {
      const found = context.arithmetic.classify(node);
      if (found?.kind !== 'accumulate') continue;
      context.report({
        node,
        message: `Money accumulated in a float: \`${shortText(node, 60)}\` adds a rounding error on every step.`,
        evidence: found.verdict,
      });
    }
  },
};
