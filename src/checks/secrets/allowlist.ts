import { globMatcher } from '../../runner/glob-matcher.ts';
import type { SecretsOptions } from './config.ts';

/**
 * Markers of values that stand in for a secret in docs, templates and tests. A secret holding
 * one (case-insensitive) is not reported. Random tokens contain these with negligible odds.
 */
export const BUILT_IN_PLACEHOLDERS = [
  'example',
  'sample',
  'dummy',
  'placeholder',
  'changeme',
  'change_me',
  'change-me',
  'your_',
  'your-',
  'yourkey',
  'yoursecret',
  'yourtoken',
  'yourpassword',
  'xxxx',
  '****',
  '....',
  '…',
  '<',
  '>',
  '${',
  '{{',
  '}}',
  '%s',
  'redacted',
  'replace_me',
  'replaceme',
  'insert_',
  'notreal',
  'not_real',
  'not-a-real',
  'fake_',
  'lorem',
  '0123456789',
  '1234567890',
  'abcdefghij',
] as const;

/** Why a value looks like a placeholder, or undefined when it does not. */
export function placeholderReason(secret: string, extra: readonly string[] = []): string | undefined {
  const lower = secret.toLowerCase();
  for (const marker of BUILT_IN_PLACEHOLDERS) if (lower.includes(marker)) return `placeholder marker "${marker}"`;
  for (const marker of extra) if (lower.includes(marker.toLowerCase())) return `placeholder marker "${marker}"`;
  // `postgres://app:***@db` in a doc comment: any run of mask characters, however short.
  if (/^[*•x#]+$/i.test(secret)) return 'a mask (only *, •, x or #)';
  if (secret.length >= 8 && new Set(secret).size <= 3) return 'too few distinct characters';
  return undefined;
}

/** The lines an allowlist line regex sees are cut to this length, so a user pattern stays cheap. */
const LINE_LIMIT = 4096;

/** The user's allowlist plus the built-in placeholders, compiled once per run. */
export class SecretAllowlist {
  private readonly pathMatch: (p: string) => boolean;
  private readonly regexes: RegExp[];
  private readonly lineRegexes: RegExp[];
  private readonly stopwords: string[];
  private readonly placeholders: readonly string[];

  constructor(options: SecretsOptions) {
    const { allowlist } = options;
    this.pathMatch = globMatcher(allowlist.paths);
    this.regexes = allowlist.regexes.map((r) => new RegExp(r));
    this.lineRegexes = allowlist.lineRegexes.map((r) => new RegExp(r));
    this.stopwords = allowlist.stopwords.map((w) => w.toLowerCase());
    this.placeholders = allowlist.placeholders;
  }

  /** True when the content rules must skip this path. */
  pathAllowed(path: string): boolean {
    return this.pathMatch(path);
  }

  /** Why this secret is allowed, or undefined when it must be reported. */
  secretAllowed(secret: string, lineText: string): string | undefined {
    const placeholder = placeholderReason(secret, this.placeholders);
    if (placeholder) return placeholder;
    const lower = secret.toLowerCase();
    const stopword = this.stopwords.find((w) => lower.includes(w));
    if (stopword) return `stopword "${stopword}"`;
    if (this.regexes.some((r) => r.test(secret))) return 'allowlist regex';
    if (this.lineRegexes.length > 0) {
      const line = lineText.slice(0, LINE_LIMIT);
      if (this.lineRegexes.some((r) => r.test(line))) return 'allowlist line regex';
    }
    return undefined;
  }
}
