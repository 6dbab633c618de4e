import type { HygieneRepoRule } from '../../../src/checks/hygiene/rule-context.ts';
import { indexEntries } from '../../../src/checks/hygiene/git-plumbing.ts';

/**
 * The key two paths share when a case-insensitive, normalization-insensitive file system
 * (macOS APFS/HFS+, Windows NTFS) would store them as one.
 */
function foldKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** Spellings of one path (file or directory) that collide; they share a parent spelling. */
interface Collision {
  /** Each spelling with the first file at or under it. */
  spellings: { spelling: string; file: string }[];
}

/**
 * Groups every path and every directory above it by folded key, then reports spellings that
 * differ only in their last segment (a collision higher up is reported once, at its top).
 */
export function findCaseCollisions(paths: Iterable<string>): Collision[] {
  const groups = new Map<string, Map<string, string>>();
  for (const file of [...paths].sort()) {
    let end = -1;
    do {
      end = file.indexOf('/', end + 1);
      const prefix = end === -1 ? file : file.slice(0, end);
      const key = foldKey(prefix);
      let spellings = groups.get(key);
      if (!spellings) groups.set(key, (spellings = new Map()));
      if (!spellings.has(prefix)) spellings.set(prefix, file);
    } while (end !== -1);
  }
  const collisions: Collision[] = [];
  for (const spellings of groups.values()) {
    if (spellings.size < 2) continue;
    const byParent = new Map<string, { spelling: string; file: string }[]>();
    for (const [spelling, file] of spellings) {
      const parent = spelling.slice(0, Math.max(0, spelling.lastIndexOf('/')));
      byParent.set(parent, [...(byParent.get(parent) ?? []), { spelling, file }]);
    }
    for (const list of byParent.values()) if (list.length > 1) collisions.push({ spellings: list });
  }
  return collisions;
}

function describe(spelling: { spelling: string; file: string }, others: { spelling: string; file: string }[]): string {
  const directory = spelling.file !== spelling.spelling;
  const what = (s: { spelling: string; file: string }) => (directory ? `\`${s.spelling}/\` (${s.file})` : `\`${s.spelling}\``);
  const how = others.every((o) => o.spelling.toLowerCase() === spelling.spelling.toLowerCase()) ? 'letter case' : 'letter case or Unicode form';
  const kind = directory ? 'directory' : 'file';
  return `${what(spelling)} and ${others.map(what).join(', ')} differ only in ${how}: on macOS and Windows they are one ${kind}, so a checkout there loses one of them.`;
}

export const caseConflict: HygieneRepoRule = {
  kind: 'repository',
  meta: {
    id: 'hygiene/case-conflict',
    description: 'Paths (files or directories) that differ only in letter case or Unicode form, so they collide on macOS and Windows.',
    severity: 'error',
    fixable: false,
    fixHint: 'Rename one of them (`git mv`) so that the names differ by more than case.',
  },
  async create(context) {
    if (context.mode === 'quick') {
      // Only a path the commit adds can create a collision; look for it among everything the
      // commit will hold (the index: HEAD plus the staged changes).
      const added = context.files.filter((f) => f.status === 'A' || f.status === 'R' || f.status === 'C').map((f) => f.path);
      if (added.length === 0) return;
      const indexed = new Set((await indexEntries(context.repo.root)).map((e) => e.path));
      for (const collision of findCaseCollisions(indexed)) {
        for (const path of added) {
          const mine = collision.spellings.find((s) => path === s.spelling || path.startsWith(`${s.spelling}/`));
          if (!mine) continue;
          const others = collision.spellings.filter((s) => s !== mine);
          context.report({ path, message: describe({ spelling: mine.spelling, file: path }, others), line: 0, column: 0 });
        }
      }
      return;
    }
    for (const collision of findCaseCollisions(context.files.map((f) => f.path))) {
      for (const spelling of collision.spellings) {
        const others = collision.spellings.filter((s) => s !== spelling);
        context.report({ path: spelling.file, message: describe(spelling, others), line: 0, column: 0 });
      }
    }
  },
};
