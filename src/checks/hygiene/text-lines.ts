/**
 * Line helpers shared by the text rules. Every function is a single pass over the text (no
 * regular expression that could backtrack), so a pathological line costs linear time.
 */

/** The text of a line without its line break ('\n' or '\r\n'). */
export function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * The blank run at the end of `line` (a line without its '\n'): spaces, tabs and stray CRs,
 * reported only when it holds a space or a tab. `end` excludes the line's own CR (of a CRLF).
 * Counting stray CRs into the run is what lets the line-ending and whitespace fixes reach a
 * fixed point in one pass (`a \r \r\n` becomes `a\n`, not `a\r\n`).
 */
export function trailingBlankRun(line: string): { start: number; end: number } | undefined {
  let start = line.length;
  let blank = false;
  while (start > 0) {
    const c = line.charCodeAt(start - 1);
    if (c === 0x20 || c === 0x09) blank = true;
    else if (c !== 0x0d) break;
    start--;
  }
  if (!blank) return undefined;
  return { start, end: line.endsWith('\r') ? line.length - 1 : line.length };
}

/** Offset just past the last character that is not '\r' or '\n'. */
export function endOfContent(text: string): number {
  let end = text.length;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c !== 0x0a && c !== 0x0d) break;
    end--;
  }
  return end;
}

/**
 * Byte-exact text for fixes: latin1 maps every byte to one character and back, so a transform
 * that only touches ASCII (spaces, tabs, CR, LF) keeps every other byte, even invalid UTF-8.
 */
export function bytesAsText(content: Buffer): string {
  return content.toString('latin1');
}

export function textAsBytes(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** A snippet for a finding: one line, capped so a minified file does not flood the report. */
export function snippetOf(line: string): string {
  const text = withoutCr(line);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function isMarkdown(path: string): boolean {
  return ['.md', '.markdown', '.mdx'].includes(extensionOf(path));
}

export function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(dot).toLowerCase() : '';
}
