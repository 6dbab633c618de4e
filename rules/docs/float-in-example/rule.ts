import type { DocsRepoRule } from '../../../src/checks/docs/rule-context.ts';

export const floatInExample: DocsRepoRule = {
  kind: 'repository',
  meta: {
    id: 'docs/float-in-example',
    description: 'A fenced TypeScript block in a Markdown file that handles money as a float, found by the float-in-finance rules.',
    severity: 'error',
    fixable: false,
    fixHint: 'Rewrite the example with a decimal type or integer minor units, as the float rule named in the message says; an example of what not to do gets a tollgate-ignore comment before the block.',
  },
  async create(context) {
    if (!context.options.codeBlocks.float) return;
    for (const f of await context.floatExamples()) {
      context.report({
        path: f.path,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        severity: f.severity,
        ...(f.snippet !== undefined ? { snippet: f.snippet } : {}),
        message: `Example teaches money as a float (${f.floatRuleId}): ${f.message}`,
      });
    }
  },
};
