import { END, START } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const digitaloceanToken = defineTokenRule({
  meta: {
    id: 'secrets/digitalocean-token',
    description: 'DigitalOcean personal access, OAuth and refresh tokens (dop_v1_, doo_v1_, dor_v1_).',
    severity: 'error',
    fixable: false,
    fixHint: 'Revoke the token in the DigitalOcean control panel (API → Tokens) and keep the new one in a secret.',
  },
  keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
  window: 90,
  patterns: [
    {
      label: 'DigitalOcean personal access token',
      regex: new RegExp(`${START}(dop_v1_[a-f0-9]{64})${END}`),
      group: 1,
      minEntropy: 3,
      sample: { before: 'DIGITALOCEAN_TOKEN=', secret: ['dop_v1_', run('hex', 64)] },
    },
    {
      label: 'DigitalOcean OAuth token',
      regex: new RegExp(`${START}(do[or]_v1_[a-f0-9]{64})${END}`),
      group: 1,
      minEntropy: 3,
      sample: { before: 'DO_OAUTH_TOKEN=', secret: ['doo_v1_', run('hex', 64)] },
    },
  ],
  docs: {
    why: 'A DigitalOcean token creates and destroys droplets, databases and volumes, and reads their credentials.',
    good: 'DIGITALOCEAN_TOKEN=${DIGITALOCEAN_TOKEN}',
  },
});
