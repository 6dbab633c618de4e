import type { HygieneFileRule } from '../../../src/checks/hygiene/rule-context.ts';
import { bytesAsText, endOfContent, snippetOf, textAsBytes } from '../../../src/checks/hygiene/text-lines.ts';

/** The line break the file already uses, so a CRLF file gets a CRLF at its end. */
function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

function countLineBreaks(text: string, from: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

export const endOfFile: HygieneFileRule = {
  kind: 'file',
  textOnly: true,
  meta: {
    id: 'hygiene/end-of-file',
    description: 'A file that does not end in exactly one line break: the last line has none, or blank lines trail it.',
    severity: 'warning',
    fixable: true,
    fixHint: 'End the file with a single line break (tollgate validate-quick --fix does it).',
  },
  create(context) {
    // -text / binary in .gitattributes: the user asked git to keep these bytes as they are.
    if (context.attributes.lineEndings === 'binary') return;
    const text = context.text!;
    if (text.length === 0) return;
    const end = endOfContent(text);
    if (end === 0) {
      context.report({ message: 'The file holds nothing but blank lines.', line: 1, column: 1 });
      return;
    }
    const lastLineStart = text.lastIndexOf('\n', end - 1) + 1;
    const lastLineNumber = countLineBreaks(text.slice(0, lastLineStart), 0) + 1;
    const lastLine = text.slice(lastLineStart, end);
    if (!text.endsWith('\n')) {
      context.report({
        message: 'No line break at the end of the file.',
        line: lastLineNumber,
        column: lastLine.length + 1,
        snippet: snippetOf(lastLine),
      });
      return;
    }
    const blankLines = countLineBreaks(text, end) - 1;
    if (blankLines > 0) {
      context.report({
        message: `${blankLines} blank line${blankLines === 1 ? '' : 's'} at the end of the file.`,
        line: lastLineNumber + 1,
        column: 1,
        endLine: lastLineNumber + blankLines,
        snippet: snippetOf(lastLine),
      });
    }
  },
  fix(content) {
    if (content.length === 0) return content;
    const text = bytesAsText(content);
    const end = endOfContent(text);
    if (end === 0) return Buffer.alloc(0);
    return textAsBytes(text.slice(0, end) + lineBreakOf(text));
  },
};
