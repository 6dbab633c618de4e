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

/** The patterns decoding runs on blob text of any length, for the catastrophic-backtracking test. */
export const DECODE_PATTERNS: readonly RegExp[] = [PERCENT];

const EQUALS = 61;
const PERCENT_SIGN = 37;

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

const HEX_DIGIT = new Uint8Array(256);
for (const ch of '0123456789abcdefABCDEF') HEX_DIGIT[ch.charCodeAt(0)] = 1;

/**
 * Cheap rejections before decoding, on the bytes of a piece. Printable ASCII bytes are below
 * 0x80, so in base64 the first character of every 4-character group encodes a value below 32
 * (A-Z or a-f), and in hex every byte's first digit is 0-7. Random base64 (hashes, images),
 * paths and identifiers fail within a few groups.
 */
function base64MayBeText(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end && i < start + 64; i += 4) {
    const c = bytes[i]!;
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function hexMayBeText(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end && i < start + 64; i += 2) {
    const c = bytes[i]!;
    if (c < 48 || c > 55) return false;
  }
  return true;
}

function allHex(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (HEX_DIGIT[bytes[i]!] === 0) return false;
  return true;
}

/** Where the piece starting at `from` ends: the next `=` or `%`, or `end`. */
function pieceEnd(bytes: Uint8Array, from: number, end: number): number {
  let i = from;
  while (i < end && bytes[i] !== EQUALS && bytes[i] !== PERCENT_SIGN) i++;
  return i;
}

/** Past the `=` padding after a piece, and a lone `%`. */
function pastSeparators(bytes: Uint8Array, at: number, end: number): number {
  while (at < end && bytes[at] === EQUALS) at++;
  if (at < end && bytes[at] === PERCENT_SIGN) at++;
  return at;
}

/** How a piece may be decoded to text, by the cheap checks alone; undefined when it cannot be. */
function pieceEncoding(bytes: Uint8Array, start: number, end: number, min: number): 'hex' | 'base64' | undefined {
  const length = end - start;
  if (length < min) return undefined;
  // A hex-looking piece is hex or nothing: hex is valid base64 too, but decodes to noise as that.
  if (length >= 32 && length % 2 === 0 && allHex(bytes, start, end)) return hexMayBeText(bytes, start, end) ? 'hex' : undefined;
  return length % 4 !== 1 && base64MayBeText(bytes, start, end) ? 'base64' : undefined;
}

/**
 * Whether the blob run `bytes[start, end)` is worth decoding: it holds a percent escape, or one
 * of its pieces passes the cheap checks. The keyword pass asks this of every run it finds, so a
 * tree full of paths and identifiers never reaches decodeRun; decodeRun tries exactly the
 * pieces this accepts.
 */
export function mayHoldText(bytes: Uint8Array, start: number, end: number, min: number): boolean {
  let at = start;
  while (at < end) {
    const stop = pieceEnd(bytes, at, end);
    if (pieceEncoding(bytes, at, stop, min) !== undefined) return true;
    at = stop;
    while (at < end && bytes[at] === EQUALS) at++;
    if (at < end && bytes[at] === PERCENT_SIGN) return true;
  }
  return false;
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
  // A blob run holds only ASCII (base64/hex characters, `=` and `%`), so its latin1 bytes are its characters.
  const bytes = Buffer.from(run, 'latin1');
  let at = 0;
  while (at < bytes.length) {
    const start = at;
    const end = pieceEnd(bytes, start, bytes.length);
    at = pastSeparators(bytes, end, bytes.length);
    const encoding = pieceEncoding(bytes, start, end, minLength);
    if (encoding === undefined) continue;
    const decoded = Buffer.from(run.slice(start, end), encoding);
    if (mostlyPrintable(decoded)) out.push({ encoding, text: decoded.toString('utf8'), offset: start, length: at - start });
  }
  return out;
}
