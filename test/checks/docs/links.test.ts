import { describe, expect, it } from 'vitest';
import { resolveLink } from '../../../src/checks/docs/links.ts';
import { parseMarkdown } from '../../../src/checks/docs/markdown.ts';

describe('resolving Markdown links as GitHub does', () => {
  const cases: [string, string, ReturnType<typeof resolveLink>][] = [
    ['docs/guide.md', 'setup.md', { kind: 'local', target: 'docs/setup.md', anchor: undefined, sameDocument: false }],
    ['docs/guide.md', '../README.md#install', { kind: 'local', target: 'README.md', anchor: 'install', sameDocument: false }],
    ['docs/guide.md', '/src/app.ts?plain=1#L10', { kind: 'local', target: 'src/app.ts', anchor: 'L10', sameDocument: false }],
    ['docs/guide.md', '#usage', { kind: 'local', target: 'docs/guide.md', anchor: 'usage', sameDocument: true }],
    ['docs/guide.md', 'my%20notes.md', { kind: 'local', target: 'docs/my notes.md', anchor: undefined, sameDocument: false }],
    ['docs/guide.md', 'images/', { kind: 'local', target: 'docs/images', anchor: undefined, sameDocument: false }],
    ['README.md', 'https://example.com/x.md', { kind: 'external' }],
    ['README.md', 'mailto:security@example.com', { kind: 'external' }],
    ['README.md', '//cdn.example.com/logo.png', { kind: 'external' }],
    ['README.md', '../../issues', { kind: 'outside' }],
  ];
  for (const [from, url, expected] of cases) it(`${url} from ${from}`, () => expect(resolveLink(from, url)).toEqual(expected));
});

describe('anchors of a Markdown document', () => {
  it('slugs headings like GitHub, numbers repeats, and takes HTML ids and names', () => {
    const doc = parseMarkdown(['# Fees & Limits', '## `check()` API', '## Example', '## Example', '<a name="Legacy-Anchor"></a>', '<div id="cutoff">x</div>', ''].join('\n'));
    expect([...doc.anchors]).toEqual(['fees--limits', 'check-api', 'example', 'example-1', 'legacy-anchor', 'cutoff']);
  });

  it('does not take links or anchors from code blocks or HTML comments', () => {
    const doc = parseMarkdown(['```md', '[x](missing.md)', '```', '<!-- <a href="old.md">old</a> -->', '`[y](inline.md)`', ''].join('\n'));
    expect(doc.links).toEqual([]);
  });
});
