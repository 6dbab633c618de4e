import type { HygieneFileRule } from '../../../src/checks/hygiene/rule-context.ts';
import { bytesAsText, extensionOf, isMarkdown, snippetOf, textAsBytes, trailingBlankRun } from '../../../src/checks/hygiene/text-lines.ts';

const PATCH_EXTENSIONS = new Set(['.patch', '.diff']);

/**
 * Markdown ends a line with two or more spaces to force a line break (CommonMark's "hard line
 * break"); on a line with text, a run of spaces only is that, not noise.
 */
function isHardBreak(line: string, run: { start: number; end: number }): boolean {
  if (run.start === 0 || run.end - run.start < 2) return false;
  // only spaces (a stray CR in the run is not part of a hard break)
  for (let i = run.start; i < run.end; i++) if (line.charCodeAt(i) !== 0x20) return false;
  return true;
}

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
    // -text / binary in .gitattributes: the user asked git to keep these bytes as they are.
    if (context.attributes.lineEndings === 'binary') return;
    // In a patch, a line's trailing blank is content (an empty context line is a single space).
    if (PATCH_EXTENSIONS.has(extensionOf(context.path))) return;
    const markdown = isMarkdown(context.path);
    const lines = context.text!.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const run = trailingBlankRun(line);
      if (!run || (markdown && isHardBreak(line, run))) continue;
      context.report({
        message: run.start === 0 ? 'Line of only whitespace.' : 'Trailing whitespace.',
        line: i + 1,
        column: run.start + 1,
        endColumn: run.end + 1,
        snippet: snippetOf(line),
      });
    }
  },
  fix(content, path) {
    const markdown = isMarkdown(path);
    const lines = bytesAsText(content).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const run = trailingBlankRun(line);
      if (!run || (markdown && isHardBreak(line, run))) continue;
      lines[i] = line.slice(0, run.start) + (line.endsWith('\r') ? '\r' : '');
    }
    return textAsBytes(lines.join('\n'));
  },
};
