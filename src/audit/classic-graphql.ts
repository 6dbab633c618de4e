/**
 * What the audit asks GitHub's GraphQL API about classic branch protection, and how it reads
 * the answer. REST has no field for `bypassForcePushAllowances` (who may force push although
 * the rule blocks force pushes), so only GraphQL can tell whether "force pushes blocked" holds
 * for everyone. test/audit/graphql-schema.test.ts validates both documents against GitHub's
 * published schema.
 */

/** Allowance lists are read up to this many entries; `totalCount` says when there are more. */
export const ALLOWANCE_PAGE = 100;

const ACTOR = '__typename ... on User { login } ... on Team { slug } ... on App { slug }';

/** The classic protection rule that applies to one branch (`ref.branchProtectionRule`). */
export const CLASSIC_RULE_QUERY = `query TollgateClassicRule($owner: String!, $name: String!, $ref: String!) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) {
      branchProtectionRule {
        id
        pattern
        allowsForcePushes
        isAdminEnforced
        bypassForcePushAllowances(first: ${ALLOWANCE_PAGE}) { totalCount nodes { actor { ${ACTOR} } } }
        bypassPullRequestAllowances(first: ${ALLOWANCE_PAGE}) { totalCount nodes { actor { ${ACTOR} } } }
      }
    }
  }
}`;

/** Empties a classic rule's force-push bypass list (REST cannot). One line, so the fix plan prints it readably. */
export const CLEAR_FORCE_PUSH_BYPASS_MUTATION =
  'mutation TollgateClearForcePushBypass($id: ID!) { updateBranchProtectionRule(input: { branchProtectionRuleId: $id, bypassForcePushActorIds: [] }) { branchProtectionRule { id } } }';

interface ActorNode {
  actor?: { __typename?: string; login?: string; slug?: string } | null;
}

interface AllowanceConnection {
  totalCount?: number;
  nodes?: (ActorNode | null)[] | null;
}

/** `data` of CLASSIC_RULE_QUERY, every level nullable as GitHub may null it. */
export interface ClassicRuleData {
  repository?: {
    ref?: {
      branchProtectionRule?: {
        id?: string;
        pattern?: string;
        allowsForcePushes?: boolean;
        isAdminEnforced?: boolean;
        bypassForcePushAllowances?: AllowanceConnection | null;
        bypassPullRequestAllowances?: AllowanceConnection | null;
      } | null;
    } | null;
  } | null;
}

/** An allowance list as far as the token saw it. */
export interface Allowances {
  /** "user octocat", "team release", "app deploy-bot". */
  actors: string[];
  /** Entries whose actor GitHub nulled for this token (an app without Members: read sees no teams). */
  hidden: number;
  /** Entries beyond the first ALLOWANCE_PAGE. */
  unlisted: number;
}

/** The classic rule as GraphQL shows it: the parts REST lacks. */
export interface ClassicRuleGraphql {
  /** Node id, for the updateBranchProtectionRule mutation. */
  id: string;
  pattern: string;
  forcePushBypass: Allowances;
  pullRequestBypass: Allowances;
}

function actorName(node: ActorNode | null): string | undefined {
  const actor = node?.actor;
  if (!actor) return undefined;
  switch (actor.__typename) {
    case 'User':
      return `user ${actor.login ?? '?'}`;
    case 'Team':
      return `team ${actor.slug ?? '?'}`;
    case 'App':
      return `app ${actor.slug ?? '?'}`;
    default:
      return `${actor.__typename ?? 'actor'} ?`;
  }
}

function allowances(connection: AllowanceConnection | null | undefined): Allowances {
  const nodes = connection?.nodes ?? [];
  const actors = nodes.map(actorName).filter((a): a is string => a !== undefined);
  const total = connection?.totalCount ?? nodes.length;
  return { actors, hidden: nodes.length - actors.length, unlisted: Math.max(0, total - nodes.length) };
}

/** The rule from CLASSIC_RULE_QUERY's data, or undefined when GitHub returned none (or nulled it). */
export function parseClassicRule(data: unknown): ClassicRuleGraphql | undefined {
  const rule = (data as ClassicRuleData | null | undefined)?.repository?.ref?.branchProtectionRule;
  if (!rule?.id) return undefined;
  return {
    id: rule.id,
    pattern: rule.pattern ?? '?',
    forcePushBypass: allowances(rule.bypassForcePushAllowances),
    pullRequestBypass: allowances(rule.bypassPullRequestAllowances),
  };
}

/** Everyone on the list, in words: named actors, then the ones the token cannot see or was not shown. */
export function describeAllowances(list: Allowances): string[] {
  const out = [...list.actors];
  if (list.hidden > 0) out.push(`${list.hidden} actor(s) this token may not see`);
  if (list.unlisted > 0) out.push(`${list.unlisted} more beyond the first ${ALLOWANCE_PAGE} GraphQL lists (the list is truncated)`);
  return out;
}

export function isEmpty(list: Allowances): boolean {
  return list.actors.length === 0 && list.hidden === 0 && list.unlisted === 0;
}
