import { ASSIGN } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const herokuKey = defineTokenRule({
  meta: {
    id: 'secrets/heroku-key',
    description: 'Heroku API keys: the HRKU- format, and legacy UUID keys assigned to a name mentioning Heroku.',
    severity: 'error',
    fixable: false,
    fixHint: 'Regenerate the API key (heroku authorizations:rotate, or Account settings) and keep the new one in a CI secret.',
  },
  keywords: ['hrku-', 'heroku'],
  window: 140,
  patterns: [
    {
      label: 'Heroku API key',
      regex: /(?<![A-Za-z0-9_-])(HRKU-[A-Za-z0-9_-]{40,80})(?![A-Za-z0-9_-])/,
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'HEROKU_API_KEY=', secret: ['HRKU-AA', run('base64url', 58)] },
    },
    {
      label: 'Heroku API key (legacy)',
      regex: new RegExp(`heroku[A-Za-z0-9_.-]{0,20}(?:api[_-]?key|token|secret)${ASSIGN}([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![0-9a-fA-F])`, 'i'),
      group: 1,
      minEntropy: 3,
      sample: { before: 'HEROKU_API_KEY=', secret: [run('hex', 8), '-', run('hex', 4), '-', run('hex', 4), '-', run('hex', 4), '-', run('hex', 12)] },
    },
  ],
  docs: {
    why: 'A Heroku API key deploys code, reads config vars (every other secret of your apps) and scales or deletes apps.',
    good: 'HEROKU_API_KEY=${{ secrets.HEROKU_API_KEY }}',
  },
});
