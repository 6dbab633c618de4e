import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const openaiKey = defineTokenRule({
  meta: {
    id: 'secrets/openai-key',
    description: 'OpenAI API keys (user, project, service-account and admin keys), which all embed the marker T3BlbkFJ.',
    severity: 'error',
    fixable: false,
    fixHint: 'Revoke the key at platform.openai.com (API keys), create a project key with the least permissions, and read it from the environment.',
  },
  keywords: ['t3blbkfj'],
  window: 260,
  patterns: [
    {
      label: 'OpenAI API key',
      regex: /(?<![A-Za-z0-9_-])(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200})(?![A-Za-z0-9_-])/,
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'OPENAI_API_KEY=', secret: ['sk-proj-', run('base64url', 74), 'T3BlbkFJ', run('base64url', 74)] },
    },
  ],
  docs: {
    why: 'Leaked OpenAI keys are harvested from public code within minutes and used until the spending limit is reached; the key also reads your files, assistants and fine-tuned models.',
    good: 'const openai = new OpenAI(); // reads OPENAI_API_KEY from the environment',
  },
});
