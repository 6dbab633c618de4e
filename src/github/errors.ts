/**
 * What a failed GitHub request means, as data: callers decide whether it is a user error
 * (bad token, unknown repository), a hidden field (no permission) or a bug.
 */
export type GitHubErrorKind =
  /** 401: the token is wrong, expired or revoked. */
  | 'bad-credentials'
  /** 404 "Not Found": the resource does not exist, or the token may not see it (GitHub does not say which). */
  | 'not-found'
  /** 404 "Branch not protected": the branch exists and has no classic protection. */
  | 'branch-not-protected'
  /** 403 from a plan that lacks the feature (private repository on GitHub Free). */
  | 'plan'
  /** 403 for a GitHub App or Actions token ("Resource not accessible by integration"). */
  | 'integration-forbidden'
  /** 403 for a fine-grained personal access token without the permission. */
  | 'pat-forbidden'
  /** 403 that needs admin rights on the repository. */
  | 'admin-required'
  /** 403 or 429 from a rate limit that survived the retries. */
  | 'rate-limited'
  /** Any other 403. */
  | 'forbidden'
  /** 422: GitHub refused the request body. */
  | 'invalid'
  /** 5xx after the retries. */
  | 'server'
  /** No HTTP answer at all (DNS, refused connection, TLS). */
  | 'network';

export interface GitHubFailure {
  kind: GitHubErrorKind;
  /** HTTP status; 0 when there was no answer. */
  status: number;
  /** GitHub's own message ("Branch not protected"), or the network error. */
  message: string;
  /** X-Accepted-GitHub-Permissions: what a fine-grained token or app needs ("administration=read"). */
  acceptedPermissions: string | undefined;
  /** X-Accepted-OAuth-Scopes: what a classic token needs. */
  acceptedScopes: string | undefined;
  /** X-OAuth-Scopes: what this classic token has. */
  tokenScopes: string | undefined;
}

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown>; data?: unknown };
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined || value === null ? undefined : String(value);
}

function githubMessage(error: ErrorLike): string {
  const data = error.response?.data;
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') return data.message;
  return typeof error.message === 'string' ? error.message : String(error);
}

function kindOf(status: number, message: string, headers: Record<string, unknown> | undefined): GitHubErrorKind {
  if (status === 0) return 'network';
  if (status === 401) return 'bad-credentials';
  if (status === 404) return /branch not protected/i.test(message) ? 'branch-not-protected' : 'not-found';
  if (status === 429 || /rate limit/i.test(message) || header(headers, 'x-ratelimit-remaining') === '0') return 'rate-limited';
  if (status === 403) {
    if (/upgrade to github|enable this feature|not available for this repository/i.test(message)) return 'plan';
    if (/not accessible by integration/i.test(message)) return 'integration-forbidden';
    if (/not accessible by personal access token/i.test(message)) return 'pat-forbidden';
    if (/admin rights|must be an admin/i.test(message)) return 'admin-required';
    return 'forbidden';
  }
  if (status === 422) return 'invalid';
  if (status >= 500) return 'server';
  return 'forbidden';
}

/** One entry of a GraphQL answer's `errors` array, as GitHub sends it (`type` is GitHub's addition). */
export interface GraphqlErrorEntry {
  type?: string;
  message?: string;
  path?: (string | number)[];
}

/** The GraphqlResponseError @octokit/graphql throws for an answer with `errors`: HTTP 200, and maybe partial data. */
export interface GraphqlResponseErrorLike {
  errors: GraphqlErrorEntry[];
  data?: unknown;
  headers?: Record<string, unknown>;
}

export function isGraphqlResponseError(error: unknown): error is GraphqlResponseErrorLike {
  return typeof error === 'object' && error !== null && 'errors' in error && Array.isArray((error as { errors: unknown }).errors);
}

function graphqlKind(errors: GraphqlErrorEntry[]): GitHubErrorKind {
  const types = new Set(errors.map((e) => e.type));
  const text = errors.map((e) => e.message ?? '').join(' ');
  if (types.has('RATE_LIMITED') || /rate limit/i.test(text)) return 'rate-limited';
  if (/not accessible by integration/i.test(text)) return 'integration-forbidden';
  if (/not accessible by personal access token/i.test(text)) return 'pat-forbidden';
  if (types.has('FORBIDDEN')) return 'forbidden';
  if (types.has('NOT_FOUND')) return 'not-found';
  return 'invalid';
}

/** Classifies an error thrown by an Octokit request; anything without a status is a network failure. */
export function classifyGitHubError(error: unknown): GitHubFailure {
  if (isGraphqlResponseError(error)) {
    // GraphQL refuses with HTTP 200 and an `errors` array; the type (FORBIDDEN, NOT_FOUND…) says why.
    const message = error.errors.map((e) => (e.type ? `${e.type}: ${e.message ?? ''}` : (e.message ?? ''))).join('; ');
    return {
      kind: graphqlKind(error.errors),
      status: 200,
      message,
      acceptedPermissions: header(error.headers, 'x-accepted-github-permissions'),
      acceptedScopes: header(error.headers, 'x-accepted-oauth-scopes'),
      tokenScopes: header(error.headers, 'x-oauth-scopes'),
    };
  }
  const e = (error ?? {}) as ErrorLike;
  const status = typeof e.status === 'number' ? e.status : 0;
  const headers = e.response?.headers;
  const message = githubMessage(e);
  return {
    kind: kindOf(status, message, headers),
    status,
    message,
    acceptedPermissions: header(headers, 'x-accepted-github-permissions'),
    acceptedScopes: header(headers, 'x-accepted-oauth-scopes'),
    tokenScopes: header(headers, 'x-oauth-scopes'),
  };
}

/** True for an error that came back from GitHub or the network, as opposed to a bug in our code. */
export function isGitHubRequestError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'request' in error && ('status' in error || 'response' in error);
}

/** "the token needs administration=read" style sentence from the headers GitHub sent, or ''. */
export function missingPermissionHint(failure: GitHubFailure): string {
  const parts: string[] = [];
  if (failure.acceptedPermissions) parts.push(`GitHub asks for the fine-grained permission(s) ${failure.acceptedPermissions}`);
  if (failure.acceptedScopes) parts.push(`classic token scope(s) ${failure.acceptedScopes}${failure.tokenScopes !== undefined ? ` (this token has: ${failure.tokenScopes || 'none'})` : ''}`);
  return parts.join('; ');
}
