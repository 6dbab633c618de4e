import type { ts } from 'ts-morph';
import type { DraftFinding } from '../../findings/finding.ts';
import { ruleDocPath } from '../../rules/rule.ts';
import { ArithmeticClassifier } from './arithmetic.ts';
import type { FloatConfig } from './config.ts';
import { indexFile } from './file-index.ts';
import { MoneyOracle } from './money.ts';
import type { FloatReport, FloatRule } from './rule-context.ts';
import { shortText } from './shapes.ts';

export interface AnalysisTarget {
  sourceFile: ts.SourceFile;
  /** Repository-relative POSIX path findings carry. */
  path: string;
}

export interface AnalyzeOptions {
  program: ts.Program;
  targets: readonly AnalysisTarget[];
  rules: readonly FloatRule[];
  config: FloatConfig;
  /** --explain: add the money evidence to each message. */
  explain: boolean;
  /** Whether a rule runs at a path (config severities and opt-in rules). */
  ruleEnabled?: (rule: FloatRule, path: string) => boolean;
  signal?: AbortSignal;
}

/** Runs the float rules over the target files of one program, with one checker and one money oracle. */
export async function analyze(options: AnalyzeOptions): Promise<DraftFinding[]> {
  const checker = options.program.getTypeChecker();
  const money = new MoneyOracle({ config: options.config, checker });
  const arithmetic = new ArithmeticClassifier(money, checker);
  const findings: DraftFinding[] = [];
  for (const target of options.targets) {
    if (options.signal?.aborted) break;
    const rules = options.rules.filter((r) => options.ruleEnabled?.(r, target.path) ?? !r.optIn);
    if (rules.length === 0) continue;
    const nodes = indexFile(target.sourceFile);
    for (const rule of rules) {
      await rule.create({
        sourceFile: target.sourceFile,
        checker,
        money,
        nodes,
        arithmetic,
        options: options.config,
        report: (r) => findings.push(toFinding(rule, target, r, options.explain)),
      });
    }
  }
  return findings;
}

function toFinding(rule: FloatRule, target: AnalysisTarget, r: FloatReport, explain: boolean): DraftFinding {
  const sf = target.sourceFile;
  const start = sf.getLineAndCharacterOfPosition(r.node.getStart(sf));
  const end = sf.getLineAndCharacterOfPosition(r.node.getEnd());
  const why = explain && r.evidence?.reason ? `\nwhy money: ${r.evidence.reason}` : '';
  return {
    checkId: 'float',
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    message: `${r.message}${why}`,
    location: { path: target.path, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
    fix: { description: rule.meta.fixHint },
    help: ruleDocPath(rule.meta.id),
    snippet: shortText(r.node, 120),
  };
}
