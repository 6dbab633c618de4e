import type { SecretContentRule } from '../../../src/checks/secrets/rule-context.ts';
import { randomString } from '../../../src/checks/secrets/token-format.ts';

/** Characters of base64url, by char code. */
const B64URL = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') B64URL[ch.charCodeAt(0)] = 1;

function isB64url(code: number): boolean {
  return code < 128 && B64URL[code] === 1;
}

function runEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isB64url(text.charCodeAt(i))) i++;
  return i;
}

function decodeJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** Forges a signed-looking JWT whose signature is random bytes. */
function forgeJwt(random: () => number): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ sub: randomString('digits', 10, random), name: 'Ada', iat: 1_700_000_000, exp: 4_102_444_800 }));
  return `${header}.${payload}.${randomString('base64url', 43, random)}`;
}

/**
 * JWTs are found by a linear scan instead of a regex: a hostile line of `eyJeyJeyJ…` would make
 * a backtracking pattern retry every start position; here each character is visited once.
 */
export const jwt: SecretContentRule = {
  kind: 'content',
  meta: {
    id: 'secrets/jwt',
    description: 'Signed JSON Web Tokens (header.payload.signature) whose header decodes to JSON with an "alg".',
    severity: 'error',
    fixable: false,
    fixHint: 'Treat the token as leaked: revoke the session or rotate the signing key if it is still valid, and load tokens at runtime instead of committing them.',
  },
  keywords: ['eyj'],
  scope: 'window',
  window: 12_000,
  priority: 10,
  patterns: [/eyJ/g],
  examples: [{ label: 'JSON Web Token', sample: { before: 'Authorization: Bearer ', secret: { shape: 'eyJ<base64url header>.eyJ<base64url payload>.<base64url signature>', forge: forgeJwt } } }],
  docs: {
    why: 'A bearer token is accepted by any server that trusts its signature until it expires, so a committed JWT is a working login for its subject. Tokens without an expiry never stop working.',
    good: 'const token = await auth.getAccessToken(); // fetched at runtime',
    notes: ['Tokens whose `exp` claim is in the past are reported as warnings. Unsigned tokens (`alg: none`, empty signature) are not reported.'],
  },
  create(context) {
    const { text } = context;
    let from = 0;
    for (;;) {
      const at = text.indexOf('eyJ', from);
      if (at < 0) return;
      const e1 = runEnd(text, at);
      from = e1 + 1;
      if (at > 0 && isB64url(text.charCodeAt(at - 1))) continue;
      if (text.charCodeAt(e1) !== 46 || e1 - at < 12 || !text.startsWith('eyJ', e1 + 1)) continue;
      const e2 = runEnd(text, e1 + 1);
      from = e2 + 1;
      if (text.charCodeAt(e2) !== 46 || e2 - e1 < 6) continue;
      const e3 = runEnd(text, e2 + 1);
      from = e3 + 1;
      if (e3 - e2 - 1 < 16) continue;
      const header = decodeJson(text.slice(at, e1));
      const payload = decodeJson(text.slice(e1 + 1, e2));
      if (!header || typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none' || !payload) continue;
      const token = text.slice(at, e3);
      const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
      if (exp !== undefined && exp * 1000 < Date.now()) {
        context.report({ secret: token, index: at, label: 'JSON Web Token', severity: 'warning', detail: `expired ${new Date(exp * 1000).toISOString().slice(0, 10)}` });
      } else {
        context.report({ secret: token, index: at, label: 'JSON Web Token', ...(exp === undefined ? { detail: 'no expiry' } : {}) });
      }
    }
  },
};
