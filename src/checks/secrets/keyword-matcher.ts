/**
 * The keyword prefilter: an Aho-Corasick automaton over ASCII keywords, matched case-insensitively
 * in one pass over the text. The automaton is compiled to a dense transition table (state × 256
 * byte values), so the inner loop is one table lookup per character and no regex runs on text
 * that holds none of a rule's keywords.
 *
 * Runs of characters that could be an encoded blob (base64, hex, percent-encoding) are found in
 * the same WebAssembly module in long inputs, and by probing every `min`-th character in short
 * ones; only runs that could decode to text are returned.
 */

import { mayHoldText } from './decode.ts';
import { BLOB_SPECIALS, DfaKernel } from './dfa-kernel.ts';

const ALPHABET = 128;
/** Inputs shorter than this are walked here, in JavaScript; longer ones by the WebAssembly kernel. */
const INTERLEAVE_MIN = 4096;

/**
 * What one pass finds, as flat arrays of pairs (no object per hit: a source tree has a keyword
 * every few hundred bytes, and the detector reads each pair once).
 */
export interface MatchResult {
  /** `[keyword id, start offset]` pairs, in the order the keywords end in the input. */
  hits: number[];
  /** `[start, end)` pairs of the blob runs at least `minBlobLength` long, in order. */
  blobs: number[];
}

/** Characters that may make up an encoded blob: base64 (standard and URL-safe), hex, %XX. */
const BLOB_CHAR = new Uint8Array(256);
for (let c = 0; c < ALPHABET; c++) {
  if (/[A-Za-z0-9]/.test(String.fromCharCode(c)) || BLOB_SPECIALS.includes(String.fromCharCode(c))) BLOB_CHAR[c] = 1;
}

/**
 * Compiled form: the trie is built over character classes (one per character that occurs in a
 * keyword, upper and lower case together; class 0 for every other character), then folded into
 * a DFA whose table is indexed by the byte itself (states × 256), with every entry already
 * multiplied by 256. The inner loop is then one load per byte and no arithmetic:
 * `state = table[state + byte]`. States are renumbered so that every state with an output comes
 * last, which makes the output test one comparison.
 */
export class KeywordMatcher {
  readonly keywords: readonly string[];
  /** (states × 256) transitions, each the next state's row offset (state × 256). */
  private readonly table: Int32Array;
  /** Row offsets at or above this have outputs. */
  private readonly firstOutputRow: number;
  /** For each state, the keyword ids that end there (own output plus the failure chain's). */
  private readonly outputs: (readonly number[] | undefined)[];
  private readonly rootRow: number;
  /** Length of the longest keyword. */
  private readonly longest: number;
  /** Length of each keyword, by id. */
  readonly lengths: readonly number[];
  /** The WebAssembly walk for long inputs, made on first use. */
  private kernel: DfaKernel | undefined;

  constructor(keywords: readonly string[]) {
    for (const k of keywords) {
      if (k.length === 0 || !/^[\x20-\x7e]+$/.test(k)) throw new Error(`keyword must be non-empty printable ASCII: ${JSON.stringify(k)}`);
    }
    this.keywords = keywords.map((k) => k.toLowerCase());

    // 0. Character classes.
    const classOf = new Uint8Array(ALPHABET);
    let classes = 1;
    for (const keyword of this.keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const c = keyword.charCodeAt(i);
        if (classOf[c] === 0) classOf[c] = classes++;
      }
    }
    for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32]!;

    // 1. The trie, over classes.
    const goto: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    this.keywords.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const cls = classOf[keyword.charCodeAt(i)]!;
        let next = goto[state]!.get(cls);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          own.push([]);
          goto[state]!.set(cls, next);
        }
        state = next;
      }
      own[state]!.push(id);
    });

    // 2. Failure links breadth-first, folded into a dense table over classes (a DFA).
    const states = goto.length;
    const dense = new Int32Array(states * classes);
    const fail = new Int32Array(states);
    const outputs: (number[] | undefined)[] = own.map((o) => (o.length > 0 ? [...o] : undefined));
    const queue: number[] = [];
    for (let cls = 1; cls < classes; cls++) {
      const next = goto[0]!.get(cls);
      if (next !== undefined) {
        dense[cls] = next;
        queue.push(next);
      }
    }
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      const inherited = outputs[fail[state]!];
      if (inherited) outputs[state] = [...(outputs[state] ?? []), ...inherited];
      for (let cls = 1; cls < classes; cls++) {
        const next = goto[state]!.get(cls);
        if (next !== undefined) {
          fail[next] = dense[fail[state]! * classes + cls]!;
          dense[state * classes + cls] = next;
          queue.push(next);
        } else {
          dense[state * classes + cls] = dense[fail[state]! * classes + cls]!;
        }
      }
    }

    // 3. Renumber (states without output first) and expand to one column per byte value.
    const order = [...Array(states).keys()].sort((a, b) => Number(outputs[a] !== undefined) - Number(outputs[b] !== undefined) || a - b);
    const renamed = new Int32Array(states);
    order.forEach((old, i) => (renamed[old] = i));
    //    Breadth-first, each state's row is its failure state's row (complete, being shallower)
    //    with its own trie edges written over it: a native copy per state and a few stores
    //    instead of 256 lookups, which run unoptimised at start-up on every scanning thread.
    const bytesOf: number[][] = Array.from({ length: classes }, () => []);
    for (let byte = 0; byte < ALPHABET; byte++) if (classOf[byte] !== 0) bytesOf[classOf[byte]!]!.push(byte);
    const table = new Int32Array(states * 256);
    const rowOf = (old: number) => renamed[old]! * 256;
    const writeEdges = (old: number) => {
      const row = rowOf(old);
      for (const [cls, next] of goto[old]!) for (const byte of bytesOf[cls]!) table[row + byte] = rowOf(next);
    };
    table.fill(rowOf(0), rowOf(0), rowOf(0) + 256);
    writeEdges(0);
    for (const old of queue) {
      const from = rowOf(fail[old]!);
      table.copyWithin(rowOf(old), from, from + 256);
      writeEdges(old);
    }
    const firstOutput = order.findIndex((old) => outputs[old] !== undefined);
    this.firstOutputRow = (firstOutput < 0 ? states : firstOutput) * 256;
    this.outputs = order.map((old) => outputs[old]);
    this.table = table;
    this.rootRow = renamed[0]! * 256;
    this.lengths = this.keywords.map((k) => k.length);
    this.longest = Math.max(0, ...this.lengths);
  }

  /**
   * Every keyword occurrence (case-insensitive for ASCII letters), and the blob runs of at
   * least `minBlobLength` characters (0 = do not collect blobs). A Buffer is matched byte by
   * byte: keywords are ASCII and UTF-8 never uses bytes below 0x80 inside a multi-byte
   * character, so matching bytes is exact, and a file with no hit is never decoded at all.
   * Offsets are then byte offsets.
   *
   * A string is matched through its latin1 bytes (one byte per UTF-16 unit, so offsets are
   * string offsets). A character above U+00FF keeps only its low byte there; that can add a
   * hit or lengthen a blob run, which the rules and the decoder then check on the real text,
   * but it can never hide one, since keywords and blob characters are ASCII.
   */
  match(input: string | Uint8Array, minBlobLength = 0): MatchResult {
    const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
    let hits: number[];
    let runs: number[];
    if (bytes.length < INTERLEAVE_MIN) {
      hits = this.hits(bytes);
      runs = minBlobLength > 0 ? blobRuns(bytes, minBlobLength) : [];
    } else {
      // A long input: the WebAssembly kernel walks the automaton and, 16 bytes at a time, finds
      // the blob runs (for minimum lengths above 16; shorter ones are probed for here).
      this.kernel ??= new DfaKernel(this.table, this.firstOutputRow, this.rootRow, this.longest, BLOB_CHAR);
      const inKernel = minBlobLength > 16;
      const walked = this.kernel.walk(bytes, inKernel ? minBlobLength : 0);
      hits = this.expand(walked.pairs);
      runs = inKernel ? walked.runs : minBlobLength > 0 ? blobRuns(bytes, minBlobLength) : [];
    }
    // Of the runs, only those that could be the encoding of text are worth decoding.
    const blobs: number[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      if (mayHoldText(bytes, runs[k]!, runs[k + 1]!, minBlobLength)) blobs.push(runs[k]!, runs[k + 1]!);
    }
    return { hits, blobs };
  }

  /**
   * The automaton's walk over a short input: (last byte, state row) pairs for every byte after
   * which the automaton is in a state with outputs, turned into (keyword, start) pairs in the
   * order the keywords end. Long inputs go to the WebAssembly kernel (dfa-kernel.ts), which
   * walks four quarters at once.
   */
  private hits(bytes: Uint8Array): number[] {
    const { table, firstOutputRow: out } = this;
    const found: number[] = [];
    let row = this.rootRow;
    for (let i = 0; i < bytes.length; i++) {
      row = table[row + bytes[i]!]!;
      if (row >= out) found.push(i, row);
    }
    return this.expand(found);
  }

  /** (keyword, start) pairs from (last byte, state) pairs: every keyword that ends in that state. */
  private expand(pairs: readonly number[]): number[] {
    const { outputs, lengths } = this;
    const hits: number[] = [];
    for (let k = 0; k < pairs.length; k += 2) {
      const next = pairs[k]! + 1;
      for (const id of outputs[pairs[k + 1]! >> 8]!) hits.push(id, next - lengths[id]!);
    }
    return hits;
  }
}

/**
 * The runs of at least `min` blob characters in a short input (the kernel finds them in long
 * ones). Any such run covers a position that is a multiple of `min` (minus one), so only those
 * positions are probed. A run through a probe `p` that is at least `min` long also covers
 * `p - min/2` or `p + min/2`, so when neither is a blob character the probe is dropped without
 * walking its run: ordinary text (identifiers, words) costs about three reads per `min`
 * characters.
 */
export function blobRuns(bytes: Uint8Array, min: number): number[] {
  const runs: number[] = [];
  const n = bytes.length;
  const half = min >> 1;
  let probe = min - 1;
  while (probe < n) {
    if (BLOB_CHAR[bytes[probe]!] === 0 || (BLOB_CHAR[bytes[probe - half]!] === 0 && (probe + half >= n || BLOB_CHAR[bytes[probe + half]!] === 0))) {
      probe += min;
      continue;
    }
    let start = probe;
    while (start > 0 && BLOB_CHAR[bytes[start - 1]!] === 1) start--;
    let end = probe + 1;
    while (end < n && BLOB_CHAR[bytes[end]!] === 1) end++;
    if (end - start >= min) runs.push(start, end);
    // The next run starts after `end`, so it covers `end + min` if it is long enough.
    probe = end + min;
  }
  return runs;
}
