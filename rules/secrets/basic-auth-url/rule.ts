import { WELL_KNOWN_PASSWORDS } from '../../../src/checks/secrets/well-known-passwords.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

const SCHEMES = ['http', 'https', 'ftp', 'ftps', 'sftp', 'ssh', 'git', 'smtp', 'smtps', 'ldap', 'ldaps', 'ws', 'wss'];

export const basicAuthUrl = defineTokenRule({
  meta: {
    id: 'secrets/basic-auth-url',
    description: 'URLs with credentials in them (https://user:password@host, ftp://, smtp://, ssh://, …).',
    severity: 'error',
    fixable: false,
    fixHint: 'Change the password or token, and pass credentials separately (an Authorization header, a credential helper, netrc from a secret).',
  },
  keywords: SCHEMES.map((s) => `${s}://`),
  window: 200,
  // a host:port pair followed by @ in a path is not a password
  allow: [WELL_KNOWN_PASSWORDS, /^[0-9]{1,5}$/],
  patterns: [
    {
      label: 'URL with embedded credentials',
      regex: /(?<![A-Za-z0-9+.-])(?:https?|ftps?|sftp|ssh|git|smtps?|ldaps?|wss?):\/\/([^\s:@/"'`<>]{1,64}):([^\s@/"'`<>]{3,128})@[A-Za-z0-9.[\]_-]{1,253}/,
      group: 2,
      sample: { before: 'registry=https://deploy:', secret: [run('alnum', 24)], after: '@npm.acme.internal/' },
    },
  ],
  docs: {
    why: 'Credentials in a URL travel everywhere the URL does: logs, error messages, proxies, browser history and shell history.',
    good: 'git clone https://github.com/acme/payments.git   # with a credential helper',
    notes: ['Well-known dummy passwords and placeholders such as `${TOKEN}` are not reported. Database schemes are covered by secrets/database-url.'],
  },
});
