import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const azureStorageKey = defineTokenRule({
  meta: {
    id: 'secrets/azure-storage-key',
    description: 'Azure storage account keys and Service Bus / Event Hubs shared access keys, usually inside a connection string.',
    severity: 'error',
    fixable: false,
    fixHint: 'Rotate the key in the Azure portal (Access keys → Rotate), then use a managed identity or Key Vault reference instead of a connection string in code.',
  },
  keywords: ['accountkey=', 'sharedaccesskey='],
  window: 140,
  patterns: [
    {
      label: 'Azure storage account key',
      regex: /AccountKey=([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/i,
      group: 1,
      minEntropy: 4,
      sample: { before: 'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmepayments;AccountKey=', secret: [run('base64', 86), '=='], after: ';EndpointSuffix=core.windows.net"' },
    },
    {
      label: 'Azure shared access key',
      regex: /SharedAccessKey=([A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/i,
      group: 1,
      minEntropy: 4,
      sample: { before: 'SERVICEBUS="Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=', secret: [run('base64', 43), '='], after: '"' },
    },
  ],
  docs: {
    why: 'A storage account key gives full control of every blob, queue, table and file share in the account; a Service Bus root key can read and send every message.',
    good: 'const client = new BlobServiceClient(url, new DefaultAzureCredential());',
  },
});
