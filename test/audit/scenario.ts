import { basicError, openapiExample, recordedResponse, type GitHubServer, type Reply } from '../helpers/github-server.ts';

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
  /** GET …/rulesets/{id}: a body or a reply. */
  rulesets?: Record<number, Record<string, unknown> | Reply>;
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

  const rules = scenario.rules ?? [];
  server.on('GET', `${repoPath}/rules/branches/{branch}`, isReply(rules) ? rules : { status: 200, body: rules });
  server.on('GET', `${repoPath}/rulesets/{id}`, (req) => {
    const found = scenario.rulesets?.[Number(req.params.id)];
    if (found === undefined) return basicError(404, 'Not Found');
    return isReply(found) ? found : { status: 200, body: found };
  });
  return { classic: () => classic };
}

/** GET …/protection of an unprotected branch, as recorded from the real API in @octokit/fixtures. */
export function notProtected(): Reply {
  return recordedResponse('branch-protection', 'get', 404);
}
