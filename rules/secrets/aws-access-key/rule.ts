import { shannonEntropy } from '../../../src/checks/secrets/entropy.ts';
import type { SecretContentRule } from '../../../src/checks/secrets/rule-context.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';

/** Access key ids: a documented 4-letter prefix and 16 base32 characters. */
const KEY_ID = /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/g;
/** A secret access key: 40 base64 characters, not part of a longer run. */
const SECRET = /(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;
/** How many lines around a key id are searched for its secret. */
const NEARBY_LINES = 5;

const LABELS: Record<string, string> = {
  AKIA: 'AWS access key id (long-term)',
  ASIA: 'AWS access key id (temporary, STS)',
  ABIA: 'AWS STS service bearer token id',
  ACCA: 'AWS context-specific credential id',
};

/** A 40-character value that looks random: mixed classes and high entropy. */
function looksLikeSecretKey(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) && shannonEntropy(value) >= 4.2;
}

/** At most this many characters on each side of a key id are searched for its secret. */
const NEARBY_CHARS = 2000;
/** Key ids past this many in one text are reported without looking for their secret. */
const MAX_PAIRED = 200;

/** The span of `lines` lines above and below the line of `at`, never more than NEARBY_CHARS away. */
function nearbySpan(text: string, at: number, lines: number): [number, number] {
  const lower = Math.max(0, at - NEARBY_CHARS);
  const upper = Math.min(text.length, at + NEARBY_CHARS);
  const before = text.slice(lower, at);
  let from = before.length;
  for (let i = 0; i <= lines && from > 0; i++) from = Math.max(0, before.lastIndexOf('\n', from - 1));
  const after = text.slice(at, upper);
  let to = 0;
  for (let i = 0; i <= lines && to < after.length; i++) {
    const nl = after.indexOf('\n', to + 1);
    to = nl < 0 ? after.length : nl;
  }
  return [lower + from, at + to];
}

function newlinesBetween(text: string, a: number, b: number): number {
  let count = 0;
  for (let i = Math.min(a, b); i < Math.max(a, b); i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

export const awsAccessKey: SecretContentRule = {
  kind: 'content',
  meta: {
    id: 'secrets/aws-access-key',
    description: 'AWS access key ids (AKIA, ASIA, ABIA, ACCA), and the secret access key when it sits within a few lines.',
    severity: 'error',
    fixable: false,
    fixHint: 'Deactivate and delete the access key in IAM (and check CloudTrail for its use), then use roles, SSO or environment credentials instead of keys in code.',
  },
  keywords: ['akia', 'asia', 'abia', 'acca'],
  scope: 'file',
  window: 0,
  priority: 10,
  patterns: [KEY_ID, SECRET],
  examples: [
    { label: LABELS.AKIA!, sample: { before: 'aws_access_key_id = ', secret: ['AKIA', run('base32', 16)] } },
    { label: LABELS.ASIA!, sample: { before: 'AWS_ACCESS_KEY_ID=', secret: ['ASIA', run('base32', 16)] } },
  ],
  docs: {
    why: 'An access key id identifies an IAM credential; together with its secret access key it signs any AWS API call the user or role may make, from reading S3 buckets to launching machines. Keys committed to public repositories are found by attackers within minutes.',
    good: '# use an IAM role, SSO (aws sso login) or AWS_PROFILE; never literal keys',
    notes: [
      'When a 40-character secret access key appears within 5 lines of a key id, it is reported too, as a second finding that names the line of its key id.',
      'The AWS documentation key `AKIAIOSFODNN7EXAMPLE` and similar values are ignored as placeholders.',
    ],
  },
  create(context) {
    const { text } = context;
    let seen = 0;
    for (const match of text.matchAll(KEY_ID)) {
      const keyId = match[1]!;
      const at = match.index;
      let paired: { secret: string; index: number } | undefined;
      const [from, to] = seen++ < MAX_PAIRED ? nearbySpan(text, at, NEARBY_LINES) : [at, at];
      for (const s of text.slice(from, to).matchAll(SECRET)) {
        if (looksLikeSecretKey(s[1]!)) {
          paired = { secret: s[1]!, index: from + s.index };
          break;
        }
      }
      const label = LABELS[keyId.slice(0, 4)] ?? 'AWS access key id';
      if (!paired) {
        context.report({ secret: keyId, index: at, label });
        continue;
      }
      const distance = newlinesBetween(text, at, paired.index);
      const where = distance === 0 ? 'on the same line' : `${distance} line(s) ${paired.index > at ? 'below' : 'above'}`;
      context.report({ secret: keyId, index: at, label, detail: `its secret access key is ${where}` });
      context.report({ secret: paired.secret, index: paired.index, label: 'AWS secret access key', detail: `next to access key id ${keyId.slice(0, 4)}…` });
    }
  },
};
