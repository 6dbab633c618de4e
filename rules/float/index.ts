import type { FloatRule } from '../../src/checks/float/rule-context.ts';
import { bigintNumberMix } from './bigint-number-mix/rule.ts';
import { decimalFromFloat } from './decimal-from-float/rule.ts';
import { decimalToNumber } from './decimal-to-number/rule.ts';
import { minorMajorUnits } from './minor-major-units/rule.ts';
import { moneyFloatAccumulate } from './money-float-accumulate/rule.ts';
import { moneyFloatArith } from './money-float-arith/rule.ts';
import { moneyFloatCompare } from './money-float-compare/rule.ts';
import { moneyNumberInDomain } from './money-number-in-domain/rule.ts';
import { moneyParseFloat } from './money-parse-float/rule.ts';
import { toFixedRounding } from './tofixed-rounding/rule.ts';

/** Every float rule. The arithmetic rules share one classifier, so each expression is reported once. */
export const FLOAT_RULES: readonly FloatRule[] = [
  moneyFloatArith,
  moneyFloatAccumulate,
  moneyParseFloat,
  decimalToNumber,
  minorMajorUnits,
  decimalFromFloat,
  moneyFloatCompare,
  toFixedRounding,
  moneyNumberInDomain,
  bigintNumberMix,
];
