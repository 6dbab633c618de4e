import { ASSIGN } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const awsSessionToken = defineTokenRule({
  meta: {
    id: 'secrets/aws-session-token',
    description: 'AWS STS session tokens (temporary credentials), by their documented encoding prefix or by the name they are assigned to.',
    severity: 'error',
    fixable: false,
    fixHint: 'Revoke the role session (IAM → Roles → Revoke active sessions) and stop copying temporary credentials into files; use a credential process or SSO.',
  },
  keywords: ['fwogzxivyxdz', 'iqojb3jpz2lux2vj', 'session_token', 'sessiontoken', 'security_token', 'securitytoken', 'security-token'],
  window: 1500,
  patterns: [
    {
      label: 'AWS session token',
      regex: /(?<![A-Za-z0-9/+])((?:FwoGZXIvYXdz|IQoJb3JpZ2luX2Vj)[A-Za-z0-9/+]{100,1400}={0,2})(?![A-Za-z0-9/+=])/,
      group: 1,
      minEntropy: 4,
      sample: { before: 'aws_session_token = ', secret: ['IQoJb3JpZ2luX2Vj', run('base64', 300)] },
    },
    {
      label: 'AWS session token',
      regex: new RegExp(`(?:session|security)[_-]?token${ASSIGN}([A-Za-z0-9/+]{100,1400}={0,2})(?![A-Za-z0-9/+=])`, 'i'),
      group: 1,
      minEntropy: 4,
      sample: { before: 'AWS_SESSION_TOKEN=', secret: [run('base64', 240)] },
    },
  ],
  docs: {
    why: 'Temporary credentials expire, but within their lifetime (up to 36 hours) they carry the full permissions of the assumed role, and they are often pasted into files while debugging.',
    good: 'credential_process = aws-vault exec prod --json',
  },
});
