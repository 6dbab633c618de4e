import { END_DASH, START_DASH } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const bitbucketToken = defineTokenRule({
  meta: {
    id: 'secrets/bitbucket-token',
    description: 'Bitbucket app passwords and Atlassian API / repository access tokens.',
    severity: 'error',
    fixable: false,
    fixHint: 'Revoke the app password or access token in Bitbucket (Personal settings → App passwords, or the repository/workspace access tokens), then read it from the environment.',
  },
  keywords: ['atbb', 'atatt', 'atctt'],
  window: 300,
  patterns: [
    {
      label: 'Bitbucket app password',
      regex: new RegExp(`${START_DASH}(ATBB[A-Za-z0-9_=.-]{28,60})${END_DASH}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'BITBUCKET_APP_PASSWORD=', secret: ['ATBB', run('alnum', 32)] },
    },
    {
      label: 'Atlassian API or access token',
      regex: new RegExp(`${START_DASH}((?:ATATT|ATCTT)[A-Za-z0-9_=.-]{100,250})${END_DASH}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'ATLASSIAN_TOKEN=', secret: ['ATATT3x', run('base64url', 180)] },
    },
  ],
  docs: {
    why: 'A Bitbucket app password or access token can clone and push to every repository its scopes allow; Atlassian API tokens also open Jira and Confluence.',
    good: 'BITBUCKET_APP_PASSWORD=${BITBUCKET_APP_PASSWORD}',
  },
});
