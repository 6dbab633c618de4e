import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditRun } from '../../src/audit/command.ts';
import type { Verdict } from '../../src/audit/criterion.ts';
import { isUserError } from '../../src/errors/user-error.ts';
import { basicError, GitHubServer, openapiExample } from '../helpers/github-server.ts';
import { TempRepo } from '../helpers/temp-repo.ts';
import { branchRule, fullyProtected, notProtected, ruleset, serveRepository } from './scenario.ts';

const CLASSIC_PAT = 'ghp_' + 'A'.repeat(36);
const ACTIONS_TOKEN = 'ghs_' + 'B'.repeat(36);
const ADMIN = { admin: true, maintain: true, push: true, triage: true, pull: true };
const WRITER = { admin: false, maintain: false, push: true, triage: true, pull: true };

let server: GitHubServer;
const repos: TempRepo[] = [];

beforeAll(async () => {
  server = await GitHubServer.start();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  server.reset();
  while (repos.length > 0) await repos.pop()!.remove();
});

async function checkout(config: Record<string, unknown>, workflows: Record<string, string> = {}): Promise<string> {
  const repo = await TempRepo.create();
  repos.push(repo);
  await writeFile(path.join(repo.dir, 'tollgate.config.json'), JSON.stringify({ branchProtection: config }));
  for (const [name, text] of Object.entries(workflows)) await repo.write(`.github/workflows/${name}`, text);
  return repo.dir;
}

async function audit(config: Record<string, unknown>, extra: Partial<AuditRun> = {}, workflows: Record<string, string> = {}) {
  const cwd = await checkout(config, workflows);
  return runAudit({ cwd, repo: 'acme/payments', apiUrl: server.url, apply: false, env: { GITHUB_TOKEN: CLASSIC_PAT }, msPerSecond: 1, ...extra });
}

function statuses(verdicts: Verdict[]): Record<string, string> {
  return Object.fromEntries(verdicts.map((v) => [v.ruleId.replace('branch-protection/', ''), v.status]));
}

const GATE_WORKFLOW = `name: ci
on: [pull_request]
jobs:
  gate:
    name: gate
    runs-on: ubuntu-latest
    steps:
      - run: npx tollgate validate-all
`;

describe('tollgate audit branch-protection against GitHub documented responses', () => {
  it('passes every seed criterion of a fully protected branch and reaches Scorecard tier 5', async () => {
    // A job's check name is its `name:` ("gate"), not "workflow / job" as the checks list groups it.
    serveRepository(server, { permissions: ADMIN, classic: fullyProtected(['gate']) });
    const { before, report } = await audit({ policy: { requiredContexts: ['gate'], signedCommits: true } }, {}, { 'ci.yml': GATE_WORKFLOW });
    expect(statuses(before.verdicts)).toEqual({
      'pull-request': 'pass',
      approvals: 'pass',
      'status-checks': 'pass',
      'required-contexts': 'pass',
      'strict-status-checks': 'pass',
      'no-force-pushes': 'pass',
      'no-deletions': 'pass',
      'signed-commits': 'pass',
      'no-bypass': 'pass',
    });
    expect(before.tier.reached).toBe(5);
    expect(report.findings).toEqual([]);
    // The body GitHub documents has no `strict`-less gaps here, so no sub-endpoint is needed for it.
    expect(server.requestsTo('GET', '/protection').length).toBe(1);
  });

  it('fails the criteria a partly protected branch misses, naming the source that allows it', async () => {
    // GitHub's documented example as it is: force pushes and deletions allowed.
    const classic = fullyProtected(['ci / gate']);
    classic.allow_force_pushes = { enabled: true };
    classic.allow_deletions = { enabled: true };
    serveRepository(server, { permissions: ADMIN, classic });
    const { before, report } = await audit({ workflowCrossCheck: false });
    expect(statuses(before.verdicts)).toMatchObject({ 'no-force-pushes': 'fail', 'no-deletions': 'fail', 'pull-request': 'pass', 'no-bypass': 'pass' });
    expect(before.tier.reached).toBe(0);
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['branch-protection/no-deletions', 'error'],
      ['branch-protection/no-force-pushes', 'error'],
    ]);
    expect(report.findings[0]!.message).toContain('none of classic branch protection does');
  });

  it('fails everything on an unprotected branch (404 "Branch not protected" is a known absence, not an unknown)', async () => {
    serveRepository(server, { permissions: ADMIN, classic: notProtected() });
    const { before } = await audit({ workflowCrossCheck: false });
    expect(new Set(before.verdicts.map((v) => v.status))).toEqual(new Set(['fail']));
    expect(before.verdicts[0]!.reason).toContain('main has no classic protection and no ruleset applies to it');
    expect(before.readout.classic.state).toBe('absent');
  });

  it('reads rulesets only, across pages of /rules/branches, and passes with no bypass actors', async () => {
    const rules = [
      branchRule('pull_request', 7, { required_approving_review_count: 1, dismiss_stale_reviews_on_push: true, require_code_owner_review: false, require_last_push_approval: false, required_review_thread_resolution: false }),
      branchRule('required_status_checks', 7, { strict_required_status_checks_policy: true, required_status_checks: [{ context: 'gate', integration_id: 15368 }] }),
      branchRule('non_fast_forward', 7),
      branchRule('deletion', 7),
    ];
    serveRepository(server, { permissions: ADMIN, classic: notProtected(), rulesets: { 7: ruleset(7, []) } });
    server.on('GET', '/repos/acme/payments/rules/branches/{branch}', (req) => {
      const page = Number(req.query.get('page') ?? '1');
      const next = `<${server.url}/repos/acme/payments/rules/branches/main?per_page=100&page=2>; rel="next"`;
      return page === 1 ? { status: 200, body: rules.slice(0, 2), headers: { link: next } } : { status: 200, body: rules.slice(2) };
    });
    const { before } = await audit({}, {}, { 'ci.yml': GATE_WORKFLOW });
    expect(new Set(before.verdicts.map((v) => v.status))).toEqual(new Set(['pass']));
    expect(before.verdicts.find((v) => v.ruleId.endsWith('no-force-pushes'))!.reason).toContain('ruleset "super cool ruleset" #7');
    expect(server.requestsTo('GET', '/rules/branches/main').length).toBe(2);
    expect(before.crossCheck).toEqual([]);
  });

  it('adds classic protection and rulesets together: a ruleset blocks the force push classic allows', async () => {
    const classic = fullyProtected(['ci / gate']);
    classic.allow_force_pushes = { enabled: true };
    serveRepository(server, {
      permissions: ADMIN,
      classic,
      rules: [branchRule('non_fast_forward', 42, undefined, 'Organization')],
      rulesets: { 42: ruleset(42, [], 'Organization') },
    });
    const { before } = await audit({ workflowCrossCheck: false });
    const force = before.verdicts.find((v) => v.ruleId.endsWith('no-force-pushes'))!;
    expect(force.status).toBe('pass');
    expect(force.reason).toContain('organization my-org');
    expect(before.protection.sources.map((s) => s.name)).toEqual(['classic branch protection', 'ruleset "super cool ruleset" #42 (organization my-org)']);
  });

  it('fails no-bypass on a ruleset with bypass actors and plans to empty its bypass list', async () => {
    serveRepository(server, {
      permissions: ADMIN,
      classic: fullyProtected(['ci / gate']),
      rules: [branchRule('deletion', 42)],
      rulesets: { 42: ruleset(42, [{ actor_id: 234, actor_type: 'Team', bypass_mode: 'always' }]) },
    });
    const { before } = await audit({ workflowCrossCheck: false });
    const bypass = before.verdicts.find((v) => v.ruleId.endsWith('no-bypass'))!;
    expect(bypass.status).toBe('fail');
    expect(bypass.reason).toContain('Team 234 (always)');
    expect(before.plan.requests).toEqual([{ method: 'PUT', path: '/repos/acme/payments/rulesets/42', body: { bypass_actors: [] }, fixes: ['branch-protection/no-bypass'] }]);
  });

  it('reports unknown, never pass, for what a non-admin token cannot see, and says which token would', async () => {
    serveRepository(server, {
      permissions: WRITER,
      classic: basicError(403, 'Must have admin rights to Repository.'),
      branchSummary: { protected: true, contexts: ['ci / gate'] },
      rules: [branchRule('non_fast_forward', 42)],
      rulesets: { 42: ruleset(42, undefined) },
    });
    const { before, report } = await audit({ workflowCrossCheck: false });
    expect(statuses(before.verdicts)).toEqual({
      'pull-request': 'unknown',
      approvals: 'unknown',
      'status-checks': 'pass',
      'strict-status-checks': 'unknown',
      'no-force-pushes': 'pass',
      'no-deletions': 'unknown',
      'no-bypass': 'unknown',
    });
    const deletions = before.verdicts.find((v) => v.ruleId.endsWith('no-deletions'))!;
    expect(deletions.reason).toContain('repository admins only');
    const bypass = before.verdicts.find((v) => v.ruleId.endsWith('no-bypass'))!;
    expect(bypass.reason).toContain('bypass actors only to tokens with write access');
    expect(report.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(before.plan.requests).toEqual([]);
    expect(before.tier.uncertain).toBe(true);
  });

  it('explains that a workflow GITHUB_TOKEN cannot read classic protection and which permission is needed', async () => {
    serveRepository(server, {
      classic: basicError(403, 'Resource not accessible by integration', { 'x-accepted-github-permissions': 'administration=read' }),
      branchSummary: { protected: true, contexts: [] },
    });
    const { before } = await audit({ workflowCrossCheck: false }, { env: { GITHUB_TOKEN: ACTIONS_TOKEN } });
    expect(before.readout.token).toBe('actions-or-app-installation');
    const pr = before.verdicts.find((v) => v.ruleId.endsWith('pull-request'))!;
    expect(pr.status).toBe('unknown');
    expect(pr.reason).toContain('GITHUB_TOKEN of a workflow can never read it');
    expect(pr.reason).toContain('administration=read');
  });

  it('treats a plan without branch protection (403) as unknown with the reason', async () => {
    const upgrade = basicError(403, 'Upgrade to GitHub Pro or make this repository public to enable this feature.');
    serveRepository(server, { permissions: ADMIN, classic: upgrade, rules: upgrade, branchSummary: { protected: true } });
    const { before } = await audit({ workflowCrossCheck: false });
    expect(new Set(before.verdicts.map((v) => v.status))).toEqual(new Set(['unknown']));
    expect(before.verdicts[0]!.reason).toContain("plan does not offer");
  });

  it('stops with a user error for an unknown repository (404 "Not Found") and an unknown branch', async () => {
    const cwd = await checkout({});
    const run = (extra: Partial<AuditRun>) => runAudit({ cwd, repo: 'acme/nothing', apiUrl: server.url, apply: false, env: { GH_TOKEN: CLASSIC_PAT }, msPerSecond: 1, ...extra });
    const missingRepo = await run({}).catch((e: unknown) => e);
    expect(isUserError(missingRepo)).toBe(true);
    expect((missingRepo as Error).message).toContain('does not exist, or this token may not see it');

    serveRepository(server, { permissions: ADMIN, classic: notProtected() });
    const missingBranch = await run({ repo: 'acme/payments', branch: 'nope' }).catch((e: unknown) => e);
    expect(isUserError(missingBranch)).toBe(true);
    expect((missingBranch as Error).message).toContain('the branch nope of acme/payments');
  });

  it('stops with a clear error on bad credentials (401) and never prints the token', async () => {
    server.on('GET', '/repos/{owner}/{repo}', basicError(401, 'Bad credentials'));
    const error = await audit({}).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain('GitHub rejected the token');
    expect((error as Error).message).not.toContain(CLASSIC_PAT);
  });

  it('retries a secondary rate limit and a 502, then succeeds', async () => {
    serveRepository(server, { permissions: ADMIN, classic: fullyProtected(['ci / gate']) });
    const body = openapiExample('full-repository');
    Object.assign(body, { full_name: 'acme/payments', default_branch: 'main', permissions: ADMIN });
    server.on('GET', '/repos/acme/payments', [
      basicError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', { 'retry-after': '1' }),
      { status: 502, body: { message: 'Server Error' } },
      { status: 200, body },
    ]);
    const { before } = await audit({ workflowCrossCheck: false });
    expect(server.requestsTo('GET', '/repos/acme/payments').length).toBe(3);
    expect(before.verdicts.every((v) => v.status === 'pass')).toBe(true);
  });

  it('gives up with a user error when the rate limit outlasts the retries', async () => {
    server.on('GET', '/repos/{owner}/{repo}', basicError(403, 'API rate limit exceeded for user.', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) }));
    const error = await audit({}).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain('rate limit');
    expect(server.requestsTo('GET', '/repos/acme/payments').length).toBe(4);
  });

  it('fails at once when the rate limit resets later than it is worth waiting for', async () => {
    const inAnHour = String(Math.floor(Date.now() / 1000) + 3600);
    server.on('GET', '/repos/{owner}/{repo}', basicError(403, 'API rate limit exceeded for user.', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inAnHour }));
    const started = performance.now();
    const error = await audit({}, { msPerSecond: 1000 }).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect(server.requestsTo('GET', '/repos/acme/payments').length).toBe(1);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('plans strict status checks on their own (Scorecard tier 2) on a branch without any', async () => {
    serveRepository(server, { permissions: ADMIN, classic: notProtected() });
    const { before } = await audit({ preset: 'scorecard-tier-2', workflowCrossCheck: false }, { apply: true });
    expect((before.plan.requests[0]!.body as { required_status_checks: unknown }).required_status_checks).toEqual({ strict: true, checks: [] });
  });

  it('applies the fix plan, then reads the branch again and shows the new verdicts', async () => {
    const classic = fullyProtected(['ci / gate']);
    classic.allow_force_pushes = { enabled: true };
    classic.allow_deletions = { enabled: true };
    classic.required_signatures = { enabled: false };
    classic.enforce_admins = { enabled: false };
    classic.required_linear_history = { enabled: false };
    serveRepository(server, { permissions: ADMIN, classic });
    const { before, after, report } = await audit({ workflowCrossCheck: false, policy: { signedCommits: true, linearHistory: true } }, { apply: true });
    expect(before.verdicts.filter((v) => v.status === 'fail').map((v) => v.ruleId).sort()).toEqual(
      ['branch-protection/linear-history', 'branch-protection/no-bypass', 'branch-protection/no-deletions', 'branch-protection/no-force-pushes', 'branch-protection/signed-commits'].sort(),
    );
    expect(before.plan.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /repos/acme/payments/branches/main/protection', 'POST /repos/acme/payments/branches/main/protection/required_signatures']);
    const put = server.requestsTo('PUT', '/branches/main/protection')[0]!.body as Record<string, unknown>;
    expect(put).toMatchObject({ enforce_admins: true, allow_force_pushes: false, allow_deletions: false, required_linear_history: true });
    // Nothing already on is weakened: the reviews GitHub's example has stay as they were.
    expect(put.required_pull_request_reviews).toMatchObject({ required_approving_review_count: 2, require_code_owner_reviews: true, dismiss_stale_reviews: true });
    expect(after).toBeDefined();
    expect(after!.verdicts.every((v) => v.status === 'pass')).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report.checks[0]!.notes[0]).toContain('--apply sent 2 request(s)');
  });

  it('does not plan a blind overwrite of classic protection it cannot see', async () => {
    serveRepository(server, { permissions: WRITER, classic: basicError(403, 'Must have admin rights to Repository.'), branchSummary: { protected: false } });
    const { before } = await audit({ workflowCrossCheck: false });
    // GitHub says the branch is not protected at all: everything fails, but the fix needs admin.
    expect(before.verdicts.every((v) => v.status === 'fail')).toBe(true);
    expect(before.plan.requests).toEqual([]);
    expect(before.plan.notes.join(' ')).toContain('repository admins only');
  });
});

describe('GitHub Enterprise Server (--api-url https://HOST/api/v3)', () => {
  it('talks to the /api/v3 root and reports criteria classic protection leaves open as unknown when the server has no rulesets API', async () => {
    const ghes = await GitHubServer.start({ pathPrefix: '/api/v3' });
    try {
      const classic = fullyProtected(['gate']);
      classic.allow_deletions = { enabled: true };
      serveRepository(ghes, { permissions: ADMIN, classic, rules: basicError(404, 'Not Found') });
      const { before } = await audit({ workflowCrossCheck: false }, { apiUrl: ghes.url });
      expect(ghes.url.endsWith('/api/v3')).toBe(true);
      expect(statuses(before.verdicts)).toMatchObject({ 'no-force-pushes': 'pass', 'no-deletions': 'unknown' });
      expect(before.verdicts.find((v) => v.ruleId.endsWith('no-deletions'))!.reason).toContain('no rulesets API');
    } finally {
      await ghes.close();
    }
  });
});
