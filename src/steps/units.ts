import type { Mode } from '../checks/check.ts';
import type { TollgateConfig } from '../config/schema.ts';
import { UserError } from '../errors/user-error.ts';
import type { StepUnit } from '../runner/run.ts';
import { describeCommand } from './command.ts';
import type { StepConfig } from './config.ts';
import { runStep, stepRuleId, type StepOutputListener } from './run-step.ts';

export interface StepSelection {
  mode: Mode;
  /** Run in CI (`where: ["ci"]` steps) or locally; default: the CI environment variable. */
  ci?: boolean | undefined;
  /** Only these steps, by name, whatever their pipelines, place and enabled flag. */
  names?: readonly string[] | undefined;
}

/**
 * CI is the CI environment variable set and not "false" or "0" (as the debt stage reads it;
 * not imported from there, which would load the whole debt stage into every commit).
 */
export function runsInCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * The steps of a run, in config order: named steps whatever their settings (`tollgate steps
 * test`), otherwise the enabled steps of the mode's pipeline for the place (local or CI).
 */
export function selectSteps(steps: readonly StepConfig[], selection: StepSelection): StepConfig[] {
  if (selection.mode === 'paths') return [];
  const names = selection.names;
  if (names) return steps.filter((s) => names.includes(s.name));
  const place = (selection.ci ?? runsInCi()) ? 'ci' : 'local';
  const mode = selection.mode;
  return steps.filter((s) => s.enabled && s.pipelines.includes(mode) && s.where.includes(place));
}

/** The runner's view of each step: an id for the report row, a title, and how to run it. */
export function stepUnits(steps: readonly StepConfig[], listener?: StepOutputListener): StepUnit[] {
  return steps.map((step) => ({
    id: stepRuleId(step),
    title: describeCommand(step.run),
    parallel: step.parallel,
    run: (context) => runStep(step, context, listener),
  }));
}

/** The step units validate-quick / validate-all run for this config. */
export function pipelineSteps(config: TollgateConfig, selection: StepSelection, listener?: StepOutputListener): StepUnit[] {
  const unknown = (selection.names ?? []).filter((name) => !config.steps.some((s) => s.name === name));
  if (unknown.length > 0) {
    const known = config.steps.map((s) => s.name).join(', ') || 'none';
    throw new UserError(`Unknown step ${unknown.map((n) => `"${n}"`).join(', ')}. Steps in the config: ${known}.`);
  }
  return stepUnits(selectSteps(config.steps, selection), listener);
}
