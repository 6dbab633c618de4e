import type { DocsFileRule } from '../../../src/checks/docs/rule-context.ts';
import { isMarkdownPath, resolveLink } from '../../../src/checks/docs/links.ts';

export const brokenAnchor: DocsFileRule = {
  kind: 'document',
  meta: {
    id: 'docs/broken-anchor',
    description: 'A link to #anchor that no heading or HTML id of the target Markdown document defines.',
    severity: 'error',
    fixable: false,
    fixHint: 'Use the anchor GitHub makes from the heading (lower case, spaces as "-", punctuation dropped), or fix the heading.',
  },
  async create(context) {
    if (!context.options.anchors) return;
    for (const link of context.doc.links) {
      const target = resolveLink(context.path, link.url);
      if (target.kind !== 'local' || target.anchor === undefined || target.anchor === '' || target.anchor.toLowerCase() === 'top') continue;
      if (!isMarkdownPath(target.target)) continue; // #L10 in a source file, an id in an HTML page: not ours to check
      const anchors = target.sameDocument ? context.doc.anchors : await context.files.anchorsOf(target.target);
      if (anchors === undefined || anchors.has(target.anchor.toLowerCase())) continue; // a missing file is docs/broken-link's
      const where = target.sameDocument ? 'this document' : target.target;
      context.report({
        line: link.line,
        column: link.column,
        snippet: link.url,
        message: `Broken anchor: ${link.url}: ${where} has no heading or id "${target.anchor}".`,
      });
    }
  },
};
