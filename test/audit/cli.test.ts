import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GitHubServer } from '../helpers/github-server.ts';
import { PROJECT_ROOT, TempRepo } from '../helpers/temp-repo.ts';
import { fullyProtected, serveRepository } from './scenario.ts';

const run = promisify(execFile);
const BIN = path.join(PROJECT_ROOT, 'src', 'cli', 'bin.ts');
const TOKEN = 'ghp_' + 'D'.repeat(36);

let server: GitHubServer;
let repo: TempRepo;

beforeAll(async () => {
  server = await GitHubServer.start();
  repo = await TempRepo.create();
  await writeFile(path.join(repo.dir, 'tollgate.config.json'), JSON.stringify({ branchProtection: { repo: 'acme/payments', workflowCrossCheck: false } }));
});
afterAll(async () => {
  await server.close();
  await repo.remove();
});
afterEach(() => server.reset());

async function tollgate(args: string[], env: Record<string, string> = { GITHUB_TOKEN: TOKEN }): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_ACTIONS', 'GITHUB_REPOSITORY', 'GITHUB_API_URL'].includes(k)));
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'audit', 'branch-protection', '--api-url', server.url, '-C', repo.dir, ...args], { env: { ...clean, ...env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('tollgate audit branch-protection (the real CLI process)', () => {
  it('exits 0 on a branch that meets the policy and prints every verdict and the Scorecard tier', async () => {
    serveRepository(server, { permissions: { admin: true, push: true, pull: true }, classic: fullyProtected(['gate']) });
    const { code, stdout } = await tollgate([]);
    expect(code).toBe(0);
    expect(stdout).toContain('pass branch-protection/no-force-pushes');
    expect(stdout).toContain('tier 5 of 5 (score 10/10)');
  });

  it('exits 1 on a failing criterion and prints the fix plan with --fix, sending nothing', async () => {
    const classic = fullyProtected(['gate']);
    classic.allow_deletions = { enabled: true };
    serveRepository(server, { permissions: { admin: true, push: true, pull: true }, classic });
    const { code, stdout } = await tollgate(['--fix']);
    expect(code).toBe(1);
    expect(stdout).toContain('branch-protection/no-deletions');
    expect(stdout).toContain('PUT /repos/acme/payments/branches/main/protection');
    expect(stdout).toContain('"allow_deletions": false');
    // Reads only: GETs, and GraphQL queries (no mutation).
    const writes = server.requests.filter((r) => r.method !== 'GET' && !(r.path === '/graphql' && /^\s*query\b/.test((r.body as { query: string }).query)));
    expect(writes).toEqual([]);
    expect(server.requestsTo('POST', '/graphql').length).toBe(1);
  });

  it('prints the GraphQL mutation for force-push bypass actors in the --fix plan, with the GraphQL endpoint', async () => {
    serveRepository(server, { permissions: { admin: true, push: true, pull: true }, classic: fullyProtected(['gate']), classicGraphql: { forcePushBypass: [{ __typename: 'User', login: 'octocat' }] } });
    const { code, stdout } = await tollgate(['--fix']);
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL branch-protection/no-force-pushes');
    expect(stdout).toContain('except for user octocat');
    expect(stdout).toContain(`POST /graphql\n  # GraphQL, sent to ${server.url}/graphql\n  # fixes branch-protection/no-force-pushes, branch-protection/no-bypass`);
    expect(stdout).toContain('updateBranchProtectionRule(input: { branchProtectionRuleId: $id, bypassForcePushActorIds: [] })');
    expect(server.requests.filter((r) => r.method === 'POST' && (r.body as { query: string }).query.startsWith('mutation'))).toEqual([]);
  });

  it('writes SARIF with --format sarif -o', async () => {
    const classic = fullyProtected(['gate']);
    classic.allow_force_pushes = { enabled: true };
    serveRepository(server, { permissions: { admin: true, push: true, pull: true }, classic });
    const out = path.join(repo.dir, 'bp.sarif');
    const { code } = await tollgate(['--format', 'sarif', '-o', out]);
    expect(code).toBe(1);
    const sarif = JSON.parse(await readFile(out, 'utf8')) as { runs: { results: { ruleId: string }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['branch-protection/no-force-pushes']);
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('branch-protection/no-force-pushes');
  });

  it('exits 2 with a clear message for an unknown repository, and without a token', async () => {
    const missing = await tollgate(['--repo', 'acme/ghost']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('404 "Not Found" for the repository acme/ghost');
    const noToken = await tollgate([], {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('No GitHub token');
    const badVar = await tollgate(['--token-env', 'MY_ADMIN_TOKEN'], {});
    expect(badVar.code).toBe(2);
    expect(badVar.stderr).toContain('MY_ADMIN_TOKEN');
  });
});
