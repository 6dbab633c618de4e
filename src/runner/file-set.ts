import { lstatSync } from 'node:fs';
import { lstat, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../checks/check.ts';
import { UserError } from '../errors/user-error.ts';
import type { StagedChange } from '../git/diff-parse.ts';
import type { Repo, TrackedFile } from '../git/repo.ts';
import { globMatcher } from './glob-matcher.ts';

/** The files one run looks at, and how to read what the checks saw. */
export interface FileSet {
  kind: 'staged' | 'tree' | 'paths' | 'stdin';
  files: SourceFile[];
  /** Text as the checks saw it (index content for staged), for suppressions. */
  readText(relPath: string): Promise<string | undefined>;
}

async function readWorkingFile(repo: Repo, relPath: string): Promise<Buffer | undefined> {
  try {
    return await readFile(repo.abs(relPath));
  } catch {
    return undefined;
  }
}

/**
 * The git mode an untracked file would get. Synchronous on purpose: a tree can hold thousands of
 * untracked files, and one lstatSync (a few microseconds) beats a trip through libuv's pool each.
 */
function modeOnDisk(absPath: string): string | undefined {
  try {
    const st = lstatSync(absPath);
    if (st.isSymbolicLink()) return '120000';
    if (st.isDirectory()) return undefined;
    return st.mode & 0o111 ? '100755' : '100644';
  } catch {
    return undefined;
  }
}

function textCache(read: (p: string) => Promise<Buffer | undefined>): (p: string) => Promise<string | undefined> {
  const cache = new Map<string, Promise<string | undefined>>();
  return (p) => {
    let hit = cache.get(p);
    if (!hit) {
      hit = read(p).then((b) => b?.toString('utf8'));
      cache.set(p, hit);
    }
    return hit;
  };
}

/** The staged changes: exactly what `git commit` will record (deletions and submodules left out). */
export async function stagedFileSet(repo: Repo, ignore: readonly string[]): Promise<FileSet> {
  const ignored = globMatcher(ignore);
  const { changes, added } = await repo.stagedDiff();
  const staged = new Map<string, StagedChange>();
  const files: SourceFile[] = [];
  for (const change of changes) {
    if (change.status === 'D' || change.mode === '160000' || ignored(change.path)) continue;
    files.push({
      path: change.path,
      mode: change.mode,
      status: change.status,
      ...(change.oldPath === undefined ? {} : { oldPath: change.oldPath }),
      addedLines: added.get(change.path) ?? [],
      read: () => repo.readStaged(change.path, change.blob, change.mode),
    });
    staged.set(change.path, change);
  }
  const readText = (p: string) => {
    const change = staged.get(p);
    return change ? repo.readStaged(p, change.blob, change.mode) : repo.readIndex(p);
  };
  return { kind: 'staged', files, readText: textCache(readText) };
}

/**
 * Every tracked file plus untracked, non-ignored ones, read from the working tree. `listing` is
 * repo.listFiles() when the caller started it early (it does not depend on the config).
 */
export async function treeFileSet(repo: Repo, ignore: readonly string[], listing: Promise<TrackedFile[]> = repo.listFiles()): Promise<FileSet> {
  const ignored = globMatcher(ignore);
  const listed = await listing;
  const files: SourceFile[] = [];
  for (const f of listed) {
    if (f.mode === '160000' || ignored(f.path)) continue;
    const absPath = repo.listedAbs(f.path);
    const mode = f.mode ?? modeOnDisk(absPath);
    files.push({ path: f.path, mode, absPath, read: () => readWorkingFile(repo, f.path) });
  }
  return { kind: 'tree', files, readText: textCache((p) => readWorkingFile(repo, p)) };
}

/** Files the user named on the command line (files or directories), read from disk. */
export async function pathsFileSet(repo: Repo, cwd: string, inputs: readonly string[], ignore: readonly string[]): Promise<FileSet> {
  const ignored = globMatcher(ignore);
  const listed = await repo.listFiles();
  const modes = new Map(listed.map((f) => [f.path, f.mode]));
  const chosen = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const rel = path.relative(repo.root, abs).split(path.sep).join('/');
    if (rel.startsWith('..')) throw new UserError(`Path is outside the repository: ${input}`);
    let st;
    try {
      st = await lstat(abs);
    } catch {
      throw new UserError(`No such file or directory: ${input}`);
    }
    if (st.isDirectory()) {
      const prefix = rel === '' ? '' : `${rel}/`;
      const known = listed.filter((f) => f.path.startsWith(prefix)).map((f) => f.path);
      for (const p of known.length > 0 ? known : await walk(abs, repo.root)) chosen.add(p);
    } else {
      chosen.add(rel);
    }
  }
  const files: SourceFile[] = [];
  for (const p of [...chosen].sort()) {
    if (ignored(p)) continue;
    const absPath = repo.listedAbs(p);
    const mode = modes.get(p) ?? modeOnDisk(absPath);
    files.push({ path: p, mode, absPath, read: () => readWorkingFile(repo, p) });
  }
  return { kind: 'paths', files, readText: textCache((p) => readWorkingFile(repo, p)) };
}

async function walk(dir: string, root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    const rel = path.relative(root, abs).split(path.sep).join('/');
    if (rel.split('/').some((seg) => seg === '.git' || seg === 'node_modules')) continue;
    out.push(rel);
  }
  return out;
}

/** The path findings on standard input carry. */
export const STDIN_PATH = '(stdin)';

/** `tollgate check <id> -`: one file whose content came from standard input. */
export function stdinFileSet(content: Buffer): FileSet {
  const read = async (p: string) => (p === STDIN_PATH ? content : undefined);
  return {
    kind: 'stdin',
    files: [{ path: STDIN_PATH, mode: '100644', read: () => read(STDIN_PATH) }],
    readText: async (p) => (await read(p))?.toString('utf8'),
  };
}
