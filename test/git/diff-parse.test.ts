import { describe, expect, it } from 'vitest';
import { parseAddedLines, parseRawDiff, parseRawWithPatch, unquoteGitPath } from '../../src/git/diff-parse.ts';

describe('git diff parsers', () => {
  it('parses raw records including renames', () => {
    const raw = [':000000 100644 0000000 1111111 A', 'new.ts', ':100644 100755 2222222 3333333 M', 'run.sh', ':100644 100644 4444444 5555555 R087', 'old name.ts', 'new name.ts', ''].join('\0');
    expect(parseRawDiff(raw)).toEqual([
      { status: 'A', path: 'new.ts', mode: '100644', blob: '1111111' },
      { status: 'M', path: 'run.sh', mode: '100755', blob: '3333333' },
      { status: 'R', oldPath: 'old name.ts', path: 'new name.ts', mode: '100644', blob: '5555555' },
    ]);
  });

  it('collects added line ranges per file from -U0 hunks', () => {
    const patch = [
      'diff --git a/a.ts b/a.ts',
      '--- a/a.ts',
      '+++ b/a.ts',
      '@@ -1,0 +2,3 @@',
      '+x',
      '@@ -10 +12 @@',
      '-y',
      '+z',
      '@@ -20,2 +24,0 @@',
      'diff --git a/gone.ts b/gone.ts',
      '--- a/gone.ts',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
    ].join('\n');
    expect(Object.fromEntries(parseAddedLines(patch))).toEqual({ 'a.ts': [{ start: 2, end: 4 }, { start: 12, end: 12 }] });
  });

  it('drops the tab git writes after a name with a space, quoted or not', () => {
    const patch = ['diff --git a/my file.ts b/my file.ts', '--- /dev/null', '+++ b/my file.ts\t', '@@ -0,0 +1 @@', '+a', 'diff --git "a/caf\\303\\251 x.ts" "b/caf\\303\\251 x.ts"', '--- /dev/null', '+++ "b/caf\\303\\251 x.ts"\t', '@@ -0,0 +1,2 @@', '+b', '+c'].join('\n');
    expect(Object.fromEntries(parseAddedLines(patch))).toEqual({ 'my file.ts': [{ start: 1, end: 1 }], 'café x.ts': [{ start: 1, end: 2 }] });
  });

  it('counts a hunk body off by its header, so added text that looks like a header stays text', () => {
    const patch = [
      'diff --git a/a.md b/a.md',
      '--- a/a.md',
      '+++ b/a.md',
      '@@ -3 +3,3 @@',
      '-old',
      '+++ b/not-a-file.md',
      '+@@ -1 +1,9 @@',
      '\\ No newline at end of file',
      '+--- a/x',
      '@@ -9,0 +11 @@',
      '+tail',
    ].join('\n');
    expect(Object.fromEntries(parseAddedLines(patch))).toEqual({ 'a.md': [{ start: 3, end: 5 }, { start: 11, end: 11 }] });
  });

  it('splits raw records from the patch that follows them in one --raw -p -z output', () => {
    const raw = [':100644 100644 aaaaaaa bbbbbbb M', 'a b.ts', ':000000 100644 0000000 ccccccc A', 'new.ts', ''].join('\0');
    const patch = ['diff --git a/a b.ts b/a b.ts', '--- a/a b.ts\t', '+++ b/a b.ts\t', '@@ -2 +2,2 @@', '-x', '+y', '+z', 'diff --git a/new.ts b/new.ts', '--- /dev/null', '+++ b/new.ts', '@@ -0,0 +1 @@', '+n', ''].join('\n');
    const parsed = parseRawWithPatch(`${raw}\0${patch}`);
    expect(parsed.changes.map((c) => [c.status, c.path, c.blob])).toEqual([
      ['M', 'a b.ts', 'bbbbbbb'],
      ['A', 'new.ts', 'ccccccc'],
    ]);
    expect(Object.fromEntries(parsed.added)).toEqual({ 'a b.ts': [{ start: 2, end: 3 }], 'new.ts': [{ start: 1, end: 1 }] });
    expect(parseRawWithPatch('')).toEqual({ changes: [], added: new Map() });
  });

  it('unquotes C-style quoted paths with octal UTF-8 bytes', () => {
    expect(unquoteGitPath('"b/caf\\303\\251 \\"x\\".ts"')).toBe('b/café "x".ts');
  });
});
