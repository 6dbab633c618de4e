/** Where a link in a Markdown file points, resolved the way GitHub resolves it in a repository. */
import path from 'node:path';

export type LinkTarget =
  /** A URL with a scheme (https:, mailto:) or protocol-relative: not checked. */
  | { kind: 'external' }
  /** Above the repository root (GitHub's ../../issues and the like): not checked. */
  | { kind: 'outside' }
  /** A path in the repository ('' is the root), with its #anchor, if any. */
  | { kind: 'local'; target: string; anchor: string | undefined; sameDocument: boolean };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function resolveLink(docPath: string, url: string): LinkTarget {
  const trimmed = url.trim();
  if (trimmed === '' || SCHEME.test(trimmed) || trimmed.startsWith('//')) return { kind: 'external' };
  const hash = trimmed.indexOf('#');
  const rawPath = (hash === -1 ? trimmed : trimmed.slice(0, hash)).replace(/\?.*$/, '');
  const anchor = hash === -1 ? undefined : safeDecode(trimmed.slice(hash + 1));
  if (rawPath === '') return { kind: 'local', target: docPath, anchor, sameDocument: true };
  const decoded = safeDecode(rawPath);
  const joined = decoded.startsWith('/') ? path.posix.normalize(decoded.slice(1)) : path.posix.join(path.posix.dirname(docPath), decoded);
  const target = joined === '.' ? '' : joined.replace(/\/$/, '');
  if (target === '..' || target.startsWith('../')) return { kind: 'outside' };
  return { kind: 'local', target, anchor, sameDocument: target === docPath };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Markdown files, whose anchors are headings; anchors into other files (#L10) are not checked. */
export function isMarkdownPath(p: string): boolean {
  return /\.(?:md|markdown|mdx)$/i.test(p);
}
