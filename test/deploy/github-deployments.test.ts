import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeployCommand } from '../../src/deploy/command.ts';
import { githubDeploymentsObserver, githubObserverFromEnv } from '../../src/deploy/github-deployments.ts';
import { RuntimeClient } from '../../src/deploy/local/runtime-client.ts';
import { runtimeDir } from '../../src/deploy/local/runtime-paths.ts';
import { createGitHubClient } from '../../src/github/client.ts';
import { GitHubServer, openapiExample } from '../helpers/github-server.ts';
import { deployProject, type DeployProject } from './helpers.ts';

interface Status {
  state: string;
  description?: string;
  environment_url?: string;
}

describe('GitHub Deployments statuses (API server with GitHub’s documented shapes)', () => {
  let github: GitHubServer;
  let project: DeployProject;
  let nextId = 42;
  const deployments = new Map<number, { environment: string; ref: string; statuses: Status[] }>();

  beforeAll(async () => {
    github = await GitHubServer.start();
    // The deployment a previous release made: its last status is success.
    deployments.set(41, { environment: 'production', ref: 'main', statuses: [{ state: 'success' }] });
    github.on('POST', '/repos/{owner}/{repo}/deployments', (request) => {
      const body = request.body as { ref: string; environment: string };
      const id = nextId++;
      deployments.set(id, { environment: body.environment, ref: body.ref, statuses: [] });
      return { status: 201, body: { ...openapiExample<Record<string, unknown>>('deployment'), id, ref: body.ref, environment: body.environment } };
    });
    github.on('POST', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', (request) => {
      const status = request.body as Status;
      deployments.get(Number(request.params.deployment_id))!.statuses.unshift(status);
      return { status: 201, body: { ...openapiExample<Record<string, unknown>>('deployment-status'), state: status.state, description: status.description ?? '' } };
    });
    github.on('GET', '/repos/{owner}/{repo}/deployments', (request) => {
      const environment = request.query.get('environment');
      const list = [...deployments].filter(([, d]) => d.environment === environment).sort(([a], [b]) => b - a);
      return { status: 200, body: list.map(([id, d]) => ({ ...openapiExample<Record<string, unknown>>('deployment'), id, ref: d.ref, environment: d.environment })) };
    });
    github.on('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', (request) => {
      const statuses = deployments.get(Number(request.params.deployment_id))?.statuses ?? [];
      return { status: 200, body: statuses.slice(0, 1).map((s) => ({ ...openapiExample<Record<string, unknown>>('deployment-status'), state: s.state })) };
    });
    project = await deployProject({ watchMs: 100 });
  });
  afterAll(async () => {
    await new RuntimeClient(runtimeDir(project.dir, 'prod')).shutdown(2_000);
    await project?.remove();
    await github?.close();
  });

  const observer = () =>
    githubDeploymentsObserver({
      client: createGitHubClient({ token: 'ghs_test', apiUrl: github.url, retries: 0 }),
      owner: 'acme',
      repo: 'payments',
      ref: 'abc123',
      environment: 'production',
      environmentUrl: 'https://pay.example.com',
      log: () => {},
    });

  it('a successful deploy: in_progress, then success with the environment URL; the replaced deployment becomes inactive', async () => {
    const { outcome } = await runDeployCommand({ cwd: project.dir, env: 'prod', release: 'v1', observer: observer(), log: () => {} });
    expect(outcome?.state).toBe('succeeded');
    expect(outcome?.record?.githubDeploymentId).toBe(42);
    const created = github.requestsTo('POST', '/repos/acme/payments/deployments')[0]!.body as Record<string, unknown>;
    expect(created).toMatchObject({ ref: 'abc123', environment: 'production', auto_merge: false, required_contexts: [], payload: { tollgate: { version: 'v1', color: 'blue' } } });
    expect(deployments.get(42)!.statuses.map((s) => s.state).reverse()).toEqual(['in_progress', 'success']);
    expect(deployments.get(42)!.statuses[0]).toMatchObject({ environment_url: 'https://pay.example.com' });
    expect(deployments.get(41)!.statuses[0]!.state).toBe('inactive');
  });

  it('a deploy stopped by a failing smoke test reports failure and leaves the live deployment active', async () => {
    const { outcome } = await runDeployCommand({ cwd: project.dir, env: 'prod', release: 'v2-broken-smoke', observer: observer(), log: () => {} });
    expect(outcome?.state).toBe('failed');
    expect(deployments.get(43)!.statuses.map((s) => s.state).reverse()).toEqual(['in_progress', 'failure']);
    expect(deployments.get(43)!.statuses[0]!.description).toMatch(/^stopped before the switch: smoke failed/);
    expect(deployments.get(42)!.statuses[0]!.state).toBe('success');
  });

  it('a GitHub outage is a warning in the output, never a failed deploy', async () => {
    const lines: string[] = [];
    const unreachable = githubDeploymentsObserver({
      client: createGitHubClient({ token: 'ghs_test', apiUrl: 'http://127.0.0.1:9', retries: 0 }),
      owner: 'acme',
      repo: 'payments',
      ref: 'abc123',
      environment: 'production',
      log: () => {},
    });
    const { outcome } = await runDeployCommand({ cwd: project.dir, env: 'prod', release: 'v3', observer: unreachable, log: (line) => lines.push(line) });
    expect(outcome?.state).toBe('succeeded');
    expect(lines.some((line) => line.startsWith('warning: could not report the deploy start'))).toBe(true);
  });

  it('is only set up inside a GitHub Actions run (token, repository and commit present)', () => {
    expect(githubObserverFromEnv({ environment: 'production', log: () => {}, env: {} })).toBeUndefined();
    expect(githubObserverFromEnv({ environment: 'production', log: () => {}, env: { GITHUB_TOKEN: 'ghs_x', GITHUB_REPOSITORY: 'acme/payments', GITHUB_SHA: 'abc' } })).toBeDefined();
  });
});
