import { END, START } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const npmToken = defineTokenRule({
  meta: {
    id: 'secrets/npm-token',
    description: 'npm access tokens (npm_…): classic, granular and automation tokens.',
    severity: 'error',
    fixable: false,
    fixHint: 'Revoke the token (npm token revoke, or npmjs.com → Access Tokens) and use trusted publishing or an NPM_TOKEN secret in CI.',
  },
  keywords: ['npm_'],
  window: 60,
  patterns: [
    {
      label: 'npm access token',
      regex: new RegExp(`${START}(npm_[A-Za-z0-9]{36})${END}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: '//registry.npmjs.org/:_authToken=', secret: ['npm_', run('alnum', 36)] },
    },
  ],
  docs: {
    why: 'An npm token publishes new versions of your packages: a supply-chain attack on everyone who installs them.',
    good: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
  },
});
