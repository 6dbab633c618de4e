/**
 * The detector's two passes over every byte of every scanned file, as WebAssembly functions: the
 * keyword automaton's walk (one table load per byte; compiled code without bounds checks on every
 * load walks four independent chains about twice as fast as the same loop in JavaScript), and
 * the search for runs of blob characters, 16 bytes at a time with SIMD compares. WebAssembly is
 * part of Node itself, so nothing native is needed on a bare runner.
 *
 * The module is a few hundred bytes, assembled here by hand (below) rather than shipped as a
 * binary. Its memory holds the transition table (entries are byte offsets of the next state's
 * row: state × 1024), the input chunk, the (last byte, row) pairs the walk emits and the
 * (end, length) pairs of the runs.
 */

/** Inputs are walked in chunks of this size, so the kernel's memory stays bounded (about 11 MiB). */
const CHUNK = 1 << 20;
/** Below this, a region is walked as one chain (quarters would be too short to pay off). */
const INTERLEAVE_MIN = 4096;

// --- A minimal WebAssembly encoder: just what the three functions need. ---------------------

const I32 = 0x7f;
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Buffer.from(s, 'ascii')];

const op = {
  get: (i: number) => [0x20, i],
  set: (i: number) => [0x21, i],
  tee: (i: number) => [0x22, i],
  const: (n: number) => [0x41, ...sleb(n)],
  add: [0x6a],
  sub: [0x6b],
  shl: [0x74],
  geU: [0x4f],
  load: (offset: number) => [0x28, 2, ...uleb(offset)],
  load8: [0x2d, 0, 0],
  store: (offset: number) => [0x36, 2, ...uleb(offset)],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  else: [0x05],
  eq: [0x46],
  xor: [0x73],
  clz: [0x67],
  ctz: [0x68],
  // SIMD (128-bit), prefix 0xfd
  v128load: [0xfd, 0x00, 4, 0],
  splat8: [0xfd, 0x0f],
  eq8: [0xfd, 0x23],
  leU8: [0xfd, 0x2a],
  or128: [0xfd, 0x50],
  sub8: [0xfd, 0x71],
  bitmask8: [0xfd, 0x64],
};
const V128 = 0x7b;

/**
 * One chain's step at byte `address`: row = table[row + byte × 4]; when the row has outputs,
 * store (address, row) at `out` and advance `out` by 8.
 */
function step(address: number[], row: number, first: number, out: number): number[] {
  return [
    ...op.get(row), ...address, ...op.load8, ...op.const(2), ...op.shl, ...op.add, ...op.load(0), ...op.tee(row),
    ...op.get(first), ...op.geU, ...op.if,
    ...op.get(out), ...address, ...op.store(0),
    ...op.get(out), ...op.get(row), ...op.store(4),
    ...op.get(out), ...op.const(8), ...op.add, ...op.set(out),
    ...op.end,
  ];
}

/** walk1(p, end, row, first, out, slots): one chain over [p, end); final out and row go to slots[0], slots[4]. */
function walk1(): number[] {
  const [p, end, row, first, out, slots] = [0, 1, 2, 3, 4, 5];
  const body = [
    ...op.block, ...op.loop,
    ...op.get(p), ...op.get(end), ...op.geU, ...op.brIf(1),
    ...step(op.get(p), row, first, out),
    ...op.get(p), ...op.const(1), ...op.add, ...op.set(p),
    ...op.br(0), ...op.end, ...op.end,
    ...op.get(slots), ...op.get(out), ...op.store(0),
    ...op.get(slots), ...op.get(row), ...op.store(16),
    ...op.end,
  ];
  return [...vec([]), ...body];
}

/**
 * walk4(b0, b1, b2, b3, steps, first, o0, o1, o2, o3, slots, r0, r1, r2, r3): four chains in
 * lockstep, chain k over [b_k, b_k + steps) from row r_k, emitting at o_k; the final o_k and
 * r_k go to slots[k] and slots[4 + k].
 */
function walk4(): number[] {
  const i = 15;
  const body = [
    ...op.block, ...op.loop,
    ...op.get(i), ...op.get(4), ...op.geU, ...op.brIf(1),
    ...[0, 1, 2, 3].flatMap((k) => step([...op.get(k), ...op.get(i), ...op.add], 11 + k, 5, 6 + k)),
    ...op.get(i), ...op.const(1), ...op.add, ...op.set(i),
    ...op.br(0), ...op.end, ...op.end,
    ...[0, 1, 2, 3].flatMap((k) => [...op.get(10), ...op.get(6 + k), ...op.store(k * 4)]),
    ...[0, 1, 2, 3].flatMap((k) => [...op.get(10), ...op.get(11 + k), ...op.store(16 + k * 4)]),
    ...op.end,
  ];
  return [...vec([[1, I32]]), ...body];
}

/** Besides letters and digits, the characters a blob run is made of: base64 (both alphabets), `=` padding, `%` escapes. */
export const BLOB_SPECIALS = '+/=_%-';

/** Words of runs()'s slots: where its next pair goes, and the length of the run still open. */
const RUN_SLOTS = { out: 1, length: 2 } as const;

/**
 * runs(p, end, min, slots): the runs of blob characters in [p, end) (a multiple of 16 bytes),
 * sixteen bytes at a time: SIMD compares classify the bytes, a 16-bit mask says which are blob
 * characters, and only a block that ends a run costs more than one add. A run of at least `min`
 * (which must exceed 16, so no run fits inside one block) is stored as (address of the byte
 * after it, length) where slots[RUN_SLOTS.out] points; the length of the run still open is carried
 * in slots[RUN_SLOTS.length].
 */
function runs(): number[] {
  const [p, end, min, slots] = [0, 1, 2, 3];
  const [run, out, mask, inv, t] = [4, 5, 6, 7, 8];
  const [v, space, a, z, zero, nine] = [9, 10, 11, 12, 13, 14];
  const specials = BLOB_SPECIALS.split('').map((_, k) => 15 + k);
  const splat = (local: number, value: number) => [...op.const(value), ...op.splat8, ...op.set(local)];
  const body = [
    ...splat(space, 0x20), ...splat(a, 0x61), ...splat(z, 25), ...splat(zero, 0x30), ...splat(nine, 9),
    ...BLOB_SPECIALS.split('').flatMap((ch, k) => splat(specials[k]!, ch.charCodeAt(0))),
    ...op.get(slots), ...op.load(RUN_SLOTS.out * 4), ...op.set(out),
    ...op.get(slots), ...op.load(RUN_SLOTS.length * 4), ...op.set(run),
    ...op.block, ...op.loop,
    ...op.get(p), ...op.get(end), ...op.geU, ...op.brIf(1),
    ...op.get(p), ...op.v128load, ...op.tee(v),
    // letters: (byte | 0x20) - 'a' <= 25 (unsigned); digits: byte - '0' <= 9; then the specials.
    ...op.get(space), ...op.or128, ...op.get(a), ...op.sub8, ...op.get(z), ...op.leU8,
    ...op.get(v), ...op.get(zero), ...op.sub8, ...op.get(nine), ...op.leU8, ...op.or128,
    ...specials.flatMap((local) => [...op.get(v), ...op.get(local), ...op.eq8, ...op.or128]),
    ...op.bitmask8, ...op.tee(mask), ...op.const(0xffff), ...op.eq, ...op.if,
    ...op.get(run), ...op.const(16), ...op.add, ...op.set(run),
    ...op.else,
    ...op.get(mask), ...op.const(0xffff), ...op.xor, ...op.tee(inv), ...op.ctz, ...op.set(t),
    // The run that reaches into this block ends at its first non-blob byte.
    ...op.get(run), ...op.get(t), ...op.add, ...op.get(min), ...op.geU, ...op.if,
    ...op.get(out), ...op.get(p), ...op.get(t), ...op.add, ...op.store(0),
    ...op.get(out), ...op.get(run), ...op.get(t), ...op.add, ...op.store(4),
    ...op.get(out), ...op.const(8), ...op.add, ...op.set(out),
    ...op.end,
    // The run that continues into the next block: the blob bytes after the last non-blob one.
    ...op.const(15), ...op.const(31), ...op.get(inv), ...op.clz, ...op.sub, ...op.sub, ...op.set(run),
    ...op.end,
    ...op.get(p), ...op.const(16), ...op.add, ...op.set(p),
    ...op.br(0), ...op.end, ...op.end,
    ...op.get(slots), ...op.get(out), ...op.store(RUN_SLOTS.out * 4),
    ...op.get(slots), ...op.get(run), ...op.store(RUN_SLOTS.length * 4),
    ...op.end,
  ];
  return [...vec([[5, I32], [6 + specials.length, V128]]), ...body];
}

function moduleBytes(): Uint8Array {
  const params = (n: number) => vec(Array.from({ length: n }, () => [I32]));
  const code = [walk1(), walk4(), runs()].map((body) => [...uleb(body.length), ...body]);
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, vec([[0x60, ...params(6), ...vec([])], [0x60, ...params(15), ...vec([])], [0x60, ...params(4), ...vec([])]])),
    ...section(3, vec([[0], [1], [2]])),
    ...section(5, vec([[0x00, 1]])),
    ...section(7, vec([[...name('walk1'), 0x00, 0], [...name('walk4'), 0x00, 1], [...name('runs'), 0x00, 2], [...name('memory'), 0x02, 0]])),
    ...section(10, vec(code)),
  ]);
}

/** The part of the WebAssembly API used here (Node's global; its types ship only with the DOM lib). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
};

let compiled: object | undefined;

/** What one walk finds, as flat pairs in input order. */
export interface KernelResult {
  /** (last byte offset, row) for every byte after which the automaton is in a state with outputs. */
  pairs: number[];
  /** [start, end) of the runs of blob characters at least the minimum long. */
  runs: number[];
}

interface Exports {
  walk1(p: number, end: number, row: number, first: number, out: number, slots: number): void;
  walk4(...args: number[]): void;
  runs(p: number, end: number, min: number, slots: number): void;
  memory: WasmMemory;
}

/**
 * The walk of one automaton. `walk()` gives what a plain walk from the root over the whole input
 * gives: (last byte offset, row) for every byte after which the automaton is in a state with
 * outputs, in order, rows in the caller's numbering (state × 256); and the blob runs.
 */
export class DfaKernel {
  private readonly exports: Exports;
  private readonly bytes: Uint8Array;
  private readonly words: Int32Array;
  private readonly first: number;
  private readonly root: number;
  private readonly overlap: number;
  private readonly slots: number;
  /** Address of runs()'s slots (RUN_SLOTS). */
  private readonly runSlots: number;
  private readonly input: number;
  private readonly output: number;
  /** Bytes of output room per chain of walk4 (each step emits at most one pair). */
  private readonly lane: number;
  /** Where runs() stores its (end, length) pairs. */
  private readonly runOutput: number;
  /** The blob characters (1 per byte value), for the few bytes after the last 16-byte block. */
  private readonly blobChar: Uint8Array;

  /**
   * `table`: rows × 256 next-row entries (each a row × 256); `longest`: the longest keyword's
   * length; `blobChar`: 1 for each byte value that runs() counts as a blob character.
   */
  constructor(table: Int32Array, firstOutputRow: number, rootRow: number, longest: number, blobChar: Uint8Array) {
    this.blobChar = blobChar;
    compiled ??= new WebAssembly.Module(moduleBytes());
    this.exports = new WebAssembly.Instance(compiled).exports as unknown as Exports;
    this.overlap = Math.max(0, longest - 1);
    const tableBytes = table.length * 4;
    this.slots = tableBytes;
    this.runSlots = this.slots + 32;
    this.input = this.slots + 64;
    // runs() reads 16 bytes at a time: the input area must be 16-byte aligned.
    if (this.input % 16 !== 0) throw new Error('the kernel input area must be 16-byte aligned');
    this.lane = (CHUNK / 4 + this.overlap + 8) * 8;
    // Pairs are read back through an Int32Array: the output area must be 4-byte aligned (8 here).
    this.output = Math.ceil((this.input + CHUNK + this.overlap + 64) / 8) * 8;
    // A run takes at least 17 bytes: far fewer than one (end, length) pair per 8 bytes of input.
    this.runOutput = this.output + 4 * this.lane;
    const end = this.runOutput + CHUNK + 64;
    const memory = this.exports.memory;
    memory.grow(Math.ceil(end / 65536) - memory.buffer.byteLength / 65536);
    this.bytes = new Uint8Array(memory.buffer);
    this.words = new Int32Array(memory.buffer);
    // Rows become byte offsets: row × 256 entries × 4 bytes.
    for (let k = 0; k < table.length; k++) this.words[k] = table[k]! * 4;
    this.first = firstOutputRow * 4;
    this.root = rootRow * 4;
  }

  /**
   * The walk of `input`, and the runs of blob characters at least `minBlob` long as [start, end)
   * pairs; `minBlob` 0 finds no runs, and otherwise must be over 16.
   */
  walk(input: Uint8Array, minBlob: number): KernelResult {
    if (minBlob !== 0 && minBlob <= 16) throw new Error(`blob runs are found 16 bytes at a time: the minimum length must exceed 16 (got ${minBlob})`);
    const result: KernelResult = { pairs: [], runs: [] };
    this.words[(this.runSlots >> 2) + RUN_SLOTS.length] = 0;
    for (let chunk = 0; chunk < input.length; chunk += CHUNK) {
      // Each chunk is walked from the root, starting `overlap` bytes early so a keyword that
      // straddles the cut is seen whole; hits that end before the chunk belong to the last one.
      const pre = Math.min(chunk, this.overlap);
      const from = chunk - pre;
      const to = Math.min(input.length, chunk + CHUNK);
      this.bytes.set(input.subarray(from, to), this.input);
      const length = to - from;
      if (length < INTERLEAVE_MIN) this.walkOne(0, length, this.root, pre, length, from, result.pairs);
      else this.walkFour(length, pre, from, result.pairs);
      if (minBlob > 0) this.findRuns(pre, length, from, minBlob, result.runs);
    }
    const open = this.words[(this.runSlots >> 2) + RUN_SLOTS.length]!;
    if (minBlob > 0 && open >= minBlob) result.runs.push(input.length - open, input.length);
    return result;
  }

  /**
   * The blob runs of the copied region from `pre` on (what comes before was the last chunk's),
   * carrying the length of the run still open from the last chunk and on to the next: the
   * kernel takes the 16-byte blocks, and the few bytes after the last block are counted here.
   */
  private findRuns(pre: number, length: number, base: number, min: number, runs: number[]): void {
    const slots = this.runSlots >> 2;
    const blocks = pre + Math.floor((length - pre) / 16) * 16;
    this.words[slots + RUN_SLOTS.out] = this.runOutput;
    this.exports.runs(this.input + pre, this.input + blocks, min, this.runSlots);
    const written = this.words[slots + RUN_SLOTS.out]! >> 2;
    for (let at = this.runOutput >> 2; at < written; at += 2) {
      const end = base + this.words[at]! - this.input;
      runs.push(end - this.words[at + 1]!, end);
    }
    let run = this.words[slots + RUN_SLOTS.length]!;
    for (let i = blocks; i < length; i++) {
      if (this.blobChar[this.bytes[this.input + i]!] === 1) {
        run++;
        continue;
      }
      if (run >= min) runs.push(base + i - run, base + i);
      run = 0;
    }
    this.words[slots + RUN_SLOTS.length] = run;
  }

  /** Walks [start, end) of the copied region from `row`, keeping pairs whose last byte is in [keepFrom, keepTo). */
  private walkOne(start: number, end: number, row: number, keepFrom: number, keepTo: number, base: number, found: number[]): void {
    this.exports.walk1(this.input + start, this.input + end, row, this.first, this.output, this.slots);
    this.collect(this.output, this.words[this.slots >> 2]!, keepFrom, keepTo, base, found);
  }

  /**
   * Four chains over the quarters of the copied region. Chain k > 0 starts `overlap` bytes before
   * its quarter and keeps only what ends inside it; chain 0 runs `overlap` bytes past its quarter
   * (all chains take the same number of steps) and drops that; chain 3's state carries on over
   * the last few bytes that the quarters leave.
   */
  private walkFour(length: number, pre: number, base: number, found: number[]): void {
    const q = Math.floor(length / 4);
    const steps = q + this.overlap;
    const starts = [0, q - this.overlap, 2 * q - this.overlap, 3 * q - this.overlap];
    const outs = [0, 1, 2, 3].map((k) => this.output + k * this.lane);
    this.exports.walk4(...starts.map((s) => this.input + s), steps, this.first, ...outs, this.slots, this.root, this.root, this.root, this.root);
    const ends = [0, 1, 2, 3].map((k) => this.words[(this.slots >> 2) + k]!);
    const keep = [pre, q, 2 * q, 3 * q, 4 * q];
    for (let k = 0; k < 4; k++) this.collect(outs[k]!, ends[k]!, keep[k]!, keep[k + 1]!, base, found);
    if (4 * q < length) this.walkOne(4 * q, length, this.words[(this.slots >> 2) + 7]!, 4 * q, length, base, found);
  }

  /** Appends the pairs in [from, to) of memory whose last byte (region offset) is in [keepFrom, keepTo), as input offsets and caller rows. */
  private collect(from: number, to: number, keepFrom: number, keepTo: number, base: number, found: number[]): void {
    const { words } = this;
    for (let at = from >> 2; at < to >> 2; at += 2) {
      const last = words[at]! - this.input;
      if (last >= keepFrom && last < keepTo) found.push(base + last, words[at + 1]! >> 2);
    }
  }
}
