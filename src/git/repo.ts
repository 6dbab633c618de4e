import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { gitOutput } from './git-output.ts';
import { UserError } from '../errors/user-error.ts';
import { BlobReader } from './blob-reader.ts';
import { readIfStaged } from './staged-blob.ts';
import { parseAddedLines, parseRawWithPatch, type DiffWithLines, type LineRange } from './diff-parse.ts';

/** Directories known to be a repository's top level (see Repo.open). */
const knownTopLevels = new Set<string>();

export interface TrackedFile {
  path: string;
  /** Git mode from the index, or undefined for untracked files. */
  mode: string | undefined;
}

/**
 * The git layer: everything tollgate asks of a repository. Paths in and out are
 * repository-relative POSIX paths.
 */
export class Repo {
  readonly root: string;
  readonly git: SimpleGit;
  private readonly blobs: BlobReader;
  private headProbe: Promise<boolean> | undefined;

  private constructor(root: string) {
    this.root = root;
    this.git = simpleGit({ baseDir: root, maxConcurrentProcesses: 8, trimmed: false });
    this.blobs = new BlobReader(root);
  }

  /**
   * Opens the repository containing `cwd`; a UserError outside of one. A directory found to be
   * a top level is remembered while its `.git` is there, so a long-lived daemon serving hooks
   * (which run at the top level) does not ask git again on every run.
   */
  static async open(cwd: string): Promise<Repo> {
    let root = knownTopLevels.has(cwd) && existsSync(path.join(cwd, '.git')) ? cwd : undefined;
    if (root === undefined) {
      let top: string;
      try {
        top = (await simpleGit({ baseDir: cwd }).revparse(['--show-toplevel'])).trim();
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new UserError(`Not inside a git repository: ${cwd} (${reason}). Run tollgate from a repository, or run \`git init\` first.`, { cause: error });
      }
      root = await realpath(top);
      if (root === cwd) knownTopLevels.add(cwd);
    }
    return new Repo(root);
  }

  /** Stops the background `git cat-file` process. */
  close(): void {
    this.blobs.close();
  }

  abs(relPath: string): string {
    return path.join(this.root, relPath);
  }

  /**
   * abs() for a path as git lists it (relative, `/`-separated, never `.` or `..`), by plain
   * concatenation: path.join normalises, which cost about 6 µs a path in a fresh process, or
   * 30 ms of a 5,000-file tree scan before it could start.
   */
  listedAbs(gitPath: string): string {
    if (path.sep !== '/') return this.abs(gitPath);
    return this.root.endsWith('/') ? this.root + gitPath : `${this.root}/${gitPath}`;
  }

  /**
   * True when HEAD points at a commit (false in a repository with no commits yet).
   * (simple-git only rejects when git writes to stderr, so no --quiet in these probes.)
   */
  hasHead(): Promise<boolean> {
    // Asked once per Repo: a run does not make or remove commits before it reads the index.
    this.headProbe ??= this.git.raw(['rev-parse', '--verify', 'HEAD^{commit}']).then(
      () => true,
      () => false,
    );
    return this.headProbe;
  }

  /**
   * What `git commit` will record: every change between HEAD (or the empty tree) and the index,
   * with the added line ranges of each path (new-side line numbers), from one git process.
   */
  async stagedDiff(): Promise<DiffWithLines> {
    return parseRawWithPatch(await this.diffIndexCached(['--raw', '-p', '-z', '-U0', '-M', '--no-color', '--no-ext-diff']));
  }

  /** Added line ranges per path in the staged diff (new-side line numbers). */
  async stagedAddedLines(): Promise<Map<string, LineRange[]>> {
    return parseAddedLines(await this.diffIndexCached(['-p', '-U0', '-M', '--no-color', '--no-ext-diff']));
  }

  /**
   * `git diff-index --cached` against HEAD, or against the empty tree before the first commit.
   * HEAD is tried first and asked about only when that fails: the hook's common case costs one
   * git process, not two in a row.
   */
  async diffIndexCached(args: readonly string[]): Promise<string> {
    try {
      return await this.output(['diff-index', '--cached', ...args, 'HEAD']);
    } catch (error) {
      if (await this.hasHead()) throw error;
      return this.output(['diff-index', '--cached', ...args, EMPTY_TREE]);
    }
  }

  /** git's stdout for a command that may print nothing (see git-output.ts for why not simple-git). */
  output(args: readonly string[]): Promise<string> {
    return gitOutput(this.root, args);
  }

  /** The staged (index) content of a path, not the working tree's. */
  async readIndex(relPath: string): Promise<Buffer | undefined> {
    return this.blobs.read(`:${relPath}`);
  }

  /** Any object by id or rev:path. */
  async readObject(objectId: string): Promise<Buffer | undefined> {
    return this.blobs.read(objectId);
  }

  /**
   * A staged blob's content: from the working tree when the file there still hashes to `blob`
   * (no git process), else from git's object store.
   */
  async readStaged(relPath: string, blob: string, mode: string): Promise<Buffer | undefined> {
    if (mode === '100644' || mode === '100755') {
      const unchanged = await readIfStaged(this.abs(relPath), blob);
      if (unchanged) return unchanged;
    }
    return this.readObject(blob);
  }

  /** Tracked files (with their index mode) plus untracked files that are not ignored. */
  async listFiles(): Promise<TrackedFile[]> {
    const [staged, others] = await Promise.all([
      this.output(['ls-files', '-z', '--stage']),
      this.output(['ls-files', '-z', '--others', '--exclude-standard']),
    ]);
    const files: TrackedFile[] = [];
    const seen = new Set<string>();
    for (const record of staged.split('\0')) {
      if (!record) continue;
      const tab = record.indexOf('\t');
      const filePath = record.slice(tab + 1);
      if (seen.has(filePath)) continue; // unmerged entries appear once per stage
      seen.add(filePath);
      files.push({ path: filePath, mode: record.slice(0, 6) });
    }
    for (const filePath of others.split('\0')) {
      if (filePath && !seen.has(filePath)) files.push({ path: filePath, mode: undefined });
    }
    return files;
  }

  /** The branch HEAD is on, or undefined when detached. */
  async currentBranch(): Promise<string | undefined> {
    try {
      const name = (await this.git.raw(['symbolic-ref', '--short', 'HEAD'])).trim();
      return name || undefined;
    } catch {
      return undefined;
    }
  }

  /** The default branch: origin/HEAD when known, else main or master if they exist. */
  async defaultBranch(): Promise<string | undefined> {
    try {
      const ref = (await this.git.raw(['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'])).trim();
      if (ref) return ref;
    } catch {
      // no remote HEAD; fall through
    }
    for (const candidate of ['origin/main', 'origin/master', 'main', 'master']) {
      if (await this.refExists(candidate)) return candidate;
    }
    return undefined;
  }

  async refExists(ref: string): Promise<boolean> {
    try {
      await this.git.raw(['rev-parse', '--verify', `${ref}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  }

  async mergeBase(ref: string, other = 'HEAD'): Promise<string> {
    try {
      return (await this.git.raw(['merge-base', ref, other])).trim();
    } catch (error) {
      throw new UserError(`Cannot find a merge base between ${ref} and ${other}: does ${ref} exist? (git fetch it first in CI)`, { cause: error });
    }
  }

  /**
   * Added line ranges per path between `ref` (a commit, e.g. a merge-base) and the working tree:
   * new-side line numbers, renames followed (a pure rename adds no line), deletions left out.
   */
  async addedLinesSince(ref: string): Promise<Map<string, LineRange[]>> {
    const out = await this.output(['diff', '-p', '-U0', '-M', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', ref, '--']);
    return parseAddedLines(out);
  }

  /** Files changed (added, modified, renamed; not deleted) between `ref` and the working tree. */
  async changedSince(ref: string): Promise<string[]> {
    if (!(await this.refExists(ref))) {
      throw new UserError(`Unknown git ref: ${ref}`);
    }
    const out = await this.output(['diff', '--name-only', '-z', '--diff-filter=ACMRT', '-M', ref]);
    return out.split('\0').filter(Boolean);
  }
}

/** The id of git's empty tree, the base of the first commit's diff. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
