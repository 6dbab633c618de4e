import type { HygieneFileRule } from '../../../src/checks/hygiene/rule-context.ts';
import { bytesAsText, snippetOf, textAsBytes } from '../../../src/checks/hygiene/text-lines.ts';

export const mixedLineEndings: HygieneFileRule = {
  kind: 'file',
  textOnly: true,
  meta: {
    id: 'hygiene/mixed-line-endings',
    description: 'CRLF line endings (alone or mixed with LF) in a file that would be committed with them.',
    severity: 'warning',
    fixable: true,
    fixHint: 'Convert the file to LF line endings (tollgate validate-quick --fix does it); mark files that must keep CRLF with `-text` in .gitattributes.',
  },
  create(context) {
    const { lineEndings } = context.attributes;
    // -text / binary: the user asked git to keep these bytes as they are.
    if (lineEndings === 'binary') return;
    // git converts CRLF to LF when it stages this file, so CRLF on disk never reaches a commit.
    if (lineEndings === 'normalized' && context.source === 'worktree') return;

    const text = context.text!;
    let crlf = 0;
    let lf = 0;
    let first: { line: number; column: number; start: number } | undefined;
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      if (i > 0 && text.charCodeAt(i - 1) === 0x0d) {
        crlf++;
        first ??= { line, column: i - lineStart, start: lineStart };
      } else {
        lf++;
      }
      line++;
      lineStart = i + 1;
    }
    if (!first) return;
    const where = lineEndings === 'normalized' ? ' although git normalizes this file to LF (run `git add --renormalize` or let --fix store LF)' : '';
    const message = lf === 0 ? `CRLF line endings (${crlf} line${crlf === 1 ? '' : 's'})${where}.` : `Mixed line endings: ${crlf} CRLF and ${lf} LF${where}.`;
    const lineText = text.slice(first.start, text.indexOf('\n', first.start));
    context.report({ message, line: first.line, column: first.column, snippet: snippetOf(lineText) });
  },
  fix(content) {
    const text = bytesAsText(content);
    if (!text.includes('\r\n')) return content;
    const lines = text.split('\n');
    // every CR right before a line break goes (a stray one in `\r\r\n` too, or the fix would
    // need a second pass); the last piece has no line break after it, so it keeps its CRs
    for (let i = 0; i < lines.length - 1; i++) {
      const line = lines[i]!;
      let end = line.length;
      while (end > 0 && line.charCodeAt(end - 1) === 0x0d) end--;
      if (end < line.length) lines[i] = line.slice(0, end);
    }
    return textAsBytes(lines.join('\n'));
  },
};
