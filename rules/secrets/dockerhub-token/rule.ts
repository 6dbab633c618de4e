import { END_DASH, START_DASH } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const dockerhubToken = defineTokenRule({
  meta: {
    id: 'secrets/dockerhub-token',
    description: 'Docker Hub personal and organization access tokens (dckr_pat_, dckr_oat_).',
    severity: 'error',
    fixable: false,
    fixHint: 'Delete the token in Docker Hub (Account settings → Personal access tokens) and keep the new one in a CI secret.',
  },
  keywords: ['dckr_pat_', 'dckr_oat_'],
  window: 80,
  patterns: [
    {
      label: 'Docker Hub personal access token',
      regex: new RegExp(`${START_DASH}(dckr_pat_[A-Za-z0-9_-]{27,40})${END_DASH}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'DOCKERHUB_TOKEN=', secret: ['dckr_pat_', run('base64url', 27)] },
    },
    {
      label: 'Docker Hub organization access token',
      regex: new RegExp(`${START_DASH}(dckr_oat_[A-Za-z0-9_-]{27,40})${END_DASH}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'DOCKERHUB_TOKEN=', secret: ['dckr_oat_', run('base64url', 32)] },
    },
  ],
  docs: {
    why: 'A Docker Hub token pushes images to your repositories: the next deploy pulls whatever the attacker pushed.',
    good: 'echo "$DOCKERHUB_TOKEN" | docker login -u acme --password-stdin',
  },
});
