/**
 * Token formats as data: a list of literal parts and random character runs. A format serves
 * three purposes: it documents a rule (`ghp_<36 letters or digits>`), and it forges a fresh
 * fake token for tests, the demo and the benchmark, so no realistic token is ever stored in
 * the repository (every scanner, GitHub push protection included, would flag it).
 */

export const CHARSETS = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  upperAlnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  lowerAlnum: 'abcdefghijklmnopqrstuvwxyz0123456789',
  hex: '0123456789abcdef',
  upperHex: '0123456789ABCDEF',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  digits: '0123456789',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
} as const;

export type Charset = keyof typeof CHARSETS;

const CHARSET_WORDS: Record<Charset, string> = {
  alnum: 'letters or digits',
  upperAlnum: 'upper-case letters or digits',
  lowerAlnum: 'lower-case letters or digits',
  hex: 'hex digits',
  upperHex: 'upper-case hex digits',
  base64: 'base64 characters',
  base64url: 'base64url characters',
  base32: 'characters A-Z, 2-7',
  digits: 'digits',
  lower: 'lower-case letters',
  alpha: 'letters',
};

export type FormatPart = string | { charset: Charset; length: number };
export type TokenFormat = readonly FormatPart[];

/** Shorthand for a random run in a format: `run('alnum', 36)`. */
export function run(charset: Charset, length: number): FormatPart {
  return { charset, length };
}

/** A deterministic random source (mulberry32), so forged fixtures are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomString(charset: Charset, length: number, random: () => number): string {
  const chars = CHARSETS[charset];
  let out = '';
  for (let i = 0; i < length; i++) out += chars[Math.floor(random() * chars.length)];
  return out;
}

export function forgeFormat(format: TokenFormat, random: () => number): string {
  return format.map((part) => (typeof part === 'string' ? part : randomString(part.charset, part.length, random))).join('');
}

export function describeFormat(format: TokenFormat): string {
  return format.map((part) => (typeof part === 'string' ? part : `<${part.length} ${CHARSET_WORDS[part.charset]}>`)).join('');
}

/** A secret shape that a simple format cannot express (a JWT, a PEM block). */
export interface CustomSecret {
  shape: string;
  forge(random: () => number): string;
}

/**
 * One example of what a rule finds: the secret, and the text around it on its line (a
 * keyword-context rule needs `aws_secret_access_key = "` before the value).
 */
export interface Sample {
  before?: string;
  secret: TokenFormat | CustomSecret;
  after?: string;
}

export function isCustomSecret(secret: Sample['secret']): secret is CustomSecret {
  return !Array.isArray(secret);
}

export function forgeSecret(sample: Sample, random: () => number): string {
  return isCustomSecret(sample.secret) ? sample.secret.forge(random) : forgeFormat(sample.secret, random);
}

export function describeSecret(sample: Sample): string {
  return isCustomSecret(sample.secret) ? sample.secret.shape : describeFormat(sample.secret);
}

/** The forged secret and the line(s) it sits on. */
export function forgeSample(sample: Sample, random: () => number): { secret: string; text: string } {
  const secret = forgeSecret(sample, random);
  return { secret, text: `${sample.before ?? ''}${secret}${sample.after ?? ''}` };
}

/** The sample as documentation: `token = "ghp_<36 letters or digits>"`. */
export function describeSample(sample: Sample): string {
  return `${sample.before ?? ''}${describeSecret(sample)}${sample.after ?? ''}`;
}
