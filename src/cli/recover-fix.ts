import { recoverInterruptedFix } from '../checks/hygiene/recovery.ts';

/** `tollgate recover-fix`: prints what was restored; exit 0 when everything is back, 1 when something was left alone. */
export async function runRecoverFix(cwd: string): Promise<number> {
  const result = await recoverInterruptedFix(cwd);
  if (!result.recordFile) {
    process.stdout.write('tollgate recover-fix: no interrupted fix to recover; nothing changed.\n');
    return 0;
  }
  for (const o of result.outcomes) {
    const why = o.reason ? ` (${o.reason})` : '';
    process.stdout.write(`${o.action.padEnd(12)} ${o.part.padEnd(8)} ${o.path}${why}; original: git cat-file blob ${o.originalBlob}\n`);
  }
  const leftAlone = result.outcomes.filter((o) => o.action === 'left-alone').length;
  if (result.keptRecord) process.stdout.write(`The recovery record is kept at ${result.keptRecord}.\n`);
  process.stdout.write(leftAlone === 0 ? 'tollgate recover-fix: everything is back as it was before the fix.\n' : `tollgate recover-fix: ${leftAlone} part(s) changed since the crash were left alone; their originals are the blobs above.\n`);
  return leftAlone === 0 ? 0 : 1;
}
