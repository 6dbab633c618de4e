import type { Repo } from '../git/repo.ts';

/**
 * Files renamed since the baseline was last committed, by git's rename detection (`-M`, 50%
 * similarity): old path → new path. Only asked for baseline paths that no longer exist, so a
 * run without renames costs no git call. Renames git cannot see (a plain `mv` of a file that
 * was never added) are not found: the entries then read as fixed and the file's warnings as new.
 */
export async function detectRenames(repo: Repo, baselinePath: string, missing: readonly string[]): Promise<Map<string, string>> {
  const renames = new Map<string, string>();
  if (missing.length === 0) return renames;
  const base = await baselineCommit(repo, baselinePath);
  if (!base) return renames;
  const out = await repo.output(['diff', '-M', '--name-status', '-z', '--no-ext-diff', base]);
  const wanted = new Set(missing);
  const tokens = out.split('\0');
  for (let i = 0; i < tokens.length; ) {
    const status = tokens[i] ?? '';
    if (!status) break;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = tokens[i + 1] ?? '';
      const to = tokens[i + 2] ?? '';
      if (status.startsWith('R') && wanted.has(from) && to) renames.set(from, to);
      i += 3;
    } else {
      i += 2;
    }
  }
  return renames;
}

/** The last commit that changed the baseline file, else HEAD; undefined in a repository without commits. */
async function baselineCommit(repo: Repo, baselinePath: string): Promise<string | undefined> {
  if (!(await repo.hasHead())) return undefined;
  const last = (await repo.output(['log', '-1', '--format=%H', '--', baselinePath])).trim();
  return last || 'HEAD';
}

/** The commit the baseline file was last changed in (for explain), or undefined. */
export async function lastBaselineCommit(repo: Repo, baselinePath: string): Promise<string | undefined> {
  if (!(await repo.hasHead())) return undefined;
  const last = (await repo.output(['log', '-1', '--format=%H', '--', baselinePath])).trim();
  return last || undefined;
}
