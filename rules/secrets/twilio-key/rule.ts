import { ASSIGN } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const twilioKey = defineTokenRule({
  meta: {
    id: 'secrets/twilio-key',
    description: 'Twilio auth tokens and API key secrets (in files that mention Twilio), and API key SIDs (SK…).',
    severity: 'error',
    fixable: false,
    fixHint: 'Rotate the auth token (Console → Account → API keys & tokens) or delete the API key, then read credentials from the environment.',
  },
  keywords: ['twilio'],
  scope: 'file',
  // Any provider rule that matches the same value knows better what it is.
  priority: 50,
  patterns: [
    {
      label: 'Twilio auth token or API key secret',
      regex: new RegExp(`(?:auth[_-]?token|api[_-]?secret|api[_-]?key[_-]?secret)${ASSIGN}([A-Za-z0-9]{32})(?![A-Za-z0-9])`, 'i'),
      group: 1,
      minEntropy: 3.2,
      sample: { before: 'TWILIO_AUTH_TOKEN=', secret: [run('hex', 32)] },
    },
    {
      label: 'Twilio API key SID',
      regex: /(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])/,
      group: 1,
      minEntropy: 3,
      severity: 'warning',
      sample: { before: 'TWILIO_API_KEY=', secret: ['SK', run('hex', 32)] },
    },
  ],
  docs: {
    why: 'A Twilio auth token sends SMS and places calls billed to your account (toll fraud is the usual abuse) and reads message logs with customer phone numbers.',
    good: 'const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);',
    notes: ['Twilio secrets have no prefix, so this rule only looks at files that mention "twilio". An API key SID alone is a warning: it names a key but cannot authenticate without its secret.'],
  },
});
