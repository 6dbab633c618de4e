import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const azureClientSecret = defineTokenRule({
  meta: {
    id: 'secrets/azure-client-secret',
    description: 'Microsoft Entra ID (Azure AD) application client secrets in the current format (with "Q~" at position 5).',
    severity: 'error',
    fixable: false,
    fixHint: 'Delete the secret in Entra ID (App registrations → Certificates & secrets), then use a certificate, a managed identity or workload identity federation.',
  },
  keywords: ['q~'],
  window: 60,
  patterns: [
    {
      label: 'Microsoft Entra ID client secret',
      regex: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'AZURE_CLIENT_SECRET=', secret: [run('alnum', 3), run('digits', 1), 'Q~', run('alnum', 34)] },
    },
  ],
  docs: {
    why: 'A client secret lets anyone sign in as the application and call every API it was granted, often Microsoft Graph with tenant-wide permissions.',
    good: 'AZURE_CLIENT_SECRET=${{ secrets.AZURE_CLIENT_SECRET }}',
  },
});
