import type { FloatRule } from '../../../src/checks/float/rule-context.ts';
import { shortText } from '../../../src/checks/float/shapes.ts';

export const moneyFloatArith: FloatRule = {
  meta: {
    id: 'float/money-float-arith',
    description: 'Arithmetic on money held in a JavaScript number (binary floating point).',
    severity: 'error',
    fixable: false,
    fixHint: 'Keep money in a decimal type (Big, Decimal, BigNumber) or in whole minor units (integer cents, bigint), and round once, explicitly.',
  },
  create(context) {
    for (const node of context.nodes.binary) {
      const found = context.arithmetic.classify(node);
      if (found?.kind !== 'float-money') continue;
      context.report({
        node,
        message: `Money computed in floating point: \`${shortText(node, 60)}\` can be off by a fraction of a cent (0.1 + 0.2 !== 0.3).`,
        evidence: found.verdict,
      });
    }
  },
};
