import { END, START } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

const classic = (prefix: string, label: string) => ({
  label,
  regex: new RegExp(`${START}(${prefix}_[A-Za-z0-9]{36,251})${END}`),
  group: 1,
  minEntropy: 3.5,
  sample: { before: 'GITHUB_TOKEN=', secret: [`${prefix}_`, run('alnum', 36)] },
});

export const githubToken = defineTokenRule({
  meta: {
    id: 'secrets/github-token',
    description: 'GitHub tokens: classic and fine-grained personal access tokens, OAuth, app (user-to-server, installation) and refresh tokens.',
    severity: 'error',
    fixable: false,
    fixHint: 'Revoke the token at github.com/settings/tokens (or the app/OAuth settings), then read it from the environment or a secret store.',
  },
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  window: 260,
  patterns: [
    classic('ghp', 'GitHub personal access token (classic)'),
    classic('gho', 'GitHub OAuth access token'),
    classic('ghu', 'GitHub app user-to-server token'),
    classic('ghs', 'GitHub app installation (server-to-server) token'),
    classic('ghr', 'GitHub refresh token'),
    {
      label: 'GitHub fine-grained personal access token',
      regex: new RegExp(`${START}(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})${END}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'token: ', secret: ['github_pat_', run('alnum', 22), '_', run('alnum', 59)] },
    },
  ],
  docs: {
    why: 'A GitHub token acts as its owner: it can read private repositories, push code, change settings or publish packages, depending on its scopes. GitHub documents the prefixes (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`) so that scanners can recognise them reliably.',
    good: 'const token = process.env.GITHUB_TOKEN;',
  },
});
