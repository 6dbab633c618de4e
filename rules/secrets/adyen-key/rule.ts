import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const adyenKey = defineTokenRule({
  meta: {
    id: 'secrets/adyen-key',
    description: 'Adyen API keys (AQE…, with dash-separated parts).',
    severity: 'error',
    fixable: false,
    fixHint: 'Generate a new API key for the web-service user in the Adyen Customer Area (Developers → API credentials) and revoke the old one.',
  },
  keywords: ['aqe'],
  window: 400,
  patterns: [
    {
      label: 'Adyen API key',
      regex: /(?<![A-Za-z0-9+/_-])(AQE[A-Za-z0-9+/]{30,250}={0,2}-[A-Za-z0-9+/]{20,80}={0,2})(?:-[^\s"'`]{1,40})?(?![A-Za-z0-9+/=_-])/,
      group: 1,
      minEntropy: 4,
      sample: { before: 'ADYEN_API_KEY=', secret: ['AQE', run('base64', 120), '-', run('base64', 43), '='] },
    },
  ],
  docs: {
    why: 'An Adyen API key authorises payments, refunds and payouts for the merchant accounts of its web-service user.',
    good: 'const client = new Client({ apiKey: process.env.ADYEN_API_KEY, environment: "LIVE" });',
  },
});
