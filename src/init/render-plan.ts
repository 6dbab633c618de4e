import { lineDiff } from './line-diff.ts';
import type { FileAction, InitPlan } from './plan.ts';

/** The honest list of ways around the local hooks, printed after every run. */
export const ESCAPE_HATCHES = [
  'git commit --no-verify    skips pre-commit for one commit',
  'git push --no-verify      skips pre-push for one push',
  'HUSKY=0 git …             skips every husky hook for that command (export it to skip them all)',
  'Local hooks are a convenience: anyone can skip them. The "tollgate" CI job is the gate that counts.',
];

const LABEL_WIDTH = 10;

function fileLines(file: FileAction): string[] {
  const head = `  ${file.status.padEnd(LABEL_WIDTH)} ${file.path}`;
  if (file.details.length === 1) return [`${head}  (${file.details[0]})`];
  return [head, ...file.details.map((d) => `${' '.repeat(LABEL_WIDTH + 3)}· ${d}`)];
}

function preview(file: FileAction): string[] {
  if (file.after === undefined) return [];
  const lines = file.status === 'created' ? file.after.replace(/\r?\n$/, '').split(/\r?\n/).map((l) => `+ ${l}`) : lineDiff(file.before ?? '', file.after);
  return lines.map((l) => `      ${l}`);
}

/** Describes a plan for people: files by status, a preview in dry-run mode, notes, next steps. */
export function renderPlan(plan: InitPlan, options: { dryRun: boolean }): string {
  const out: string[] = [];
  const changing = plan.files.filter((f) => f.status === 'created' || f.status === 'updated');
  out.push(options.dryRun ? `tollgate init --dry-run in ${plan.root}: nothing is written.` : `tollgate init in ${plan.root}`);
  out.push('');
  out.push(options.dryRun ? 'Would write:' : 'Files:');
  for (const file of plan.files) {
    out.push(...fileLines(file));
    if (options.dryRun) out.push(...preview(file));
  }
  out.push('');
  if (changing.length === 0) {
    out.push('Already set up: nothing to change.');
  } else if (options.dryRun) {
    out.push(`${changing.length} file(s) would be written. Run without --dry-run to write them.`);
  } else {
    out.push(`${changing.length} file(s) written.`);
  }
  if (plan.notes.length > 0) {
    out.push('', 'Notes:');
    for (const note of plan.notes) out.push(`  - ${note}`);
  }
  if (plan.nextSteps.length > 0) {
    out.push('', 'Next steps:');
    plan.nextSteps.forEach((step, index) => out.push(`  ${index + 1}. ${step}`));
  }
  out.push('', 'Escape hatches (use them knowingly):');
  for (const hatch of ESCAPE_HATCHES) out.push(`  ${hatch}`);
  return out.join('\n') + '\n';
}
