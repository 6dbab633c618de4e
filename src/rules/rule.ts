import type { Severity } from '../findings/finding.ts';

/**
 * The one rule shape, shared by hygiene, float and secret rules (after typescript-eslint's
 * rules): static metadata plus `create(context)`, which only calls `context.report`.
 * Each rule lives in `rules/<check>/<name>/` with its README.md and fixtures; its id is
 * `<check>/<name>`, equal to its folder.
 */
export interface RuleMeta {
  /** '<check>/<name>', equal to the folder under rules/. */
  id: string;
  /** One sentence: what the rule finds. */
  description: string;
  /** Severity unless the config says otherwise. */
  severity: Severity;
  /** True when tollgate can fix it safely with --fix. */
  fixable: boolean;
  /** What to do about a finding, shown as the fix hint. */
  fixHint: string;
}

export interface Rule<Context> {
  meta: RuleMeta;
  /** Reports through `context.report`; may be async for rules that read the disk or git. */
  create(context: Context): void | Promise<void>;
}

/** Where a rule's documentation lives, relative to the tollgate package root. */
export function ruleDocPath(ruleId: string): string {
  return `rules/${ruleId}/README.md`;
}
