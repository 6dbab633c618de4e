/**
 * The staged content of a file without a git process, when the working tree still holds exactly
 * the staged bytes. A commit hook usually runs right after `git add`, so the file on disk is
 * hashed as git would hash it and compared with the index's object id; any difference (an edit
 * after staging, a partial `git add -p`, a clean filter or line-ending conversion) means the
 * caller reads the object from git instead.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** Git's object id of a blob: SHA-1 (or SHA-256 in a sha256 repository) of `blob <size>\0` and the bytes. */
export function gitBlobId(content: Uint8Array, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** The file's bytes when they are the blob `blobId` (a full object id), else undefined. */
export async function readIfStaged(absPath: string, blobId: string): Promise<Buffer | undefined> {
  const algorithm = blobId.length === 40 ? 'sha1' : blobId.length === 64 ? 'sha256' : undefined;
  if (!algorithm) return undefined;
  let content: Buffer;
  try {
    content = await readFile(absPath);
  } catch {
    return undefined;
  }
  return gitBlobId(content, algorithm) === blobId ? content : undefined;
}
