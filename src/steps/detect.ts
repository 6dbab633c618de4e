import type { StepConfig } from './config.ts';

/** A step `tollgate init` offers, written as the user would write it (defaults left out). */
export type SuggestedStep = Pick<StepConfig, 'name' | 'run'> & Partial<Pick<StepConfig, 'pipelines' | 'where' | 'enabled'>>;

/** What `npm init` writes as the test script: not a test suite. */
const PLACEHOLDER_TEST = /no test specified/;

function scriptCommand(pm: string, script: string): string {
  // `npm test` and `pnpm test` run the script; `bun test` would run bun's own runner instead.
  if (script === 'test' && (pm === 'npm' || pm === 'pnpm' || pm === 'yarn')) return `${pm} test`;
  return `${pm} run ${script}`;
}

/**
 * The steps a repository's package.json scripts suggest: fast tests before a push, the full
 * suite in CI (or everywhere when there are no fast tests), and the build. Each is offered
 * with `enabled: false`; turning it on is the user's decision.
 */
export function detectSteps(scripts: Readonly<Record<string, unknown>>, pm: string): SuggestedStep[] {
  const has = (name: string) => typeof scripts[name] === 'string' && (scripts[name] as string).trim() !== '';
  const steps: SuggestedStep[] = [];
  const fast = has('test:fast');
  if (fast) steps.push({ name: 'test-fast', run: scriptCommand(pm, 'test:fast'), pipelines: ['all'], where: ['local'], enabled: false });
  if (has('test') && !PLACEHOLDER_TEST.test(scripts.test as string)) {
    steps.push({ name: 'test', run: scriptCommand(pm, 'test'), pipelines: ['all'], ...(fast ? { where: ['ci' as const] } : {}), enabled: false });
  }
  if (has('build')) steps.push({ name: 'build', run: scriptCommand(pm, 'build'), pipelines: ['all'], enabled: false });
  return steps;
}
