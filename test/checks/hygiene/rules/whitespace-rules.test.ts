import { describe, expect, it } from 'vitest';
import { byteOrderMark } from '../../../../rules/hygiene/byte-order-mark/rule.ts';
import { endOfFile } from '../../../../rules/hygiene/end-of-file/rule.ts';
import { mixedLineEndings } from '../../../../rules/hygiene/mixed-line-endings/rule.ts';
import { trailingWhitespace } from '../../../../rules/hygiene/trailing-whitespace/rule.ts';
import { applyFix, ruleTable, runRule } from '../rule-harness.ts';

ruleTable(trailingWhitespace, {
  valid: [
    { name: 'clean lines', content: 'a\nb\n' },
    { name: 'a Markdown hard break (two or more spaces after text)', path: 'doc.md', content: 'line one  \nline two   \n' },
    { name: 'a patch, whose blank context lines are a single space', path: 'fix.patch', content: '@@ -1 +1 @@\n \n-a\n+a \n' },
    { name: 'a file marked -text in .gitattributes', content: 'a \n', attributes: { lineEndings: 'binary' } },
    { name: 'whitespace inside a line', content: 'a  b\tc\n' },
  ],
  invalid: [
    { name: 'spaces at the end of a line', content: 'ok\nbad   \n', errors: [{ line: 2, column: 4, message: /Trailing whitespace/ }] },
    { name: 'a tab before CRLF', content: 'bad\t\r\nok\r\n', errors: [{ line: 1, column: 4 }] },
    { name: 'a line of only whitespace', content: 'a\n  \t\nb\n', errors: [{ line: 2, column: 1, message: /only whitespace/ }] },
    { name: 'a trailing tab in Markdown (only spaces make a hard break)', path: 'doc.md', content: 'text\t\n', errors: [{ line: 1, column: 5 }] },
    { name: 'a blank Markdown line with spaces', path: 'doc.md', content: 'a\n   \nb\n', errors: [{ line: 2, column: 1 }] },
    { name: 'trailing spaces on a last line without a newline', content: 'end  ', errors: [{ line: 1, column: 4 }] },
  ],
});

ruleTable(endOfFile, {
  valid: [
    { name: 'one final newline', content: 'a\nb\n' },
    { name: 'an empty file', content: '' },
    { name: 'a CRLF file ending in CRLF', content: 'a\r\nb\r\n' },
    { name: 'a file marked -text', content: 'no newline', attributes: { lineEndings: 'binary' } },
  ],
  invalid: [
    { name: 'no newline at the end', content: 'a\nlast', errors: [{ line: 2, column: 5, message: /No line break/ }] },
    { name: 'blank lines at the end', content: 'a\n\n\n', errors: [{ line: 2, column: 1, message: /2 blank lines/ }] },
    { name: 'a file of only newlines', content: '\n\n\n', errors: [{ line: 1, column: 1, message: /nothing but blank lines/ }] },
    { name: 'blank CRLF lines at the end', content: 'a\r\n\r\n', errors: [{ line: 2, column: 1, message: /1 blank line\b/ }] },
  ],
});

ruleTable(mixedLineEndings, {
  valid: [
    { name: 'LF only', content: 'a\nb\n' },
    { name: 'a lone CR inside a line (not a line ending)', content: 'progress\r50%\n' },
    { name: 'CRLF in a file marked -text', content: 'a\r\n', attributes: { lineEndings: 'binary' } },
    { name: 'CRLF on disk in a file git normalizes on add (text/eol/core.autocrlf)', content: 'a\r\nb\n', source: 'worktree', attributes: { lineEndings: 'normalized' } },
  ],
  invalid: [
    { name: 'CRLF only', content: 'a\r\nb\r\n', errors: [{ line: 1, column: 2, message: /CRLF line endings \(2 lines\)/ }] },
    { name: 'mixed CRLF and LF, at the first CRLF', content: 'a\nb\nc\r\n', errors: [{ line: 3, column: 2, message: /1 CRLF and 2 LF/ }] },
    {
      name: 'CRLF staged in a file git should have normalized',
      content: 'a\r\n',
      source: 'index',
      attributes: { lineEndings: 'normalized' },
      errors: [{ line: 1, message: /renormalize/ }],
    },
  ],
});

ruleTable(byteOrderMark, {
  valid: [
    { name: 'UTF-8 without a BOM', content: 'héllo\n' },
    { name: 'a BOM in the middle of a file', content: 'a\uFEFFb\n' },
  ],
  invalid: [{ name: 'a UTF-8 BOM at the start', content: Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0a]), errors: [{ line: 1, column: 1 }] }],
});

describe('whitespace fixes', () => {
  it('strip trailing whitespace but keep CRs, Markdown hard breaks and every other byte (even invalid UTF-8)', () => {
    const input = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' \t\r\nok  \n')]);
    expect(applyFix(trailingWhitespace, input).equals(Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('\r\nok\n')]))).toBe(true);
    expect(applyFix(trailingWhitespace, 'hard  \nsoft \n', 'a.md').toString()).toBe('hard  \nsoft\n');
  });

  it('end the file with one line break in the style the file already uses', () => {
    expect(applyFix(endOfFile, 'a\r\nb').toString()).toBe('a\r\nb\r\n');
    expect(applyFix(endOfFile, 'a\n\n\n').toString()).toBe('a\n');
    expect(applyFix(endOfFile, '\n\n').toString()).toBe('');
    expect(applyFix(endOfFile, '').toString()).toBe('');
  });

  it('turn every CRLF into LF and leave lone CRs', () => {
    expect(applyFix(mixedLineEndings, 'a\r\nb\nc\rd\r\n').toString()).toBe('a\nb\nc\rd\n');
  });

  it('remove every leading byte-order mark', () => {
    expect(applyFix(byteOrderMark, '\uFEFF\uFEFFx').toString()).toBe('x');
  });

  it('compose to a fixed point in one pass: nothing left to report, fixing again changes nothing (random inputs)', async () => {
    const pieces = [' ', '\t', '\r\n', '\n', '\r', 'a', 'é', '\uFEFF', '  ', '\n\n', '\r\r\n', ' \r'];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const all = [byteOrderMark, mixedLineEndings, trailingWhitespace, endOfFile];
    const fixAll = (b: Buffer) => all.reduce((acc, rule) => rule.fix!(acc, 'x.txt'), b);
    for (let n = 0; n < 2000; n++) {
      const input = Buffer.from(Array.from({ length: 1 + next(16) }, () => pieces[next(pieces.length)]).join(''), 'utf8');
      const once = fixAll(input);
      const label = JSON.stringify(input.toString());
      expect(fixAll(once).equals(once), label).toBe(true);
      for (const rule of all) expect(await runRule(rule, { path: 'x.txt', content: once }), `${rule.meta.id} on ${label}`).toEqual([]);
    }
  });
});

describe('linear time on hostile input', () => {
  // A backtracking regex needs minutes on these; the rules finish them as fast as any line.
  it('a long run of spaces followed by text, and a long run of newlines followed by text', async () => {
    const spaces = `${' '.repeat(300_000)}x\n`;
    expect(await runRule(trailingWhitespace, { content: spaces })).toEqual([]);
    expect(applyFix(trailingWhitespace, spaces).length).toBe(spaces.length);
    const newlines = `${'\n'.repeat(300_000)}x`;
    expect((await runRule(endOfFile, { content: newlines })).map((r) => r.line)).toEqual([300_001]);
    expect((await runRule(mixedLineEndings, { content: `${'\r\n'.repeat(100_000)}x\n` }))[0]!.message).toMatch(/100000 CRLF and 1 LF/);
  });
});
