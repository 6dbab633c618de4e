import type { Severity } from '../../findings/finding.ts';
import type { RuleMeta } from '../../rules/rule.ts';
import { shannonEntropy } from './entropy.ts';
import type { SecretContentRule, SecretRuleContext, SecretRuleDocs } from './rule-context.ts';
import type { Sample } from './token-format.ts';

/** One documented token format of a provider. */
export interface TokenPattern {
  /** What the secret is, for the message: "GitHub personal access token (classic)". */
  label: string;
  /** Linear-time pattern (proven by the ReDoS test). Flags `g` and `d` are added. */
  regex: RegExp;
  /** Capture group holding the secret; 0 (the default) is the whole match. */
  group?: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  minEntropy?: number;
  severity?: Severity;
  /** A further structural check (a JWT's header must decode to JSON). */
  verify?: (secret: string) => boolean;
  /** An example for the README, the fixtures, the benchmark and the demo. */
  sample: Sample;
}

export interface TokenRuleSpec {
  meta: RuleMeta;
  keywords: readonly string[];
  patterns: readonly TokenPattern[];
  /** Secrets matching one of these are not reported (documented test values). */
  allow?: readonly RegExp[];
  /** Characters on each side of a keyword hit to search (default 160). */
  window?: number;
  scope?: 'window' | 'file';
  /** Default 10; the generic rule uses 100 so any specific rule wins an overlap. */
  priority?: number;
  docs: SecretRuleDocs;
}

function withFlags(regex: RegExp, flags: string): RegExp {
  const all = new Set([...regex.flags, ...flags]);
  return new RegExp(regex.source, [...all].join(''));
}

/** Runs one pattern over the context text and reports what passes its checks. */
export function reportMatches(context: SecretRuleContext, pattern: TokenPattern, compiled: RegExp, allow: readonly RegExp[]): void {
  const group = pattern.group ?? 0;
  // exec with lastIndex rather than matchAll, which clones the regex on every call (once per window).
  compiled.lastIndex = 0;
  for (let match = compiled.exec(context.text); match; match = compiled.exec(context.text)) {
    if (match[0].length === 0) compiled.lastIndex++;
    const secret = match[group];
    const span = match.indices?.[group];
    if (secret === undefined || span === undefined) continue;
    if (pattern.minEntropy !== undefined && shannonEntropy(secret) < pattern.minEntropy) continue;
    if (pattern.verify && !pattern.verify(secret)) continue;
    if (allow.some((a) => a.test(secret))) continue;
    context.report({ secret, index: span[0], label: pattern.label, ...(pattern.severity ? { severity: pattern.severity } : {}) });
  }
}

/** A content rule from data: keywords, patterns with their samples, and docs. */
export function defineTokenRule(spec: TokenRuleSpec): SecretContentRule {
  const compiled = spec.patterns.map((p) => withFlags(p.regex, 'gd'));
  const allow = spec.allow ?? [];
  return {
    kind: 'content',
    meta: spec.meta,
    keywords: spec.keywords,
    scope: spec.scope ?? 'window',
    window: spec.window ?? 160,
    priority: spec.priority ?? 10,
    patterns: spec.patterns.map((p) => p.regex),
    examples: spec.patterns.map((p) => ({ label: p.label, ...(p.severity ? { severity: p.severity } : {}), sample: p.sample })),
    docs: spec.docs,
    create(context) {
      spec.patterns.forEach((pattern, i) => reportMatches(context, pattern, compiled[i]!, allow));
    },
  };
}
