import { ASSIGN } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const awsSecretKey = defineTokenRule({
  meta: {
    id: 'secrets/aws-secret-key',
    description: 'AWS secret access keys assigned to a name that says so (aws_secret_access_key, secretAccessKey, …).',
    severity: 'error',
    fixable: false,
    fixHint: 'Deactivate and delete the access key in IAM (and check CloudTrail for its use), then use roles, SSO or environment credentials.',
  },
  keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_secret_key', 'aws_secret', 'awssecret'],
  window: 120,
  patterns: [
    {
      label: 'AWS secret access key',
      regex: new RegExp(`(?:aws)?[_.-]?secret[_.-]?(?:access)?[_.-]?key(?:_id)?${ASSIGN}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`, 'i'),
      group: 1,
      minEntropy: 4,
      sample: { before: 'aws_secret_access_key = ', secret: [run('base64', 40)] },
    },
  ],
  docs: {
    why: 'The secret access key is the half of an AWS credential that signs requests. With it and the key id (often in the same file or in logs), anyone can act as the IAM user.',
    good: 'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
    notes: ['A 40-character secret next to an access key id is reported by secrets/aws-access-key as well; this rule finds the secret when it stands alone.'],
  },
});
