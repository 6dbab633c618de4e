import { simpleGit } from 'simple-git';
import { UserError } from '../errors/user-error.ts';

/** "owner/name" from a GitHub remote URL (https, ssh or scp-like), or undefined. */
export function repoFromRemoteUrl(url: string): string | undefined {
  const m = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?[^:/]+[:/](?:\d+\/)?([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/i.exec(url.trim());
  return m ? `${m[1]}/${m[2]}` : undefined;
}

async function originRepo(cwd: string): Promise<string | undefined> {
  try {
    return repoFromRemoteUrl((await simpleGit({ baseDir: cwd }).remote(['get-url', 'origin'])) ?? '');
  } catch {
    return undefined;
  }
}

/**
 * Which repository to audit: --repo, else the config's branchProtection.repo, else
 * GITHUB_REPOSITORY (set in Actions), else the origin remote of the checkout.
 */
export async function resolveRepo(options: { flag?: string | undefined; config?: string | undefined; env: NodeJS.ProcessEnv; cwd: string }): Promise<{ owner: string; repo: string }> {
  const candidates: [string | undefined, string][] = [
    [options.flag, '--repo'],
    [options.config, 'branchProtection.repo'],
    [options.env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY'],
  ];
  for (const [value, from] of candidates) {
    if (value === undefined || value === '') continue;
    const m = /^([\w.-]+)\/([\w.-]+)$/.exec(value);
    if (!m) throw new UserError(`${from} must be "owner/name"; got "${value}".`);
    return { owner: m[1]!, repo: m[2]! };
  }
  const origin = await originRepo(options.cwd);
  if (origin) {
    const [owner, repo] = origin.split('/');
    return { owner: owner!, repo: repo! };
  }
  throw new UserError('Which repository? Pass --repo owner/name, set branchProtection.repo in the config, or run inside a checkout whose origin remote is on GitHub.');
}
