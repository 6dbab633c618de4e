import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { writeFileAtomic } from './atomic-write.ts';
import { looksBinary } from '../../git/binary.ts';
import { faultPoint } from './fault-point.ts';
import { blobId, indexEntries, readBlob, setIndexEntries, writeBlob, type IndexEntry } from './git-plumbing.ts';
import { readRecoveryRecord, RECOVER_COMMAND, removeRecoveryRecord, restoreFromRecord, writeRecoveryRecord, type RecoveryEntry } from './recovery.ts';

export interface FixRequest {
  /** Repository-relative POSIX path. */
  path: string;
  /** Pure and idempotent; applied to every version of the file that is fixed. */
  transform: (content: Buffer) => Buffer;
  /**
   * Quick mode: the staged version was checked, so fix the index entry and the working-tree file
   * with the same transform, or neither. Otherwise only the working-tree file is fixed.
   */
  staged: boolean;
}

export interface FixOutcome {
  path: string;
  applied: boolean;
  /** Why the fix was not applied. */
  reason?: string;
}

interface Planned {
  request: FixRequest;
  abs: string;
  index?: { entry: IndexEntry; fixed: Buffer };
  worktree?: { original: Buffer; fixed: Buffer; mode: number };
}

/**
 * Applies hygiene fixes without ever losing a byte of the user's work:
 * 1. plan every file; a staged file whose working-tree version is missing, not a regular file,
 *    or binary is refused as a whole (neither version is touched);
 * 2. store the fixed index blobs and the original working-tree bytes in the object database and
 *    write the recovery record;
 * 3. point the index entries at the fixed blobs (one atomic index write);
 * 4. replace each working-tree file atomically, keeping its mode;
 * 5. remove the record.
 * A crash between 2 and 5 leaves the record, from which `restoreFromRecord` restores everything.
 */
export async function applyFixes(root: string, requests: readonly FixRequest[]): Promise<FixOutcome[]> {
  if (requests.length === 0) return [];
  const pending = await readRecoveryRecord(root);
  if (pending) {
    const reason = `an interrupted fix is waiting to be recovered (${path.relative(root, pending.file)}); run \`${RECOVER_COMMAND}\` first`;
    return requests.map((r) => ({ path: r.path, applied: false, reason }));
  }

  const staged = requests.filter((r) => r.staged).map((r) => r.path);
  const entries = new Map<string, IndexEntry[]>();
  for (const entry of await indexEntries(root, staged)) entries.set(entry.path, [...(entries.get(entry.path) ?? []), entry]);

  const outcomes = new Map<string, FixOutcome>();
  const plans: Planned[] = [];
  for (const request of requests) {
    const result = await plan(root, request, entries.get(request.path) ?? []);
    if (typeof result === 'string') outcomes.set(request.path, { path: request.path, applied: false, reason: result });
    else plans.push(result);
  }
  if (plans.length === 0) return requests.map((r) => outcomes.get(r.path)!);

  const limit = pLimit(8);
  const recordEntries: RecoveryEntry[] = await Promise.all(
    plans.map((p) =>
      limit(async () => ({
        path: p.request.path,
        index: p.index ? { mode: p.index.entry.mode, original: p.index.entry.blob, fixed: await writeBlob(root, p.index.fixed) } : null,
        worktree: p.worktree ? { mode: p.worktree.mode, original: await writeBlob(root, p.worktree.original), fixed: await blobId(root, p.worktree.fixed) } : null,
      })),
    ),
  );
  await writeRecoveryRecord(root, recordEntries);
  faultPoint('record-written');

  try {
    await setIndexEntries(
      root,
      recordEntries.filter((e) => e.index).map((e) => ({ mode: e.index!.mode, blob: e.index!.fixed, path: e.path })),
    );
    faultPoint('index-written');
    let written = 0;
    for (const p of plans) {
      if (!p.worktree) continue;
      await writeFileAtomic(p.abs, p.worktree.fixed, p.worktree.mode);
      if (++written === 1) faultPoint('worktree-partial');
    }
    faultPoint('worktree-written');
  } catch (error) {
    // Roll back what was done; if even that fails, the record stays for `tollgate recover-fix`
    // (and the hygiene/interrupted-fix finding says so), so the original error is the one to show.
    await restoreFromRecord(root).catch(() => undefined);
    throw error;
  }
  await removeRecoveryRecord(root);
  for (const p of plans) outcomes.set(p.request.path, { path: p.request.path, applied: true });
  return requests.map((r) => outcomes.get(r.path)!);
}

/** A plan for one file, or the reason it cannot be fixed safely. */
async function plan(root: string, request: FixRequest, entries: readonly IndexEntry[]): Promise<Planned | string> {
  const abs = path.join(root, request.path);
  let index: Planned['index'];
  if (request.staged) {
    const entry = entries.find((e) => e.stage === 0);
    if (!entry) return entries.length > 0 ? 'the path has an unresolved merge conflict' : 'the path is not in the index';
    if (entry.mode !== '100644' && entry.mode !== '100755') return `the index entry is not a regular file (mode ${entry.mode})`;
    const original = await readBlob(root, entry.blob);
    const fixed = request.transform(original);
    if (!fixed.equals(original)) index = { entry, fixed };
  }

  let stat;
  try {
    stat = await lstat(abs);
  } catch {
    return request.staged ? 'the working-tree file is missing, so the staged and working-tree versions cannot be fixed alike' : 'the file is missing';
  }
  if (!stat.isFile()) return 'the working-tree path is not a regular file';
  const original = await readFile(abs);
  if (looksBinary(original)) {
    return request.staged ? 'the working-tree version is binary, so the staged and working-tree versions cannot be fixed alike' : 'the file is binary';
  }
  const fixed = request.transform(original);
  const worktree = fixed.equals(original) ? undefined : { original, fixed, mode: stat.mode };
  if (!index && !worktree) return 'nothing left to change';
  return { request, abs, ...(index ? { index } : {}), ...(worktree ? { worktree } : {}) };
}
