import { findJsonSyntaxError } from '../../../src/checks/hygiene/json-syntax.ts';
import type { HygieneFileRule } from '../../../src/checks/hygiene/rule-context.ts';
import { extensionOf } from '../../../src/checks/hygiene/text-lines.ts';
import { globMatcher } from '../../../src/runner/glob-matcher.ts';

const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

function jsoncMatcher(globs: readonly string[]): (path: string) => boolean {
  let match = matchers.get(globs);
  if (!match) {
    match = globMatcher(globs);
    matchers.set(globs, match);
  }
  return match;
}

export const invalidJson: HygieneFileRule = {
  kind: 'file',
  textOnly: true,
  meta: {
    id: 'hygiene/invalid-json',
    description: 'A .json file that does not parse (JSONC files such as tsconfig.json may hold comments and trailing commas).',
    severity: 'error',
    fixable: false,
    fixHint: 'Fix the syntax at the reported line and column; for a file that is JSON with comments, add it to checks.hygiene.jsoncFiles.',
  },
  create(context) {
    const ext = extensionOf(context.path);
    const jsonc = ext === '.jsonc' || jsoncMatcher(context.options.jsoncFiles)(context.path);
    if (ext !== '.json' && !jsonc) return;
    const text = context.text!;
    if (!jsonc) {
      try {
        JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // the fast path: native
        return;
      } catch (error) {
        const found = findJsonSyntaxError(text, { jsonc: false });
        if (!found) {
          // JSON.parse and the scanner disagree: still report, without a position.
          context.report({ message: `Invalid JSON: ${error instanceof Error ? error.message : String(error)}`, line: 0, column: 0 });
          return;
        }
        context.report({ message: `Invalid JSON: ${found.message}.`, line: found.line, column: found.column, snippet: lineAt(text, found.offset) });
        return;
      }
    }
    const found = findJsonSyntaxError(text, { jsonc: true });
    if (found) context.report({ message: `Invalid JSON (with comments): ${found.message}.`, line: found.line, column: found.column, snippet: lineAt(text, found.offset) });
  },
};

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
