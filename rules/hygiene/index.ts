import type { HygieneRule } from '../../src/checks/hygiene/rule-context.ts';
import { trailingWhitespace } from './trailing-whitespace/rule.ts';

/** Every hygiene rule, in the order they run. */
export const HYGIENE_RULES: readonly HygieneRule[] = [trailingWhitespace];
