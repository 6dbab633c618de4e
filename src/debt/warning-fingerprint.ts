import { fingerprint } from '../findings/fingerprint.ts';

/**
 * A warning's fingerprint is two short hashes, `<line>.<context>`:
 * - line: the rule and the offending line's text with all whitespace removed;
 * - context: the rule and the text of the line before, the line and the line after.
 * Neither holds the path or a line number, so moving code inside a file, reformatting other
 * lines and renaming the file keep it. Matching tries the whole fingerprint, then the context
 * (the line itself was edited), then the line alone (its neighbours changed): see compare.ts.
 */
export interface WarningFingerprint {
  line: string;
  context: string;
}

/** Whitespace never matters: `foo(a,b)` and `foo( a, b )` are the same line. */
function squash(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, '');
}

function shortHash(ruleId: string, content: string): string {
  return fingerprint({ ruleId, path: '', content }).slice(0, 8);
}

/** Lines of a text, without line terminators (CRLF or LF). */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/**
 * The fingerprint of a warning at 1-based `line` of `lines`. Line 0 (the whole file) and lines
 * past the end use `fallback` (a snippet) as the line text and no neighbours.
 */
export function warningFingerprint(ruleId: string, lines: readonly string[] | undefined, line: number, fallback?: string): WarningFingerprint {
  const inFile = lines !== undefined && line >= 1 && line <= lines.length;
  const text = inFile ? lines[line - 1] : fallback?.split(/\r?\n/)[0];
  const before = inFile ? lines[line - 2] : undefined;
  const after = inFile ? lines[line] : undefined;
  const own = squash(text);
  return {
    line: shortHash(ruleId, own),
    context: shortHash(ruleId, [squash(before), own, squash(after)].join('\0')),
  };
}

export function formatFingerprint(fp: WarningFingerprint): string {
  return `${fp.line}.${fp.context}`;
}

export function parseFingerprint(text: string): WarningFingerprint {
  const dot = text.indexOf('.');
  return { line: text.slice(0, dot), context: text.slice(dot + 1) };
}
