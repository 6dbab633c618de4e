import { lstat, readFile, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../../../src/checks/check.ts';
import { indexEntries, readBlob, type IndexEntry } from '../../../src/checks/hygiene/git-plumbing.ts';
import type { HygieneRepoRule } from '../../../src/checks/hygiene/rule-context.ts';

const MAX_HOPS = 40; // as the kernel's limit on nested symbolic links

async function existsOnDisk(abs: string): Promise<boolean> {
  try {
    await stat(abs); // follows links
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `target` (a path relative to the repository root, already normalized) exists in the
 * index: as a file, as a directory of files, or through more symbolic links in the index.
 * Paths that leave the repository are looked up on disk.
 */
async function existsInIndex(root: string, start: string, index: Map<string, IndexEntry>, dirs: Set<string>): Promise<boolean> {
  let current = start;
  for (let hops = 0; hops <= MAX_HOPS; hops++) {
    if (current === '' || current === '.') return true;
    if (current === '..' || current.startsWith('../') || path.posix.isAbsolute(current)) return existsOnDisk(path.resolve(root, current));
    const segments = current.split('/');
    let next: string | undefined;
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i).join('/');
      const entry = index.get(prefix);
      if (!entry) continue;
      if (entry.mode === '120000') {
        const target = (await readBlob(root, entry.blob)).toString('utf8');
        const rest = segments.slice(i).join('/');
        next = path.posix.isAbsolute(target) ? path.posix.join(target, rest) : path.posix.normalize(path.posix.join(path.posix.dirname(prefix), target, rest));
        break;
      }
      if (i < segments.length) return false; // a file where a directory is needed
    }
    if (next === undefined) return index.has(current) || dirs.has(current);
    current = next.replace(/\/$/, '');
  }
  return false; // a loop
}

async function workingTreeTarget(abs: string): Promise<string | undefined> {
  try {
    const st = await lstat(abs);
    if (st.isSymbolicLink()) return await readlink(abs);
    if (st.isFile()) return (await readFile(abs, 'utf8')).trim(); // core.symlinks=false: the link is a file holding its target
  } catch {
    // missing from the working tree: nothing to check
  }
  return undefined;
}

export const brokenSymlink: HygieneRepoRule = {
  kind: 'repository',
  meta: {
    id: 'hygiene/broken-symlink',
    description: 'A symbolic link (mode 120000) whose target does not exist (before a commit: is not in the commit).',
    severity: 'error',
    fixable: false,
    fixHint: 'Point the link at a path that exists (`ln -sfn <target> <link>`), add its target to the commit, or delete the link.',
  },
  async create(context) {
    const links = context.files.filter((f: SourceFile) => f.mode === '120000');
    if (links.length === 0) return;
    const root = context.repo.root;

    if (context.mode === 'quick') {
      const index = new Map<string, IndexEntry>();
      const dirs = new Set<string>();
      for (const entry of await indexEntries(root)) {
        index.set(entry.path, entry);
        for (let slash = entry.path.indexOf('/'); slash !== -1; slash = entry.path.indexOf('/', slash + 1)) dirs.add(entry.path.slice(0, slash));
      }
      for (const link of links) {
        const target = (await link.read())?.toString('utf8'); // the staged link: its target is the blob
        if (target === undefined) continue;
        const resolved = path.posix.isAbsolute(target) ? target : path.posix.normalize(path.posix.join(path.posix.dirname(link.path), target));
        if (await existsInIndex(root, resolved.replace(/\/$/, ''), index, dirs)) continue;
        const onDisk = await existsOnDisk(path.resolve(root, path.dirname(link.path), target));
        context.report({
          path: link.path,
          message: onDisk
            ? `Symbolic link to \`${target}\`, which is not in the commit (it exists only in this working tree).`
            : `Symbolic link to \`${target}\`, which does not exist.`,
          line: 0,
          column: 0,
          snippet: target,
        });
      }
      return;
    }

    for (const link of links) {
      const abs = path.join(root, link.path);
      const target = await workingTreeTarget(abs);
      if (target === undefined) continue;
      if (await existsOnDisk(path.resolve(path.dirname(abs), target))) continue;
      context.report({ path: link.path, message: `Symbolic link to \`${target}\`, which does not exist.`, line: 0, column: 0, snippet: target });
    }
  },
};
