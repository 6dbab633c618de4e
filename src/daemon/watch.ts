import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Files whose change makes a warm daemon wrong: tollgate's, ESLint's and TypeScript's config
 * (imported once and cached by Node) and the lockfiles (an upgraded plugin or parser).
 */
const WATCHED = /^(?:tollgate\.config\.[a-z]+|package\.json|eslint\.config\.[a-z]+|tsconfig[^/]*\.json|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?)$/;

function stamp(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => WATCHED.test(n)).sort();
  } catch {
    return '';
  }
  const parts: string[] = [];
  for (const name of names) {
    try {
      const s = statSync(path.join(dir, name));
      parts.push(`${name}:${s.mtimeMs}:${s.size}`);
    } catch {
      parts.push(`${name}:gone`);
    }
  }
  return parts.join('|');
}

/**
 * Remembers, per directory, the config and lock files as first seen; `changed` says which
 * directory from `cwd` up to the repository root (and its installed packages) differs since.
 */
export class ConfigWatch {
  private readonly root: string;
  private readonly seen = new Map<string, string>();

  constructor(root: string) {
    this.root = root;
    this.changed(root);
    this.changed(path.join(root, 'node_modules'));
  }

  /** Directories from `cwd` up to the root, plus node_modules (its .package-lock.json). */
  private dirsFor(cwd: string): string[] {
    const dirs = [path.join(this.root, 'node_modules')];
    for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
      dirs.push(dir);
      if (dir === this.root || path.dirname(dir) === dir) break;
    }
    return dirs;
  }

  /** The first directory whose watched files changed since first seen, or undefined. */
  changed(cwd: string): string | undefined {
    for (const dir of this.dirsFor(cwd)) {
      const now = path.basename(dir) === 'node_modules' ? stampPackages(dir) : stamp(dir);
      const before = this.seen.get(dir);
      if (before === undefined) this.seen.set(dir, now);
      else if (before !== now) return dir;
    }
    return undefined;
  }
}

/** npm rewrites node_modules/.package-lock.json on every install. */
function stampPackages(dir: string): string {
  try {
    const s = statSync(path.join(dir, '.package-lock.json'));
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return '';
  }
}
