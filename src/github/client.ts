import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/** The Octokit tollgate talks to GitHub with: REST methods, pagination, retries and throttling. */
export type GitHubClient = ReturnType<typeof getOctokit>;

export const DEFAULT_API_URL = 'https://api.github.com';

/**
 * Where GraphQL requests go for a REST root: https://api.github.com/graphql, or
 * https://HOST/api/graphql for GitHub Enterprise Server's https://HOST/api/v3 (as Octokit's
 * graphql client does it).
 */
export function graphqlEndpoint(apiUrl: string): string {
  const root = apiUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(root) ? root.replace(/\/api\/v3$/, '/api/graphql') : `${root}/graphql`;
}

export interface ClientOptions {
  token: string;
  /** REST root: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
  apiUrl?: string | undefined;
  /** Retries after a 5xx, a network error or a rate limit (default 3). */
  retries?: number | undefined;
  /**
   * Milliseconds per second of back-off that GitHub (Retry-After, rate-limit reset) or the retry
   * schedule asks for. 1000 in real use; tests shrink it so a retry costs milliseconds.
   */
  msPerSecond?: number | undefined;
  /** Longest wait for a rate limit, in seconds (default 120): a reset an hour away fails now instead. */
  maxWaitSeconds?: number | undefined;
  /** Where retry and rate-limit notices go (default: nowhere). */
  log?: ((message: string) => void) | undefined;
}

/**
 * An Octokit for tollgate's GitHub work (the audit now, deployment statuses later):
 * `@actions/github`'s client with @octokit/plugin-retry (5xx and network errors, with growing
 * back-off) and @octokit/plugin-throttling (primary and secondary rate limits, honouring
 * Retry-After and the reset time), both bounded by `retries`.
 */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  const retries = options.retries ?? 3;
  const msPerSecond = options.msPerSecond ?? 1000;
  const log = options.log ?? (() => undefined);
  const maxWait = options.maxWaitSeconds ?? 120;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      if (retryCount >= retries) {
        log(`GitHub ${kind} on ${request.method} ${request.url}: giving up after ${retries} retries`);
        return false;
      }
      if (retryAfter > maxWait) {
        log(`GitHub ${kind} on ${request.method} ${request.url}: it resets in ${retryAfter}s, longer than the ${maxWait}s tollgate waits`);
        return false;
      }
      log(`GitHub ${kind} on ${request.method} ${request.url}: retrying in ${retryAfter}s`);
      return true;
    };
  return getOctokit(
    options.token,
    {
      baseUrl: (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
      userAgent: 'tollgate',
      retry: { retries, retryAfterBaseValue: msPerSecond },
      throttle: {
        retryAfterBaseValue: msPerSecond,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    },
    retry,
    throttling,
  );
}
