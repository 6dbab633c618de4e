import { ASSIGN } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const uuidFormat = [run('hex', 8), '-', run('hex', 4), '-', run('hex', 4), '-', run('hex', 4), '-', run('hex', 12)];

export const plaidToken = defineTokenRule({
  meta: {
    id: 'secrets/plaid-token',
    description: 'Plaid access tokens (access-production-…, access-development-…, access-sandbox-…) and Plaid secrets assigned to a name that says so.',
    severity: 'error',
    fixable: false,
    fixHint: 'Rotate the secret in the Plaid dashboard (Team settings → Keys) or remove the Item (/item/remove) for a leaked access token.',
  },
  keywords: ['access-production-', 'access-development-', 'access-sandbox-', 'plaid'],
  window: 120,
  patterns: [
    {
      label: 'Plaid access token',
      regex: new RegExp(`(?<![A-Za-z0-9-])(access-(?:production|development)-${UUID})(?![0-9a-f])`),
      group: 1,
      sample: { before: 'PLAID_ACCESS_TOKEN=', secret: ['access-production-', ...uuidFormat] },
    },
    {
      label: 'Plaid sandbox access token',
      regex: new RegExp(`(?<![A-Za-z0-9-])(access-sandbox-${UUID})(?![0-9a-f])`),
      group: 1,
      severity: 'warning',
      sample: { before: 'PLAID_ACCESS_TOKEN=', secret: ['access-sandbox-', ...uuidFormat] },
    },
    {
      label: 'Plaid secret',
      regex: new RegExp(`plaid[A-Za-z0-9_.-]{0,20}secret${ASSIGN}([0-9a-f]{30})(?![0-9a-f])`, 'i'),
      group: 1,
      minEntropy: 3,
      sample: { before: 'PLAID_SECRET=', secret: [run('hex', 30)] },
    },
  ],
  docs: {
    why: "A Plaid access token with the client id and secret reads a user's bank balances, transactions and identity, and can start transfers.",
    good: 'PLAID_SECRET=${PLAID_SECRET}',
  },
});
