import type { HygieneFileRule } from '../../../src/checks/hygiene/rule-context.ts';
import { extensionOf, snippetOf } from '../../../src/checks/hygiene/text-lines.ts';

export const invalidToml: HygieneFileRule = {
  kind: 'file',
  textOnly: true,
  meta: {
    id: 'hygiene/invalid-toml',
    description: 'A .toml file that does not parse (TOML 1.0).',
    severity: 'error',
    fixable: false,
    fixHint: 'Fix the syntax at the reported line and column.',
  },
  async create(context) {
    if (extensionOf(context.path) !== '.toml') return;
    const text = context.text!;
    const { parse, TomlError } = await import('smol-toml'); // loaded only when a TOML file is in scope
    try {
      parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      if (!(error instanceof TomlError)) throw error;
      const first = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
      context.report({
        message: `Invalid TOML: ${first}.`,
        line: error.line,
        column: error.column,
        snippet: snippetOf(text.split('\n')[error.line - 1] ?? ''),
      });
    }
  },
};
