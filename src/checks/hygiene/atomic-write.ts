import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces a file's bytes so that a reader (or a crash) sees either the old file or the new
 * one, never a half-written mix: write a temp file in the same directory, flush it, give it
 * the mode asked for, then rename it over the original.
 */
export async function writeFileAtomic(absPath: string, content: Buffer, mode: number): Promise<void> {
  const temp = path.join(path.dirname(absPath), `.${path.basename(absPath)}.tollgate-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.chmod(mode & 0o7777); // after creation, so the umask cannot strip bits
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, absPath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(absPath));
}

/** Makes a rename durable (best effort: some platforms cannot open directories). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not supported here; the rename itself is still atomic
  }
}
