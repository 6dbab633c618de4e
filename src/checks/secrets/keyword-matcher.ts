/**
 * The keyword prefilter: an Aho-Corasick automaton over ASCII keywords, matched case-insensitively
 * in one pass over the text. The automaton is compiled to a dense transition table (state × 128
 * ASCII codes), so the inner loop is one table lookup per character and no regex runs on text
 * that holds none of a rule's keywords.
 *
 * The same pass records runs of characters that could be an encoded blob (base64, hex,
 * percent-encoding), so finding blobs to decode costs no second pass.
 */

const ALPHABET = 128;

/** One keyword occurrence: which keyword, and where (`end` is exclusive). */
export interface KeywordHit {
  keyword: number;
  start: number;
  end: number;
}

/** A run of blob characters at least `minBlobLength` long: [start, end). */
export interface BlobRun {
  start: number;
  end: number;
}

export interface MatchResult {
  hits: KeywordHit[];
  blobs: BlobRun[];
}

/** Characters that may make up an encoded blob: base64 (standard and URL-safe), hex, %XX. */
const BLOB_CHAR = new Uint8Array(256);
for (let c = 0; c < ALPHABET; c++) {
  if (/[A-Za-z0-9+/=_%-]/.test(String.fromCharCode(c))) BLOB_CHAR[c] = 1;
}

/**
 * Compiled form: characters are mapped to classes (one per character that occurs in a keyword,
 * upper and lower case together; class 0 for every other character), states are renumbered so
 * that every state with an output comes last, and the transition table is states × classes.
 * That keeps the table small enough for the CPU cache and the output test a comparison.
 */
export class KeywordMatcher {
  readonly keywords: readonly string[];
  private readonly classOf: Uint8Array;
  private readonly classes: number;
  private readonly delta: Uint16Array | Uint32Array;
  /** States numbered at or above this have outputs. */
  private readonly firstOutputState: number;
  /** For each state, the keyword ids that end there (own output plus the failure chain's). */
  private readonly outputs: (readonly number[] | undefined)[];

  constructor(keywords: readonly string[]) {
    for (const k of keywords) {
      if (k.length === 0 || !/^[\x20-\x7e]+$/.test(k)) throw new Error(`keyword must be non-empty printable ASCII: ${JSON.stringify(k)}`);
    }
    this.keywords = keywords.map((k) => k.toLowerCase());

    // 0. Character classes.
    const classOf = new Uint8Array(256);
    let classes = 1;
    for (const keyword of this.keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const c = keyword.charCodeAt(i);
        if (classOf[c] === 0) classOf[c] = classes++;
      }
    }
    for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32]!;
    this.classOf = classOf;
    this.classes = classes;

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

    // 2. Failure links breadth-first, folded into a dense table (a DFA).
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

    // 3. Renumber: states without output first, so "has output" is `state >= firstOutputState`.
    const order = [...Array(states).keys()].sort((a, b) => Number(outputs[a] !== undefined) - Number(outputs[b] !== undefined) || a - b);
    const renamed = new Int32Array(states);
    order.forEach((old, i) => (renamed[old] = i));
    const delta = states < 65_536 ? new Uint16Array(states * classes) : new Uint32Array(states * classes);
    for (let old = 0; old < states; old++) {
      for (let cls = 0; cls < classes; cls++) delta[renamed[old]! * classes + cls] = renamed[dense[old * classes + cls]!]!;
    }
    const firstOutput = order.findIndex((old) => outputs[old] !== undefined);
    this.firstOutputState = firstOutput < 0 ? states : firstOutput;
    this.outputs = order.map((old) => outputs[old]);
    this.delta = delta;
    this.root = renamed[0]!;
  }

  private readonly root: number;

  /**
   * Every keyword occurrence (case-insensitive for ASCII letters), and the blob runs of at
   * least `minBlobLength` characters (0 = do not collect blobs). A Buffer is matched byte by
   * byte: keywords are ASCII and UTF-8 never uses bytes below 0x80 inside a multi-byte
   * character, so matching bytes is exact, and a file with no hit is never decoded at all.
   * Offsets are then byte offsets.
   */
  match(input: string | Uint8Array, minBlobLength = 0): MatchResult {
    return typeof input === 'string' ? this.matchString(input, minBlobLength) : this.matchBytes(input, minBlobLength);
  }

  private matchBytes(bytes: Uint8Array, minBlobLength: number): MatchResult {
    const { delta, outputs, keywords, classOf, classes, firstOutputState } = this;
    const hits: KeywordHit[] = [];
    const blobs: BlobRun[] = [];
    const collectBlobs = minBlobLength > 0;
    let state = this.root;
    // The current run of blob characters starts here; a non-blob character ends it.
    let runStart = 0;
    const minRun = collectBlobs ? minBlobLength : Infinity;
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      const c = bytes[i]!;
      state = delta[state * classes + classOf[c]!]!;
      if (state >= firstOutputState) {
        for (const id of outputs[state]!) hits.push({ keyword: id, start: i + 1 - keywords[id]!.length, end: i + 1 });
      }
      if (BLOB_CHAR[c] === 0) {
        if (i - runStart >= minRun) blobs.push({ start: runStart, end: i });
        runStart = i + 1;
      }
    }
    if (n - runStart >= minRun) blobs.push({ start: runStart, end: n });
    return { hits, blobs };
  }

  private matchString(text: string, minBlobLength: number): MatchResult {
    const { delta, outputs, keywords, classOf, classes, firstOutputState } = this;
    const hits: KeywordHit[] = [];
    const blobs: BlobRun[] = [];
    const collectBlobs = minBlobLength > 0;
    let state = this.root;
    let runStart = 0;
    const minRun = collectBlobs ? minBlobLength : Infinity;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      const c = code < ALPHABET ? code : 0;
      state = delta[state * classes + classOf[c]!]!;
      if (state >= firstOutputState) {
        for (const id of outputs[state]!) hits.push({ keyword: id, start: i + 1 - keywords[id]!.length, end: i + 1 });
      }
      if (BLOB_CHAR[c] === 0) {
        if (i - runStart >= minRun) blobs.push({ start: runStart, end: i });
        runStart = i + 1;
      }
    }
    if (n - runStart >= minRun) blobs.push({ start: runStart, end: n });
    return { hits, blobs };
  }
}
