import { basicError, openapiExample, recordedResponse, type GitHubServer, type Reply } from '../helpers/github-server.ts';
import { executeGraphql, forbiddenForIntegration } from './graphql-executor.ts';

/** An actor of a classic rule's allowance list, as GitHub's GraphQL schema types it; 'hidden' is one GitHub nulls for the token. */
export type GraphqlActor = { __typename: 'User'; login: string } | { __typename: 'Team'; slug: string } | { __typename: 'App'; slug: string } | 'hidden';

/** What GitHub's GraphQL API holds about the branch's classic rule beyond REST. */
export interface ClassicRuleModel {
  /** bypassForcePushAllowances: who may force push although the rule blocks it. */
  forcePushBypass?: GraphqlActor[];
  /** bypassPullRequestAllowances. */
  pullRequestBypass?: GraphqlActor[];
  /** GraphQL refuses the rule itself to this token (FORBIDDEN, "Resource not accessible by integration"). */
  forbidden?: boolean;
  /** GraphQL returns null for the rule although REST shows it. */
  none?: boolean;
}

/**
 * A repository on the test GitHub server, built from GitHub's documented examples with the
 * values a case needs. Classic protection is kept as state so that --apply can change it.
 */
export interface RepoScenario {
  owner?: string;
  repo?: string;
  branch?: string;
  permissions?: { admin: boolean; maintain?: boolean; push: boolean; triage?: boolean; pull: boolean } | undefined;
  /** The classic protection body, or a reply for GET …/protection (404, 403, …). */
  classic: Record<string, unknown> | Reply;
  /** What GET /repos/{o}/{r}/branches/{b} says without admin rights. */
  branchSummary?: { protected: boolean; contexts?: string[] };
  /** Rules that apply to the branch (GET …/rules/branches/{b}), or a reply. */
  rules?: Record<string, unknown>[] | Reply;
  /** GET …/rulesets/{id}: a body or a reply. The ruleset list (GET …/rulesets) holds every body given here. */
  rulesets?: Record<number, Record<string, unknown> | Reply>;
  /** A reply for GET …/rulesets instead of the list. */
  rulesetList?: Reply;
  /** POST /graphql (and GHES's /api/graphql): the classic rule's model, or a reply (an HTTP error, an errors body). */
  classicGraphql?: ClassicRuleModel | Reply;
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value && typeof (value as Reply).status === 'number';
}

/** GitHub's "branch-protection" example made to meet the seed policy with the given required checks. */
export function fullyProtected(contexts: string[]): Record<string, unknown> {
  const body = openapiExample('branch-protection');
  const checks = body.required_status_checks as Record<string, unknown>;
  checks.contexts = contexts;
  checks.strict = true;
  body.allow_force_pushes = { enabled: false };
  body.allow_deletions = { enabled: false };
  body.enforce_admins = { ...(body.enforce_admins as object), enabled: true };
  body.required_signatures = { enabled: true };
  return body;
}

/** A rule as GET /rules/branches/{branch} lists it, from GitHub's example with this type and ruleset. */
export function branchRule(type: string, rulesetId: number, parameters?: Record<string, unknown>, source: 'Repository' | 'Organization' = 'Repository'): Record<string, unknown> {
  const template = openapiExample<Record<string, unknown>[]>('repository-rule-items')[source === 'Repository' ? 0 : 1]!;
  const rule: Record<string, unknown> = { ...template, type, ruleset_id: rulesetId };
  if (parameters) rule.parameters = parameters;
  else delete rule.parameters;
  return rule;
}

/** GitHub's "repository-ruleset" example with this id, and bypass actors (undefined: hidden from the token). */
export function ruleset(id: number, bypass: { actor_id: number; actor_type: string; bypass_mode: string }[] | undefined, source: 'Repository' | 'Organization' = 'Repository'): Record<string, unknown> {
  const body = openapiExample('repository-ruleset');
  body.id = id;
  body.source_type = source;
  if (source === 'Organization') body.source = 'my-org';
  if (bypass === undefined) delete body.bypass_actors;
  else body.bypass_actors = bypass;
  return body;
}

/** Applies a PUT …/protection request body to the stored protection, as GitHub does, and answers with it. */
function applyClassicPut(request: Record<string, unknown>): Record<string, unknown> {
  const body = openapiExample('branch-protection-update');
  const checks = request.required_status_checks as { strict: boolean; checks?: { context: string; app_id?: number }[]; contexts?: string[] } | null;
  body.required_status_checks = checks
    ? { ...(body.required_status_checks as object), strict: checks.strict, contexts: checks.checks?.map((c) => c.context) ?? checks.contexts ?? [], checks: checks.checks?.map((c) => ({ context: c.context, app_id: c.app_id ?? null })) ?? [] }
    : null;
  const reviews = request.required_pull_request_reviews as Record<string, unknown> | null;
  body.required_pull_request_reviews = reviews ? { ...(body.required_pull_request_reviews as object), ...reviews, bypass_pull_request_allowances: undefined } : null;
  body.enforce_admins = { ...(body.enforce_admins as object), enabled: request.enforce_admins === true };
  for (const key of ['required_linear_history', 'allow_force_pushes', 'allow_deletions', 'required_conversation_resolution'] as const) body[key] = { enabled: request[key] === true };
  body.restrictions = request.restrictions ? body.restrictions : null;
  return body;
}

/** The node id GitHub's GraphQL API gives the classic rule in these scenarios. */
export const CLASSIC_RULE_ID = 'BPR_kwDOAAABc84AAAAB';

function actorNode(actor: GraphqlActor): Record<string, unknown> {
  return { actor: actor === 'hidden' ? forbiddenForIntegration : actor };
}

function connection(list: GraphqlActor[]): (args: { first?: number }) => Record<string, unknown> {
  return (args) => ({ totalCount: list.length, nodes: list.slice(0, args.first ?? list.length).map(actorNode) });
}

/** Registers the repository's routes on the server. Returns the live classic protection (changed by PUT). */
export function serveRepository(server: GitHubServer, scenario: RepoScenario): { classic: () => Record<string, unknown> | Reply } {
  const owner = scenario.owner ?? 'acme';
  const repo = scenario.repo ?? 'payments';
  const branch = scenario.branch ?? 'main';
  let classic = scenario.classic;
  const repoPath = `/repos/${owner}/${repo}`;

  const repository = openapiExample('full-repository');
  Object.assign(repository, { name: repo, full_name: `${owner}/${repo}`, default_branch: branch });
  if (scenario.permissions) repository.permissions = scenario.permissions;
  else delete repository.permissions;
  server.on('GET', repoPath, { status: 200, body: repository });

  server.on('GET', `${repoPath}/branches/{branch}`, (req) => {
    if (req.params.branch !== branch) return basicError(404, 'Branch not found');
    const body = openapiExample('branch-get');
    body.name = branch;
    const summary = scenario.branchSummary ?? { protected: !isReply(classic), contexts: isReply(classic) ? [] : (((classic.required_status_checks as { contexts?: string[] } | null)?.contexts) ?? []) };
    body.protected = summary.protected;
    body.protection = { enabled: summary.protected, required_status_checks: { enforcement_level: summary.protected ? 'everyone' : 'off', contexts: summary.contexts ?? [] } };
    return { status: 200, body };
  });

  const protection = `${repoPath}/branches/${branch}/protection`;
  server.on('GET', protection, () => (isReply(classic) ? classic : { status: 200, body: classic }));
  server.on('GET', `${protection}/required_signatures`, () => {
    if (isReply(classic)) return classic;
    const body = openapiExample('protected-branch-admin-enforced');
    body.enabled = (classic.required_signatures as { enabled?: boolean } | undefined)?.enabled === true;
    return { status: 200, body };
  });
  server.on('GET', `${protection}/required_status_checks`, () => {
    if (isReply(classic)) return classic;
    const current = classic.required_status_checks as { contexts?: string[]; strict?: boolean } | null;
    if (!current) return basicError(404, 'Required status checks not enabled');
    const body = openapiExample('status-check-policy');
    body.contexts = current.contexts ?? [];
    body.strict = current.strict === true;
    return { status: 200, body };
  });
  server.on('PUT', protection, (req) => {
    const next = applyClassicPut(req.body as Record<string, unknown>);
    const signatures = isReply(classic) ? undefined : classic.required_signatures;
    classic = { ...next, ...(signatures ? { required_signatures: signatures } : {}) };
    return { status: 200, body: classic };
  });
  server.on('POST', `${protection}/required_signatures`, () => {
    if (isReply(classic)) return basicError(404, 'Branch not protected');
    const body = openapiExample('protected-branch-admin-enforced');
    classic = { ...classic, required_signatures: { ...body, enabled: true } };
    return { status: 200, body };
  });

  serveClassicGraphql(server, owner, repo, branch, () => classic, scenario.classicGraphql);

  const rules = scenario.rules ?? [];
  server.on('GET', `${repoPath}/rules/branches/{branch}`, isReply(rules) ? rules : { status: 200, body: rules });
  server.on('GET', `${repoPath}/rulesets/{id}`, (req) => {
    const found = scenario.rulesets?.[Number(req.params.id)];
    if (found === undefined) return basicError(404, 'Not Found');
    return isReply(found) ? found : { status: 200, body: found };
  });
  server.on('GET', `${repoPath}/rulesets`, () => {
    if (scenario.rulesetList) return scenario.rulesetList;
    const template = openapiExample<Record<string, unknown>[]>('repository-ruleset-items')[0]!;
    const bodies = Object.values(scenario.rulesets ?? {}).filter((r): r is Record<string, unknown> => !isReply(r));
    return { status: 200, body: bodies.map((r) => ({ ...template, id: r.id, name: r.name, enforcement: r.enforcement, source_type: r.source_type, source: r.source })) };
  });
  return { classic: () => classic };
}

/**
 * POST /graphql (and /api/graphql, where GitHub Enterprise Server has it): the branch's
 * classic rule as GitHub's GraphQL schema shapes it, with the REST state's flags, and the
 * updateBranchProtectionRule mutation that changes its force-push bypass list.
 */
function serveClassicGraphql(server: GitHubServer, owner: string, repo: string, branch: string, classic: () => Record<string, unknown> | Reply, model: ClassicRuleModel | Reply | undefined): void {
  if (isReply(model)) {
    server.on('POST', '/graphql', model).on('POST', '/api/graphql', model);
    return;
  }
  const state = { forcePushBypass: [...(model?.forcePushBypass ?? [])], pullRequestBypass: [...(model?.pullRequestBypass ?? [])] };
  const rule = () => {
    const body = classic();
    if (isReply(body) || model?.none) return null;
    if (model?.forbidden) return forbiddenForIntegration();
    const flag = (key: string) => (body[key] as { enabled?: boolean } | null | undefined)?.enabled === true;
    return {
      id: CLASSIC_RULE_ID,
      pattern: branch,
      allowsForcePushes: flag('allow_force_pushes'),
      isAdminEnforced: flag('enforce_admins'),
      bypassForcePushAllowances: connection(state.forcePushBypass),
      bypassPullRequestAllowances: connection(state.pullRequestBypass),
    };
  };
  const root = {
    repository: (args: { owner: string; name: string }) =>
      args.owner === owner && args.name === repo ? { ref: (ref: { qualifiedName: string }) => (ref.qualifiedName === `refs/heads/${branch}` ? { branchProtectionRule: rule } : null) } : null,
    updateBranchProtectionRule: ({ input }: { input: { branchProtectionRuleId: string; bypassForcePushActorIds?: string[] } }) => {
      if (input.branchProtectionRuleId !== CLASSIC_RULE_ID) throw new Error(`Could not resolve to a node with the global id of '${input.branchProtectionRuleId}'`);
      if (input.bypassForcePushActorIds?.length === 0) state.forcePushBypass = [];
      else if (input.bypassForcePushActorIds) throw new Error('the test model can only empty the force-push bypass list');
      return { branchProtectionRule: rule };
    },
  };
  const handler = async (req: { body: unknown }) => executeGraphql(req.body, root);
  server.on('POST', '/graphql', handler).on('POST', '/api/graphql', handler);
}

/** GET …/protection of an unprotected branch, as recorded from the real API in @octokit/fixtures. */
export function notProtected(): Reply {
  return recordedResponse('branch-protection', 'get', 404);
}
