import type { Severity } from '../../findings/finding.ts';
import type { Rule } from '../../rules/rule.ts';
import type { SecretsOptions } from './config.ts';
import type { Sample } from './token-format.ts';

/** What a content rule reports: the secret itself and where it starts in `context.text`. */
export interface SecretCandidate {
  /** The secret value: what is masked, hashed into the fingerprint and registered for redaction. */
  secret: string;
  /** Offset of the secret in `context.text`. */
  index: number;
  /** What was found, for the message: "GitHub personal access token (classic)". */
  label: string;
  /** Overrides the rule's severity for this finding (Stripe test keys are warnings). */
  severity?: Severity;
  /** Extra evidence for the message: "paired with the access key id on line 3". */
  detail?: string;
}

/**
 * What a content rule sees. For `scope: 'window'` rules, `text` is a window of one line around
 * the rule's keyword hits (a 1 MB minified line is never handed over whole); for
 * `scope: 'file'` rules it is the whole text, given only when one of its keywords occurs. For
 * `scope: 'keyword'` rules it is the whole text too, with `keyword` set to one occurrence: the
 * rule looks only at a bounded stretch around it, and create() is called once per occurrence.
 */
export interface SecretRuleContext {
  /** Repository-relative path (or `(stdin)`), for rules that care about file types. */
  path: string;
  text: string;
  /** Keyword scope: where the occurrence is in `text`, [start, end). */
  keyword?: { readonly start: number; readonly end: number };
  options: SecretsOptions;
  report(candidate: SecretCandidate): void;
  /**
   * Keyword scope: the rule's later hits that start before `offset` are not passed to it (the
   * rest of a name it has read, or a value it has reported).
   */
  skipHitsBefore?(offset: number): void;
}

/** One format a rule finds, with a forgeable sample of it. */
export interface RuleExample {
  label: string;
  /** When it differs from the rule's severity. */
  severity?: Severity;
  sample: Sample;
}

/** Documentation parts of a secret rule, rendered into its README.md. */
export interface SecretRuleDocs {
  /** Why the rule exists: what an attacker can do with the secret. */
  why: string;
  /** What the rule reports, for rules without forgeable examples (content rules show their formats). */
  bad?: string;
  /** Text that must not be reported (a placeholder, an environment reference). */
  good: string;
  /** Anything else a user should know (false-positive guards, limits). */
  notes?: readonly string[];
}

/** A rule that looks at file content. */
export interface SecretContentRule extends Rule<SecretRuleContext> {
  kind: 'content';
  /** Lower-case ASCII keywords for the prefilter; the rule runs only where one occurs. */
  keywords: readonly string[];
  /**
   * What create() is given: merged windows around the hits ('window'), the whole text once
   * ('file'), or each hit in the whole text ('keyword': for a rule whose keywords occur every
   * few lines, such as the generic rule's `token` and `password`, so that no window is cut and
   * no regex searches the window for the keyword the prefilter has already found).
   */
  scope: 'window' | 'file' | 'keyword';
  /** Characters on each side of a keyword hit that a window holds (window scope). */
  window: number;
  /** Where two rules report overlapping text, the lower priority wins (specific before generic). */
  priority: number;
  /** Content rules are synchronous: the detector runs them inside one pass over a text. */
  create(context: SecretRuleContext): void;
  /** Every regular expression the rule runs, for the catastrophic-backtracking test. */
  patterns: readonly RegExp[];
  /** What the rule must find, one per format: README, golden fixtures, the benchmark's planted set, the demo. */
  examples: readonly RuleExample[];
  docs: SecretRuleDocs;
}

/** What a path rule sees: a file that is about to be committed or is in the tree. */
export interface SecretPathContext {
  path: string;
  /** The content when it could be read (used to tell an .npmrc with credentials from one without). */
  content: Buffer | undefined;
  options: SecretsOptions;
  report(report: { message: string }): void;
}

export interface SecretPathRule extends Rule<SecretPathContext> {
  kind: 'path';
  create(context: SecretPathContext): void;
  docs: SecretRuleDocs;
}

/** A baseline entry that no finding matches any more. */
export interface StaleBaselineEntry {
  fingerprint: string;
  rule: string;
  path: string;
  /** 1-based line of the entry in the baseline file. */
  line: number;
}

/** What the baseline rule sees: the entries of the baseline that matched nothing in a full scan. */
export interface SecretBaselineContext {
  baselinePath: string;
  stale: readonly StaleBaselineEntry[];
  report(report: { message: string; line: number }): void;
}

export interface SecretBaselineRule extends Rule<SecretBaselineContext> {
  kind: 'baseline';
  create(context: SecretBaselineContext): void;
  docs: SecretRuleDocs;
}

export type SecretRule = SecretContentRule | SecretPathRule | SecretBaselineRule;
