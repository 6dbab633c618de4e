import { ASSIGN } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const datadogKey = defineTokenRule({
  meta: {
    id: 'secrets/datadog-key',
    description: 'Datadog API keys (32 hex) and application keys (40 hex) assigned to a name that says so (DD_API_KEY, datadog_app_key, DD-APPLICATION-KEY, …).',
    severity: 'error',
    fixable: false,
    fixHint: 'Revoke the key in Datadog (Organization settings → API keys / Application keys) and keep the new one in a secret.',
  },
  keywords: ['datadog', 'dd_api', 'dd-api', 'dd_app', 'dd-app', 'ddapi', 'ddapp'],
  window: 120,
  patterns: [
    {
      label: 'Datadog API key',
      regex: new RegExp(`(?:datadog|dd)[_-]?api[_-]?key${ASSIGN}([a-f0-9]{32})(?![a-f0-9])`, 'i'),
      group: 1,
      minEntropy: 3,
      sample: { before: 'DD_API_KEY=', secret: [run('hex', 32)] },
    },
    {
      label: 'Datadog application key',
      regex: new RegExp(`(?:datadog|dd)[_-]?app(?:lication)?[_-]?key${ASSIGN}([a-f0-9]{40})(?![a-f0-9])`, 'i'),
      group: 1,
      minEntropy: 3,
      sample: { before: 'DD_APP_KEY=', secret: [run('hex', 40)] },
    },
  ],
  docs: {
    why: 'An API key submits metrics and logs billed to you; an application key reads dashboards, logs and monitors, which often hold customer data.',
    good: 'DD_API_KEY=${DD_API_KEY}',
  },
});
