/**
 * A Markdown document as the docs rules see it: its links, the anchors it defines, its front
 * matter and its fenced code blocks, each with 1-based lines in the file. Parsed with
 * mdast-util-from-markdown plus the GFM and front-matter extensions (CommonMark as GitHub
 * renders it).
 */
import GithubSlugger from 'github-slugger';
import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parseSuppressions } from '../../findings/suppressions.ts';

export interface DocLink {
  url: string;
  line: number;
  column: number;
  kind: 'link' | 'image' | 'definition' | 'html';
}

export interface CodeBlock {
  /** The info string's first word, lower-cased ('' when none). */
  lang: string;
  value: string;
  /** 1-based line of the fence; the block's first line of content is `line + 1`. */
  line: number;
  /** Indentation of the content (inside a list or a block quote), for columns. */
  indent: number;
  /** Rules a `<!-- tollgate-ignore <rule>: <reason> -->` comment right before the block turns off for all of it. */
  ignored: string[];
}

export interface FrontMatter {
  value: string;
  /** 1-based line of the opening `---`. */
  line: number;
}

export interface MarkdownDoc {
  links: DocLink[];
  /** Lower-cased anchors: heading slugs as GitHub makes them, and HTML `id` / `name` attributes. */
  anchors: Set<string>;
  codeBlocks: CodeBlock[];
  frontMatter: FrontMatter | undefined;
}

export function parseMarkdown(text: string): MarkdownDoc {
  const tree: Root = fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  const doc: MarkdownDoc = { links: [], anchors: new Set(), codeBlocks: [], frontMatter: undefined };
  const slugger = new GithubSlugger();
  walk(tree, (node, parent, index) => {
    const at = node.position?.start ?? { line: 0, column: 0 };
    switch (node.type) {
      case 'heading':
        doc.anchors.add(slugger.slug(plainText(node)).toLowerCase());
        break;
      case 'link':
      case 'image':
      case 'definition':
        doc.links.push({ url: node.url, line: at.line, column: at.column, kind: node.type });
        break;
      case 'html':
        for (const found of htmlAttributes(node.value)) {
          if (found.name === 'href' || found.name === 'src') doc.links.push({ url: found.value, line: at.line + found.lineOffset, column: at.column, kind: 'html' });
          else doc.anchors.add(found.value.toLowerCase());
        }
        break;
      case 'yaml':
        if (!doc.frontMatter) doc.frontMatter = { value: node.value, line: at.line };
        break;
      case 'code':
        doc.codeBlocks.push({
          lang: (node.lang ?? '').toLowerCase(),
          value: node.value,
          line: at.line,
          indent: at.column - 1,
          ignored: parent && index !== undefined ? ignoredBefore(parent, index) : [],
        });
        break;
      default:
        break;
    }
  });
  return doc;
}

function walk(node: Nodes, visit: (node: Nodes, parent: Parents | undefined, index: number | undefined) => void, parent?: Parents, index?: number): void {
  visit(node, parent, index);
  if ('children' in node) node.children.forEach((child, i) => walk(child as Nodes, visit, node, i));
}

/** The text of a heading as GitHub slugs it: text, inline code and image alt text. */
function plainText(node: Nodes): string {
  if ('value' in node && node.type !== 'html') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** Rules switched off for a code block by a suppression comment that is its previous sibling. */
function ignoredBefore(parent: Parents, index: number): string[] {
  const previous = parent.children[index - 1];
  if (!previous || previous.type !== 'html') return [];
  return parseSuppressions(previous.value).flatMap((s) => (s.reason ? s.rules : []));
}

/** href/src (links) and id/name (anchors) attributes of raw HTML, with the line they are on. */
function htmlAttributes(html: string): { name: string; value: string; lineOffset: number }[] {
  if (html.startsWith('<!--')) return [];
  const found: { name: string; value: string; lineOffset: number }[] = [];
  for (const m of html.matchAll(/\s(href|src|id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const value = m[2] ?? m[3] ?? '';
    const lineOffset = html.slice(0, m.index).split('\n').length - 1;
    found.push({ name: m[1]!.toLowerCase(), value, lineOffset });
  }
  return found;
}

export const TS_LANGS = new Set(['ts', 'typescript', 'tsx', 'mts', 'cts']);

export interface ExampleBlock {
  /** The Markdown file's repository path. */
  path: string;
  block: CodeBlock;
}

/** The blocks to analyse: TypeScript ones not switched off by a comment before them. */
export function typescriptBlocks(documents: readonly { path: string; doc: { codeBlocks: CodeBlock[] } }[]): ExampleBlock[] {
  return documents.flatMap((d) =>
    d.doc.codeBlocks.filter((b) => TS_LANGS.has(b.lang) && !b.ignored.some((r) => r === 'docs' || r === 'docs/float-in-example')).map((block) => ({ path: d.path, block })),
  );
}
