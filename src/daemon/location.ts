/**
 * Where a repository's validate-quick daemon listens. Kept free of heavy imports: the hook's
 * client loads this before anything else, on every commit.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's git directory (`.git`, or where a worktree's `.git` file points), or undefined. */
export function findGitDir(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const dotGit = path.join(dir, '.git');
    try {
      const stat = statSync(dotGit);
      if (stat.isDirectory()) return realpathSync(dotGit);
      const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
      if (pointer) return realpathSync(path.resolve(dir, pointer));
    } catch {
      // not here: keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Which tollgate build this is: the daemon of another build (an upgrade, a rebuild) gets
 * another socket, so a client never talks to stale code.
 */
function buildIdentity(): string {
  const self = fileURLToPath(import.meta.url);
  try {
    return `${self}\0${statSync(self).mtimeMs}`;
  } catch {
    return self;
  }
}

/** A directory only this user can enter, for the sockets (0700). */
export function socketDir(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `tollgate-${uid}`);
}

/**
 * A short, stable name for a text: two 32-bit multiply-xor hashes (FNV-1a and a second with
 * other constants). Not a secret, only distinct: the socket directory is private anyway, and
 * node:crypto would cost the hook about 8 ms to load on every commit.
 */
export function nameHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The socket of the daemon for this git directory and this build (short enough for sun_path). */
export function socketPath(gitDir: string): string {
  return path.join(socketDir(), `${nameHash(`${gitDir}\0${buildIdentity()}`)}.sock`);
}
