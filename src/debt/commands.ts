import type { OutputOptions } from '../cli/options.ts';
import { runAndReport } from '../cli/report-run.ts';
import { printable } from '../reporters/text.ts';
import { validate } from '../validate.ts';
import { explanationOf, renderExplanation } from './explain-text.ts';
import { runMergeDriver } from './merge-driver.ts';
import { ACCEPT_COMMAND, type DebtOutcome, type DebtRequest } from './stage.ts';

/** The CLI side of `tollgate debt …`: parse nothing, call the engine, print, return the exit code. */

export interface DebtCheckOptions extends OutputOptions {
  sarif: string[];
}

export async function runDebtCheck(options: DebtCheckOptions): Promise<number> {
  return runAndReport(options, { mode: 'all', debt: { action: 'check', sarif: options.sarif, required: true } });
}

interface CollectOptions {
  config?: string;
  cwd: string;
  sarif: string[];
}

async function collect(options: CollectOptions, request: DebtRequest): Promise<DebtOutcome> {
  const result = await validate({ cwd: options.cwd, configPath: options.config, mode: 'all', debt: request });
  if (!result.debt) throw new Error('the debt stage returned no outcome for an explicit debt command');
  return result.debt;
}

export async function runDebtUpdate(options: CollectOptions & { acceptNew: boolean }): Promise<number> {
  const outcome = await collect(options, { action: 'update', sarif: options.sarif, acceptNew: options.acceptNew });
  for (const note of outcome.notes) process.stdout.write(`${printable(note)}\n`);
  const accepted = options.acceptNew || !outcome.baselineExisted;
  const left = explanationOf(outcome).new;
  if (accepted || left.length === 0) return 0;
  process.stdout.write(`\n${left.length} new warning(s) were not added (fix them, or accept them with \`${ACCEPT_COMMAND}\`):\n`);
  for (const n of left) process.stdout.write(`  ${printable(n.path)}:${n.line}:${n.column || 1}  ${n.ruleId}  ${printable(n.message.replace(/\r?\n/g, ' '))}\n`);
  return 1;
}

export async function runDebtExplain(options: CollectOptions & { format: 'text' | 'json' }): Promise<number> {
  const outcome = await collect(options, { action: 'explain', sarif: options.sarif, required: true });
  const explanation = explanationOf(outcome);
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation));
  return explanation.new.length > 0 ? 1 : 0;
}

export async function runDebtMerge(ancestor: string, current: string, other: string, pathname?: string): Promise<number> {
  await runMergeDriver({ ancestor, current, other, ...(pathname ? { pathname } : {}) });
  return 0;
}
