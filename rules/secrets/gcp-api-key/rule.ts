import { END_DASH, START_DASH } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const gcpApiKey = defineTokenRule({
  meta: {
    id: 'secrets/gcp-api-key',
    description: 'Google API keys (AIza…): Google Cloud, Maps, Firebase and Gemini.',
    severity: 'error',
    fixable: false,
    fixHint: 'Delete or regenerate the key in Google Cloud Console (APIs & Services → Credentials) and restrict the new one by API and by referrer or IP.',
  },
  keywords: ['aiza'],
  window: 60,
  patterns: [
    {
      label: 'Google API key',
      regex: new RegExp(`${START_DASH}(AIza[0-9A-Za-z_-]{35})${END_DASH}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'GOOGLE_API_KEY=', secret: ['AIza', run('base64url', 35)] },
    },
  ],
  docs: {
    why: 'An unrestricted Google API key bills your project for every call made with it (Maps and Gemini calls add up fast) and may read data of APIs that accept keys. Keys meant for browsers must be restricted by referrer; server keys must not be in code at all.',
    good: 'const key = process.env.GOOGLE_API_KEY;',
    notes: ['Firebase web config keys are designed to be public but still bill your project: restrict them by referrer and allowlist the file if that is deliberate.'],
  },
});
