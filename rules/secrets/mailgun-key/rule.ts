import { ASSIGN } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const mailgunKey = defineTokenRule({
  meta: {
    id: 'secrets/mailgun-key',
    description: 'Mailgun API keys: the legacy key-<32 hex> format, and private API keys assigned to a name mentioning Mailgun.',
    severity: 'error',
    fixable: false,
    fixHint: 'Delete the key in Mailgun (API Security), create a new one and read it from the environment.',
  },
  keywords: ['key-', 'mailgun'],
  window: 120,
  patterns: [
    {
      label: 'Mailgun API key',
      regex: /(?<![A-Za-z0-9_-])(key-[0-9a-f]{32})(?![A-Za-z0-9_-])/,
      group: 1,
      minEntropy: 3,
      sample: { before: "const mg = mailgun.client({ username: 'api', key: '", secret: ['key-', run('hex', 32)], after: "' });" },
    },
    {
      label: 'Mailgun private API key',
      regex: new RegExp(`mailgun[A-Za-z0-9_.-]{0,30}${ASSIGN}([0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![0-9a-f])`, 'i'),
      group: 1,
      minEntropy: 3,
      sample: { before: 'MAILGUN_API_KEY=', secret: [run('hex', 32), '-', run('hex', 8), '-', run('hex', 8)] },
    },
  ],
  docs: {
    why: 'A Mailgun key sends email from your domains and reads delivery logs full of customer addresses.',
    good: 'MAILGUN_API_KEY=${MAILGUN_API_KEY}',
  },
});
