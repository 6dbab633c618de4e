import { describe, expect, it } from 'vitest';
import { SECRET_CONTENT_RULES } from '../../../rules/secrets/index.ts';
import { SecretsConfigSchema } from '../../../src/checks/secrets/config.ts';
import { SecretDetector } from '../../../src/checks/secrets/detector.ts';
import { lineRangeFilter } from '../../../src/checks/secrets/line-index.ts';
import type { SecretContentRule } from '../../../src/checks/secrets/rule-context.ts';
import { forgeFormat, randomString, run, seededRandom } from '../../../src/checks/secrets/token-format.ts';

const random = seededRandom(2024);
/** Fresh fake tokens of documented formats (never stored in the repository). */
const gen = {
  ghp: () => forgeFormat(['ghp_', run('alnum', 36)], random),
  stripeLive: () => forgeFormat(['sk_live_', run('alnum', 40)], random),
  slackBot: () => forgeFormat(['xoxb-', run('digits', 12), '-', run('digits', 13), '-', run('alnum', 24)], random),
  akia: () => forgeFormat(['AKIA', run('base32', 16)], random),
  npm: () => forgeFormat(['npm_', run('alnum', 36)], random),
  b64: (n: number) => randomString('base64', n, random),
  alnum: (n: number) => randomString('alnum', n, random),
};

function detector(config: Record<string, unknown> = {}) {
  return new SecretDetector(SECRET_CONTENT_RULES, SecretsConfigSchema.parse(config));
}

function scan(text: string, path = 'config.env', config: Record<string, unknown> = {}) {
  return detector(config)
    .scan({ path, text })
    .map((f) => ({ rule: f.rule.meta.id, line: f.line, secret: f.secret }));
}

describe('secret rules: valid and invalid cases', () => {
  const invalid: { name: string; text: () => string; path?: string; rule: string; line?: number }[] = [
    { name: 'a classic GitHub token in an env file', text: () => `GITHUB_TOKEN=${gen.ghp()}`, rule: 'secrets/github-token' },
    { name: 'a GitHub token in a TypeScript string', text: () => `// setup\nconst t = '${gen.ghp()}';`, path: 'src/a.ts', rule: 'secrets/github-token', line: 2 },
    { name: 'a Stripe live key in JSON', text: () => `{ "stripe": "${gen.stripeLive()}" }`, path: 'config.json', rule: 'secrets/stripe-key' },
    { name: 'a Slack bot token in YAML', text: () => `slack:\n  token: ${gen.slackBot()}`, path: 'a.yml', rule: 'secrets/slack-token', line: 2 },
    { name: 'an npm token in .npmrc', text: () => `//registry.npmjs.org/:_authToken=${gen.npm()}`, path: '.npmrc', rule: 'secrets/npm-token' },
    { name: 'an AWS key id in Python', text: () => `KEY = "${gen.akia()}"`, path: 'a.py', rule: 'secrets/aws-access-key' },
    { name: 'a random password literal in code', text: () => `const adminPassword = "${gen.alnum(10)}#${gen.alnum(6)}";`, path: 'a.ts', rule: 'secrets/generic-secret' },
    { name: 'a bare secret in an env file', text: () => `PARTNER_API_KEY=${gen.b64(32)}`, rule: 'secrets/generic-secret' },
    // The generic rule checks for an assignment by hand before its regex: every spacing the regex allows.
    { name: 'a secret after tabs and a closing quote', text: () => `"signing_secret"\t:\t"${gen.alnum(12)}!${gen.alnum(8)}"`, path: 'a.json', rule: 'secrets/generic-secret' },
    { name: 'a secret after Unicode spaces', text: () => `const apiKey\u00a0=\u2003"${gen.alnum(12)}!${gen.alnum(8)}";`, path: 'a.ts', rule: 'secrets/generic-secret' },
    { name: 'a secret after := and five spaces', text: () => `dbPassword     := "${gen.alnum(12)}!${gen.alnum(8)}"`, path: 'main.go', rule: 'secrets/generic-secret' },
    { name: 'a database URL with a real password', text: () => `url: "postgres://app:${gen.alnum(16)}@db.internal:5432/app"`, rule: 'secrets/database-url' },
  ];
  it.each(invalid)('reports $name', ({ text, path, rule, line }) => {
    const found = scan(text(), path);
    expect(found.map((f) => f.rule)).toEqual([rule]);
    if (line !== undefined) expect(found[0]!.line).toBe(line);
  });

  const valid: { name: string; text: () => string; path?: string }[] = [
    { name: 'an environment reference', text: () => 'GITHUB_TOKEN=${GITHUB_TOKEN}' },
    { name: 'a placeholder token', text: () => 'token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' },
    { name: 'the AWS documentation key', text: () => 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE' },
    { name: 'a Stripe publishable key', text: () => `pk_live_${gen.alnum(40)}` },
    { name: 'a token prefix inside a longer word', text: () => `xghp_${gen.alnum(36)}` },
    { name: 'a bare value in code (a reference, not a literal)', text: () => 'const password = userInput;', path: 'a.ts' },
    { name: 'a password that is a plain word', text: () => 'password: "correcthorse"' },
    { name: 'a database URL whose password is masked with three asterisks', text: () => '/** Where it points, masked: "postgres://app:***@db:5432/app". */', path: 'src/db.ts' },
    { name: 'prose after a label, such as a report note "secrets: history: scanned 1 commit"', text: () => '"text": "secrets: history: scanned 1 commit in 35d412b4..HEAD"', path: 'tollgate.sarif' },
    { name: 'a local default database password', text: () => 'DATABASE_URL=postgres://postgres:postgres@localhost/app' },
    { name: 'a token URL', text: () => 'const tokenUrl = "https://login.acme.com/oauth2/v2.0/token";', path: 'a.ts' },
    { name: 'a UUID assigned to a secret name', text: () => 'secret_id = "3f2b1c5e-8a7d-4e6f-9b0c-1d2e3f4a5b6c"' },
    { name: 'a template variable', text: () => 'password: "{{ vault_db_password }}"' },
    {
      name: 'a documentation example of a PEM header followed by prose, no key body',
      text: () => "notes: ['A header such as `-----BEGIN RSA PRIVATE KEY-----\\n...` in docs is not reported.', 'Encrypted keys are reported as warnings: the passphrase is all that protects them.', 'Files such as id_rsa and pem are also blocked by name.']",
      path: 'rule.ts',
    },
  ];
  it.each(valid)('does not report $name', ({ text, path }) => {
    expect(scan(text(), path)).toEqual([]);
  });
});

describe('SecretDetector', () => {
  it('lets a provider rule win over the generic rule for the same value', () => {
    const token = gen.ghp();
    expect(scan(`api_token = "${token}"`)).toEqual([{ rule: 'secrets/github-token', line: 1, secret: token }]);
  });

  it('calls a keyword-scope rule at each hit with the whole text, and skips the hits it asks to', () => {
    const calls: { text: string; start: number; end: number }[] = [];
    const rule: SecretContentRule = {
      kind: 'content',
      meta: { id: 'secrets/test-keyword', description: 'test', severity: 'error', fixable: false, fixHint: '' },
      keywords: ['zz'],
      scope: 'keyword',
      window: 0,
      priority: 1,
      patterns: [],
      examples: [],
      docs: { why: '', good: '' },
      create(context) {
        const { start, end } = context.keyword!;
        calls.push({ text: context.text, start, end });
        // A hit right after `skip` also takes the next one.
        if (context.text.slice(start - 4, start) === 'skip') context.skipHitsBefore!(end + 3);
        if (context.text.slice(end, end + 2) === '=1') context.report({ secret: 'value-one', index: end + 1, label: 'test' });
      },
    };
    const text = 'a zz b\nskipzz zz ZZ=1 zz';
    const found = new SecretDetector([rule], SecretsConfigSchema.parse({})).scan({ path: 'a.txt', text });
    expect(calls.map((c) => [c.start, c.end])).toEqual([[2, 4], [11, 13], [17, 19], [22, 24]]);
    expect(calls.every((c) => c.text === text)).toBe(true);
    expect(found.map((f) => [f.line, f.column, f.secret])).toEqual([[2, 14, 'value-one']]);
  });

  it('the generic rule reads a name once, however many keywords it holds, and never takes a value from the next line', () => {
    const value = `${gen.alnum(12)}!${gen.alnum(8)}`;
    expect(scan(`SECRET_API_TOKEN_PASSWORD = "${value}"`, 'a.ts')).toEqual([{ rule: 'secrets/generic-secret', line: 1, secret: value }]);
    expect(scan(`password =\n"${value}"`, 'a.ts')).toEqual([]);
    expect(scan(`password =\r\n  ${value}`, 'a.env')).toEqual([]);
    expect(scan(`password =\t ${value}`, 'a.env')).toEqual([{ rule: 'secrets/generic-secret', line: 1, secret: value }]);
  });

  it('reports only secrets on the lines a filter accepts (staged added lines)', () => {
    const [a, b, c] = [gen.ghp(), gen.ghp(), gen.ghp()];
    const text = `A=${a}\nB=${b}\nC=${c}\n`;
    const found = detector().scan({ path: 'x.env', text, lineFilter: lineRangeFilter([{ start: 2, end: 2 }]) });
    expect(found.map((f) => [f.line, f.secret])).toEqual([[2, b]]);
  });

  it('finds a secret inside base64, hex and percent encoding, at the position of the blob', () => {
    const token = gen.ghp();
    const b64 = Buffer.from(`GITHUB_TOKEN=${token}\n`).toString('base64');
    const hex = Buffer.from(`token: ${token}`).toString('hex');
    const pct = encodeURIComponent(`{"token":"${token}"}`);
    const text = `data: ${b64}\nhex = "${hex}"\nq=${pct}\n`;
    const found = detector().scan({ path: 'k8s.yml', text });
    expect(found.map((f) => [f.rule.meta.id, f.line, f.column, f.encodings.join('+'), f.secret === token])).toEqual([
      ['secrets/github-token', 1, 7, 'base64', true],
      ['secrets/github-token', 2, 8, 'hex', true],
      ['secrets/github-token', 3, 1, 'percent', true],
    ]);
    expect(found[0]!.blob).toBe(b64);
  });

  it('decodes nested encodings up to decodeDepth and no further', () => {
    const token = gen.ghp();
    const twice = Buffer.from(Buffer.from(`key=${token}`).toString('base64')).toString('base64');
    const text = `blob: ${twice}`;
    expect(detector().scan({ path: 'a.yml', text }).map((f) => f.encodings)).toEqual([['base64', 'base64']]);
    expect(detector({ decodeDepth: 1 }).scan({ path: 'a.yml', text })).toEqual([]);
    expect(detector({ decodeDepth: 0 }).scan({ path: 'a.yml', text: `blob: ${Buffer.from(`key=${token}`).toString('base64')}` })).toEqual([]);
  });

  it('applies the allowlist: user regexes, line regexes, stopwords and placeholders', () => {
    const [a, b, c, d] = [gen.ghp(), gen.ghp(), gen.ghp(), gen.ghp()];
    const text = `A=${a}\nB=${b} # test-fixture\nC=${c}\nD=${d.slice(0, 10)}notreal${d.slice(17)}\n`;
    const config = { allowlist: { regexes: [`^${a.slice(0, 12)}`], lineRegexes: ['test-fixture'], stopwords: [c.slice(8, 14)] } };
    expect(scan(text, 'x.env', config)).toEqual([]);
    expect(scan(text, 'x.env').map((f) => f.line)).toEqual([1, 2, 3]);
    expect(scan(`E=${gen.ghp().slice(0, 20)}ACMEFAKE${gen.alnum(8)}`, 'x.env', { allowlist: { placeholders: ['acmefake'] } })).toEqual([]);
  });

  it('finds a private key that spans many lines and reports where it starts and ends', () => {
    const body = Array.from({ length: 5 }, () => gen.b64(64)).join('\n');
    const text = `intro\n-----BEGIN EC PRIVATE KEY-----\n${body}\n-----END EC PRIVATE KEY-----\n`;
    const [found] = detector().scan({ path: 'key.txt', text });
    expect([found?.rule.meta.id, found?.label, found?.line, found?.endLine]).toEqual(['secrets/private-key', 'EC private key', 2, 8]);
  });

  it('pairs an AWS key id with the secret key a few lines away and reports both', () => {
    const id = gen.akia();
    const secret = gen.b64(40).replace(/^[^a-z]*/, 'a').slice(0, 40).padEnd(40, 'Z9');
    const text = `[default]\naws_access_key_id = ${id}\nregion = eu-west-1\naws_secret_access_key = ${secret}\n`;
    const found = detector().scan({ path: 'credentials', text });
    expect(found.map((f) => [f.rule.meta.id, f.line, f.detail])).toEqual([
      ['secrets/aws-access-key', 2, 'its secret access key is 2 line(s) below'],
      ['secrets/aws-access-key', 4, 'next to access key id AKIA…'],
    ]);
  });

  describe('hostile input (speed is measured in the bench; here the scan must finish and stay correct)', () => {
    const hostile: [string, string][] = [
      ['a 1 MB line of one letter', 'a'.repeat(1_000_000)],
      ['a 1 MB line of repeated token prefixes', 'ghp_xoxb-sk_live_AKIAeyJ'.repeat(42_000)],
      ['a 1 MB line of repeated JWT starts', 'eyJ'.repeat(333_000)],
      ['a 1 MB line of repeated secret names', 'password=token:'.repeat(66_000)],
      ['a 1 MB name made of secret words', 'Secret_Token_Password_'.repeat(45_500)],
      ['a 1 MB line of assignments to secret names', 'token=token='.repeat(83_000)],
      ['a 1 MB line of private-key headers', '-----BEGIN PRIVATE KEY-----'.repeat(37_000)],
      ['a 1 MB base64 line', randomString('base64', 1_000_000, seededRandom(1))],
      ['a 1 MB line of every keyword', SECRET_CONTENT_RULES.flatMap((r) => r.keywords).join('=').repeat(400).slice(0, 1_000_000)],
    ];
    it.each(hostile)('scans %s and still finds a token after it', (_name, line) => {
      const token = gen.ghp();
      const found = detector().scan({ path: 'hostile.txt', text: `${line}\nGITHUB_TOKEN=${token}\n` });
      expect(found.filter((f) => f.secret === token).map((f) => f.line)).toEqual([2]);
    });
  });
});
