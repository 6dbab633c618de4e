import { runGit } from './git-plumbing.ts';

/** What git's attributes say about one path, reduced to what the hygiene rules need. */
export interface FileAttributes {
  /**
   * What `git add` does to line endings: 'binary' (`-text` or `binary`: leave the bytes alone),
   * 'normalized' (`text`, `text=auto`, `eol=…`, or core.autocrlf true/input: CRLF becomes LF in
   * the index), 'as-is' (no conversion: what is on disk is what gets committed).
   */
  lineEndings: 'binary' | 'normalized' | 'as-is';
  /** `filter=lfs`: the commit holds a Git LFS pointer, the working tree the real file. */
  lfs: boolean;
}

export const DEFAULT_ATTRIBUTES: FileAttributes = { lineEndings: 'as-is', lfs: false };

type AttrValue = 'set' | 'unset' | 'unspecified' | string;

/**
 * Asks git for the `text`, `eol` and `filter` attributes of many paths in one process.
 * `cached` reads .gitattributes from the index, which is what a commit will carry.
 */
export async function readAttributes(root: string, paths: readonly string[], options: { cached: boolean }): Promise<Map<string, FileAttributes>> {
  const result = new Map<string, FileAttributes>();
  if (paths.length === 0) return result;
  const args = ['check-attr', '-z', '--stdin', ...(options.cached ? ['--cached'] : []), 'text', 'eol', 'filter'];
  // core.autocrlf only matters for working-tree content (staged content is what it is), so a
  // staged run saves the process.
  const [attrs, autocrlf] = await Promise.all([
    runGit(root, args, paths.join('\0') + '\0'),
    options.cached ? undefined : runGit(root, ['config', '--get', 'core.autocrlf']),
  ]);
  if (attrs.code !== 0) throw new Error(`git check-attr failed: ${attrs.stderr.trim()}`);
  const autoNormalize = ['true', 'input'].includes(autocrlf?.stdout.toString('utf8').trim().toLowerCase() ?? '');

  const raw = new Map<string, Record<string, AttrValue>>();
  const parts = attrs.stdout.toString('utf8').split('\0');
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const path = parts[i]!;
    const entry = raw.get(path) ?? {};
    entry[parts[i + 1]!] = parts[i + 2]!;
    raw.set(path, entry);
  }
  for (const path of paths) {
    const a = raw.get(path) ?? {};
    result.set(path, toAttributes(a['text'] ?? 'unspecified', a['eol'] ?? 'unspecified', a['filter'] ?? 'unspecified', autoNormalize));
  }
  return result;
}

function toAttributes(text: AttrValue, eol: AttrValue, filter: AttrValue, autoNormalize: boolean): FileAttributes {
  let lineEndings: FileAttributes['lineEndings'];
  if (text === 'unset') lineEndings = 'binary';
  else if (text === 'set' || text === 'auto' || eol === 'crlf' || eol === 'lf') lineEndings = 'normalized';
  else lineEndings = autoNormalize ? 'normalized' : 'as-is';
  return { lineEndings, lfs: filter === 'lfs' };
}
