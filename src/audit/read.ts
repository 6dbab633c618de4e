import { UserError } from '../errors/user-error.ts';
import type { GitHubClient } from '../github/client.ts';
import { classifyGitHubError, isGitHubRequestError, missingPermissionHint, type GitHubFailure } from '../github/errors.ts';
import { tokenKind, type TokenKind } from '../github/token.ts';
import type { BranchBody, BranchRuleBody, ClassicProtectionBody, RepositoryBody, RulesetBody, StatusCheckPolicyBody } from './api-shapes.ts';

/** What one read gave: the body, a known absence (404 "Branch not protected"), or hidden from this token. */
export type Read<T> = { state: 'ok'; value: T } | { state: 'absent'; reason: string } | { state: 'hidden'; reason: string };

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
  token: TokenKind;
}

const ADMIN_READ = 'a token with admin access to the repository (classic PAT: `repo` scope and an admin user; fine-grained PAT or GitHub App: "Administration" repository permission, read)';

/** Why a read was refused, in words that say which token would see it. */
export function hiddenReason(failure: GitHubFailure, what: string, token: TokenKind): string {
  const hint = missingPermissionHint(failure);
  const asked = hint ? ` (${hint})` : '';
  switch (failure.kind) {
    case 'integration-forbidden':
      return token === 'actions-or-app-installation'
        ? `GitHub refused to show ${what} to this token: "${failure.message}". The GITHUB_TOKEN of a workflow can never read it (it cannot be granted Administration); use ${ADMIN_READ}, stored as a secret and passed with --token-env${asked}.`
        : `GitHub refused to show ${what} to this app installation: "${failure.message}"; it needs the Administration repository permission (read)${asked}.`;
    case 'pat-forbidden':
      return `GitHub refused to show ${what} to this fine-grained token: "${failure.message}"; give it the Administration repository permission (read)${asked}.`;
    case 'admin-required':
      return `GitHub shows ${what} to repository admins only ("${failure.message}"); run with ${ADMIN_READ}.`;
    case 'plan':
      return `GitHub answered 403 "${failure.message}": this repository's plan does not offer ${what} (private repositories need GitHub Pro, Team or Enterprise), so nothing can be known about it.`;
    case 'not-found':
      return `GitHub answered 404 "Not Found" for ${what} although the repository is visible: the token may not read it; run with ${ADMIN_READ}.`;
    default:
      return `GitHub answered ${failure.status} "${failure.message}" for ${what}${asked}.`;
  }
}

function fatal(failure: GitHubFailure, target: string): UserError {
  switch (failure.kind) {
    case 'bad-credentials':
      return new UserError(`GitHub rejected the token (401 "${failure.message}"): it is wrong, expired or revoked. Set GITHUB_TOKEN/GH_TOKEN (or --token-env) to a valid token.`);
    case 'not-found':
      return new UserError(`GitHub answered 404 "Not Found" for ${target}: it does not exist, or this token may not see it (GitHub gives the same answer for both). Check --repo/--branch and that the token has access to the repository.`);
    case 'rate-limited':
      return new UserError(`GitHub's rate limit was still exceeded after the retries (${failure.status} "${failure.message}"). Try again later or use a token with a higher limit.`);
    case 'server':
      return new UserError(`GitHub kept failing (${failure.status} "${failure.message}") for ${target} after the retries. Try again later.`);
    case 'network':
      return new UserError(`Could not reach the GitHub API for ${target}: ${failure.message}. Check --api-url and the network.`);
    default: {
      const hint = missingPermissionHint(failure);
      return new UserError(`GitHub answered ${failure.status} "${failure.message}" for ${target}${hint ? `; ${hint}` : ''}.`);
    }
  }
}

/** Runs a request; GitHub's refusals become failures, anything else (a bug) is thrown on. */
async function attempt<T>(request: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; failure: GitHubFailure }> {
  try {
    return { ok: true, value: await request() };
  } catch (error) {
    if (!isGitHubRequestError(error) && !(error instanceof TypeError)) throw error;
    return { ok: false, failure: classifyGitHubError(error) };
  }
}

async function required<T>(request: () => Promise<{ data: T }>, target: string): Promise<T> {
  const result = await attempt(request);
  if (!result.ok) throw fatal(result.failure, target);
  return result.value.data;
}

/** Failures that are not about this token's view (rate limit, outage, bad token) stop the audit. */
function isFatal(failure: GitHubFailure): boolean {
  return ['bad-credentials', 'rate-limited', 'server', 'network'].includes(failure.kind);
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
 * Reads everything that protects one branch: the repository (default branch, the token's
 * permissions), the branch, its classic protection, the ruleset rules that apply to it and
 * the rulesets behind them (for bypass actors). A repository or branch GitHub will not show
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
  return { owner, repo, branch, repository: repository as RepositoryBody, branchInfo: branchInfo as BranchBody, classic, rules, rulesets, token: kind };
}
