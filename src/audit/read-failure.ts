import { UserError } from '../errors/user-error.ts';
import { classifyGitHubError, isGitHubRequestError, missingPermissionHint, type GitHubFailure } from '../github/errors.ts';
import type { TokenKind } from '../github/token.ts';

/**
 * What a refused read means for the audit: hidden from this token (with the token that would
 * see it), or a reason to stop (bad token, rate limit, outage).
 */

/** What one read gave: the body, a known absence (404 "Branch not protected"), or hidden from this token. */
export type Read<T> = { state: 'ok'; value: T } | { state: 'absent'; reason: string } | { state: 'hidden'; reason: string };

export const ADMIN_READ = 'a token with admin access to the repository (classic PAT: `repo` scope and an admin user; fine-grained PAT or GitHub App: "Administration" repository permission, read)';

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

export function fatal(failure: GitHubFailure, target: string): UserError {
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
export async function attempt<T>(request: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; failure: GitHubFailure }> {
  try {
    return { ok: true, value: await request() };
  } catch (error) {
    if (!isGitHubRequestError(error) && !(error instanceof TypeError)) throw error;
    return { ok: false, failure: classifyGitHubError(error) };
  }
}

export async function required<T>(request: () => Promise<{ data: T }>, target: string): Promise<T> {
  const result = await attempt(request);
  if (!result.ok) throw fatal(result.failure, target);
  return result.value.data;
}

/** Failures that are not about this token's view (rate limit, outage, bad token) stop the audit. */
export function isFatal(failure: GitHubFailure): boolean {
  return ['bad-credentials', 'rate-limited', 'server', 'network'].includes(failure.kind);
}
