import type { DocsFileRule } from '../../../src/checks/docs/rule-context.ts';
import { jsonProblem, yamlProblems, type SyntaxProblem } from '../../../src/checks/docs/syntax.ts';

const YAML = new Set(['yaml', 'yml']);

export const invalidCodeBlock: DocsFileRule = {
  kind: 'document',
  meta: {
    id: 'docs/invalid-code-block',
    description: 'A fenced yaml/yml or json code block in a Markdown file that does not parse.',
    severity: 'error',
    fixable: false,
    fixHint: 'Fix the example so that it can be copied as is; mark a fragment that is not meant to parse with another info string (`text`, `jsonc`) or a tollgate-ignore comment before the block.',
  },
  create(context) {
    const { codeBlocks: enabled } = context.options;
    for (const block of context.doc.codeBlocks) {
      if (block.ignored.some((r) => r === 'docs' || r === 'docs/invalid-code-block')) continue;
      let problems: SyntaxProblem[] = [];
      let kind = '';
      if (YAML.has(block.lang) && enabled.yaml) {
        problems = yamlProblems(block.value);
        kind = 'YAML';
      } else if (block.lang === 'json' && enabled.json) {
        const problem = jsonProblem(block.value);
        problems = problem ? [problem] : [];
        kind = 'JSON';
      }
      for (const p of problems) {
        context.report({ line: block.line + p.line, column: p.column + block.indent, message: `Invalid ${kind} in a \`${block.lang}\` code block: ${p.message}.` });
      }
    }
  },
};
