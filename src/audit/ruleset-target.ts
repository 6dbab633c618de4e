import picomatch from 'picomatch';
import type { RulesetBody } from './api-shapes.ts';

/**
 * GitHub matches ruleset ref patterns with Ruby's File.fnmatch and FNM_PATHNAME: `*` stays
 * within one path segment, `**` crosses them, `[...]` is a character set; braces and extglobs
 * are literal. picomatch with braces and extglobs off behaves the same for branch names.
 */
const FNMATCH = { nobrace: true, noextglob: true, dot: true } as const;

function matches(pattern: string, branch: string, defaultBranch: string | undefined): boolean {
  if (pattern === '~ALL') return true;
  if (pattern === '~DEFAULT_BRANCH') return branch === defaultBranch;
  // The API stores full refs; a bare name is read as a branch.
  const full = pattern.startsWith('refs/') ? pattern : `refs/heads/${pattern}`;
  return picomatch.isMatch(`refs/heads/${branch}`, full, FNMATCH);
}

/**
 * Whether a branch ruleset's `ref_name` condition targets this branch: one `include` pattern
 * matches and no `exclude` pattern does. Repository conditions of organization rulesets are
 * not checked here: the repository's ruleset list (includes_parents) holds only the ones that
 * apply to it.
 */
export function rulesetTargetsBranch(ruleset: Pick<RulesetBody, 'target' | 'conditions'>, branch: string, defaultBranch: string | undefined): boolean {
  if (ruleset.target !== undefined && ruleset.target !== 'branch') return false;
  const refName = ruleset.conditions?.ref_name;
  const include = refName?.include ?? [];
  const exclude = refName?.exclude ?? [];
  return include.some((p) => matches(p, branch, defaultBranch)) && !exclude.some((p) => matches(p, branch, defaultBranch));
}
