import picomatch from 'picomatch';
import type { DocsRepoRule } from '../../../src/checks/docs/rule-context.ts';
import { globMatcher } from '../../../src/runner/glob-matcher.ts';

export const requiredDocument: DocsRepoRule = {
  kind: 'repository',
  meta: {
    id: 'docs/required-document',
    description: 'A document listed in checks.docs.required is not in the repository.',
    severity: 'error',
    fixable: false,
    fixHint: 'Write the document (or restore it), or take it off checks.docs.required.',
  },
  create(context) {
    for (const entry of context.options.required) {
      const isGlob = picomatch.scan(entry).isGlob;
      const match = globMatcher([entry]);
      const found = isGlob ? context.files.paths().some((p) => match(p)) : context.files.exists(entry);
      if (found) continue;
      context.report({ path: isGlob ? '' : entry, line: 0, column: 0, message: `Required document missing: ${entry} (checks.docs.required) is not in the repository.` });
    }
  },
};
