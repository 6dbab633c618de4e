import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const slackWebhook = defineTokenRule({
  meta: {
    id: 'secrets/slack-webhook',
    description: 'Slack incoming-webhook and workflow-trigger URLs.',
    severity: 'error',
    fixable: false,
    fixHint: 'Remove the webhook in the Slack app settings (Incoming Webhooks) or the workflow, create a new one and keep its URL in a secret.',
  },
  keywords: ['hooks.slack.com'],
  window: 200,
  patterns: [
    {
      label: 'Slack incoming webhook URL',
      regex: /(https?:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24})(?![A-Za-z0-9])/,
      group: 1,
      sample: { before: 'SLACK_WEBHOOK_URL=', secret: ['https://hooks.slack.com/services/T', run('upperAlnum', 10), '/B', run('upperAlnum', 10), '/', run('alnum', 24)] },
    },
    {
      label: 'Slack workflow webhook URL',
      regex: /(https?:\/\/hooks\.slack\.com\/(?:workflows|triggers)\/T[A-Z0-9]{8,12}\/A[A-Z0-9]{8,12}\/[0-9]{12,20}\/[A-Za-z0-9]{32})(?![A-Za-z0-9])/,
      group: 1,
      sample: { before: 'const hook = "', secret: ['https://hooks.slack.com/triggers/T', run('upperAlnum', 10), '/A', run('upperAlnum', 10), '/', run('digits', 15), '/', run('alnum', 32)], after: '";' },
    },
  ],
  docs: {
    why: 'Anyone with a webhook URL can post to the channel as your app: phishing links that look like they come from your own tooling.',
    good: 'await fetch(process.env.SLACK_WEBHOOK_URL!, { method: "POST", body });',
  },
});
