import type { ChangeStatus } from '../../git/diff-parse.ts';
import type { FileAttributes } from './attributes.ts';
import { looksBinary } from '../../git/binary.ts';
import type { HygieneFileRule, HygieneOptions, HygieneReport } from './rule-context.ts';
import { extensionOf } from './text-lines.ts';

export interface FileRuleInput {
  path: string;
  mode: string | undefined;
  status: ChangeStatus | undefined;
  source: 'index' | 'worktree';
  attributes: FileAttributes;
  content: Buffer;
  options: HygieneOptions;
}

export interface RuleHit {
  rule: HygieneFileRule;
  report: HygieneReport;
}

export interface FileRulesResult {
  hits: RuleHit[];
  binary: boolean;
  /** The UTF-8 text the text rules saw; undefined for a binary file. */
  text: string | undefined;
}

/** Runs the per-file rules on one file's bytes: the one place that decides text or binary. */
export async function runFileRules(rules: readonly HygieneFileRule[], input: FileRuleInput): Promise<FileRulesResult> {
  const binary = input.options.binaryExtensions.some((e) => e.toLowerCase() === extensionOf(input.path)) || looksBinary(input.content);
  const text = binary ? undefined : input.content.toString('utf8');
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    if (rule.textOnly && text === undefined) continue;
    await rule.create({
      path: input.path,
      mode: input.mode,
      status: input.status,
      source: input.source,
      attributes: input.attributes,
      content: input.content,
      text,
      options: input.options,
      report: (report) => hits.push({ rule, report }),
    });
  }
  return { hits, binary, text };
}
