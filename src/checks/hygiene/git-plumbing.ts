import { spawn } from 'node:child_process';

/**
 * The few git plumbing commands the hygiene fixer needs, with byte-exact stdin/stdout
 * (simple-git deals in strings). They inherit the environment, so inside a hook they act on
 * the index git hands the hook (GIT_INDEX_FILE).
 */
export interface GitOutput {
  stdout: Buffer;
  stderr: string;
  code: number;
}

export function runGit(cwd: string, args: readonly string[], input?: Buffer | string): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1 }));
    child.stdin.on('error', () => undefined); // git may exit before reading all input; the exit code tells
    child.stdin.end(input ?? '');
  });
}

/** Runs git and returns stdout; a failure is a bug or a broken repository, so it throws. */
export async function gitOrThrow(cwd: string, args: readonly string[], input?: Buffer | string): Promise<Buffer> {
  const result = await runGit(cwd, args, input);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed (${result.code}): ${result.stderr.trim()}`);
  return result.stdout;
}

/** Stores bytes in the object database exactly as given (no filters) and returns the blob id. */
export async function writeBlob(cwd: string, content: Buffer): Promise<string> {
  return (await gitOrThrow(cwd, ['hash-object', '-w', '--stdin'], content)).toString('utf8').trim();
}

/** The blob id bytes would get, without storing them. */
export async function blobId(cwd: string, content: Buffer): Promise<string> {
  return (await gitOrThrow(cwd, ['hash-object', '--stdin'], content)).toString('utf8').trim();
}

export async function readBlob(cwd: string, id: string): Promise<Buffer> {
  return gitOrThrow(cwd, ['cat-file', 'blob', id]);
}

export interface IndexEntry {
  mode: string;
  blob: string;
  /** 0 for a normal entry; 1-3 for the sides of an unresolved merge conflict. */
  stage: number;
  path: string;
}

/** Index entries for the given paths (every path when none are given). */
export async function indexEntries(cwd: string, paths?: readonly string[]): Promise<IndexEntry[]> {
  const args = ['--literal-pathspecs', 'ls-files', '-z', '--stage', '--full-name'];
  if (!paths) return parseStage(await gitOrThrow(cwd, args));
  const entries: IndexEntry[] = [];
  // literal pathspecs, so that a file named "*.ts" means itself; chunks keep the command line short
  for (let i = 0; i < paths.length; i += 200) {
    entries.push(...parseStage(await gitOrThrow(cwd, [...args, '--', ...paths.slice(i, i + 200)])));
  }
  return entries;
}

function parseStage(out: Buffer): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const record of out.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, blob, stage] = record.slice(0, tab).split(' ');
    entries.push({ mode: mode!, blob: blob!, stage: Number(stage), path: record.slice(tab + 1) });
  }
  return entries;
}

/** Points index entries at new blobs in one atomic index write. */
export async function setIndexEntries(cwd: string, entries: readonly { mode: string; blob: string; path: string }[]): Promise<void> {
  if (entries.length === 0) return;
  const input = entries.map((e) => `${e.mode} ${e.blob}\t${e.path}\0`).join('');
  await gitOrThrow(cwd, ['update-index', '-z', '--index-info'], input);
}

/** Where tollgate keeps per-worktree state inside the git directory. */
export async function gitPath(cwd: string, relative: string): Promise<string> {
  return (await gitOrThrow(cwd, ['rev-parse', '--path-format=absolute', '--git-path', relative])).toString('utf8').trim();
}
