/**
 * Decoding of blobs that may hide a secret: base64 (standard or URL-safe), hex and percent
 * encoding. A decoding counts only when it yields mostly printable text; binary results (an
 * image, a compiled key) are not scanned.
 */

export type Encoding = 'base64' | 'hex' | 'percent';

export interface Decoded {
  encoding: Encoding;
  text: string;
  /** Offset of the decoded part inside the blob run it came from. */
  offset: number;
  length: number;
}

const MIN_DECODED = 12;

/** A percent escape. */
const PERCENT = /%[0-9A-Fa-f]{2}/;
const HEX = /^[0-9a-fA-F]+$/;

/** The patterns decoding runs on blob text of any length, for the catastrophic-backtracking test. */
export const DECODE_PATTERNS: readonly RegExp[] = [PERCENT, HEX];

function mostlyPrintable(bytes: Buffer): boolean {
  if (bytes.length < MIN_DECODED) return false;
  let printable = 0;
  for (const b of bytes) if ((b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13) printable++;
  return printable / bytes.length >= 0.95;
}

function decodePercent(run: string): string | undefined {
  if (!PERCENT.test(run)) return undefined;
  try {
    const text = decodeURIComponent(run);
    return text !== run && mostlyPrintable(Buffer.from(text, 'utf8')) ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Cheap rejections before decoding, on the run itself (no substring yet). Printable ASCII bytes
 * are below 0x80, so in base64 the first character of every 4-character group encodes a value
 * below 32 (A-Z or a-f), and in hex every byte's first digit is 0-7. Random base64 (hashes,
 * images) and identifiers fail within a few groups.
 */
function base64MayBeText(run: string, start: number, end: number): boolean {
  for (let i = start; i < end && i < start + 64; i += 4) {
    const c = run.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function hexMayBeText(body: string): boolean {
  for (let i = 0; i < body.length && i < 64; i += 2) {
    const c = body.charCodeAt(i);
    if (c < 48 || c > 55) return false;
  }
  return true;
}

/** Where the piece starting at `from` ends: the next `=` or `%`, or the end of the run. */
function nextSeparator(run: string, from: number): number {
  const equals = run.indexOf('=', from);
  const percent = run.indexOf('%', from);
  const end = equals < 0 ? percent : percent < 0 ? equals : Math.min(equals, percent);
  return end < 0 ? run.length : end;
}

function mayBeHex(run: string, start: number, end: number): boolean {
  const length = end - start;
  return length >= 32 && length % 2 === 0 && HEX.test(run.slice(start, end));
}

/**
 * The decodings of one blob run. A run may glue a key and its value (`key=c2VjcmV0…`), so it
 * is split into pieces (a stretch of base64/hex characters and the `=` padding after it) and
 * each long piece is tried on its own.
 */
export function decodeRun(run: string, minLength: number): Decoded[] {
  const out: Decoded[] = [];
  if (run.includes('%')) {
    const percent = decodePercent(run);
    if (percent !== undefined) {
      out.push({ encoding: 'percent', text: percent, offset: 0, length: run.length });
      return out;
    }
  }
  // A blob run holds only base64/hex characters, `=` and `%`; the last two split it into pieces.
  let at = 0;
  while (at < run.length) {
    const start = at;
    const end = nextSeparator(run, start);
    at = end;
    while (at < run.length && run.charCodeAt(at) === 61) at++; // the `=` padding
    if (at < run.length && run.charCodeAt(at) === 37) at++; // a lone `%`
    if (end - start < minLength) continue;
    if (mayBeHex(run, start, end)) {
      const body = run.slice(start, end);
      if (!hexMayBeText(body)) continue;
      const bytes = Buffer.from(body, 'hex');
      if (mostlyPrintable(bytes)) out.push({ encoding: 'hex', text: bytes.toString('utf8'), offset: start, length: at - start });
      continue;
    }
    if ((end - start) % 4 === 1 || !base64MayBeText(run, start, end)) continue;
    const bytes = Buffer.from(run.slice(start, end), 'base64');
    if (mostlyPrintable(bytes)) out.push({ encoding: 'base64', text: bytes.toString('utf8'), offset: start, length: at - start });
  }
  return out;
}
