import type { DebtRule } from '../../src/debt/rule-context.ts';
import { missingBaseline } from './missing-baseline/rule.ts';
import { newWarning } from './new-warning/rule.ts';
import { staleBaseline } from './stale-baseline/rule.ts';

/** Every rule of the warning-debt stage; the stage decides what is new or stale, the rules say it. */
export const DEBT_RULES: readonly DebtRule[] = [missingBaseline, newWarning, staleBaseline];
