import picomatch from 'picomatch';
import type { DocsFileRule } from '../../../src/checks/docs/rule-context.ts';
import { resolveLink } from '../../../src/checks/docs/links.ts';

export const brokenLink: DocsFileRule = {
  kind: 'document',
  meta: {
    id: 'docs/broken-link',
    description: 'A relative link or image in a Markdown file that points at a file or folder that does not exist in the repository.',
    severity: 'error',
    fixable: false,
    fixHint: 'Point the link at the file where it is now (it may have moved or been renamed), or remove it.',
  },
  create(context) {
    const ignored = context.options.ignoreLinks.length > 0 ? picomatch(context.options.ignoreLinks, { dot: true }) : () => false;
    for (const link of context.doc.links) {
      const target = resolveLink(context.path, link.url);
      if (target.kind !== 'local' || target.sameDocument || target.target === '') continue;
      if (ignored(target.target) || context.files.exists(target.target)) continue;
      const what = link.kind === 'image' ? 'Broken image' : 'Broken link';
      context.report({
        line: link.line,
        column: link.column,
        snippet: link.url,
        message: `${what}: ${link.url} points at ${target.target}, which does not exist in the repository.`,
      });
    }
  },
};
