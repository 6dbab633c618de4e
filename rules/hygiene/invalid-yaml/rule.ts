import type { HygieneFileRule } from '../../../src/checks/hygiene/rule-context.ts';
import { extensionOf, snippetOf } from '../../../src/checks/hygiene/text-lines.ts';

/** yaml's messages end in " at line L, column C:" and a drawing of the spot; the finding has both. */
function shortMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  const at = first.lastIndexOf(' at line ');
  return (at === -1 ? first : first.slice(0, at)).replace(/:$/, '');
}

export const invalidYaml: HygieneFileRule = {
  kind: 'file',
  textOnly: true,
  meta: {
    id: 'hygiene/invalid-yaml',
    description: 'A .yml or .yaml file with a syntax error in any of its documents (duplicate keys included).',
    severity: 'error',
    fixable: false,
    fixHint: 'Fix the syntax at the reported line and column; a template that is not YAML yet (Helm) can be turned off with an `overrides` entry.',
  },
  async create(context) {
    const ext = extensionOf(context.path);
    if (ext !== '.yml' && ext !== '.yaml') return;
    const text = context.text!;
    const { parseAllDocuments } = await import('yaml'); // loaded only when a YAML file is in scope
    const parsed = parseAllDocuments(text, { merge: true, uniqueKeys: true, prettyErrors: true });
    const documents = Array.isArray(parsed) ? parsed : [];
    const lines = text.split('\n');
    for (const [index, doc] of documents.entries()) {
      const error = doc.errors[0]; // later errors in a document usually follow from the first
      if (!error) continue;
      const pos = error.linePos?.[0];
      const where = documents.length > 1 ? ` (document ${index + 1})` : '';
      context.report({
        message: `Invalid YAML${where}: ${shortMessage(error.message)}.`,
        line: pos?.line ?? 0,
        column: pos?.col ?? 0,
        ...(pos ? { snippet: snippetOf(lines[pos.line - 1] ?? '') } : {}),
      });
    }
  },
};
