import type { ts } from 'ts-morph';
import type { Rule } from '../../rules/rule.ts';
import type { ArithmeticClassifier } from './arithmetic.ts';
import type { FloatConfig } from './config.ts';
import type { FileIndex } from './file-index.ts';
import type { MoneyOracle, MoneyVerdict } from './money.ts';

export interface FloatReport {
  /** The node the finding points at (its start and end become the location). */
  node: ts.Node;
  message: string;
  /** Why the value is money; printed with --explain. */
  evidence?: MoneyVerdict | undefined;
}

/**
 * What a float rule sees for one file: the compiler's source file and type checker, the money
 * oracle, the file's nodes by kind (one walk shared by all rules) and the shared arithmetic
 * classifier, so that one expression is reported by one rule only.
 */
export interface FloatRuleContext {
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker;
  money: MoneyOracle;
  nodes: FileIndex;
  arithmetic: ArithmeticClassifier;
  options: FloatConfig;
  report(report: FloatReport): void;
}

export type FloatRule = Rule<FloatRuleContext> & {
  /**
   * Off unless the config turns it on for a path (`rules` or an `overrides` entry naming the
   * rule). A whole-check setting such as `"float": "error"` does not turn it on.
   */
  optIn?: boolean;
};
