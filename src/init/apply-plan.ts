import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InitPlan } from './plan.ts';

/**
 * Husky 9 runs hook files with `sh`, so they need no executable bit; leaving it off also keeps
 * tollgate's own "executable without shebang" rule quiet about them.
 */
const NEW_FILE_MODE = 0o644;

/** Writes through a temp file and a rename, so an interrupted run never leaves half a package.json. */
async function writeAtomically(file: string, content: string): Promise<void> {
  let mode = NEW_FILE_MODE;
  try {
    mode = (await stat(file)).mode & 0o7777;
  } catch {
    // a new file
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tollgate-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { mode });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes the created and updated files of a plan; touches nothing else. Returns what it wrote. */
export async function applyPlan(plan: InitPlan): Promise<string[]> {
  const written: string[] = [];
  for (const file of plan.files) {
    if ((file.status !== 'created' && file.status !== 'updated') || file.after === undefined) continue;
    await writeAtomically(path.join(plan.root, file.path), file.after);
    written.push(file.path);
  }
  return written;
}
