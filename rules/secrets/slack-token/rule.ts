import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

const BOUNDARY_BEFORE = '(?<![A-Za-z0-9_.-])';
const BOUNDARY_AFTER = '(?![A-Za-z0-9_-])';

export const slackToken = defineTokenRule({
  meta: {
    id: 'secrets/slack-token',
    description: 'Slack bot, user, app-level, configuration and legacy tokens (xoxb-, xoxp-, xapp-, xoxe-, xoxa-, xoxo-, xoxr-, xoxs-).',
    severity: 'error',
    fixable: false,
    fixHint: 'Revoke the token (api.slack.com/apps → OAuth & Permissions → Revoke, or auth.revoke), reinstall the app, and read the new token from the environment.',
  },
  keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxr-', 'xoxs-', 'xoxe', 'xapp-'],
  window: 280,
  patterns: [
    {
      label: 'Slack bot token',
      regex: new RegExp(`${BOUNDARY_BEFORE}(xoxb-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{20,40})${BOUNDARY_AFTER}`),
      group: 1,
      minEntropy: 3,
      sample: { before: 'SLACK_BOT_TOKEN=', secret: ['xoxb-', run('digits', 12), '-', run('digits', 13), '-', run('alnum', 24)] },
    },
    {
      label: 'Slack user token',
      regex: new RegExp(`${BOUNDARY_BEFORE}(xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{28,40})${BOUNDARY_AFTER}`),
      group: 1,
      minEntropy: 3,
      sample: { before: 'SLACK_USER_TOKEN=', secret: ['xoxp-', run('digits', 12), '-', run('digits', 12), '-', run('digits', 13), '-', run('hex', 32)] },
    },
    {
      label: 'Slack app-level token',
      regex: new RegExp(`${BOUNDARY_BEFORE}(xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{8,16}-[A-Za-z0-9]{40,80})${BOUNDARY_AFTER}`),
      group: 1,
      minEntropy: 3,
      sample: { before: 'SLACK_APP_TOKEN=', secret: ['xapp-1-', run('upperAlnum', 11), '-', run('digits', 13), '-', run('hex', 64)] },
    },
    {
      label: 'Slack configuration token',
      regex: new RegExp(`${BOUNDARY_BEFORE}(xoxe(?:\\.xox[bp])?-[0-9]-[A-Za-z0-9]{100,250})${BOUNDARY_AFTER}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'SLACK_CONFIG_TOKEN=', secret: ['xoxe.xoxp-1-', run('alnum', 160)] },
    },
    {
      label: 'Slack legacy token',
      regex: new RegExp(`${BOUNDARY_BEFORE}(xox[aors]-[0-9]{1,14}-[A-Za-z0-9-]{10,200}[A-Za-z0-9])${BOUNDARY_AFTER}`),
      group: 1,
      minEntropy: 3,
      sample: { before: 'SLACK_TOKEN=', secret: ['xoxs-', run('digits', 12), '-', run('digits', 12), '-', run('digits', 12), '-', run('hex', 64)] },
    },
  ],
  docs: {
    why: 'A Slack token reads and posts messages, lists channels and users, and downloads files with the permissions of the bot or the user who installed the app.',
    good: 'const slack = new WebClient(process.env.SLACK_BOT_TOKEN);',
  },
});
