import type { RuleSettings } from '../../findings/rule-settings.ts';
import { parseSuppressions, suppressionCovers } from '../../findings/suppressions.ts';
import type { RuleHit } from './run-file-rules.ts';
import type { HygieneFileRule } from './rule-context.ts';

export interface FileFixPlan {
  /** The chosen fixes composed in rule order; undefined when none may run. */
  transform: ((content: Buffer) => Buffer) | undefined;
  /** Ids of the rules in `transform`. */
  included: Set<string>;
  /** Rules that reported on the file but may not fix it, with the reason. */
  blocked: Map<string, string>;
}

/**
 * Decides which fixes run on one file: the fixable rules that reported on it, minus those
 * that are 'off' for the path and those with a finding that a `tollgate-ignore` comment
 * covers (the fix would undo what the comment keeps). Then it checks the fixed bytes again:
 * a fix can expose another problem (stripping trailing whitespace can leave blank lines at
 * the end of the file), and the rule that reports it joins, until nothing new turns up.
 * Only rules that report take part, so a rule's own exemptions (.gitattributes `-text`,
 * normalized line endings) hold for its fix too.
 */
export async function planFileFix(args: {
  path: string;
  content: Buffer;
  text: string | undefined;
  hits: readonly RuleHit[];
  fixableRules: readonly HygieneFileRule[];
  settings: RuleSettings;
  /** Which fixable rules report on these bytes (the same rules, same context, other content). */
  detect: (content: Buffer) => Promise<Set<string>>;
}): Promise<FileFixPlan | undefined> {
  const fixable = new Set(args.fixableRules.map((r) => r.meta.id));
  const reported = new Set(args.hits.map((h) => h.rule.meta.id).filter((id) => fixable.has(id)));
  if (reported.size === 0) return undefined;
  const suppressions = args.text === undefined ? [] : parseSuppressions(args.text);
  const blocked = new Map<string, string>();
  for (const hit of args.hits) {
    if (suppressions.some((s) => suppressionCovers(s, hit.rule.meta.id, hit.report.line))) {
      blocked.set(hit.rule.meta.id, 'a tollgate-ignore comment in this file keeps one of its findings');
    }
  }
  const allowed = (id: string) => fixable.has(id) && !blocked.has(id) && args.settings.resolve(id, args.path, severityOf(args.fixableRules, id)) !== 'off';

  const included = new Set([...reported].filter(allowed));
  if (included.size === 0) return { transform: undefined, included, blocked };
  const compose = (ids: Set<string>) => {
    const rules = args.fixableRules.filter((r) => ids.has(r.meta.id));
    return (content: Buffer) => rules.reduce((bytes, rule) => rule.fix!(bytes, args.path), content);
  };
  let transform = compose(included);
  for (let round = 0; round < args.fixableRules.length; round++) {
    const exposed = [...(await args.detect(transform(args.content)))].filter((id) => allowed(id) && !included.has(id));
    if (exposed.length === 0) break;
    for (const id of exposed) included.add(id);
    transform = compose(included);
  }
  return { transform, included, blocked };
}

function severityOf(rules: readonly HygieneFileRule[], id: string) {
  return rules.find((r) => r.meta.id === id)!.meta.severity;
}
