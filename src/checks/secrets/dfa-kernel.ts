/**
 * The keyword automaton's walk as a WebAssembly function: the detector's hottest loop (one
 * table load per byte of every scanned file). Compiled code without bounds checks on every
 * load walks four independent chains about twice as fast as the same loop in JavaScript.
 * WebAssembly is part of Node itself, so nothing native is needed on a bare runner.
 *
 * The module is a few hundred bytes, assembled here by hand (below) rather than shipped as a
 * binary. Its memory holds the transition table (entries are byte offsets of the next state's
 * row: state × 1024), the input chunk and the (last byte, row) pairs the walk emits.
 */

/** Inputs are walked in chunks of this size, so the kernel's memory stays bounded (about 10 MiB). */
const CHUNK = 1 << 20;
/** Below this, a region is walked as one chain (quarters would be too short to pay off). */
const INTERLEAVE_MIN = 4096;

// --- A minimal WebAssembly encoder: just what the two functions need. -----------------------

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
};

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

function moduleBytes(): Uint8Array {
  const params = (n: number) => vec(Array.from({ length: n }, () => [I32]));
  const code = [walk1(), walk4()].map((body) => [...uleb(body.length), ...body]);
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, vec([[0x60, ...params(6), ...vec([])], [0x60, ...params(15), ...vec([])]])),
    ...section(3, vec([[0], [1]])),
    ...section(5, vec([[0x00, 1]])),
    ...section(7, vec([[...name('walk1'), 0x00, 0], [...name('walk4'), 0x00, 1], [...name('memory'), 0x02, 0]])),
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

interface Exports {
  walk1(p: number, end: number, row: number, first: number, out: number, slots: number): void;
  walk4(...args: number[]): void;
  memory: WasmMemory;
}

/**
 * The walk of one automaton. `pairs()` gives what a plain walk from the root over the whole
 * input gives: (last byte offset, row) for every byte after which the automaton is in a state
 * with outputs, in order. Rows are in the caller's numbering (state × 256).
 */
export class DfaKernel {
  private readonly exports: Exports;
  private readonly bytes: Uint8Array;
  private readonly words: Int32Array;
  private readonly first: number;
  private readonly root: number;
  private readonly overlap: number;
  private readonly slots: number;
  private readonly input: number;
  private readonly output: number;
  /** Bytes of output room per chain of walk4 (each step emits at most one pair). */
  private readonly lane: number;

  /** `table`: rows × 256 next-row entries (each a row × 256); `longest`: the longest keyword's length. */
  constructor(table: Int32Array, firstOutputRow: number, rootRow: number, longest: number) {
    compiled ??= new WebAssembly.Module(moduleBytes());
    this.exports = new WebAssembly.Instance(compiled).exports as unknown as Exports;
    this.overlap = Math.max(0, longest - 1);
    const tableBytes = table.length * 4;
    this.slots = tableBytes;
    this.input = this.slots + 64;
    this.lane = (CHUNK / 4 + this.overlap + 8) * 8;
    // Pairs are read back through an Int32Array: the output area must be 4-byte aligned (8 here).
    this.output = Math.ceil((this.input + CHUNK + this.overlap + 64) / 8) * 8;
    const end = this.output + 4 * this.lane;
    const memory = this.exports.memory;
    memory.grow(Math.ceil(end / 65536) - memory.buffer.byteLength / 65536);
    this.bytes = new Uint8Array(memory.buffer);
    this.words = new Int32Array(memory.buffer);
    // Rows become byte offsets: row × 256 entries × 4 bytes.
    for (let k = 0; k < table.length; k++) this.words[k] = table[k]! * 4;
    this.first = firstOutputRow * 4;
    this.root = rootRow * 4;
  }

  pairs(input: Uint8Array): number[] {
    const found: number[] = [];
    for (let chunk = 0; chunk < input.length; chunk += CHUNK) {
      // Each chunk is walked from the root, starting `overlap` bytes early so a keyword that
      // straddles the cut is seen whole; hits that end before the chunk belong to the last one.
      const pre = Math.min(chunk, this.overlap);
      const from = chunk - pre;
      const to = Math.min(input.length, chunk + CHUNK);
      this.bytes.set(input.subarray(from, to), this.input);
      const length = to - from;
      if (length < INTERLEAVE_MIN) this.walkOne(0, length, this.root, pre, length, from, found);
      else this.walkFour(length, pre, from, found);
    }
    return found;
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
