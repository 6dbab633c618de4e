import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAudit, type AuditRun } from '../../src/audit/command.ts';
import type { Verdict } from '../../src/audit/criterion.ts';
import { basicError, GitHubServer } from '../helpers/github-server.ts';
import { TempRepo } from '../helpers/temp-repo.ts';
import { branchRule, CLASSIC_RULE_ID, fullyProtected, ruleset, serveRepository, type GraphqlActor, type RepoScenario } from './scenario.ts';

const CLASSIC_PAT = 'ghp_' + 'A'.repeat(36);
const FINE_GRAINED = 'github_pat_' + 'C'.repeat(40);
const ACTIONS_TOKEN = 'ghs_' + 'B'.repeat(36);
const ADMIN = { admin: true, maintain: true, push: true, triage: true, pull: true };

const OCTOCAT: GraphqlActor = { __typename: 'User', login: 'octocat' };
const RELEASE_TEAM: GraphqlActor = { __typename: 'Team', slug: 'release-managers' };
const DEPLOY_APP: GraphqlActor = { __typename: 'App', slug: 'deploy-bot' };

let server: GitHubServer;
let repo: TempRepo;

beforeAll(async () => {
  server = await GitHubServer.start();
  repo = await TempRepo.create();
  await writeFile(path.join(repo.dir, 'tollgate.config.json'), JSON.stringify({ branchProtection: { workflowCrossCheck: false } }));
});
afterAll(async () => {
  await server.close();
  await repo.remove();
});
afterEach(() => server.reset());

function audit(extra: Partial<AuditRun> = {}) {
  return runAudit({ cwd: repo.dir, repo: 'acme/payments', apiUrl: server.url, apply: false, env: { GITHUB_TOKEN: CLASSIC_PAT }, msPerSecond: 1, ...extra });
}

function verdict(verdicts: Verdict[], name: string): Verdict {
  const found = verdicts.find((v) => v.ruleId === `branch-protection/${name}`);
  if (!found) throw new Error(`no verdict for ${name}`);
  return found;
}

/** A fully protected branch (force pushes blocked in REST) with the given GraphQL view of its classic rule. */
function protectedWith(classicGraphql: RepoScenario['classicGraphql'], extra: Partial<RepoScenario> = {}): void {
  serveRepository(server, { permissions: ADMIN, classic: fullyProtected(['gate']), classicGraphql, ...extra });
}

describe('classic protection through GraphQL: who may force push despite "force pushes blocked"', () => {
  it('fails no-force-pushes and no-bypass naming the user, team and app on the force-push bypass list', async () => {
    protectedWith({ forcePushBypass: [OCTOCAT, RELEASE_TEAM, DEPLOY_APP] });
    const { before, report } = await audit();
    const force = verdict(before.verdicts, 'no-force-pushes');
    expect(force.status).toBe('fail');
    expect(force.reason).toContain('blocks force pushes except for user octocat, team release-managers, app deploy-bot');
    const bypass = verdict(before.verdicts, 'no-bypass');
    expect(bypass.status).toBe('fail');
    expect(bypass.reason).toContain('user octocat (may force push)');
    // Logins are not secrets: the finding names them as they are.
    expect(report.findings.find((f) => f.ruleId === 'branch-protection/no-force-pushes')!.message).toContain('user octocat');
    // The query asked for exactly this branch's rule.
    const sent = server.requestsTo('POST', '/graphql')[0]!.body as { variables: Record<string, string> };
    expect(sent.variables).toEqual({ owner: 'acme', name: 'payments', ref: 'refs/heads/main' });
  });

  it('passes no-force-pushes when the force-push bypass list is empty', async () => {
    protectedWith({ forcePushBypass: [] });
    const { before } = await audit();
    expect(verdict(before.verdicts, 'no-force-pushes')).toMatchObject({ status: 'pass', reason: 'enforced by classic branch protection' });
    expect(verdict(before.verdicts, 'no-bypass').status).toBe('pass');
  });

  it('passes no-force-pushes when a ruleset blocks force pushes although classic protection lets someone force push', async () => {
    protectedWith({ forcePushBypass: [OCTOCAT] }, { rules: [branchRule('non_fast_forward', 42)], rulesets: { 42: ruleset(42, []) } });
    const { before } = await audit();
    expect(verdict(before.verdicts, 'no-force-pushes')).toMatchObject({ status: 'pass', reason: 'enforced by ruleset "super cool ruleset" #42 (repository monalisa/my-repo)' });
  });

  it('says when the list is truncated and counts actors GitHub hides from the token', async () => {
    const many: GraphqlActor[] = Array.from({ length: 101 }, (_, i) => ({ __typename: 'User', login: `dev${i}` }));
    protectedWith({ forcePushBypass: ['hidden', ...many] });
    const { before } = await audit();
    const force = verdict(before.verdicts, 'no-force-pushes');
    expect(force.status).toBe('fail');
    expect(force.reason).toContain('user dev0');
    expect(force.reason).toContain('1 actor(s) this token may not see');
    expect(force.reason).toContain('2 more beyond the first 100 GraphQL lists (the list is truncated)');
  });

  it('is unknown, never pass, when GraphQL refuses the rule to a fine-grained token, and says which permission it needs', async () => {
    const refused = { status: 200, body: { data: null, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by personal access token' }] } };
    protectedWith(refused);
    const { before, report } = await audit({ env: { GITHUB_TOKEN: FINE_GRAINED } });
    const force = verdict(before.verdicts, 'no-force-pushes');
    expect(force.status).toBe('unknown');
    expect(force.reason).toContain('force pushes are blocked, but not whether anyone may force push anyway');
    expect(force.reason).toContain('Administration repository permission (read)');
    expect(verdict(before.verdicts, 'no-bypass').status).toBe('unknown');
    // Everything REST shows is still judged.
    expect(verdict(before.verdicts, 'no-deletions').status).toBe('pass');
    expect(report.findings.find((f) => f.ruleId === 'branch-protection/no-force-pushes')!.severity).toBe('warning');
    expect(before.plan.requests).toEqual([]);
  });

  it('is unknown for a GITHUB_TOKEN-style installation token that GraphQL answers "Resource not accessible by integration", naming the token to use', async () => {
    protectedWith({ forbidden: true });
    const { before } = await audit({ env: { GITHUB_TOKEN: ACTIONS_TOKEN } });
    const force = verdict(before.verdicts, 'no-force-pushes');
    expect(force.status).toBe('unknown');
    expect(force.reason).toContain('Resource not accessible by integration');
    expect(force.reason).toContain('The GITHUB_TOKEN of a workflow can never read it');
    expect(force.reason).toContain('"Administration" repository permission, read');
  });

  it('is unknown when GraphQL answers HTTP 403, or returns no rule while REST shows classic protection', async () => {
    protectedWith(basicError(403, 'Must have admin rights to Repository.'));
    const forbidden = await audit();
    expect(verdict(forbidden.before.verdicts, 'no-force-pushes').status).toBe('unknown');
    expect(verdict(forbidden.before.verdicts, 'no-force-pushes').reason).toContain('answered 403 "Must have admin rights to Repository."');

    server.reset();
    protectedWith({ none: true });
    const none = await audit();
    expect(verdict(none.before.verdicts, 'no-force-pushes').status).toBe('unknown');
    expect(verdict(none.before.verdicts, 'no-force-pushes').reason).toContain('returned no branch protection rule for refs/heads/main although REST shows classic protection');
  });

  it('does not ask GraphQL when REST shows no classic protection', async () => {
    serveRepository(server, { permissions: ADMIN, classic: basicError(404, 'Branch not protected') });
    await audit();
    expect(server.requestsTo('POST', '/graphql')).toEqual([]);
  });

  it('plans the GraphQL mutation that empties the list, sends it with --apply, and re-reads', async () => {
    protectedWith({ forcePushBypass: [OCTOCAT, RELEASE_TEAM] });
    const { before, after, report } = await audit({ apply: true });
    expect(before.plan.requests).toHaveLength(1);
    const [mutation] = before.plan.requests;
    expect(mutation).toMatchObject({ method: 'POST', path: '/graphql', api: 'graphql', fixes: ['branch-protection/no-force-pushes', 'branch-protection/no-bypass'] });
    expect((mutation!.body as { query: string }).query).toContain('bypassForcePushActorIds: []');
    expect((mutation!.body as { variables: unknown }).variables).toEqual({ id: CLASSIC_RULE_ID });
    // REST already blocks force pushes and includes admins: no PUT is needed.
    expect(server.requestsTo('PUT', '/protection')).toEqual([]);
    const sent = server.requestsTo('POST', '/graphql').filter((r) => (r.body as { query: string }).query.startsWith('mutation'));
    expect(sent).toHaveLength(1);
    expect(after!.verdicts.every((v) => v.status === 'pass')).toBe(true);
    expect(report.findings).toEqual([]);
  });
});

describe('GitHub Enterprise Server GraphQL (--api-url https://HOST/api/v3)', () => {
  it('sends the GraphQL query to /api/graphql, not under /api/v3', async () => {
    const ghes = await GitHubServer.start({ pathPrefix: '/api/v3' });
    try {
      serveRepository(ghes, { permissions: ADMIN, classic: fullyProtected(['gate']), classicGraphql: { forcePushBypass: [OCTOCAT] } });
      const { before } = await audit({ apiUrl: ghes.url });
      expect(ghes.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/graphql']);
      expect(verdict(before.verdicts, 'no-force-pushes').reason).toContain('user octocat');
    } finally {
      await ghes.close();
    }
  });
});

describe('rulesets in evaluate mode', () => {
  function trial(id: number, include: string[], rules: Record<string, unknown>[]): Record<string, unknown> {
    const body = ruleset(id, []);
    return { ...body, name: 'trial protection', enforcement: 'evaluate', conditions: { ref_name: { include, exclude: [] } }, rules };
  }

  it('does not count an evaluate-mode ruleset toward a pass, but names it in the reason', async () => {
    const classic = fullyProtected(['gate']);
    classic.allow_deletions = { enabled: true };
    serveRepository(server, { permissions: ADMIN, classic, classicGraphql: {}, rulesets: { 9: trial(9, ['~DEFAULT_BRANCH'], [{ type: 'deletion' }]) } });
    const { before } = await audit();
    const deletions = verdict(before.verdicts, 'no-deletions');
    expect(deletions.status).toBe('fail');
    expect(deletions.reason).toContain('ruleset trial protection (#9) would enforce this but is in evaluate mode');
    expect(before.protection.sources.map((s) => s.name)).toEqual(['classic branch protection']);
    const list = server.requestsTo('GET', '/repos/acme/payments/rulesets')[0]!;
    expect(list.query.get('includes_parents')).toBe('true');
  });

  it('names an evaluate-mode ruleset only where it would enforce the criterion, and only if it targets the branch', async () => {
    const classic = fullyProtected(['gate']);
    classic.allow_deletions = { enabled: true };
    classic.required_pull_request_reviews = { ...(classic.required_pull_request_reviews as object), required_approving_review_count: 1 };
    serveRepository(server, {
      permissions: ADMIN,
      classic,
      classicGraphql: {},
      rulesets: {
        9: trial(9, ['refs/heads/main'], [{ type: 'pull_request', parameters: { required_approving_review_count: 3 } }]),
        10: trial(10, ['refs/heads/release/*'], [{ type: 'deletion' }]),
      },
    });
    const cwd = await TempRepo.create();
    try {
      await writeFile(path.join(cwd.dir, 'tollgate.config.json'), JSON.stringify({ branchProtection: { workflowCrossCheck: false, policy: { approvals: 2 } } }));
      const { before } = await audit({ cwd: cwd.dir });
      expect(verdict(before.verdicts, 'approvals')).toMatchObject({ status: 'fail', reason: 'the most any source requires is 1; ruleset trial protection (#9) would enforce this but is in evaluate mode' });
      expect(verdict(before.verdicts, 'no-deletions').reason).not.toContain('evaluate mode');
    } finally {
      await cwd.remove();
    }
  });

  it('says so in the notes when the ruleset list is refused', async () => {
    serveRepository(server, { permissions: ADMIN, classic: fullyProtected(['gate']), classicGraphql: {}, rulesetList: basicError(403, 'Resource not accessible by integration') });
    const { report } = await audit();
    expect(report.checks[0]!.notes.join('\n')).toContain('Rulesets in evaluate mode were not looked for');
  });
});
