import { END_DASH, START_DASH } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const sendgridKey = defineTokenRule({
  meta: {
    id: 'secrets/sendgrid-key',
    description: 'SendGrid API keys (SG.<id>.<secret>).',
    severity: 'error',
    fixable: false,
    fixHint: 'Delete the key in SendGrid (Settings → API Keys), create one with the least scopes needed, and read it from the environment.',
  },
  keywords: ['sg.'],
  window: 90,
  patterns: [
    {
      label: 'SendGrid API key',
      regex: new RegExp(`${START_DASH}(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})${END_DASH}`),
      group: 1,
      minEntropy: 4,
      sample: { before: 'SENDGRID_API_KEY=', secret: ['SG.', run('base64url', 22), '.', run('base64url', 43)] },
    },
  ],
  docs: {
    why: 'A SendGrid key sends email from your verified domains: phishing that passes SPF and DKIM as you, and a suspended account when it is abused.',
    good: 'sgMail.setApiKey(process.env.SENDGRID_API_KEY!);',
  },
});
