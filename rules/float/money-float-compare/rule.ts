import type { MoneyVerdict } from '../../../src/checks/float/money.ts';
import type { FloatRule } from '../../../src/checks/float/rule-context.ts';
import { EQUALITY, mayCancel, numericLiteral, ORDERING, shortText } from '../../../src/checks/float/shapes.ts';

function computedFloatMoney(v: MoneyVerdict): boolean {
  return v.isMoney && v.repr === 'number' && v.computed && v.shape !== 'integer';
}

export const moneyFloatCompare: FloatRule = {
  meta: {
    id: 'float/money-float-compare',
    description: 'Equality or ordering on money computed in floating point (`subtotal + tax === total`).',
    severity: 'error',
    fixable: false,
    fixHint: 'Compare decimals (`a.eq(b)`, `a.cmp(b)`) or integer minor units; a float sum is rarely exactly equal to anything.',
  },
  create(context) {
    for (const node of context.nodes.binary) {
      const op = node.operatorToken.kind;
      const equality = EQUALITY.has(op);
      if (!equality && !ORDERING.has(op)) continue;
      if (context.money.reprAt(node.left) !== 'number' || context.money.reprAt(node.right) !== 'number') continue;
      const l = context.money.expr(node.left);
      const r = context.money.expr(node.right);
      if (l.repr !== 'number' || r.repr !== 'number') continue;
      const computed = computedFloatMoney(l) ? l : computedFloatMoney(r) ? r : undefined;
      if (!computed) continue;
      const other = computed === l ? r : l;
      // An ordering against a bare number (`total > 0`) is a sign or threshold check; against money it decides.
      if (!equality && !other.isMoney) continue;
      // `filledQty === 0` on a sum of positive amounts is an emptiness guard; `balance - paid === 0` is not.
      const computedSide = computed === l ? node.left : node.right;
      const otherSide = computed === l ? node.right : node.left;
      if (numericLiteral(otherSide) === 0 && !mayCancel(computedSide, context.checker)) continue;
      context.report({
        node,
        message: `${equality ? 'Equality' : 'Ordering'} on float money: \`${shortText(node, 60)}\` compares values that carry rounding error.`,
        evidence: computed,
      });
    }
  },
};
