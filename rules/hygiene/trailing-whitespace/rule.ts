import type { HygieneFileRule } from '../../../src/checks/hygiene/rule-context.ts';

const TRAILING = /[ \t]+(?=\r?$)/;

export const trailingWhitespace: HygieneFileRule = {
  kind: 'file',
  textOnly: true,
  meta: {
    id: 'hygiene/trailing-whitespace',
    description: 'Lines that end in spaces or tabs.',
    severity: 'warning',
    fixable: true,
    fixHint: 'Strip the whitespace at the end of the line (tollgate validate-quick --fix does it).',
  },
  create(context) {
    const lines = context.text!.split('\n');
    // Markdown uses two trailing spaces as a hard line break; leave those alone.
    const markdown = isMarkdown(context.path);
    lines.forEach((line, i) => {
      const match = TRAILING.exec(line);
      if (!match) return;
      if (markdown && match[0] === '  ') return;
      context.report({
        message: 'Trailing whitespace.',
        line: i + 1,
        column: match.index + 1,
        endColumn: match.index + match[0].length + 1,
        snippet: line.replace(/\r$/, ''),
      });
    });
  },
  fix(content, path) {
    const markdown = isMarkdown(path);
    const fixed = content
      .toString('utf8')
      .split('\n')
      .map((line) => {
        const cr = line.endsWith('\r') ? '\r' : '';
        const body = cr ? line.slice(0, -1) : line;
        const match = TRAILING.exec(body);
        if (!match || (markdown && match[0] === '  ')) return line;
        return body.slice(0, match.index) + cr;
      })
      .join('\n');
    return Buffer.from(fixed, 'utf8');
  },
};

function isMarkdown(path: string): boolean {
  return /\.(md|markdown|mdx)$/i.test(path);
}
