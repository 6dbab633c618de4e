import type { FloatRule } from '../../../src/checks/float/rule-context.ts';
import { shortText } from '../../../src/checks/float/shapes.ts';

const MESSAGES = {
  'minor-to-major': (code: string) => `Whole minor units turned into float major units: \`${code}\` is no longer exact; keep integer cents, or divide in a decimal type.`,
  'major-to-minor': (code: string) => `Float major units scaled to minor units: \`${code}\` is computed in floating point before rounding (1.005 * 100 === 100.49999999999999).`,
  'round-trip': (code: string) => `Rounding to cents through floats: \`${code}\` rounds a float that is already off (Math.round(1.005 * 100) / 100 === 1).`,
} as const;

export const minorMajorUnits: FloatRule = {
  meta: {
    id: 'float/minor-major-units',
    description: 'Integer minor units (cents) turned into float major units (`cents / 100`) and back (`Math.round(price * 100)`).',
    severity: 'warning',
    fixable: false,
    fixHint: 'Keep amounts in integer minor units end to end and format them for display only, or convert with a decimal type (`new Big(cents).div(100)`).',
  },
  create(context) {
    for (const node of context.nodes.binary) {
      const found = context.arithmetic.classify(node);
      if (found === undefined) continue;
      if (found.kind !== 'minor-to-major' && found.kind !== 'major-to-minor' && found.kind !== 'round-trip') continue;
      const at = found.at ?? node;
      context.report({ node: at, message: MESSAGES[found.kind](shortText(at, 60)), evidence: found.verdict });
    }
  },
};
