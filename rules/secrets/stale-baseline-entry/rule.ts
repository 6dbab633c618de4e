import type { SecretBaselineRule } from '../../../src/checks/secrets/rule-context.ts';

export const staleBaselineEntry: SecretBaselineRule = {
  kind: 'baseline',
  meta: {
    id: 'secrets/stale-baseline-entry',
    description: 'An entry of the secrets baseline that no finding matches any more (the secret was removed or its file moved).',
    severity: 'warning',
    fixable: false,
    fixHint: 'Run `tollgate check secrets --update-baseline` and commit the smaller baseline.',
  },
  docs: {
    why: 'A baseline accepts known findings so a team can adopt the scanner without fixing everything first. An entry that matches nothing is debt already paid: dropping it keeps the baseline honest, and keeps a re-added secret from slipping in silently under the old entry.',
    bad: '.tollgate/secrets-baseline.json:5: an entry for src/legacy.ts whose secret was removed last week',
    good: 'A baseline whose entries all match current findings.',
    notes: ['Only a scan of the whole tree (`tollgate check secrets` or `validate-all`) can call an entry stale; staged, path and stdin scans see too little and never report this rule.'],
  },
  create(context) {
    for (const entry of context.stale) {
      context.report({ line: entry.line, message: `Baseline entry for ${entry.rule} in ${entry.path} (fingerprint ${entry.fingerprint.slice(0, 12)}) matches no finding any more.` });
    }
  },
};
