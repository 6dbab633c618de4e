import type { GitHubClient } from '../github/client.ts';
import { classifyGitHubError, isGitHubRequestError, isGraphqlResponseError, type GitHubFailure } from '../github/errors.ts';
import type { TokenKind } from '../github/token.ts';
import { CLASSIC_RULE_QUERY, parseClassicRule, type ClassicRuleGraphql } from './classic-graphql.ts';
import { ADMIN_READ, fatal, hiddenReason, type Read } from './read-failure.ts';

function graphqlHiddenReason(failure: GitHubFailure, what: string, token: TokenKind): string {
  // These two name the token kind and the permission it needs, for GraphQL as for REST.
  if (failure.kind === 'integration-forbidden' || failure.kind === 'pat-forbidden') return hiddenReason(failure, what, token);
  const answer = failure.status === 200 ? `refused with "${failure.message}"` : `answered ${failure.status} "${failure.message}"`;
  return `GitHub's GraphQL API ${answer} for ${what}; run with ${ADMIN_READ}.`;
}

/**
 * Reads the classic protection rule of a branch through GraphQL, for what REST does not show
 * (who may force push despite the rule). Called only when REST showed classic protection, so a
 * rule GraphQL does not return is hidden from this token, never absent. An answer with errors
 * but the rule in its data (an actor GitHub nulled for this token) still counts: the nulled
 * actors are counted as ones the token may not see.
 */
export async function readClassicRule(client: GitHubClient, owner: string, repo: string, branch: string, token: TokenKind): Promise<Read<ClassicRuleGraphql>> {
  const what = `who may force push to ${branch} despite classic protection (bypassForcePushAllowances, which only GitHub's GraphQL API shows)`;
  let data: unknown;
  try {
    data = await client.graphql(CLASSIC_RULE_QUERY, { owner, name: repo, ref: `refs/heads/${branch}` });
  } catch (error) {
    if (isGraphqlResponseError(error)) {
      const partial = parseClassicRule(error.data);
      if (partial) return { state: 'ok', value: partial };
    } else if (!isGitHubRequestError(error) && !(error instanceof TypeError)) throw error;
    const failure = classifyGitHubError(error);
    // A 401 here is about GraphQL only (REST accepted the token): a hidden part, not a stop.
    if (['rate-limited', 'server', 'network'].includes(failure.kind)) throw fatal(failure, what);
    return { state: 'hidden', reason: graphqlHiddenReason(failure, what, token) };
  }
  const rule = parseClassicRule(data);
  if (rule) return { state: 'ok', value: rule };
  return {
    state: 'hidden',
    reason: `GitHub's GraphQL API returned no branch protection rule for refs/heads/${branch} although REST shows classic protection, so it did not show ${what} to this token; run with ${ADMIN_READ}.`,
  };
}
