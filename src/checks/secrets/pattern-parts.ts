/**
 * Building blocks for rule patterns, as regex source text. Every quantifier is bounded so each
 * match attempt costs a bounded number of steps; the ReDoS test checks the assembled patterns.
 */

/** Not preceded by a token character (so `xghp_…` inside a longer word does not match). */
export const START = String.raw`(?<![A-Za-z0-9_])`;
/** Not followed by a token character. */
export const END = String.raw`(?![A-Za-z0-9_])`;
/** Like START/END for formats whose alphabet includes `-`. */
export const START_DASH = String.raw`(?<![A-Za-z0-9_-])`;
export const END_DASH = String.raw`(?![A-Za-z0-9_-])`;

/**
 * An assignment after a key name, in the shapes config and code use: `= "`, `: '`, `=> `,
 * `:= `, `"key": "`, with optional quotes.
 */
export const ASSIGN = String.raw`["'\x60]?\s{0,4}(?::=|=>|=|:)\s{0,4}["'\x60]?`;

/** Builds a regex from parts; flags default to none. */
export function pattern(parts: readonly string[], flags = ''): RegExp {
  return new RegExp(parts.join(''), flags);
}
