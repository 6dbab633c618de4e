import path from 'node:path';
import type { HygieneRepoRule } from '../../../src/checks/hygiene/rule-context.ts';
import { readRecoveryRecord, RECOVER_COMMAND } from '../../../src/checks/hygiene/recovery.ts';

export const interruptedFix: HygieneRepoRule = {
  kind: 'repository',
  meta: {
    id: 'hygiene/interrupted-fix',
    description: 'A `--fix` run was interrupted (killed, crashed, power cut) and left a recovery record; until it is recovered, --fix changes nothing.',
    severity: 'error',
    fixable: false,
    fixHint: `Run \`${RECOVER_COMMAND}\`: it puts every file the interrupted fix was working on back as it was (index and working tree); then run the fix again.`,
  },
  async create(context) {
    const pending = await readRecoveryRecord(context.repo.root);
    if (!pending) return;
    const paths = pending.record.entries.map((e) => e.path);
    const shown = paths.slice(0, 5).join(', ') + (paths.length > 5 ? `, and ${paths.length - 5} more` : '');
    context.report({
      path: '',
      message: `A --fix run (pid ${pending.record.pid}, ${pending.record.startedAt}) was interrupted while fixing ${shown}. Nothing is lost: ${path.relative(context.repo.root, pending.file)} records every original. Run \`${RECOVER_COMMAND}\` to restore them, then fix again.`,
      line: 0,
      column: 0,
    });
  },
};
