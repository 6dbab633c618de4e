import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const pypiToken = defineTokenRule({
  meta: {
    id: 'secrets/pypi-token',
    description: 'PyPI and TestPyPI API tokens (pypi-AgEIcHlwaS5vcmc…).',
    severity: 'error',
    fixable: false,
    fixHint: 'Delete the token in PyPI account settings (API tokens) and use trusted publishing from CI.',
  },
  keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
  window: 400,
  patterns: [
    {
      label: 'PyPI API token',
      regex: /(?<![A-Za-z0-9_-])(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300})(?![A-Za-z0-9_-])/,
      group: 1,
      minEntropy: 4,
      sample: { before: 'password = ', secret: ['pypi-AgEIcHlwaS5vcmc', run('base64url', 160)] },
    },
    {
      label: 'TestPyPI API token',
      regex: /(?<![A-Za-z0-9_-])(pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,300})(?![A-Za-z0-9_-])/,
      group: 1,
      minEntropy: 4,
      severity: 'warning',
      sample: { before: 'password = ', secret: ['pypi-AgENdGVzdC5weXBpLm9yZw', run('base64url', 160)] },
    },
  ],
  docs: {
    why: 'A PyPI token uploads releases of your projects: whoever holds it can ship malware under your name.',
    good: '# publish with trusted publishing (pypa/gh-action-pypi-publish) instead of a token',
  },
});
