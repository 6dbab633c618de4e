import type { SecretContentRule } from '../../../src/checks/secrets/rule-context.ts';
import { randomString } from '../../../src/checks/secrets/token-format.ts';

const PEM_HEADER = /-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY( BLOCK)?-----/g;
const PUTTY_HEADER = /PuTTY-User-Key-File-[23]: ?[a-z0-9-]{3,40}/g;
/** How far past a header the end of the key is looked for. */
const MAX_KEY = 20_000;
/** Fewer base64 characters than this between the markers is a doc example, not a key. */
const MIN_BODY = 64;
/** Headers past this many in one text are ignored: no real file holds that many keys. */
const MAX_HEADERS = 500;

function base64Chars(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47) count++;
  }
  return count;
}

/**
 * Base64 characters in runs that look like key lines (16+ base64 characters between
 * whitespace, quotes or escaped line breaks), so that prose after a documentation example's
 * header never adds up to a key body.
 */
function keyLineChars(text: string): number {
  let count = 0;
  for (const token of text.split(/\\[rn]|\s|["'`,;()]/)) {
    if (token.length >= 16 && base64Chars(token) >= token.length - 2) count += token.length;
  }
  return count;
}

/** indexOf that looks no further than `limit`, so many unterminated headers stay linear. */
function indexWithin(text: string, needle: string, from: number, limit: number): number {
  const at = text.slice(from, limit).indexOf(needle);
  return at < 0 ? -1 : from + at;
}

function forgePem(kind: string) {
  return (random: () => number): string => {
    const lines: string[] = [];
    for (let i = 0; i < 12; i++) lines.push(randomString('base64', 64, random));
    return `-----BEGIN ${kind}PRIVATE KEY-----\n${lines.join('\n')}\n-----END ${kind}PRIVATE KEY-----`;
  };
}

export const privateKey: SecretContentRule = {
  kind: 'content',
  meta: {
    id: 'secrets/private-key',
    description: 'Private keys: PEM (RSA, EC, DSA, PKCS#8, encrypted), OpenSSH, PGP private key blocks and PuTTY key files.',
    severity: 'error',
    fixable: false,
    fixHint: 'Consider the key compromised: revoke or replace it wherever it is trusted (servers, certificates, deploy keys, signing), and keep keys in a secret store.',
  },
  keywords: ['-----begin', 'putty-user-key-file-'],
  scope: 'file',
  window: 0,
  priority: 10,
  patterns: [PEM_HEADER, PUTTY_HEADER],
  examples: [
    { label: 'RSA private key', sample: { secret: { shape: '-----BEGIN RSA PRIVATE KEY-----\n<base64 lines>\n-----END RSA PRIVATE KEY-----', forge: forgePem('RSA ') } } },
    { label: 'OPENSSH private key', sample: { secret: { shape: '-----BEGIN OPENSSH PRIVATE KEY-----\n<base64 lines>\n-----END OPENSSH PRIVATE KEY-----', forge: forgePem('OPENSSH ') } } },
    { label: 'encrypted private key', severity: 'warning', sample: { secret: { shape: '-----BEGIN ENCRYPTED PRIVATE KEY-----\n<base64 lines>\n-----END ENCRYPTED PRIVATE KEY-----', forge: forgePem('ENCRYPTED ') } } },
  ],
  docs: {
    why: 'Whoever has a private key can log in to the servers that trust it, impersonate the TLS site, sign releases or decrypt data meant for its owner. Unlike a token, a key often has no expiry and no central revocation.',
    good: '-----BEGIN PUBLIC KEY-----  (public keys and certificates are fine)',
    notes: [
      'A header with fewer than 64 base64 characters after it (a documentation example such as `-----BEGIN RSA PRIVATE KEY-----\\n...`) is not reported.',
      'Encrypted keys are reported as warnings: the passphrase is all that protects them.',
      'Files such as `id_rsa` and `*.pem` are also blocked by name (secrets/blocked-file).',
    ],
  },
  create(context) {
    const { text } = context;
    let headers = 0;
    /** No '-----END' occurs before this offset (from an earlier failed search). */
    let noEndUntil = 0;
    for (const m of text.matchAll(PEM_HEADER)) {
      if (++headers > MAX_HEADERS) break;
      const bodyStart = m.index + m[0].length;
      const limit = Math.min(text.length, bodyStart + MAX_KEY);
      const endAt = indexWithin(text, '-----END', Math.max(bodyStart, noEndUntil), limit);
      if (endAt < 0) noEndUntil = Math.max(bodyStart, limit - 8);
      let blockEnd: number;
      if (endAt >= 0) {
        const close = indexWithin(text, '-----', endAt + 8, endAt + 80);
        blockEnd = close >= 0 ? close + 5 : endAt + 8;
      } else {
        blockEnd = Math.min(limit, bodyStart + 4000);
      }
      const body = text.slice(bodyStart, endAt >= 0 ? endAt : blockEnd);
      if (keyLineChars(body) < MIN_BODY) continue;
      const kind = (m[1] ?? '').trim();
      const encrypted = kind.includes('ENCRYPTED') || body.includes('Proc-Type: 4,ENCRYPTED');
      const label = m[2] ? 'PGP private key block' : `${kind ? `${kind} ` : ''}private key`.replace(/^ENCRYPTED /, '');
      context.report({
        secret: text.slice(m.index, blockEnd),
        index: m.index,
        label: encrypted ? `encrypted ${label}` : label,
        ...(encrypted ? { severity: 'warning' as const } : {}),
      });
    }
    headers = 0;
    for (const m of text.matchAll(PUTTY_HEADER)) {
      if (++headers > MAX_HEADERS) break;
      const limit = Math.min(text.length, m.index + MAX_KEY);
      const lines = indexWithin(text, 'Private-Lines:', m.index, limit);
      if (lines < 0) continue;
      const mac = indexWithin(text, 'Private-MAC:', lines, limit);
      const macEnd = mac >= 0 ? indexWithin(text, '\n', mac, limit) : -1;
      const blockEnd = mac >= 0 ? (macEnd < 0 ? limit : macEnd) : Math.min(limit, lines + 4000);
      if (base64Chars(text.slice(lines, blockEnd)) < MIN_BODY) continue;
      const encrypted = /Encryption: (?!none)/.test(text.slice(m.index, lines));
      context.report({
        secret: text.slice(m.index, blockEnd).replace(/\r$/, ''),
        index: m.index,
        label: encrypted ? 'encrypted PuTTY private key' : 'PuTTY private key',
        ...(encrypted ? { severity: 'warning' as const } : {}),
      });
    }
  },
};
