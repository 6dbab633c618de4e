import type { GitHubClient } from '../github/client.ts';
import { tokenKind, type TokenKind } from '../github/token.ts';
import type { BranchBody, BranchRuleBody, ClassicProtectionBody, RepositoryBody, RulesetBody, StatusCheckPolicyBody } from './api-shapes.ts';
import type { ClassicRuleGraphql } from './classic-graphql.ts';
import { attempt, fatal, hiddenReason, isFatal, required, type Read } from './read-failure.ts';
import { readClassicRule } from './read-graphql.ts';
import { rulesetTargetsBranch } from './ruleset-target.ts';

export type { Read } from './read-failure.ts';

export interface AuditTarget {
  owner: string;
  repo: string;
  /** Default: the repository's default branch. */
  branch?: string | undefined;
}

/** Everything GitHub told this token about one branch's protection, before any interpretation. */
export interface Readout {
  owner: string;
  repo: string;
  branch: string;
  repository: RepositoryBody;
  branchInfo: BranchBody;
  classic: Read<ClassicProtectionBody>;
  rules: Read<BranchRuleBody[]>;
  rulesets: Map<number, Read<RulesetBody>>;
  /** The classic rule as GraphQL shows it (force-push bypass); undefined when REST showed no classic protection. */
  classicRule: Read<ClassicRuleGraphql> | undefined;
  /** Rulesets in evaluate mode that target the branch: reported by GitHub, not enforced. */
  evaluateMode: EvaluateModeRulesets;
  token: TokenKind;
}

export interface EvaluateModeRulesets {
  /** Full bodies (conditions, rules) of the evaluate-mode rulesets whose conditions match the branch. */
  rulesets: RulesetBody[];
  /** What could not be checked, and why. */
  notes: string[];
}

async function readClassic(client: GitHubClient, owner: string, repo: string, branch: string, token: TokenKind): Promise<Read<ClassicProtectionBody>> {
  const params = { owner, repo, branch };
  const what = `the classic protection of ${branch}`;
  const result = await attempt(() => client.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', params));
  if (!result.ok) {
    if (result.failure.kind === 'branch-not-protected') return { state: 'absent', reason: `GitHub answered 404 "${result.failure.message}": ${branch} has no classic branch protection.` };
    if (isFatal(result.failure)) throw fatal(result.failure, what);
    return { state: 'hidden', reason: hiddenReason(result.failure, what, token) };
  }
  const body = { ...(result.value.data as ClassicProtectionBody) };
  // Some answers leave out parts that have endpoints of their own: ask those rather than guess.
  if (body.required_signatures === undefined) {
    const signatures = await attempt(() => client.request('GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures', params));
    if (signatures.ok) body.required_signatures = signatures.value.data as ClassicProtectionBody['required_signatures'];
  }
  if (body.required_status_checks && body.required_status_checks.strict === undefined) {
    const checks = await attempt(() => client.request('GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks', params));
    if (checks.ok) body.required_status_checks = { ...body.required_status_checks, ...(checks.value.data as StatusCheckPolicyBody) };
  }
  return { state: 'ok', value: body };
}

async function readRules(client: GitHubClient, owner: string, repo: string, branch: string, token: TokenKind): Promise<Read<BranchRuleBody[]>> {
  const what = `the rulesets that apply to ${branch}`;
  const result = await attempt(() => client.paginate('GET /repos/{owner}/{repo}/rules/branches/{branch}', { owner, repo, branch, per_page: 100 }));
  if (result.ok) return { state: 'ok', value: result.value as BranchRuleBody[] };
  if (isFatal(result.failure)) throw fatal(result.failure, what);
  if (result.failure.kind === 'not-found') {
    // The repository answered, so a 404 here is an API without rulesets (GitHub Enterprise Server before 3.11).
    return { state: 'hidden', reason: `GitHub answered 404 "Not Found" for ${what}: this GitHub (an Enterprise Server older than 3.11?) has no rulesets API, or the token may not read it.` };
  }
  return { state: 'hidden', reason: hiddenReason(result.failure, what, token) };
}

async function readRuleset(client: GitHubClient, owner: string, repo: string, id: number, token: TokenKind): Promise<Read<RulesetBody>> {
  const what = `ruleset #${id}`;
  const result = await attempt(() => client.request('GET /repos/{owner}/{repo}/rulesets/{ruleset_id}', { owner, repo, ruleset_id: id, includes_parents: true }));
  if (result.ok) return { state: 'ok', value: result.value.data as RulesetBody };
  if (isFatal(result.failure)) throw fatal(result.failure, what);
  return { state: 'hidden', reason: hiddenReason(result.failure, what, token) };
}

/**
 * The repository's rulesets in evaluate mode that target the branch. /rules/branches lists
 * active rules only, so these come from the ruleset list (organization ones included), each
 * read in full for its conditions and rules.
 */
async function readEvaluateMode(client: GitHubClient, owner: string, repo: string, branch: string, defaultBranch: string | undefined, token: TokenKind): Promise<EvaluateModeRulesets> {
  const what = `the rulesets of ${owner}/${repo}`;
  const list = await attempt(() => client.paginate('GET /repos/{owner}/{repo}/rulesets', { owner, repo, includes_parents: true, targets: 'branch', per_page: 100 }));
  if (!list.ok) {
    if (isFatal(list.failure)) throw fatal(list.failure, what);
    return { rulesets: [], notes: [`Rulesets in evaluate mode were not looked for: ${hiddenReason(list.failure, what, token)}`] };
  }
  const evaluating = (list.value as RulesetBody[]).filter((r) => r.enforcement === 'evaluate');
  const reads = await Promise.all(evaluating.map((r) => readRuleset(client, owner, repo, r.id, token)));
  const result: EvaluateModeRulesets = { rulesets: [], notes: [] };
  reads.forEach((read, i) => {
    if (read.state === 'ok') {
      if (rulesetTargetsBranch(read.value, branch, defaultBranch)) result.rulesets.push(read.value);
    } else result.notes.push(`Ruleset "${evaluating[i]!.name ?? '?'}" (#${evaluating[i]!.id}) is in evaluate mode but could not be read: ${read.reason}`);
  });
  return result;
}

/**
 * Reads everything that protects one branch: the repository (default branch, the token's
 * permissions), the branch, its classic protection, the ruleset rules that apply to it and
 * the rulesets behind them (for bypass actors), the classic rule's force-push bypass list
 * (GraphQL) and the rulesets in evaluate mode. A repository or branch GitHub will not show
 * is a user error; a part of the protection it will not show is recorded as hidden.
 */
export async function readProtection(client: GitHubClient, target: AuditTarget, token: string): Promise<Readout> {
  const { owner, repo } = target;
  const kind = tokenKind(token);
  const repository = await required(() => client.request('GET /repos/{owner}/{repo}', { owner, repo }), `the repository ${owner}/${repo}`);
  const branch = target.branch ?? repository.default_branch ?? 'main';
  const branchInfo = await required(() => client.request('GET /repos/{owner}/{repo}/branches/{branch}', { owner, repo, branch }), `the branch ${branch} of ${owner}/${repo}`);
  const [classic, rules] = await Promise.all([readClassic(client, owner, repo, branch, kind), readRules(client, owner, repo, branch, kind)]);
  const rulesets = new Map<number, Read<RulesetBody>>();
  if (rules.state === 'ok') {
    const ids = [...new Set(rules.value.map((r) => r.ruleset_id).filter((id): id is number => typeof id === 'number'))];
    const bodies = await Promise.all(ids.map((id) => readRuleset(client, owner, repo, id, kind)));
    ids.forEach((id, i) => rulesets.set(id, bodies[i]!));
  }
  const noEvaluateMode: EvaluateModeRulesets = { rulesets: [], notes: [] };
  const [classicRule, evaluateMode] = await Promise.all([
    classic.state === 'ok' ? readClassicRule(client, owner, repo, branch, kind) : undefined,
    // Without the rulesets API (or access to it) the rulesets source already says why.
    rules.state === 'hidden' ? noEvaluateMode : readEvaluateMode(client, owner, repo, branch, repository.default_branch, kind),
  ]);
  return { owner, repo, branch, repository: repository as RepositoryBody, branchInfo: branchInfo as BranchBody, classic, rules, rulesets, classicRule, evaluateMode, token: kind };
}
