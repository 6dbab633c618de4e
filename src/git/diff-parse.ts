/** Parsers for git's machine-readable diff output. Pure functions, tested on their own. */

export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T' | 'U';

export interface StagedChange {
  status: ChangeStatus;
  /** Path in the index (the new path for renames and copies). */
  path: string;
  /** The old path for renames and copies. */
  oldPath?: string;
  /** Git file mode in the index: '100644', '100755', '120000' (symlink), '160000' (submodule). */
  mode: string;
  /** Blob id in the index (all zeros for deletions). */
  blob: string;
}

/** Parses `git diff --raw -z` output (with or without -M/-C). */
export function parseRawDiff(output: string): StagedChange[] {
  const parts = output.split('\0');
  const changes: StagedChange[] = [];
  let i = 0;
  while (i < parts.length) {
    const header = parts[i];
    if (!header) {
      i++;
      continue;
    }
    // :<old mode> <new mode> <old sha> <new sha> <status>[score]
    const match = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([AMDRCTUX])\d*$/.exec(header);
    if (!match) throw new Error(`Unexpected git diff --raw record: ${JSON.stringify(header)}`);
    const status = match[5] as ChangeStatus;
    const first = parts[i + 1] ?? '';
    if (status === 'R' || status === 'C') {
      const second = parts[i + 2] ?? '';
      changes.push({ status, oldPath: first, path: second, mode: match[2]!, blob: match[4]! });
      i += 3;
    } else {
      changes.push({ status, path: first, mode: status === 'D' ? match[1]! : match[2]!, blob: match[4]! });
      i += 2;
    }
  }
  return changes;
}

/** The changes of a diff with the added line ranges of each new-side path. */
export interface DiffWithLines {
  changes: StagedChange[];
  added: Map<string, LineRange[]>;
}

/** `git diff --raw -p -z` output: the raw records, then an empty record, then the patch. */
export function parseRawWithPatch(output: string): DiffWithLines {
  const cut = output.indexOf('\0\0');
  const raw = cut < 0 ? output : output.slice(0, cut + 1);
  const patch = cut < 0 ? '' : output.slice(cut + 2);
  return { changes: parseRawDiff(raw), added: parseAddedLines(patch) };
}

/** An inclusive 1-based range of lines in the new version of a file. */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * Parses `git diff -U<n>` output into the added line ranges of each new-side path.
 * Paths are taken from the `+++ b/<path>` headers: quoted paths are unquoted, and the tab git
 * appends after a name with a space is dropped. A hunk's body is counted off by its header, so an
 * added line whose text starts with `++ ` is never read as a header.
 */
export function parseAddedLines(patch: string): Map<string, LineRange[]> {
  const result = new Map<string, LineRange[]>();
  let current: LineRange[] | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  for (const line of patch.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      const kind = line[0];
      if (kind === '\\') continue; // "\ No newline at end of file"
      if (kind === '-' || kind === ' ') oldLeft--;
      if (kind === '+' || kind === ' ') newLeft--;
      if (kind === '-' || kind === '+' || kind === ' ') continue;
      oldLeft = newLeft = 0; // not a body line: the hunk was shorter than its header said
    }
    if (line.startsWith('+++ ')) {
      const target = line.slice(4).replace(/\t$/, '');
      if (target === '/dev/null') {
        current = undefined;
        continue;
      }
      const unquoted = target.startsWith('"') ? unquoteGitPath(target) : target;
      const p = unquoted.replace(/^b\//, '');
      current = [];
      result.set(p, current);
      continue;
    }
    if (line.startsWith('@@')) {
      const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      oldLeft = m[1] === undefined ? 1 : Number(m[1]);
      const start = Number(m[2]);
      const count = m[3] === undefined ? 1 : Number(m[3]);
      newLeft = count;
      if (count > 0 && current) current.push({ start, end: start + count - 1 });
    }
  }
  return result;
}

/** Git C-style quoting, used for paths with special bytes when core.quotePath is on. */
export function unquoteGitPath(quoted: string): string {
  const inner = quoted.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = inner[++i] ?? '';
    if (/[0-7]/.test(next)) {
      const oct = inner.slice(i, i + 3);
      bytes.push(parseInt(oct, 8));
      i += 2;
    } else {
      const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
      bytes.push(escapes[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export function inRanges(line: number, ranges: readonly LineRange[]): boolean {
  return ranges.some((r) => line >= r.start && line <= r.end);
}
