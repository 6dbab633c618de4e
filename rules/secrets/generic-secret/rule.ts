import { characterClasses, shannonEntropy } from '../../../src/checks/secrets/entropy.ts';
import type { SecretContentRule } from '../../../src/checks/secrets/rule-context.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';

/** Words that make a name a secret's name; the prefilter finds them (case-insensitive) and hands over each one. */
const KEYWORDS = ['secret', 'token', 'passw', 'pwd', 'api_key', 'apikey', 'api-key', 'credential', 'private_key', 'privatekey', 'access_key', 'accesskey', 'auth_key', 'authkey', 'signing_key', 'encryption_key', 'client_key', 'master_key'];

/**
 * After the name: an assignment and a value, quoted (any file) or bare (config files only), on
 * the same line (`[^\S\n]`: white space but a line break).
 */
const VALUE = /["'`]?[^\S\n]{0,5}(?::=|=>|=|:)[^\S\n]{0,5}(?:"([^"\s\\]{6,200})"|'([^'\s\\]{6,200})'|`([^`\s\\$]{6,200})`|([^\s"'`,;)\]}<>]{6,200}))/y;

/** A name ending in one of these holds something about a secret, not the secret. */
const NOT_A_SECRET_NAME = /(?:url|uri|endpoint|path|file|filename|dir|name|type|id|ids|len|length|size|count|min|max|ttl|expiry|expires|expiration|timeout|header|field|prefix|suffix|regex|pattern|format|env|policy|hash|hashed|hint|label|placeholder|message|msg|error|prompt|version|kind|mode|enabled|required|rotation|strength|validator|validation|provider|store|manager|service|class|factory|schema|key_?id|ref|reference|arn|location|source|mask|masked)$/i;

const IDENTIFIER_CHAR = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-') IDENTIFIER_CHAR[ch.charCodeAt(0)] = 1;
const isIdentifierChar = (code: number) => code < 128 && IDENTIFIER_CHAR[code] === 1;

/**
 * What VALUE's start demands, checked by hand: an optional closing quote, at most five spaces,
 * then `=` or `:` (which `:=` and `=>` start with). A non-ASCII character where a space may be
 * is left to the regex (`\s` knows Unicode spaces).
 */
function assignmentFollows(text: string, at: number): boolean {
  let i = at;
  const quote = text.charCodeAt(i);
  if (quote === 34 || quote === 39 || quote === 96) i++;
  for (let spaces = 0; spaces < 5; spaces++) {
    const c = text.charCodeAt(i);
    if (c > 127) return true;
    if (c !== 32 && (c < 9 || c > 13 || c === 10)) break;
    i++;
  }
  const c = text.charCodeAt(i);
  return c === 61 || c === 58;
}

/** Files where a secret is a string literal; elsewhere (.env, YAML, INI) bare values count too. */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|go|java|kt|kts|scala|rb|rs|c|cc|cpp|h|hpp|cs|swift|php|dart|lua|ex|exs|clj|groovy|vue|svelte|astro)$/i;
/** The last path asked about, since one text's names all come from one path. */
let lastPath: string | undefined;
let lastBareAllowed = false;
function bareValuesAllowed(path: string): boolean {
  if (path !== lastPath) {
    lastPath = path;
    lastBareAllowed = !CODE_FILE.test(path);
  }
  return lastBareAllowed;
}

/** Values that are references or code, not literals. */
const NOT_A_LITERAL = /^(?:process\.env|import\.meta|os\.environ|env\.|secrets\.|vars\.|config\.|settings\.|self\.|this\.|\$|%|@|&|\*|!|#|\/\/|https?:\/\/|file:|arn:|projects\/)|\(/i;
/** A dotted member access such as `config.auth.token`. */
const MEMBER_ACCESS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
/** A plain word or identifier in one case style: `production`, `MY_TOKEN`, `refreshToken`. */
const WORDLIKE = /^(?:[a-z]+(?:[_-][a-z]+)*|[A-Z]+(?:[_-][A-Z]+)*|[a-z]+(?:[A-Z][a-z]+)+|[A-Z][a-z]+(?:[A-Z][a-z]+)+)$/;
/** UUIDs are identifiers far more often than secrets when nothing else marks them. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Values that start like a provider token but did not match that provider's rule are
 * truncated or made-up examples (`ghp_abc123`); the provider rule is the authority on them.
 */
const PROVIDER_PREFIX = /^(?:gh[pousr]_|github_pat_|gl[a-z]{1,5}-|sk_(?:live|test)_|rk_(?:live|test)_|pk_(?:live|test)_|whsec_|xox[a-z]-|xapp-|npm_|pypi-|A(?:KIA|SIA|BIA|CCA)|AIza|SG\.|dckr_|do[por]_v1_|shp[a-z]{2}_|hf_|gsk_|r8_|pplx-|xai-|sk-|HRKU-|eyJ)/;

/** Why a value is not reported, or undefined when it looks like a real secret. */
export function genericValueVerdict(value: string, minEntropy: number): string | undefined {
  if (NOT_A_LITERAL.test(value) || MEMBER_ACCESS.test(value)) return 'a reference, not a literal';
  // Trailing punctuation does not make a word random: `history:` in "secrets: history: …" is a label.
  if (WORDLIKE.test(value.replace(/[:.,;!?]+$/, ''))) return 'a plain word';
  if (UUID.test(value)) return 'a UUID';
  if (PROVIDER_PREFIX.test(value)) return 'a provider token format (left to its own rule)';
  if (value.length < 8) return 'too short';
  if (characterClasses(value) < 2) return 'a single character class';
  const needed = value.length < 16 ? minEntropy - 0.5 : minEntropy;
  if (shannonEntropy(value) < needed) return 'low entropy';
  return undefined;
}

export const genericSecret: SecretContentRule = {
  kind: 'content',
  meta: {
    id: 'secrets/generic-secret',
    description: 'A random-looking value assigned to a name such as password, secret, token or api_key, when no provider rule recognises it.',
    severity: 'error',
    fixable: false,
    fixHint: 'Move the value to the environment or a secret store and rotate it; if it is not a secret (a test value, a public id), add it to checks.secrets.allowlist or mark the line with `tollgate-ignore secrets/generic-secret: <reason>`.',
  },
  keywords: KEYWORDS,
  scope: 'keyword',
  window: 0,
  priority: 100,
  patterns: [VALUE, NOT_A_SECRET_NAME, NOT_A_LITERAL, MEMBER_ACCESS, WORDLIKE, UUID, PROVIDER_PREFIX],
  examples: [
    { label: 'Hard-coded secret in "dbPassword" (in code: a string literal)', sample: { before: 'const dbPassword = "', secret: [run('alnum', 12), '!', run('alnum', 7)], after: '";' } },
    { label: 'Hard-coded secret in "WEBHOOK_SIGNING_SECRET" (in .env and config files: a bare value)', sample: { before: 'WEBHOOK_SIGNING_SECRET=', secret: [run('base64', 40)] } },
    { label: 'Hard-coded secret in "api_key" (YAML)', sample: { before: '  api_key: ', secret: [run('hex', 40)] } },
  ],
  docs: {
    why: 'Most leaked secrets have no recognisable prefix: an internal service password, a partner API key, an HMAC secret. The name they are assigned to is the best clue, and their randomness separates them from ordinary strings.',
    good: 'const dbPassword = process.env.DB_PASSWORD; // and: password: "changeme" in a template',
    notes: [
      'The value must be a string literal in code files; bare values count in .env, YAML, INI, properties and similar files.',
      'Names that hold something about a secret rather than the secret (`token_url`, `password_min_length`, `secret_name`, `key_id`) are skipped, as are references (`process.env.X`, `${VAR}`, `config.auth.token`), plain words, UUIDs, placeholders and values under the entropy threshold (`checks.secrets.genericMinEntropy`, 3.5 bits per character; 0.5 less below 16 characters).',
      'Any provider rule that matches the same text wins over this one.',
    ],
  },
  create(context) {
    const { text, keyword } = context;
    const at = keyword!.start;
    // The whole name around the keyword, bounded so a hostile run of letters stays linear.
    let start = at;
    while (start > 0 && at - start < 60 && isIdentifierChar(text.charCodeAt(start - 1))) start--;
    let end = keyword!.end;
    while (end < text.length && end - at < 60 && isIdentifierChar(text.charCodeAt(end))) end++;
    context.skipHitsBefore!(end); // the name's other keywords (`SECRET_TOKEN`) would find the same value
    // Most names are not assigned to (`session.token}`, `(password)`): no regex for those.
    if (!assignmentFollows(text, end)) return;
    VALUE.lastIndex = end;
    const v = VALUE.exec(text);
    if (!v) return;
    const name = text.slice(start, end);
    if (NOT_A_SECRET_NAME.test(name)) return;
    const quoted = v[1] ?? v[2] ?? v[3];
    const value = quoted ?? v[4];
    if (value === undefined || (quoted === undefined && !bareValuesAllowed(context.path))) return;
    if (genericValueVerdict(value, context.options.genericMinEntropy) !== undefined) return;
    const index = v.index + v[0].lastIndexOf(value);
    // A bare value cut short by a template marker (`prefix-<id>`, `key_${env}`) is a placeholder.
    if (quoted === undefined && /[<{$]/.test(text.charAt(index + value.length))) return;
    context.report({ secret: value, index, label: `Hard-coded secret in "${name}"`, detail: `entropy ${shannonEntropy(value).toFixed(1)} bits/char` });
    context.skipHitsBefore!(index + value.length);
  },
};
