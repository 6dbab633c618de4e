import type { Rule, RuleMeta } from '../rules/rule.ts';
import type { EffectiveProtection, SettingKey, Settings, Source } from './effective.ts';
import type { Policy } from './policy.ts';

export type VerdictStatus = 'pass' | 'fail' | 'unknown';

/** One criterion's answer, with the reason in words (which source enforces it, or why not, or what hides it). */
export interface Outcome {
  status: VerdictStatus;
  reason: string;
}

export interface Verdict extends Outcome {
  /** The rule id: 'branch-protection/<criterion>'. */
  ruleId: string;
  /** What the policy asks, as a sentence about the branch ("force pushes to main are blocked"). */
  requirement: string;
}

export interface CriterionContext {
  policy: Policy;
  protection: EffectiveProtection;
  /** Called once by each applicable rule. */
  report(outcome: Outcome): void;
}

/**
 * A branch-protection criterion in the one rule shape: `create` weighs the effective
 * protection against the policy and reports exactly one outcome. `applies` says whether the
 * policy asks for it at all (a criterion the policy does not ask for gets no verdict).
 */
export interface CriterionRule extends Rule<CriterionContext> {
  meta: RuleMeta;
  applies(policy: Policy): boolean;
  requirement(policy: Policy, branch: string): string;
}

/** A reason without its final full stop, for joining several with "; ". */
function sentence(reason: string): string {
  return reason.replace(/\.$/, '');
}

function list(names: string[]): string {
  return names.join(', ');
}

/** The reasons sources leave a setting unknown, one per source. */
function unknownsFor(protection: EffectiveProtection, key: SettingKey): string[] {
  const reasons: string[] = [];
  for (const s of protection.sources) {
    if (!s.visible) reasons.push(`${s.name}: ${sentence(s.reason)}`);
    else if (s.unknown.has(key)) reasons.push(`${s.name}: ${sentence(s.unknown.get(key)!)}`);
  }
  return reasons;
}

/** Why sources that seem to enforce a setting do not ("blocks force pushes except for …"). */
function caveatsFor(protection: EffectiveProtection, key: SettingKey): string {
  const caveats = protection.sources.flatMap((s) => (s.visible && s.caveats?.has(key) ? [s.caveats.get(key)!] : []));
  return caveats.length > 0 ? `; ${caveats.join('; ')}` : '';
}

/**
 * The evaluate-mode rulesets that would meet a criterion, for its reason: GitHub does not
 * enforce them, so they never count, but the user should know they are one switch away.
 */
export function evaluateModeNote<K extends SettingKey>(protection: EffectiveProtection, key: K, satisfied: (value: Settings[K]) => boolean): string {
  const names = protection.evaluating.filter((r) => r.settings[key] !== undefined && satisfied(r.settings[key] as Settings[K])).map((r) => r.name);
  return names.map((n) => `; ${n} would enforce this but is in evaluate mode`).join('');
}

function describeSources(protection: EffectiveProtection): string {
  const visible = protection.sources.filter((s) => s.visible).map((s) => s.name);
  return visible.length === 0 ? `${protection.branch} has no classic protection and no ruleset applies to it` : `none of ${list(visible)} does`;
}

/**
 * The verdict for one setting across every source. GitHub enforces the rules of all sources
 * together, so one source that enforces it is a pass. Otherwise a source the token cannot
 * see (or a field it cannot see) makes it unknown, never a pass; only with everything visible
 * is it a fail.
 */
export function judgeSetting<K extends SettingKey>(protection: EffectiveProtection, key: K, satisfied: (value: Settings[K]) => boolean): Outcome {
  const enforcing: string[] = [];
  for (const s of protection.sources) {
    if (!s.visible || s.unknown.has(key)) continue;
    const value = s.settings[key];
    if (value !== undefined && satisfied(value as Settings[K])) enforcing.push(s.name);
  }
  if (enforcing.length > 0) return { status: 'pass', reason: `enforced by ${list(enforcing)}` };
  const more = `${caveatsFor(protection, key)}${evaluateModeNote(protection, key, satisfied)}`;
  const unknowns = unknownsFor(protection, key);
  if (unknowns.length > 0) return { status: 'unknown', reason: `no visible source enforces it, and the token cannot see everything: ${unknowns.join('; ')}${more}` };
  return { status: 'fail', reason: `${describeSources(protection)}${more}` };
}

/** The largest value any visible source sets for a number setting (for fail messages). */
export function strongest(protection: EffectiveProtection, key: 'approvals'): number {
  let max = 0;
  for (const s of protection.sources) if (s.visible) max = Math.max(max, s.settings[key] ?? 0);
  return max;
}

/** Required check names across visible sources, and the reasons a hidden source might add more. */
export function judgeContexts(protection: EffectiveProtection, contexts: string[]): Outcome {
  const required = new Set<string>();
  for (const s of protection.sources) if (s.visible) for (const c of s.settings.requiredChecks ?? []) required.add(c.context);
  const missing = contexts.filter((c) => !required.has(c));
  if (missing.length === 0) return { status: 'pass', reason: `all required: ${list(contexts)}` };
  const evaluating = evaluateModeNote(protection, 'requiredChecks', (checks) => missing.some((m) => checks.some((c) => c.context === m)));
  const unknowns = unknownsFor(protection, 'requiredChecks');
  if (unknowns.length > 0) return { status: 'unknown', reason: `not required by any visible source: ${list(missing)}; the token cannot see everything: ${unknowns.join('; ')}${evaluating}` };
  return { status: 'fail', reason: `not required: ${list(missing)}${required.size > 0 ? ` (required now: ${list([...required])})` : ''}${evaluating}` };
}

/** True when a visible source enforces anything at all. */
function enforcesSomething(s: Source): boolean {
  if (!s.visible) return false;
  return Object.values(s.settings).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
}

/**
 * Nobody may get around the rules: every source that enforces something must include admins
 * and have no bypass actors. A source whose bypass list is hidden makes it unknown.
 */
export function judgeBypass(protection: EffectiveProtection): Outcome {
  const relevant = protection.sources.filter(enforcesSomething);
  if (relevant.length === 0) {
    const hidden = protection.sources.filter((s) => !s.visible);
    if (hidden.length > 0) return { status: 'unknown', reason: hidden.map((s) => `${s.name}: ${s.visible ? '' : sentence(s.reason)}`).join('; ') };
    return { status: 'fail', reason: `${protection.branch} enforces nothing, so there is nothing that applies to admins` };
  }
  const bypassing: string[] = [];
  const unknown: string[] = [];
  for (const s of relevant) {
    if (!s.visible) continue;
    if (!s.bypass.known) unknown.push(`${s.name}: ${sentence(s.bypass.reason)}`);
    else if (s.bypass.actors.length > 0) bypassing.push(`${s.name} can be bypassed by ${list(s.bypass.actors)}`);
  }
  if (bypassing.length > 0) return { status: 'fail', reason: bypassing.join('; ') };
  if (unknown.length > 0) return { status: 'unknown', reason: unknown.join('; ') };
  return { status: 'pass', reason: `no bypass on ${list(relevant.map((s) => s.name))}` };
}

/** Builds a criterion rule for a boolean setting. */
export function flagCriterion(options: {
  meta: RuleMeta;
  policyKey: keyof Policy;
  settingKey: Exclude<SettingKey, 'approvals' | 'requiredChecks'>;
  requirement: (branch: string) => string;
}): CriterionRule {
  return {
    meta: options.meta,
    applies: (policy) => Boolean(policy[options.policyKey]),
    requirement: (_policy, branch) => options.requirement(branch),
    create(context) {
      context.report(judgeSetting(context.protection, options.settingKey, (v) => v === true));
    },
  };
}

/** Runs every applicable criterion and collects the verdicts in rule order. */
export function judge(rules: readonly CriterionRule[], policy: Policy, protection: EffectiveProtection): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const rule of rules) {
    if (!rule.applies(policy)) continue;
    let outcome: Outcome | undefined;
    void rule.create({ policy, protection, report: (o) => (outcome = o) });
    if (!outcome) throw new Error(`${rule.meta.id} reported no verdict`);
    verdicts.push({ ruleId: rule.meta.id, requirement: rule.requirement(policy, protection.branch), ...outcome });
  }
  return verdicts;
}
