import type { TollgateConfig } from '../../config/schema.ts';
import { RuleSettings } from '../../findings/rule-settings.ts';
import { globMatcher } from '../../runner/glob-matcher.ts';
import { FLOAT_RULES } from '../../../rules/float/index.ts';
import type { Check, CheckContext, CheckResult } from '../check.ts';
import { analyze } from './analyze.ts';
import { loadProgram } from './program.ts';
import type { FloatRule } from './rule-context.ts';

/**
 * Whether a rule runs at a path. A rule set to "off" there is skipped (saving the work); an
 * opt-in rule runs only where `rules` or an `overrides` entry names it with a severity.
 */
export function ruleSwitch(config: Pick<TollgateConfig, 'rules' | 'overrides'>): (rule: FloatRule, path: string) => boolean {
  const settings = new RuleSettings(config);
  const overrides = config.overrides.map((o) => ({ match: globMatcher(o.files), rules: o.rules }));
  return (rule, path) => {
    if (settings.resolve(rule.meta.id, path, rule.meta.severity) === 'off') return false;
    if (!rule.optIn) return true;
    let explicit = config.rules[rule.meta.id];
    for (const o of overrides) if (o.match(path)) explicit = o.rules[rule.meta.id] ?? explicit;
    return explicit !== undefined && explicit !== 'off';
  };
}

async function run(context: CheckContext): Promise<CheckResult> {
  const options = context.config.checks.float;
  const started = performance.now();
  const loaded = await loadProgram({ root: context.repo.root, mode: context.mode, files: context.files, tsconfig: options.project, signal: context.signal });
  if (!loaded.program || loaded.targets.length === 0) return { findings: [], notes: [...loaded.notes, 'no TypeScript files in scope'] };
  const setupMs = Math.round(performance.now() - started);
  context.progress(`analysing ${loaded.targets.length} file(s)`);
  const findings = await analyze({
    program: loaded.program,
    targets: loaded.targets,
    rules: FLOAT_RULES,
    config: options,
    explain: context.request.explain ?? false,
    ruleEnabled: ruleSwitch(context.config),
    signal: context.signal,
  });
  const totalMs = Math.round(performance.now() - started);
  return {
    findings,
    notes: [...loaded.notes, `${loaded.targets.length} file(s) analysed in a program of ${loaded.programFiles}; program ${setupMs} ms, rules ${totalMs - setupMs} ms`],
  };
}

export const floatCheck: Check = {
  id: 'float',
  title: 'Float-in-finance: money held in JavaScript floats, found with the type checker',
  accepts: ['explain'],
  run,
};
