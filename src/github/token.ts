import { UserError } from '../errors/user-error.ts';

/** Which kind of token this is, from GitHub's documented prefixes; decides what we tell the user. */
export type TokenKind = 'actions-or-app-installation' | 'classic-pat' | 'fine-grained-pat' | 'oauth' | 'app-user' | 'unknown';

export function tokenKind(token: string): TokenKind {
  if (token.startsWith('ghs_')) return 'actions-or-app-installation';
  if (token.startsWith('ghp_')) return 'classic-pat';
  if (token.startsWith('github_pat_')) return 'fine-grained-pat';
  if (token.startsWith('gho_')) return 'oauth';
  if (token.startsWith('ghu_')) return 'app-user';
  return 'unknown';
}

export interface ResolvedToken {
  token: string;
  /** The environment variable it came from (never the value: tokens are not printed). */
  source: string;
}

/**
 * The token from `--token-env NAME`, else GITHUB_TOKEN, else GH_TOKEN. A missing token is a
 * user error that says where tollgate looked.
 */
export function resolveToken(env: NodeJS.ProcessEnv, tokenEnv?: string): ResolvedToken {
  const names = tokenEnv ? [tokenEnv] : ['GITHUB_TOKEN', 'GH_TOKEN'];
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { token: value, source: name };
  }
  throw new UserError(
    tokenEnv
      ? `The environment variable ${tokenEnv} (--token-env) is empty or not set: it must hold a GitHub token.`
      : 'No GitHub token: set GITHUB_TOKEN or GH_TOKEN, or name another variable with --token-env. Reading classic branch protection needs a token with admin access to the repository (fine-grained: Administration read).',
  );
}
