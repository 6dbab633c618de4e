import type { HygieneFileRule } from '../../../src/checks/hygiene/rule-context.ts';
import { isMarkdown, snippetOf, withoutCr } from '../../../src/checks/hygiene/text-lines.ts';

type Marker = 'open' | 'base' | 'separator' | 'close';

/**
 * Git's markers are exactly seven characters at the start of a line; the open, base and close
 * markers are followed by a space and a label (or nothing), the separator by nothing.
 */
function markerOf(line: string): Marker | undefined {
  const c = line[0];
  if (c !== '<' && c !== '|' && c !== '=' && c !== '>') return undefined;
  for (let i = 1; i < 7; i++) if (line[i] !== c) return undefined;
  const next = line[7];
  if (c === '=') return next === undefined ? 'separator' : undefined;
  if (next !== undefined && next !== ' ') return undefined;
  return c === '<' ? 'open' : c === '|' ? 'base' : 'close';
}

/** A Markdown code fence (``` or ~~~, up to three spaces of indent); returns its character and length. */
function fenceOf(line: string): { char: string; length: number } | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const char = line[i];
  if (char !== '`' && char !== '~') return undefined;
  let length = 0;
  while (line[i + length] === char) length++;
  return length >= 3 ? { char, length } : undefined;
}

export const mergeConflict: HygieneFileRule = {
  kind: 'file',
  textOnly: true,
  meta: {
    id: 'hygiene/merge-conflict',
    description: 'An unresolved merge conflict: <<<<<<< … ======= … >>>>>>> blocks, or a marker left behind.',
    severity: 'error',
    fixable: false,
    fixHint: 'Resolve the conflict: keep the right side (or combine both), then delete the marker lines.',
  },
  create(context) {
    const lines = context.text!.split('\n');
    const markdown = isMarkdown(context.path);
    let fence: { char: string; length: number } | undefined;
    let open: { line: number; text: string } | undefined;

    const stray = (lineNo: number, text: string) =>
      context.report({ message: `Conflict marker ${text.slice(0, 7)} left behind.`, line: lineNo, column: 1, endColumn: 8, snippet: snippetOf(text) });

    for (let i = 0; i < lines.length; i++) {
      const text = withoutCr(lines[i]!);
      if (markdown) {
        // Conflict blocks inside a fenced code block are documentation (an example of a conflict).
        const f = fenceOf(text);
        if (fence) {
          if (f && f.char === fence.char && f.length >= fence.length && text.trim() === f.char.repeat(f.length)) fence = undefined;
          continue;
        }
        if (f) {
          fence = f;
          continue;
        }
      }
      const marker = markerOf(text);
      if (marker === 'open') {
        if (open) stray(open.line, open.text);
        open = { line: i + 1, text };
      } else if (marker === 'close') {
        if (!open) {
          stray(i + 1, text);
          continue;
        }
        context.report({
          message: `Unresolved merge conflict (lines ${open.line}–${i + 1}).`,
          line: open.line,
          column: 1,
          endLine: i + 1,
          endColumn: text.length + 1,
          snippet: snippetOf(open.text),
        });
        open = undefined;
      }
      // A lone ======= is a Setext or reStructuredText heading underline; only blocks count.
    }
    if (open) stray(open.line, open.text);
  },
};
