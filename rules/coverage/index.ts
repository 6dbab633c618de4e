import type { CoverageRule } from '../../src/checks/coverage/rule-context.ts';
import { missingReport } from './missing-report/rule.ts';
import { mustTest } from './must-test/rule.ts';
import { patchThreshold } from './patch-threshold/rule.ts';
import { staleReport } from './stale-report/rule.ts';
import { threshold } from './threshold/rule.ts';
import { uncoveredChange } from './uncovered-change/rule.ts';

/** Every coverage rule: first the state of the report, then the figures read from it. */
export const COVERAGE_RULES: readonly CoverageRule[] = [missingReport, staleReport, threshold, patchThreshold, uncoveredChange, mustTest];
