/**
 * A small line diff for `tollgate init --dry-run`: the files init touches are a few dozen lines,
 * so a plain longest-common-subsequence table is fast enough and needs no dependency.
 */

type Op = { kind: 'same' | 'add' | 'del'; text: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function diffOps(before: string[], after: string[]): Op[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j] = length of the LCS of before[i..] and after[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i]!;
    const next = lcs[i + 1]!;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = before[i] === after[j] ? next[j + 1]! + 1 : Math.max(next[j]!, row[j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      ops.push({ kind: 'same', text: before[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      ops.push({ kind: 'del', text: before[i]! });
      i++;
    } else {
      ops.push({ kind: 'add', text: after[j]! });
      j++;
    }
  }
  while (i < n) ops.push({ kind: 'del', text: before[i++]! });
  while (j < m) ops.push({ kind: 'add', text: after[j++]! });
  return ops;
}

/**
 * The changed lines of `after` against `before`, `+`/`-` prefixed, with `context` unchanged
 * lines around each change and `…` where unchanged lines were left out.
 */
export function lineDiff(before: string, after: string, context = 2): string[] {
  const ops = diffOps(splitLines(before), splitLines(after));
  const keep = new Array<boolean>(ops.length).fill(false);
  ops.forEach((op, index) => {
    if (op.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(ops.length - 1, index + context); k++) keep[k] = true;
  });
  const out: string[] = [];
  let skipped = false;
  ops.forEach((op, index) => {
    if (!keep[index]) {
      skipped = true;
      return;
    }
    if (skipped) out.push('  …');
    skipped = false;
    out.push(`${op.kind === 'add' ? '+' : op.kind === 'del' ? '-' : ' '} ${op.text}`);
  });
  if (skipped && out.length > 0) out.push('  …');
  return out;
}
