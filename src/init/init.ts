import path from 'node:path';
import { applyPlan } from './apply-plan.ts';
import { planInit } from './plan.ts';
import { renderPlan } from './render-plan.ts';
import { installMergeDriver } from '../debt/merge-driver.ts';

export interface InitOptions {
  cwd: string;
  /** Print what would be written and write nothing. */
  dryRun: boolean;
}

/**
 * `tollgate init`: husky + lint-staged hooks, a starter config and the CI gate workflow in an
 * existing repository, merged into what is there. Returns the exit code (0); problems the user
 * can fix (not a repository, no package.json) are thrown as UserErrors.
 */
export async function runInit(options: InitOptions): Promise<number> {
  const plan = await planInit(path.resolve(options.cwd));
  if (!options.dryRun) await applyPlan(plan);
  process.stdout.write(renderPlan(plan, { dryRun: options.dryRun }));
  // The warning-debt baseline merges through tollgate's driver, so parallel branches never conflict on it.
  const driver = await installMergeDriver(plan.root, { dryRun: options.dryRun });
  const verb = options.dryRun ? 'would be' : 'is';
  process.stdout.write(
    `\nDebt baseline merge driver: .gitattributes ${driver.gitattributes === 'unchanged' ? 'already has' : `${verb} ${driver.gitattributes} with`} ".tollgate/debt.json merge=tollgate-debt"; ` +
      `git config merge.tollgate-debt.driver ${driver.gitConfig === 'unchanged' ? 'already set' : `${verb} set`} (per clone: run \`npx tollgate init\` once in each clone, or set it by hand).\n`,
  );
  return 0;
}
