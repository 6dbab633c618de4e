import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const anthropicKey = defineTokenRule({
  meta: {
    id: 'secrets/anthropic-key',
    description: 'Anthropic API and admin keys (sk-ant-api03-…, sk-ant-admin01-…).',
    severity: 'error',
    fixable: false,
    fixHint: 'Disable the key in the Claude Console (Settings → API keys), create a new one, and read it from the environment.',
  },
  keywords: ['sk-ant-'],
  window: 160,
  patterns: [
    {
      label: 'Anthropic API key',
      regex: /(?<![A-Za-z0-9_-])(sk-ant-(?:api|admin|oat|ort)[0-9]{2}-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])/,
      group: 1,
      minEntropy: 4,
      sample: { before: 'ANTHROPIC_API_KEY=', secret: ['sk-ant-api03-', run('base64url', 93), 'AA'] },
    },
  ],
  docs: {
    why: 'An Anthropic key spends your organisation\'s credit and, for admin keys, manages its members and other keys.',
    good: 'const anthropic = new Anthropic(); // reads ANTHROPIC_API_KEY from the environment',
  },
});
