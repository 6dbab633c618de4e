import { END_DASH, START_DASH } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule, type TokenPattern } from '../../../src/checks/secrets/token-rule.ts';

const prefixed = (prefix: string, body: string, label: string, sampleBody: ReturnType<typeof run>): TokenPattern => ({
  label,
  regex: new RegExp(`${START_DASH}(${prefix}${body})${END_DASH}`),
  group: 1,
  minEntropy: 3,
  sample: { before: 'GITLAB_TOKEN=', secret: [prefix, sampleBody] },
});

export const gitlabToken = defineTokenRule({
  meta: {
    id: 'secrets/gitlab-token',
    description: 'GitLab tokens: personal, project and group access tokens, deploy, runner, pipeline-trigger, agent and OAuth application secrets.',
    severity: 'error',
    fixable: false,
    fixHint: 'Revoke the token in GitLab (User settings → Access tokens, or the project/group/runner settings), then read it from the environment or CI variables.',
  },
  keywords: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'gloas-', 'glagent-', 'gr1348941'],
  window: 120,
  patterns: [
    {
      label: 'GitLab personal/project/group access token',
      regex: new RegExp(`${START_DASH}(glpat-[A-Za-z0-9_-]{20,64}(?:\\.[A-Za-z0-9_-]{2,16}){0,2})${END_DASH}`),
      group: 1,
      minEntropy: 3,
      sample: { before: 'GITLAB_TOKEN=', secret: ['glpat-', run('alnum', 20)] },
    },
    prefixed('gldt-', '[A-Za-z0-9_-]{20,64}', 'GitLab deploy token', run('alnum', 20)),
    prefixed('glrt-', '[A-Za-z0-9_-]{20,64}', 'GitLab runner authentication token', run('alnum', 20)),
    prefixed('GR1348941', '[A-Za-z0-9_-]{20,64}', 'GitLab runner registration token', run('alnum', 20)),
    prefixed('glptt-', '[0-9a-f]{40}', 'GitLab pipeline trigger token', run('hex', 40)),
    prefixed('gloas-', '[0-9a-f]{64}', 'GitLab OAuth application secret', run('hex', 64)),
    prefixed('glagent-', '[A-Za-z0-9_-]{50,64}', 'GitLab agent for Kubernetes token', run('alnum', 50)),
  ],
  docs: {
    why: 'GitLab tokens grant API, repository and registry access for their user, project or group; runner tokens let anyone register a machine that receives your CI jobs and their variables. GitLab prefixes its tokens (`glpat-`, `gldt-`, `glrt-`, …) precisely so they can be detected.',
    good: 'GITLAB_TOKEN=${CI_JOB_TOKEN}',
  },
});
