import { randomString } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

/** The private key of a service-account JSON, with its `\n` escapes. */
const PRIVATE_KEY = /"private_key"\s{0,4}:\s{0,4}"(-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----[A-Za-z0-9+/=\\\s]{64,8000}-----END [A-Z ]{0,20}PRIVATE KEY-----(?:\\n)?)"/;

function forgeKeyJson(random: () => number): string {
  const lines: string[] = [];
  for (let i = 0; i < 12; i++) lines.push(randomString('base64', 64, random));
  return `-----BEGIN PRIVATE KEY-----\\n${lines.join('\\n')}\\n-----END PRIVATE KEY-----\\n`;
}

export const gcpServiceAccount = defineTokenRule({
  meta: {
    id: 'secrets/gcp-service-account',
    description: 'Google Cloud service-account key files (JSON with "type": "service_account" and a private key).',
    severity: 'error',
    fixable: false,
    fixHint: 'Delete the key in Google Cloud Console (IAM → Service accounts → Keys) and use workload identity federation or the metadata server instead of key files.',
  },
  keywords: ['service_account'],
  scope: 'file',
  priority: 5,
  patterns: [
    {
      label: 'Google Cloud service-account private key',
      regex: PRIVATE_KEY,
      group: 1,
      sample: {
        before: `{\n  "type": "service_account",\n  "project_id": "acme-payments",\n  "private_key_id": "${'0'.repeat(8)}",\n  "private_key": "`,
        secret: { shape: '-----BEGIN PRIVATE KEY-----\\n<PKCS#8 key in base64>\\n-----END PRIVATE KEY-----\\n', forge: forgeKeyJson },
        after: '",\n  "client_email": "ci@acme-payments.iam.gserviceaccount.com"\n}',
      },
    },
  ],
  docs: {
    why: 'A service-account key file is a long-lived credential for everything the account may do in Google Cloud; it does not expire until someone deletes it.',
    good: '# authenticate with workload identity federation (google-github-actions/auth) instead of a key file',
    notes: ['`credentials.json` files are also blocked by name (secrets/blocked-file).', 'The same key outside a service-account file is reported by secrets/private-key.'],
  },
});
