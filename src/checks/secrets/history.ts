import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { UserError } from '../../errors/user-error.ts';
import { unquoteGitPath } from '../../git/diff-parse.ts';

/** Who added a change, for the message of a history finding. */
export interface HistoryCommit {
  sha: string;
  author: string;
  email: string;
  /** ISO 8601 author date. */
  date: string;
}

export interface AddedLine {
  /** 1-based line number in the file as of the commit. */
  line: number;
  text: string;
}

/** What one commit added to one file. */
export interface HistoryChange {
  commit: HistoryCommit;
  path: string;
  added: AddedLine[];
  /** Git showed "Binary files differ": no lines to scan. */
  binary: boolean;
  deleted: boolean;
}

const COMMIT_MARK = '\u0000tollgate-commit\u0000';
/** The same marker in git's --format syntax, then sha, author name, email and ISO date. */
const COMMIT_FORMAT = '%x00tollgate-commit%x00%H%x00%an%x00%ae%x00%aI';

/** The arguments of `git log` for a `--history` request: every ref, or one revision range. */
export function historyArgs(range: string | true, paths: readonly string[] = []): string[] {
  const base = ['-c', 'core.quotePath=off', 'log', '-p', '-U0', '-M', '--no-color', '--no-ext-diff', '--no-textconv', `--format=${COMMIT_FORMAT}`];
  const pathspecs = paths.length > 0 ? ['--', ...paths] : [];
  if (range === true) return [...base, '--all', ...pathspecs];
  if (range.startsWith('-')) throw new UserError(`--history expects a revision range such as main..HEAD, not an option: ${range}`);
  return [...base, '--end-of-options', range, ...pathspecs];
}

function parsePath(raw: string, prefix: 'a/' | 'b/'): string {
  const unquoted = raw.startsWith('"') ? unquoteGitPath(raw) : raw;
  return unquoted.startsWith(prefix) ? unquoted.slice(prefix.length) : unquoted;
}

/**
 * Streams every file change of `git log -p` over a range (or every ref), newest commit first,
 * one change at a time, so a 5,000-commit history never sits in memory. Lines are counted
 * per hunk, so an added line that happens to start with `+++` is never taken for a header.
 */
export async function* walkHistory(root: string, range: string | true, signal?: AbortSignal, paths: readonly string[] = []): AsyncGenerator<HistoryChange> {
  const child = spawn('git', historyArgs(range, paths), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 4000) stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });

  let commit: HistoryCommit | undefined;
  let change: HistoryChange | undefined;
  /** Lines of the current hunk still to read: old side ('-') and new side ('+'). */
  let oldLeft = 0;
  let newLeft = 0;
  let nextLine = 0;

  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (oldLeft > 0 || newLeft > 0) {
        if (line.startsWith('+') && newLeft > 0) {
          change?.added.push({ line: nextLine++, text: line.slice(1) });
          newLeft--;
          continue;
        }
        if (line.startsWith('-') && oldLeft > 0) {
          oldLeft--;
          continue;
        }
        if (line.startsWith('\\')) continue; // "\ No newline at end of file"
        oldLeft = 0;
        newLeft = 0;
      }
      if (line.startsWith(COMMIT_MARK)) {
        if (change) yield change;
        change = undefined;
        const [sha = '', author = '', email = '', date = ''] = line.slice(COMMIT_MARK.length).split('\u0000');
        commit = { sha, author, email, date };
        continue;
      }
      if (!commit) continue;
      if (line.startsWith('diff --git ')) {
        if (change) yield change;
        change = { commit, path: '', added: [], binary: false, deleted: false };
        continue;
      }
      if (!change) continue;
      if (line.startsWith('deleted file mode')) change.deleted = true;
      else if (line.startsWith('+++ ')) {
        const target = line.slice(4);
        if (target !== '/dev/null') change.path = parsePath(target, 'b/');
      } else if (line.startsWith('--- ') && !change.path) {
        const source = line.slice(4);
        if (source !== '/dev/null') change.path = parsePath(source, 'a/');
      } else if (line.startsWith('rename to ')) change.path = parsePath(line.slice('rename to '.length), 'b/');
      else if (line.startsWith('Binary files ')) {
        change.binary = true;
        const m = / and (?:"?b\/)(.*?)"? differ$/.exec(line);
        if (m && !change.path && m[1] !== undefined) change.path = m[1];
      } else if (line.startsWith('@@')) {
        const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
        if (!m) continue;
        oldLeft = m[1] === undefined ? 1 : Number(m[1]);
        nextLine = Number(m[2]);
        newLeft = m[3] === undefined ? 1 : Number(m[3]);
      }
    }
    if (change) yield change;
  } finally {
    lines.close();
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (code !== 0 && !signal?.aborted) {
    const reason = stderr.split('\n').find((l) => l.trim()) ?? `git log exited with ${String(code)}`;
    throw new UserError(`Cannot scan history${range === true ? '' : ` for ${range}`}: ${reason.replace(/^fatal: /, '')}`);
  }
}

/** The one-line description of a commit used in history findings. */
export function describeCommit(commit: HistoryCommit): string {
  return `commit ${commit.sha.slice(0, 12)} by ${commit.author} <${commit.email}> on ${commit.date.slice(0, 10)}`;
}
