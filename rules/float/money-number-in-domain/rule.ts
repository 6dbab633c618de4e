import { ts } from 'ts-morph';
import type { FloatRule } from '../../../src/checks/float/rule-context.ts';
import { propertyNameText } from '../../../src/checks/float/shapes.ts';

export const moneyNumberInDomain: FloatRule = {
  optIn: true,
  meta: {
    id: 'float/money-number-in-domain',
    description: 'A money property declared as `number` in a domain type (opt-in, for strict paths such as src/domain/**).',
    severity: 'warning',
    fixable: false,
    fixHint: 'Declare it as a decimal type (`Big`), integer minor units with a brand (`Cents`), or `bigint`, so every use is checked by the compiler.',
  },
  create(context) {
    for (const prop of context.nodes.properties) {
      const name = propertyNameText(prop.name);
      if (name === undefined || !prop.type) continue;
      const byName = context.money.name(name);
      if (!byName.money || byName.minor) continue;
      const type = context.checker.getTypeAtLocation(prop.type);
      if (context.money.repr(type).repr !== 'number' || context.money.brand(type)) continue;
      if (ts.isTypeReferenceNode(prop.type) && context.options.brandedTypes.includes(prop.type.typeName.getText())) continue;
      context.report({
        node: prop.name,
        message: `Money declared as a float: \`${name}: ${prop.type.getText()}\` lets every caller do float arithmetic on it.`,
        evidence: ts.isIdentifier(prop.name) ? { ...context.money.expr(prop.name), isMoney: true, reason: byName.reason } : undefined,
      });
    }
  },
};
