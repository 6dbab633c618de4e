import { GITHUB_ACTIONS_APP_ID, type ActorList, type BranchRuleBody, type ClassicProtectionBody, type RulesetBody } from './api-shapes.ts';
import { describeAllowances, isEmpty, type ClassicRuleGraphql } from './classic-graphql.ts';
import type { Read, Readout } from './read.ts';

/** One required status check: its name and, when pinned, the app that must report it. */
export interface RequiredCheck {
  context: string;
  /** GitHub App id that must produce it; undefined when any source may. */
  appId: number | undefined;
}

/** What a branch enforces, in one vocabulary for classic protection and rulesets. */
export interface Settings {
  pullRequest: boolean;
  approvals: number;
  dismissStaleReviews: boolean;
  codeOwnerReview: boolean;
  lastPushApproval: boolean;
  conversationResolution: boolean;
  requiredChecks: RequiredCheck[];
  strictStatusChecks: boolean;
  noForcePushes: boolean;
  noDeletions: boolean;
  linearHistory: boolean;
  signedCommits: boolean;
}

export type SettingKey = keyof Settings;

/** Who may get around a source's rules: known (possibly nobody) or hidden from this token. */
export type Bypass = { known: true; actors: string[] } | { known: false; reason: string };

/**
 * One place protection comes from: classic branch protection, or one ruleset. A source the
 * token cannot see has no settings, only the reason; a visible source may still leave some
 * settings unknown (listed in `unknown`).
 */
export type Source =
  | {
      name: string;
      visible: true;
      settings: Partial<Settings>;
      unknown: Map<SettingKey, string>;
      bypass: Bypass;
      /** Why a setting that looks on is not (force pushes blocked "except for" named actors). */
      caveats?: Map<SettingKey, string>;
    }
  | { name: string; visible: false; reason: string };

/** A ruleset in evaluate mode that targets the branch: GitHub reports what it would block, enforces nothing. */
export interface EvaluatingRuleset {
  /** 'ruleset "name" (#id)' */
  name: string;
  settings: Partial<Settings>;
}

export type VisibleSource = Extract<Source, { visible: true }>;

/** The merged view: every source, and for each setting what the sources add up to. */
export interface EffectiveProtection {
  owner: string;
  repo: string;
  branch: string;
  sources: Source[];
  /** Never counted toward a verdict; named in the reasons of the criteria they would meet. */
  evaluating: EvaluatingRuleset[];
}

const NONE: Settings = {
  pullRequest: false,
  approvals: 0,
  dismissStaleReviews: false,
  codeOwnerReview: false,
  lastPushApproval: false,
  conversationResolution: false,
  requiredChecks: [],
  strictStatusChecks: false,
  noForcePushes: false,
  noDeletions: false,
  linearHistory: false,
  signedCommits: false,
};

function actorsOf(list: ActorList | undefined): string[] {
  if (!list) return [];
  return [
    ...(list.users ?? []).map((u) => `user ${u.login ?? '?'}`),
    ...(list.teams ?? []).map((t) => `team ${t.slug ?? '?'}`),
    ...(list.apps ?? []).map((a) => `app ${a.slug ?? '?'}`),
  ];
}

function checksOf(body: { contexts?: string[]; checks?: { context: string; app_id?: number | null }[] } | undefined | null): RequiredCheck[] {
  if (!body) return [];
  if (body.checks) return body.checks.map((c) => ({ context: c.context, appId: c.app_id ?? undefined }));
  return (body.contexts ?? []).map((context) => ({ context, appId: undefined }));
}

/** Classic protection as a source; a field GitHub left out stays unknown rather than off. */
function classicSource(body: ClassicProtectionBody): VisibleSource {
  const unknown = new Map<SettingKey, string>();
  const flag = (key: SettingKey, field: { enabled?: boolean } | null | undefined, invert = false): boolean | undefined => {
    if (field === null) return invert ? true : false;
    if (field?.enabled === undefined) {
      unknown.set(key, 'GitHub left this field out of the classic protection it returned');
      return undefined;
    }
    return invert ? !field.enabled : field.enabled;
  };
  const reviews = body.required_pull_request_reviews;
  const checks = body.required_status_checks;
  const settings: Partial<Settings> = {
    pullRequest: Boolean(reviews),
    approvals: reviews?.required_approving_review_count ?? 0,
    dismissStaleReviews: reviews?.dismiss_stale_reviews ?? false,
    codeOwnerReview: reviews?.require_code_owner_reviews ?? false,
    lastPushApproval: reviews?.require_last_push_approval ?? false,
    requiredChecks: checksOf(checks),
  };
  if (checks && checks.strict === undefined) unknown.set('strictStatusChecks', 'GitHub did not say whether branches must be up to date');
  else settings.strictStatusChecks = Boolean(checks?.strict);
  const assign = (key: 'conversationResolution' | 'noForcePushes' | 'noDeletions' | 'linearHistory' | 'signedCommits', value: boolean | undefined): void => {
    if (value !== undefined) settings[key] = value;
  };
  assign('conversationResolution', flag('conversationResolution', body.required_conversation_resolution));
  assign('noForcePushes', flag('noForcePushes', body.allow_force_pushes, true));
  assign('noDeletions', flag('noDeletions', body.allow_deletions, true));
  assign('linearHistory', flag('linearHistory', body.required_linear_history));
  assign('signedCommits', flag('signedCommits', body.required_signatures));
  const actors: string[] = [];
  if (body.enforce_admins?.enabled !== true) actors.push('repository administrators (enforce_admins is off)');
  actors.push(...actorsOf(reviews?.bypass_pull_request_allowances).map((a) => `${a} (may skip pull requests)`));
  return { name: 'classic branch protection', visible: true, settings, unknown, bypass: { known: true, actors } };
}

/**
 * Adds what only GraphQL shows to the classic source. Actors on the force-push bypass list
 * may force push although the rule blocks force pushes: "blocked" is then not true, and they
 * are bypass actors. A refused GraphQL read leaves "blocked" unknown, never a pass.
 */
function withGraphql(source: VisibleSource, read: Read<ClassicRuleGraphql> | undefined): Source {
  if (read === undefined || read.state === 'absent') return source;
  const blocked = source.settings.noForcePushes === true;
  if (read.state === 'hidden') {
    if (blocked) {
      delete source.settings.noForcePushes;
      source.unknown.set('noForcePushes', `force pushes are blocked, but not whether anyone may force push anyway: ${read.reason}`);
    }
    if (source.bypass.known && source.bypass.actors.length === 0) source.bypass = { known: false, reason: read.reason };
    return source;
  }
  const { forcePushBypass, pullRequestBypass } = read.value;
  if (source.bypass.known) {
    const actors = new Set(source.bypass.actors);
    for (const a of describeAllowances(pullRequestBypass)) actors.add(`${a} (may skip pull requests)`);
    for (const a of describeAllowances(forcePushBypass)) actors.add(`${a} (may force push)`);
    source.bypass = { known: true, actors: [...actors] };
  }
  if (blocked && !isEmpty(forcePushBypass)) {
    source.settings.noForcePushes = false;
    source.caveats = new Map([['noForcePushes', `classic branch protection blocks force pushes except for ${describeAllowances(forcePushBypass).join(', ')} (bypassForcePushAllowances)`]]);
  }
  return source;
}

function rulesetName(id: number, rule: BranchRuleBody | undefined, detail: RulesetBody | undefined): string {
  const owner = rule?.ruleset_source_type === 'Organization' ? `organization ${rule.ruleset_source ?? '?'}` : `repository ${rule?.ruleset_source ?? '?'}`;
  return `ruleset ${detail?.name ? `"${detail.name}" ` : ''}#${id} (${owner})`;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

function rulesetSettings(rules: BranchRuleBody[]): Partial<Settings> {
  const s: Partial<Settings> = {};
  for (const rule of rules) {
    const p = rule.parameters ?? {};
    switch (rule.type) {
      case 'pull_request':
        s.pullRequest = true;
        s.approvals = Math.max(s.approvals ?? 0, num(p.required_approving_review_count));
        s.dismissStaleReviews = Boolean(s.dismissStaleReviews || p.dismiss_stale_reviews_on_push === true);
        s.codeOwnerReview = Boolean(s.codeOwnerReview || p.require_code_owner_review === true);
        s.lastPushApproval = Boolean(s.lastPushApproval || p.require_last_push_approval === true);
        s.conversationResolution = Boolean(s.conversationResolution || p.required_review_thread_resolution === true);
        break;
      case 'required_status_checks': {
        const list = Array.isArray(p.required_status_checks) ? (p.required_status_checks as { context: string; integration_id?: number }[]) : [];
        s.requiredChecks = [...(s.requiredChecks ?? []), ...list.map((c) => ({ context: c.context, appId: c.integration_id }))];
        s.strictStatusChecks = Boolean(s.strictStatusChecks || p.strict_required_status_checks_policy === true);
        break;
      }
      case 'non_fast_forward':
        s.noForcePushes = true;
        break;
      case 'deletion':
        s.noDeletions = true;
        break;
      case 'required_linear_history':
        s.linearHistory = true;
        break;
      case 'required_signatures':
        s.signedCommits = true;
        break;
    }
  }
  return s;
}

function rulesetBypass(detail: RulesetBody | undefined, hidden: string | undefined): Bypass {
  if (!detail) return { known: false, reason: hidden ?? 'the ruleset could not be read' };
  if (!detail.bypass_actors) {
    // The list is hidden, but GitHub still says whether the token's own user may bypass.
    const self = detail.current_user_can_bypass;
    if (self !== undefined && self !== 'never') return { known: true, actors: [`the token's own user (current_user_can_bypass: ${self})`] };
    return { known: false, reason: 'GitHub shows bypass actors only to tokens with write access to the ruleset (repository or organization admins)' };
  }
  return { known: true, actors: detail.bypass_actors.map((a) => `${a.actor_type ?? 'actor'}${a.actor_id ? ` ${a.actor_id}` : ''} (${a.bypass_mode ?? 'always'})`) };
}

/**
 * Merges what was read into one list of sources. Rules from every source add up (GitHub
 * enforces all of them), so each source keeps its own settings and bypass list; the verdicts
 * combine them per criterion.
 */
export function effectiveProtection(readout: Readout): EffectiveProtection {
  const sources: Source[] = [];
  const { classic } = readout;
  if (classic.state === 'ok') sources.push(withGraphql(classicSource(classic.value), readout.classicRule));
  else if (classic.state === 'hidden') {
    // Without admin rights GitHub still shows the branch's required checks (GET branch).
    const summary = readout.branchInfo.protection?.required_status_checks;
    if (readout.branchInfo.protected === false) {
      // GitHub says the branch is not protected at all: there is no classic protection to hide.
    } else if (summary && checksOf(summary).length > 0) {
      const unknown = new Map<SettingKey, string>();
      for (const key of Object.keys(NONE) as SettingKey[]) if (key !== 'requiredChecks') unknown.set(key, classic.reason);
      sources.push({ name: 'classic branch protection (required checks only, from the branch)', visible: true, settings: { requiredChecks: checksOf(summary) }, unknown, bypass: { known: false, reason: classic.reason } });
    } else sources.push({ name: 'classic branch protection', visible: false, reason: classic.reason });
  }

  const { rules } = readout;
  if (rules.state === 'hidden') sources.push({ name: 'rulesets', visible: false, reason: rules.reason });
  else if (rules.state === 'ok') {
    const byRuleset = new Map<number, BranchRuleBody[]>();
    for (const rule of rules.value) {
      const id = rule.ruleset_id ?? 0;
      byRuleset.set(id, [...(byRuleset.get(id) ?? []), rule]);
    }
    for (const [id, list] of byRuleset) {
      const read = readout.rulesets.get(id);
      const detail = read?.state === 'ok' ? read.value : undefined;
      const hidden = read && read.state !== 'ok' ? read.reason : undefined;
      sources.push({ name: rulesetName(id, list[0], detail), visible: true, settings: rulesetSettings(list), unknown: new Map(), bypass: rulesetBypass(detail, hidden) });
    }
  }
  const evaluating = readout.evaluateMode.rulesets.map((r) => ({ name: `ruleset ${r.name ?? '?'} (#${r.id})`, settings: rulesetSettings(r.rules ?? []) }));
  return { owner: readout.owner, repo: readout.repo, branch: readout.branch, sources, evaluating };
}

/** True for a check GitHub Actions may produce (no app pinned, or the Actions app). */
export function fromActions(check: RequiredCheck): boolean {
  return check.appId === undefined || check.appId === GITHUB_ACTIONS_APP_ID;
}

/** The settings a source contributes, with the unset ones at "off" (for the fix plan). */
export function settingsOrNone(settings: Partial<Settings>): Settings {
  return { ...NONE, ...settings };
}
