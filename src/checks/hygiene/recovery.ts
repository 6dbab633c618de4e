import { lstat, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../errors/user-error.ts';
import { Repo } from '../../git/repo.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { blobId, gitPath, indexEntries, readBlob, setIndexEntries } from './git-plumbing.ts';

/**
 * Crash safety for `--fix`. Before a fix touches the index or a working-tree file, it writes a
 * recovery record under the git directory naming, for every file, the index entry and the
 * working-tree bytes before and after the fix (all stored as blobs in the object database).
 * The record is removed when the fix completes. If the process dies in between, the record
 * survives: every later hygiene run reports it (hygiene/interrupted-fix), `--fix` refuses to
 * fix anything, and `recoverInterruptedFix()` puts every file back as it was before.
 */

/** The command that runs `recoverInterruptedFix`; named in every message about a pending record. */
export const RECOVER_COMMAND = 'tollgate recover-fix';

const RECORD_FORMAT = 'tollgate-fix-recovery/1';
const RECORD_PATH = 'tollgate/fix-recovery.json';

export interface RecoveryEntry {
  /** Repository-relative POSIX path. */
  path: string;
  /** The index entry before and after the fix (blob ids); null when the index was not touched. */
  index: { mode: string; original: string; fixed: string } | null;
  /** The working-tree file before and after the fix (blob ids, file mode); null when not touched. */
  worktree: { mode: number; original: string; fixed: string } | null;
}

export interface RecoveryRecord {
  format: typeof RECORD_FORMAT;
  startedAt: string;
  pid: number;
  entries: RecoveryEntry[];
}

/**
 * Where the record lives: in the git directory of this worktree. The common layouts are read
 * from the disk (every hygiene run asks, so it should not cost a process); anything unusual
 * (GIT_DIR set, a bare layout) asks git.
 */
export async function recoveryRecordPath(root: string): Promise<string> {
  if (process.env.GIT_DIR === undefined) {
    const dotGit = path.join(root, '.git');
    try {
      const st = await lstat(dotGit);
      if (st.isDirectory()) return path.join(dotGit, RECORD_PATH);
      if (st.isFile()) {
        const pointer = /^gitdir: (.+)$/m.exec(await readFile(dotGit, 'utf8')); // a linked worktree or a submodule
        if (pointer) return path.resolve(root, pointer[1]!.trim(), RECORD_PATH);
      }
    } catch {
      // fall through to git
    }
  }
  return gitPath(root, RECORD_PATH);
}

/** The pending record, if an interrupted fix left one. */
export async function readRecoveryRecord(root: string): Promise<{ file: string; record: RecoveryRecord } | undefined> {
  const file = await recoveryRecordPath(root);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let record: RecoveryRecord;
  try {
    record = JSON.parse(raw) as RecoveryRecord;
  } catch (error) {
    throw new UserError(`The --fix recovery record ${file} is not valid JSON; it was written atomically, so something else changed it. Inspect it, then delete it.`, { file, cause: error });
  }
  if (record.format !== RECORD_FORMAT || !Array.isArray(record.entries)) {
    throw new UserError(`${file} is not a tollgate recovery record of format ${RECORD_FORMAT}; inspect it, then delete it.`, { file });
  }
  return { file, record };
}

export async function writeRecoveryRecord(root: string, entries: RecoveryEntry[]): Promise<string> {
  const file = await recoveryRecordPath(root);
  await mkdir(path.dirname(file), { recursive: true });
  const record: RecoveryRecord = { format: RECORD_FORMAT, startedAt: new Date().toISOString(), pid: process.pid, entries };
  await writeFileAtomic(file, Buffer.from(`${JSON.stringify(record, null, 2)}\n`), 0o644);
  return file;
}

export async function removeRecoveryRecord(root: string): Promise<void> {
  await rm(await recoveryRecordPath(root), { force: true });
}

export type RecoveryAction =
  /** Put back to its pre-fix content. */
  | 'restored'
  /** Already had its pre-fix content (the fix never got to it). */
  | 'unchanged'
  /** Changed since the interrupted fix, so left alone; `originalBlob` holds the pre-fix bytes. */
  | 'left-alone';

export interface RecoveryOutcome {
  path: string;
  part: 'index' | 'worktree';
  action: RecoveryAction;
  /** Blob id of the pre-fix content (`git cat-file blob <id>` prints it). */
  originalBlob: string;
  reason?: string;
}

export interface RecoveryResult {
  /** The record that was acted on; undefined when there was nothing to recover. */
  recordFile: string | undefined;
  outcomes: RecoveryOutcome[];
  /** When something was left alone, the record is kept here (renamed) for reference. */
  keptRecord?: string;
}

/**
 * Undoes an interrupted `--fix`: every index entry and working-tree file the record names goes
 * back to its pre-fix bytes, unless it changed since (then it is left alone and reported, with
 * the blob that holds its pre-fix content). Idempotent: safe to run again if it is interrupted.
 */
export async function recoverInterruptedFix(cwd: string): Promise<RecoveryResult> {
  const repo = await Repo.open(cwd);
  try {
    return await restoreFromRecord(repo.root);
  } finally {
    repo.close();
  }
}

/** The recovery itself, for a known repository root (also used to roll back a failed fix). */
export async function restoreFromRecord(root: string): Promise<RecoveryResult> {
  const pending = await readRecoveryRecord(root);
  if (!pending) return { recordFile: undefined, outcomes: [] };
  const { file, record } = pending;
  const outcomes: RecoveryOutcome[] = [];

  const indexed = record.entries.filter((e) => e.index !== null);
  const current = new Map<string, { mode: string; blob: string }>();
  for (const entry of await indexEntries(root, indexed.map((e) => e.path))) {
    if (entry.stage === 0) current.set(entry.path, entry);
  }
  const indexRestores: { mode: string; blob: string; path: string }[] = [];
  for (const entry of indexed) {
    const index = entry.index!;
    const now = current.get(entry.path);
    const outcome = { path: entry.path, part: 'index' as const, originalBlob: index.original };
    if (now?.blob === index.original && now.mode === index.mode) {
      outcomes.push({ ...outcome, action: 'unchanged' });
    } else if (now?.blob === index.fixed) {
      indexRestores.push({ mode: index.mode, blob: index.original, path: entry.path });
      outcomes.push({ ...outcome, action: 'restored' });
    } else {
      outcomes.push({ ...outcome, action: 'left-alone', reason: now ? 'the staged version changed after the interrupted fix' : 'the path is no longer in the index' });
    }
  }
  await setIndexEntries(root, indexRestores);

  for (const entry of record.entries) {
    const worktree = entry.worktree;
    if (!worktree) continue;
    const abs = path.join(root, entry.path);
    const outcome = { path: entry.path, part: 'worktree' as const, originalBlob: worktree.original };
    const now = await currentBlob(root, abs);
    if (now === worktree.original) {
      outcomes.push({ ...outcome, action: 'unchanged' });
    } else if (now === worktree.fixed) {
      await writeFileAtomic(abs, await readBlob(root, worktree.original), worktree.mode);
      outcomes.push({ ...outcome, action: 'restored' });
    } else {
      outcomes.push({ ...outcome, action: 'left-alone', reason: now ? 'the file changed after the interrupted fix' : 'the file is missing' });
    }
  }

  if (outcomes.some((o) => o.action === 'left-alone')) {
    const keptRecord = file.replace(/\.json$/, `.${Date.now()}.kept.json`);
    await rename(file, keptRecord);
    return { recordFile: file, outcomes, keptRecord };
  }
  await rm(file, { force: true });
  return { recordFile: file, outcomes };
}

async function currentBlob(root: string, abs: string): Promise<string | undefined> {
  try {
    if (!(await lstat(abs)).isFile()) return undefined;
    return await blobId(root, await readFile(abs));
  } catch {
    return undefined;
  }
}
