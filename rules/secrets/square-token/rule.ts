import { END_DASH, START_DASH } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const squareToken = defineTokenRule({
  meta: {
    id: 'secrets/square-token',
    description: 'Square access tokens (EAAA…, sq0atp-) and application secrets (sq0csp-).',
    severity: 'error',
    fixable: false,
    fixHint: 'Revoke the token or replace the application secret in the Square Developer Dashboard, then read it from the environment.',
  },
  keywords: ['eaaa', 'sq0atp-', 'sq0csp-'],
  window: 100,
  patterns: [
    {
      label: 'Square access token',
      regex: new RegExp(`${START_DASH}(EAAA[A-Za-z0-9_-]{60})${END_DASH}`),
      group: 1,
      minEntropy: 4,
      sample: { before: 'SQUARE_ACCESS_TOKEN=', secret: ['EAAA', run('base64url', 60)] },
    },
    {
      label: 'Square access token (legacy)',
      regex: new RegExp(`${START_DASH}(sq0atp-[A-Za-z0-9_-]{22})${END_DASH}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'SQUARE_TOKEN=', secret: ['sq0atp-', run('base64url', 22)] },
    },
    {
      label: 'Square application secret',
      regex: new RegExp(`${START_DASH}(sq0csp-[A-Za-z0-9_-]{43})${END_DASH}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'SQUARE_APP_SECRET=', secret: ['sq0csp-', run('base64url', 43)] },
    },
  ],
  docs: {
    why: 'A Square access token takes payments, issues refunds and reads the orders and customers of the seller account; the application secret mints new OAuth tokens.',
    good: 'const client = new Client({ accessToken: process.env.SQUARE_ACCESS_TOKEN });',
  },
});
