import type { DocsFileRule } from '../../../src/checks/docs/rule-context.ts';
import { yamlProblems } from '../../../src/checks/docs/syntax.ts';

export const invalidFrontMatter: DocsFileRule = {
  kind: 'document',
  meta: {
    id: 'docs/invalid-front-matter',
    description: 'YAML front matter (between --- lines at the top of a Markdown file) that does not parse.',
    severity: 'error',
    fixable: false,
    fixHint: 'Fix the YAML at the reported line: site generators and GitHub drop front matter that does not parse, or fail the build.',
  },
  create(context) {
    const front = context.doc.frontMatter;
    if (!front) return;
    for (const problem of yamlProblems(front.value)) {
      context.report({ line: front.line + problem.line, column: problem.column, message: `Invalid YAML front matter: ${problem.message}.` });
    }
  },
};
