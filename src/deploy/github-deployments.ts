import { createGitHubClient, type GitHubClient } from '../github/client.ts';
import type { DeployRecord } from './journal.ts';
import type { DeployObserver } from './machine.ts';

export interface GitHubDeploymentsOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** The commit (or branch) being deployed. */
  ref: string;
  environment: string;
  environmentUrl?: string | undefined;
  /** Link to the workflow run, shown on the deployment. */
  logUrl?: string | undefined;
  log: (line: string) => void;
}

function describe(record: DeployRecord): string {
  const text =
    record.state === 'succeeded'
      ? `${record.version} live on ${record.to}`
      : record.state === 'rolled-back'
        ? `rolled back to ${record.from?.version ?? 'nothing'}: ${record.error ?? ''}`
        : `stopped before the switch: ${record.error ?? ''}`;
  // GitHub limits a status description to 140 characters.
  return text.length > 140 ? `${text.slice(0, 137)}...` : text;
}

/**
 * Reports a deploy to the GitHub Deployments API: a deployment with an in_progress status when it
 * starts; success (and inactive for the deployment it replaced) or failure when it ends.
 */
export function githubDeploymentsObserver(options: GitHubDeploymentsOptions): DeployObserver {
  const { client, owner, repo } = options;
  let deploymentId: number | undefined;
  return {
    async started(record) {
      const created = await client.rest.repos.createDeployment({
        owner,
        repo,
        ref: options.ref,
        environment: options.environment,
        auto_merge: false,
        required_contexts: [],
        description: `tollgate ${record.kind} of ${record.version} to ${record.to}`.slice(0, 140),
        payload: { tollgate: { deployId: record.id, version: record.version, color: record.to, kind: record.kind } },
      });
      if (created.status !== 201 || !('id' in created.data)) throw new Error(`GitHub did not create the deployment (HTTP ${created.status})`);
      deploymentId = created.data.id;
      await client.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deploymentId,
        state: 'in_progress',
        description: `deploying ${record.version} to ${record.to}`.slice(0, 140),
        ...(options.logUrl ? { log_url: options.logUrl } : {}),
      });
      options.log(`GitHub deployment ${deploymentId} (${options.environment}): in_progress`);
      return { githubDeploymentId: deploymentId };
    },

    async finished(record) {
      const id = record.githubDeploymentId ?? deploymentId;
      if (id === undefined) return;
      const succeeded = record.state === 'succeeded';
      await client.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: id,
        state: succeeded ? 'success' : 'failure',
        description: describe(record),
        auto_inactive: false,
        ...(options.logUrl ? { log_url: options.logUrl } : {}),
        ...(succeeded && options.environmentUrl ? { environment_url: options.environmentUrl } : {}),
      });
      options.log(`GitHub deployment ${id}: ${succeeded ? 'success' : 'failure'}`);
      if (!succeeded) return;
      // The deployment this one replaced: the newest other one of the environment whose last status is success.
      const { data: deployments } = await client.rest.repos.listDeployments({ owner, repo, environment: options.environment, per_page: 10 });
      for (const deployment of deployments) {
        if (deployment.id === id) continue;
        const { data: statuses } = await client.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: deployment.id, per_page: 1 });
        if (statuses[0]?.state !== 'success') continue;
        await client.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: deployment.id, state: 'inactive', description: `replaced by ${record.version}` });
        options.log(`GitHub deployment ${deployment.id}: inactive`);
        break;
      }
    },
  };
}

/** The observer for a GitHub Actions run (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_SHA), or undefined outside one. */
export function githubObserverFromEnv(options: { environment: string; url?: string | undefined; log: (line: string) => void; env?: NodeJS.ProcessEnv }): DeployObserver | undefined {
  const env = options.env ?? process.env;
  const token = env.GITHUB_TOKEN?.trim();
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const ref = env.GITHUB_SHA ?? env.GITHUB_REF;
  if (!token || !owner || !repo || !ref) return undefined;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return githubDeploymentsObserver({
    client: createGitHubClient({ token, apiUrl: env.GITHUB_API_URL, log: options.log }),
    owner,
    repo,
    ref,
    environment: options.environment,
    environmentUrl: options.url,
    logUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    log: options.log,
  });
}
