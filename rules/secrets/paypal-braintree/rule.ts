import { ASSIGN } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const paypalBraintree = defineTokenRule({
  meta: {
    id: 'secrets/paypal-braintree',
    description: 'PayPal/Braintree access tokens (access_token$production$…), Braintree private keys and PayPal REST client secrets assigned to a name that says so.',
    severity: 'error',
    fixable: false,
    fixHint: 'Regenerate the credential in the PayPal developer dashboard or the Braintree control panel (API keys), then read it from the environment.',
  },
  keywords: ['access_token$', 'braintree', 'paypal'],
  window: 160,
  patterns: [
    {
      label: 'PayPal/Braintree production access token',
      regex: /(access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})(?![0-9a-f])/,
      group: 1,
      sample: { before: 'BRAINTREE_ACCESS_TOKEN=', secret: ['access_token$production$', run('lowerAlnum', 16), '$', run('hex', 32)] },
    },
    {
      label: 'PayPal/Braintree sandbox access token',
      regex: /(access_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32})(?![0-9a-f])/,
      group: 1,
      severity: 'warning',
      sample: { before: 'BRAINTREE_ACCESS_TOKEN=', secret: ['access_token$sandbox$', run('lowerAlnum', 16), '$', run('hex', 32)] },
    },
    {
      label: 'Braintree private key',
      regex: new RegExp(`braintree[A-Za-z0-9_.-]{0,20}private[_.-]?key${ASSIGN}([0-9a-f]{32})(?![0-9a-f])`, 'i'),
      group: 1,
      minEntropy: 3,
      sample: { before: 'BRAINTREE_PRIVATE_KEY=', secret: [run('hex', 32)] },
    },
    {
      label: 'PayPal REST client secret',
      regex: new RegExp(`paypal[A-Za-z0-9_.-]{0,20}(?:client[_.-]?)?secret${ASSIGN}([A-Za-z0-9_-]{60,90})(?![A-Za-z0-9_-])`, 'i'),
      group: 1,
      minEntropy: 4,
      sample: { before: 'PAYPAL_CLIENT_SECRET=', secret: ['E', run('base64url', 79)] },
    },
  ],
  docs: {
    why: 'These credentials charge cards, refund payments and read transaction and customer data in your PayPal or Braintree account.',
    good: 'const gateway = new braintree.BraintreeGateway({ accessToken: process.env.BRAINTREE_ACCESS_TOKEN });',
  },
});
