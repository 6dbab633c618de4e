import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 390;
export const ids = [390];
export const modules = {

/***/ 6390:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  secretsCheck: () => (/* binding */ secretsCheck)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./build/src/rules/rule.js
var rules_rule = __webpack_require__(1543);
// EXTERNAL MODULE: ./build/rules/secrets/index.js + 43 modules
var secrets = __webpack_require__(1556);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./build/src/errors/user-error.js
var user_error = __webpack_require__(1397);
;// CONCATENATED MODULE: ./build/src/checks/secrets/baseline.js




const EntrySchema = schemas/* object */.Ikc({
    fingerprint: schemas/* string */.YjP().regex(/^[0-9a-f]{16,64}$/, 'a hex fingerprint'),
    rule: schemas/* string */.YjP().min(1),
    path: schemas/* string */.YjP(),
    secret: schemas/* string */.YjP(),
})
    .strict();
const FileSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(1),
    about: schemas/* string */.YjP().optional(),
    entries: schemas/* array */.YOg(EntrySchema),
})
    .strict();
const ABOUT = 'Accepted secrets findings (tollgate check secrets --update-baseline). Keyed by rule + secret hash + path; never holds a secret.';
/** Reads the baseline; a missing file is an empty baseline, a malformed one a UserError. */
async function readBaseline(root, relPath) {
    const file = external_node_path_.resolve(root, relPath);
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { entries: [], lines: new Map(), exists: false };
        throw error;
    }
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (error) {
        throw new user_error/* UserError */.y(`${relPath} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Fix it or delete it and run \`tollgate check secrets --update-baseline\`.`, { file: relPath, cause: error });
    }
    const parsed = FileSchema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? issue.path.join('.') : '(root)';
        throw new user_error/* UserError */.y(`${relPath}: ${where}: ${issue?.message ?? 'invalid'}. Expected {"version": 1, "entries": [{"fingerprint", "rule", "path", "secret"}]}; regenerate it with \`tollgate check secrets --update-baseline\`.`, { file: relPath });
    }
    const lines = new Map();
    text.split('\n').forEach((line, i) => {
        const m = /"fingerprint":\s*"([0-9a-f]+)"/.exec(line);
        if (m?.[1] && !lines.has(m[1]))
            lines.set(m[1], i + 1);
    });
    return { entries: parsed.data.entries, lines, exists: true };
}
function compareEntries(a, b) {
    const by = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
    return by(a.path, b.path) || by(a.rule, b.rule) || by(a.fingerprint, b.fingerprint);
}
/** Deterministic text: sorted entries, one per line, keys in a fixed order, trailing newline. */
function serializeBaseline(entries) {
    const unique = new Map();
    for (const e of entries)
        unique.set(e.fingerprint, e);
    const sorted = [...unique.values()].sort(compareEntries);
    const body = sorted.map((e) => `    ${JSON.stringify({ fingerprint: e.fingerprint, rule: e.rule, path: e.path, secret: e.secret })}`);
    return `{\n  "version": 1,\n  "about": ${JSON.stringify(ABOUT)},\n  "entries": [${body.length > 0 ? `\n${body.join(',\n')}\n  ` : ''}]\n}\n`;
}
/** Writes atomically (temp file + rename), creating the folder. */
async function writeBaseline(root, relPath, entries) {
    const file = external_node_path_.resolve(root, relPath);
    await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(temp, serializeBaseline(entries));
    await (0,promises_.rename)(temp, file);
}
/** Splits findings into new and accepted, and lists the entries nothing matched. */
function compareWithBaseline(baseline, findings) {
    const known = new Set(baseline.entries.map((e) => e.fingerprint));
    const matched = new Set();
    const fresh = [];
    let accepted = 0;
    for (const f of findings) {
        if (known.has(f.fingerprint)) {
            matched.add(f.fingerprint);
            accepted++;
        }
        else {
            fresh.push(f);
        }
    }
    const stale = baseline.entries
        .filter((e) => !matched.has(e.fingerprint))
        .map((e) => ({ fingerprint: e.fingerprint, rule: e.rule, path: e.path, line: baseline.lines.get(e.fingerprint) ?? 0 }));
    return { fresh, accepted, stale };
}
//# sourceMappingURL=baseline.js.map
// EXTERNAL MODULE: ./build/src/runner/glob-matcher.js
var glob_matcher = __webpack_require__(171);
;// CONCATENATED MODULE: ./build/src/checks/secrets/allowlist.js

/**
 * Markers of values that stand in for a secret in docs, templates and tests. A secret holding
 * one (case-insensitive) is not reported. Random tokens contain these with negligible odds.
 */
const BUILT_IN_PLACEHOLDERS = [
    'example',
    'sample',
    'dummy',
    'placeholder',
    'changeme',
    'change_me',
    'change-me',
    'your_',
    'your-',
    'yourkey',
    'yoursecret',
    'yourtoken',
    'yourpassword',
    'xxxx',
    '****',
    '....',
    '…',
    '<',
    '>',
    '${',
    '{{',
    '}}',
    '%s',
    'redacted',
    'replace_me',
    'replaceme',
    'insert_',
    'notreal',
    'not_real',
    'not-a-real',
    'fake_',
    'lorem',
    '0123456789',
    '1234567890',
    'abcdefghij',
];
/** Why a value looks like a placeholder, or undefined when it does not. */
function placeholderReason(secret, extra = []) {
    const lower = secret.toLowerCase();
    for (const marker of BUILT_IN_PLACEHOLDERS)
        if (lower.includes(marker))
            return `placeholder marker "${marker}"`;
    for (const marker of extra)
        if (lower.includes(marker.toLowerCase()))
            return `placeholder marker "${marker}"`;
    // `postgres://app:***@db` in a doc comment: any run of mask characters, however short.
    if (/^[*•x#]+$/i.test(secret))
        return 'a mask (only *, •, x or #)';
    if (secret.length >= 8 && new Set(secret).size <= 3)
        return 'too few distinct characters';
    return undefined;
}
/** The lines an allowlist line regex sees are cut to this length, so a user pattern stays cheap. */
const LINE_LIMIT = 4096;
/** The user's allowlist plus the built-in placeholders, compiled once per run. */
class SecretAllowlist {
    pathMatch;
    regexes;
    lineRegexes;
    stopwords;
    placeholders;
    constructor(options) {
        const { allowlist } = options;
        this.pathMatch = (0,glob_matcher/* globMatcher */.f)(allowlist.paths);
        this.regexes = allowlist.regexes.map((r) => new RegExp(r));
        this.lineRegexes = allowlist.lineRegexes.map((r) => new RegExp(r));
        this.stopwords = allowlist.stopwords.map((w) => w.toLowerCase());
        this.placeholders = allowlist.placeholders;
    }
    /** True when the content rules must skip this path. */
    pathAllowed(path) {
        return this.pathMatch(path);
    }
    /** Why this secret is allowed, or undefined when it must be reported. */
    secretAllowed(secret, lineText) {
        const placeholder = placeholderReason(secret, this.placeholders);
        if (placeholder)
            return placeholder;
        const lower = secret.toLowerCase();
        const stopword = this.stopwords.find((w) => lower.includes(w));
        if (stopword)
            return `stopword "${stopword}"`;
        if (this.regexes.some((r) => r.test(secret)))
            return 'allowlist regex';
        if (this.lineRegexes.length > 0) {
            const line = lineText.slice(0, LINE_LIMIT);
            if (this.lineRegexes.some((r) => r.test(line)))
                return 'allowlist line regex';
        }
        return undefined;
    }
}
//# sourceMappingURL=allowlist.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/decode.js
/**
 * Decoding of blobs that may hide a secret: base64 (standard or URL-safe), hex and percent
 * encoding. A decoding counts only when it yields mostly printable text; binary results (an
 * image, a compiled key) are not scanned.
 */
const MIN_DECODED = 12;
/** A percent escape. */
const PERCENT = /%[0-9A-Fa-f]{2}/;
/** The patterns decoding runs on blob text of any length, for the catastrophic-backtracking test. */
const DECODE_PATTERNS = [PERCENT];
const EQUALS = 61;
const PERCENT_SIGN = 37;
function mostlyPrintable(bytes) {
    if (bytes.length < MIN_DECODED)
        return false;
    let printable = 0;
    for (const b of bytes)
        if ((b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13)
            printable++;
    return printable / bytes.length >= 0.95;
}
function decodePercent(run) {
    if (!PERCENT.test(run))
        return undefined;
    try {
        const text = decodeURIComponent(run);
        return text !== run && mostlyPrintable(Buffer.from(text, 'utf8')) ? text : undefined;
    }
    catch {
        return undefined;
    }
}
const HEX_DIGIT = new Uint8Array(256);
for (const ch of '0123456789abcdefABCDEF')
    HEX_DIGIT[ch.charCodeAt(0)] = 1;
/**
 * Cheap rejections before decoding, on the bytes of a piece. Printable ASCII bytes are below
 * 0x80, so in base64 the first character of every 4-character group encodes a value below 32
 * (A-Z or a-f), and in hex every byte's first digit is 0-7. Random base64 (hashes, images),
 * paths and identifiers fail within a few groups.
 */
function base64MayBeText(bytes, start, end) {
    for (let i = start; i < end && i < start + 64; i += 4) {
        const c = bytes[i];
        if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 102)))
            return false;
    }
    return true;
}
function hexMayBeText(bytes, start, end) {
    for (let i = start; i < end && i < start + 64; i += 2) {
        const c = bytes[i];
        if (c < 48 || c > 55)
            return false;
    }
    return true;
}
function allHex(bytes, start, end) {
    for (let i = start; i < end; i++)
        if (HEX_DIGIT[bytes[i]] === 0)
            return false;
    return true;
}
/** Where the piece starting at `from` ends: the next `=` or `%`, or `end`. */
function pieceEnd(bytes, from, end) {
    let i = from;
    while (i < end && bytes[i] !== EQUALS && bytes[i] !== PERCENT_SIGN)
        i++;
    return i;
}
/** Past the `=` padding after a piece, and a lone `%`. */
function pastSeparators(bytes, at, end) {
    while (at < end && bytes[at] === EQUALS)
        at++;
    if (at < end && bytes[at] === PERCENT_SIGN)
        at++;
    return at;
}
/** How a piece may be decoded to text, by the cheap checks alone; undefined when it cannot be. */
function pieceEncoding(bytes, start, end, min) {
    const length = end - start;
    if (length < min)
        return undefined;
    // A hex-looking piece is hex or nothing: hex is valid base64 too, but decodes to noise as that.
    if (length >= 32 && length % 2 === 0 && allHex(bytes, start, end))
        return hexMayBeText(bytes, start, end) ? 'hex' : undefined;
    return length % 4 !== 1 && base64MayBeText(bytes, start, end) ? 'base64' : undefined;
}
/**
 * Whether the blob run `bytes[start, end)` is worth decoding: it holds a percent escape, or one
 * of its pieces passes the cheap checks. The keyword pass asks this of every run it finds, so a
 * tree full of paths and identifiers never reaches decodeRun; decodeRun tries exactly the
 * pieces this accepts.
 */
function mayHoldText(bytes, start, end, min) {
    let at = start;
    while (at < end) {
        const stop = pieceEnd(bytes, at, end);
        if (pieceEncoding(bytes, at, stop, min) !== undefined)
            return true;
        at = stop;
        while (at < end && bytes[at] === EQUALS)
            at++;
        if (at < end && bytes[at] === PERCENT_SIGN)
            return true;
    }
    return false;
}
/**
 * The decodings of one blob run. A run may glue a key and its value (`key=c2VjcmV0…`), so it
 * is split into pieces (a stretch of base64/hex characters and the `=` padding after it) and
 * each long piece is tried on its own.
 */
function decodeRun(run, minLength) {
    const out = [];
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
        if (encoding === undefined)
            continue;
        const decoded = Buffer.from(run.slice(start, end), encoding);
        if (mostlyPrintable(decoded))
            out.push({ encoding, text: decoded.toString('utf8'), offset: start, length: at - start });
    }
    return out;
}
//# sourceMappingURL=decode.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/dfa-kernel.js
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
const uleb = (n) => {
    const out = [];
    do {
        let byte = n & 0x7f;
        n >>>= 7;
        if (n !== 0)
            byte |= 0x80;
        out.push(byte);
    } while (n !== 0);
    return out;
};
const sleb = (n) => {
    const out = [];
    for (;;) {
        const byte = n & 0x7f;
        n >>= 7;
        if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0))
            return [...out, byte];
        out.push(byte | 0x80);
    }
};
const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, body) => [id, ...uleb(body.length), ...body];
const dfa_kernel_name = (s) => [...uleb(s.length), ...Buffer.from(s, 'ascii')];
const op = {
    get: (i) => [0x20, i],
    set: (i) => [0x21, i],
    tee: (i) => [0x22, i],
    const: (n) => [0x41, ...sleb(n)],
    add: [0x6a],
    sub: [0x6b],
    shl: [0x74],
    geU: [0x4f],
    load: (offset) => [0x28, 2, ...uleb(offset)],
    load8: [0x2d, 0, 0],
    store: (offset) => [0x36, 2, ...uleb(offset)],
    block: [0x02, 0x40],
    loop: [0x03, 0x40],
    if: [0x04, 0x40],
    end: [0x0b],
    br: (depth) => [0x0c, depth],
    brIf: (depth) => [0x0d, depth],
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
function step(address, row, first, out) {
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
function walk1() {
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
function walk4() {
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
const BLOB_SPECIALS = '+/=_%-';
/** Words of runs()'s slots: where its next pair goes, and the length of the run still open. */
const RUN_SLOTS = { out: 1, length: 2 };
/**
 * runs(p, end, min, slots): the runs of blob characters in [p, end) (a multiple of 16 bytes),
 * sixteen bytes at a time: SIMD compares classify the bytes, a 16-bit mask says which are blob
 * characters, and only a block that ends a run costs more than one add. A run of at least `min`
 * (which must exceed 16, so no run fits inside one block) is stored as (address of the byte
 * after it, length) where slots[RUN_SLOTS.out] points; the length of the run still open is carried
 * in slots[RUN_SLOTS.length].
 */
function runs() {
    const [p, end, min, slots] = [0, 1, 2, 3];
    const [run, out, mask, inv, t] = [4, 5, 6, 7, 8];
    const [v, space, a, z, zero, nine] = [9, 10, 11, 12, 13, 14];
    const specials = BLOB_SPECIALS.split('').map((_, k) => 15 + k);
    const splat = (local, value) => [...op.const(value), ...op.splat8, ...op.set(local)];
    const body = [
        ...splat(space, 0x20), ...splat(a, 0x61), ...splat(z, 25), ...splat(zero, 0x30), ...splat(nine, 9),
        ...BLOB_SPECIALS.split('').flatMap((ch, k) => splat(specials[k], ch.charCodeAt(0))),
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
function moduleBytes() {
    const params = (n) => vec(Array.from({ length: n }, () => [I32]));
    const code = [walk1(), walk4(), runs()].map((body) => [...uleb(body.length), ...body]);
    return new Uint8Array([
        0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
        ...section(1, vec([[0x60, ...params(6), ...vec([])], [0x60, ...params(15), ...vec([])], [0x60, ...params(4), ...vec([])]])),
        ...section(3, vec([[0], [1], [2]])),
        ...section(5, vec([[0x00, 1]])),
        ...section(7, vec([[...dfa_kernel_name('walk1'), 0x00, 0], [...dfa_kernel_name('walk4'), 0x00, 1], [...dfa_kernel_name('runs'), 0x00, 2], [...dfa_kernel_name('memory'), 0x02, 0]])),
        ...section(10, vec(code)),
    ]);
}
let compiled;
/**
 * The walk of one automaton. `walk()` gives what a plain walk from the root over the whole input
 * gives: (last byte offset, row) for every byte after which the automaton is in a state with
 * outputs, in order, rows in the caller's numbering (state × 256); and the blob runs.
 */
class DfaKernel {
    exports;
    bytes;
    words;
    first;
    root;
    overlap;
    slots;
    /** Address of runs()'s slots (RUN_SLOTS). */
    runSlots;
    input;
    output;
    /** Bytes of output room per chain of walk4 (each step emits at most one pair). */
    lane;
    /** Where runs() stores its (end, length) pairs. */
    runOutput;
    /** The blob characters (1 per byte value), for the few bytes after the last 16-byte block. */
    blobChar;
    /**
     * `table`: rows × 256 next-row entries (each a row × 256); `longest`: the longest keyword's
     * length; `blobChar`: 1 for each byte value that runs() counts as a blob character.
     */
    constructor(table, firstOutputRow, rootRow, longest, blobChar) {
        this.blobChar = blobChar;
        compiled ??= new WebAssembly.Module(moduleBytes());
        this.exports = new WebAssembly.Instance(compiled).exports;
        this.overlap = Math.max(0, longest - 1);
        const tableBytes = table.length * 4;
        this.slots = tableBytes;
        this.runSlots = this.slots + 32;
        this.input = this.slots + 64;
        // runs() reads 16 bytes at a time: the input area must be 16-byte aligned.
        if (this.input % 16 !== 0)
            throw new Error('the kernel input area must be 16-byte aligned');
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
        for (let k = 0; k < table.length; k++)
            this.words[k] = table[k] * 4;
        this.first = firstOutputRow * 4;
        this.root = rootRow * 4;
    }
    /**
     * The walk of `input`, and the runs of blob characters at least `minBlob` long as [start, end)
     * pairs; `minBlob` 0 finds no runs, and otherwise must be over 16.
     */
    walk(input, minBlob) {
        if (minBlob !== 0 && minBlob <= 16)
            throw new Error(`blob runs are found 16 bytes at a time: the minimum length must exceed 16 (got ${minBlob})`);
        const result = { pairs: [], runs: [] };
        this.words[(this.runSlots >> 2) + RUN_SLOTS.length] = 0;
        for (let chunk = 0; chunk < input.length; chunk += CHUNK) {
            // Each chunk is walked from the root, starting `overlap` bytes early so a keyword that
            // straddles the cut is seen whole; hits that end before the chunk belong to the last one.
            const pre = Math.min(chunk, this.overlap);
            const from = chunk - pre;
            const to = Math.min(input.length, chunk + CHUNK);
            this.bytes.set(input.subarray(from, to), this.input);
            const length = to - from;
            if (length < INTERLEAVE_MIN)
                this.walkOne(0, length, this.root, pre, length, from, result.pairs);
            else
                this.walkFour(length, pre, from, result.pairs);
            if (minBlob > 0)
                this.findRuns(pre, length, from, minBlob, result.runs);
        }
        const open = this.words[(this.runSlots >> 2) + RUN_SLOTS.length];
        if (minBlob > 0 && open >= minBlob)
            result.runs.push(input.length - open, input.length);
        return result;
    }
    /**
     * The blob runs of the copied region from `pre` on (what comes before was the last chunk's),
     * carrying the length of the run still open from the last chunk and on to the next: the
     * kernel takes the 16-byte blocks, and the few bytes after the last block are counted here.
     */
    findRuns(pre, length, base, min, runs) {
        const slots = this.runSlots >> 2;
        const blocks = pre + Math.floor((length - pre) / 16) * 16;
        this.words[slots + RUN_SLOTS.out] = this.runOutput;
        this.exports.runs(this.input + pre, this.input + blocks, min, this.runSlots);
        const written = this.words[slots + RUN_SLOTS.out] >> 2;
        for (let at = this.runOutput >> 2; at < written; at += 2) {
            const end = base + this.words[at] - this.input;
            runs.push(end - this.words[at + 1], end);
        }
        let run = this.words[slots + RUN_SLOTS.length];
        for (let i = blocks; i < length; i++) {
            if (this.blobChar[this.bytes[this.input + i]] === 1) {
                run++;
                continue;
            }
            if (run >= min)
                runs.push(base + i - run, base + i);
            run = 0;
        }
        this.words[slots + RUN_SLOTS.length] = run;
    }
    /** Walks [start, end) of the copied region from `row`, keeping pairs whose last byte is in [keepFrom, keepTo). */
    walkOne(start, end, row, keepFrom, keepTo, base, found) {
        this.exports.walk1(this.input + start, this.input + end, row, this.first, this.output, this.slots);
        this.collect(this.output, this.words[this.slots >> 2], keepFrom, keepTo, base, found);
    }
    /**
     * Four chains over the quarters of the copied region. Chain k > 0 starts `overlap` bytes before
     * its quarter and keeps only what ends inside it; chain 0 runs `overlap` bytes past its quarter
     * (all chains take the same number of steps) and drops that; chain 3's state carries on over
     * the last few bytes that the quarters leave.
     */
    walkFour(length, pre, base, found) {
        const q = Math.floor(length / 4);
        const steps = q + this.overlap;
        const starts = [0, q - this.overlap, 2 * q - this.overlap, 3 * q - this.overlap];
        const outs = [0, 1, 2, 3].map((k) => this.output + k * this.lane);
        this.exports.walk4(...starts.map((s) => this.input + s), steps, this.first, ...outs, this.slots, this.root, this.root, this.root, this.root);
        const ends = [0, 1, 2, 3].map((k) => this.words[(this.slots >> 2) + k]);
        const keep = [pre, q, 2 * q, 3 * q, 4 * q];
        for (let k = 0; k < 4; k++)
            this.collect(outs[k], ends[k], keep[k], keep[k + 1], base, found);
        if (4 * q < length)
            this.walkOne(4 * q, length, this.words[(this.slots >> 2) + 7], 4 * q, length, base, found);
    }
    /** Appends the pairs in [from, to) of memory whose last byte (region offset) is in [keepFrom, keepTo), as input offsets and caller rows. */
    collect(from, to, keepFrom, keepTo, base, found) {
        const { words } = this;
        for (let at = from >> 2; at < to >> 2; at += 2) {
            const last = words[at] - this.input;
            if (last >= keepFrom && last < keepTo)
                found.push(base + last, words[at + 1] >> 2);
        }
    }
}
//# sourceMappingURL=dfa-kernel.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/keyword-matcher.js
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


const ALPHABET = 128;
/** Inputs shorter than this are walked here, in JavaScript; longer ones by the WebAssembly kernel. */
const keyword_matcher_INTERLEAVE_MIN = 4096;
/** Characters that may make up an encoded blob: base64 (standard and URL-safe), hex, %XX. */
const BLOB_CHAR = new Uint8Array(256);
for (let c = 0; c < ALPHABET; c++) {
    if (/[A-Za-z0-9]/.test(String.fromCharCode(c)) || BLOB_SPECIALS.includes(String.fromCharCode(c)))
        BLOB_CHAR[c] = 1;
}
/**
 * Compiled form: the trie is built over character classes (one per character that occurs in a
 * keyword, upper and lower case together; class 0 for every other character), then folded into
 * a DFA whose table is indexed by the byte itself (states × 256), with every entry already
 * multiplied by 256. The inner loop is then one load per byte and no arithmetic:
 * `state = table[state + byte]`. States are renumbered so that every state with an output comes
 * last, which makes the output test one comparison.
 */
class KeywordMatcher {
    keywords;
    /** (states × 256) transitions, each the next state's row offset (state × 256). */
    table;
    /** Row offsets at or above this have outputs. */
    firstOutputRow;
    /** For each state, the keyword ids that end there (own output plus the failure chain's). */
    outputs;
    rootRow;
    /** Length of the longest keyword. */
    longest;
    /** Length of each keyword, by id. */
    lengths;
    /** The WebAssembly walk for long inputs, made on first use. */
    kernel;
    constructor(keywords) {
        for (const k of keywords) {
            if (k.length === 0 || !/^[\x20-\x7e]+$/.test(k))
                throw new Error(`keyword must be non-empty printable ASCII: ${JSON.stringify(k)}`);
        }
        this.keywords = keywords.map((k) => k.toLowerCase());
        // 0. Character classes.
        const classOf = new Uint8Array(ALPHABET);
        let classes = 1;
        for (const keyword of this.keywords) {
            for (let i = 0; i < keyword.length; i++) {
                const c = keyword.charCodeAt(i);
                if (classOf[c] === 0)
                    classOf[c] = classes++;
            }
        }
        for (let c = 65; c <= 90; c++)
            classOf[c] = classOf[c + 32];
        // 1. The trie, over classes.
        const goto = [new Map()];
        const own = [[]];
        this.keywords.forEach((keyword, id) => {
            let state = 0;
            for (let i = 0; i < keyword.length; i++) {
                const cls = classOf[keyword.charCodeAt(i)];
                let next = goto[state].get(cls);
                if (next === undefined) {
                    next = goto.length;
                    goto.push(new Map());
                    own.push([]);
                    goto[state].set(cls, next);
                }
                state = next;
            }
            own[state].push(id);
        });
        // 2. Failure links breadth-first, folded into a dense table over classes (a DFA).
        const states = goto.length;
        const dense = new Int32Array(states * classes);
        const fail = new Int32Array(states);
        const outputs = own.map((o) => (o.length > 0 ? [...o] : undefined));
        const queue = [];
        for (let cls = 1; cls < classes; cls++) {
            const next = goto[0].get(cls);
            if (next !== undefined) {
                dense[cls] = next;
                queue.push(next);
            }
        }
        for (let q = 0; q < queue.length; q++) {
            const state = queue[q];
            const inherited = outputs[fail[state]];
            if (inherited)
                outputs[state] = [...(outputs[state] ?? []), ...inherited];
            for (let cls = 1; cls < classes; cls++) {
                const next = goto[state].get(cls);
                if (next !== undefined) {
                    fail[next] = dense[fail[state] * classes + cls];
                    dense[state * classes + cls] = next;
                    queue.push(next);
                }
                else {
                    dense[state * classes + cls] = dense[fail[state] * classes + cls];
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
        const bytesOf = Array.from({ length: classes }, () => []);
        for (let byte = 0; byte < ALPHABET; byte++)
            if (classOf[byte] !== 0)
                bytesOf[classOf[byte]].push(byte);
        const table = new Int32Array(states * 256);
        const rowOf = (old) => renamed[old] * 256;
        const writeEdges = (old) => {
            const row = rowOf(old);
            for (const [cls, next] of goto[old])
                for (const byte of bytesOf[cls])
                    table[row + byte] = rowOf(next);
        };
        table.fill(rowOf(0), rowOf(0), rowOf(0) + 256);
        writeEdges(0);
        for (const old of queue) {
            const from = rowOf(fail[old]);
            table.copyWithin(rowOf(old), from, from + 256);
            writeEdges(old);
        }
        const firstOutput = order.findIndex((old) => outputs[old] !== undefined);
        this.firstOutputRow = (firstOutput < 0 ? states : firstOutput) * 256;
        this.outputs = order.map((old) => outputs[old]);
        this.table = table;
        this.rootRow = renamed[0] * 256;
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
    match(input, minBlobLength = 0) {
        const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
        let hits;
        let runs;
        if (bytes.length < keyword_matcher_INTERLEAVE_MIN) {
            hits = this.hits(bytes);
            runs = minBlobLength > 0 ? blobRuns(bytes, minBlobLength) : [];
        }
        else {
            // A long input: the WebAssembly kernel walks the automaton and, 16 bytes at a time, finds
            // the blob runs (for minimum lengths above 16; shorter ones are probed for here).
            this.kernel ??= new DfaKernel(this.table, this.firstOutputRow, this.rootRow, this.longest, BLOB_CHAR);
            const inKernel = minBlobLength > 16;
            const walked = this.kernel.walk(bytes, inKernel ? minBlobLength : 0);
            hits = this.expand(walked.pairs);
            runs = inKernel ? walked.runs : minBlobLength > 0 ? blobRuns(bytes, minBlobLength) : [];
        }
        // Of the runs, only those that could be the encoding of text are worth decoding.
        const blobs = [];
        for (let k = 0; k < runs.length; k += 2) {
            if (mayHoldText(bytes, runs[k], runs[k + 1], minBlobLength))
                blobs.push(runs[k], runs[k + 1]);
        }
        return { hits, blobs };
    }
    /**
     * The automaton's walk over a short input: (last byte, state row) pairs for every byte after
     * which the automaton is in a state with outputs, turned into (keyword, start) pairs in the
     * order the keywords end. Long inputs go to the WebAssembly kernel (dfa-kernel.ts), which
     * walks four quarters at once.
     */
    hits(bytes) {
        const { table, firstOutputRow: out } = this;
        const found = [];
        let row = this.rootRow;
        for (let i = 0; i < bytes.length; i++) {
            row = table[row + bytes[i]];
            if (row >= out)
                found.push(i, row);
        }
        return this.expand(found);
    }
    /** (keyword, start) pairs from (last byte, state) pairs: every keyword that ends in that state. */
    expand(pairs) {
        const { outputs, lengths } = this;
        const hits = [];
        for (let k = 0; k < pairs.length; k += 2) {
            const next = pairs[k] + 1;
            for (const id of outputs[pairs[k + 1] >> 8])
                hits.push(id, next - lengths[id]);
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
function blobRuns(bytes, min) {
    const runs = [];
    const n = bytes.length;
    const half = min >> 1;
    let probe = min - 1;
    while (probe < n) {
        if (BLOB_CHAR[bytes[probe]] === 0 || (BLOB_CHAR[bytes[probe - half]] === 0 && (probe + half >= n || BLOB_CHAR[bytes[probe + half]] === 0))) {
            probe += min;
            continue;
        }
        let start = probe;
        while (start > 0 && BLOB_CHAR[bytes[start - 1]] === 1)
            start--;
        let end = probe + 1;
        while (end < n && BLOB_CHAR[bytes[end]] === 1)
            end++;
        if (end - start >= min)
            runs.push(start, end);
        // The next run starts after `end`, so it covers `end + min` if it is long enough.
        probe = end + min;
    }
    return runs;
}
//# sourceMappingURL=keyword-matcher.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/line-index.js
/** Offsets of line starts in a text, built once, so offset → line is a binary search. */
class LineIndex {
    starts;
    text;
    constructor(text) {
        this.text = text;
        const starts = [0];
        for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1))
            starts.push(at + 1);
        this.starts = starts;
    }
    get lineCount() {
        return this.starts.length;
    }
    /** 0-based line of an offset. */
    lineOf(offset) {
        const { starts } = this;
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }
    /** Offset of the first character of a 0-based line. */
    lineStart(line) {
        return this.starts[line] ?? this.text.length;
    }
    /** Offset just past the last character of a 0-based line (before its `\n`, and any `\r`). */
    lineEnd(line) {
        const next = this.starts[line + 1];
        if (next === undefined)
            return this.text.length;
        return this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
    }
    lineText(line) {
        return this.text.slice(this.lineStart(line), this.lineEnd(line));
    }
    /** 1-based line and column of an offset. */
    position(offset) {
        const line = this.lineOf(offset);
        return { line: line + 1, column: offset - this.lineStart(line) + 1 };
    }
}
/** A predicate over 1-based line numbers from sorted, inclusive ranges (the staged added lines). */
function lineRangeFilter(ranges) {
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    return (line) => {
        let lo = 0;
        let hi = sorted.length - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const r = sorted[mid];
            if (line < r.start)
                hi = mid - 1;
            else if (line > r.end)
                lo = mid + 1;
            else
                return true;
        }
        return false;
    };
}
//# sourceMappingURL=line-index.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/detector.js




/** Blob runs shorter than this are not worth decoding (base64 of 15 bytes). */
const MIN_BLOB = 20;
/** At most this many blobs are decoded per text, so a file of random data stays cheap. */
const MAX_BLOBS = 2000;
/**
 * The one detector behind every source (staged, tree, paths, stdin, history): a keyword
 * prefilter, then only the rules whose keywords occur, on windows around the hits; then the
 * allowlist, overlap resolution (specific rules beat the generic one) and decoding of blobs.
 */
class SecretDetector {
    rules;
    options;
    matcher;
    /** For each keyword id, the indexes of the rules that use it. */
    rulesByKeyword;
    allowlist;
    constructor(rules, options) {
        this.rules = rules;
        this.options = options;
        this.allowlist = new SecretAllowlist(options);
        const compiled = compileKeywords(rules);
        this.matcher = compiled.matcher;
        this.rulesByKeyword = compiled.rulesByKeyword;
    }
    scan(target) {
        if (typeof target.text === 'string')
            return this.scanText(target.path, target.text, target.lineFilter, 0);
        const bytes = target.text;
        const matched = this.matcher.match(bytes, this.options.decodeDepth > 0 ? MIN_BLOB : 0);
        if (matched.hits.length === 0 && matched.blobs.length === 0)
            return [];
        const text = bytes.toString('utf8');
        // Each byte became one UTF-16 unit (ASCII text), so byte offsets are text offsets.
        return this.scanText(target.path, text, target.lineFilter, 0, text.length === bytes.length ? matched : undefined);
    }
    scanText(path, text, lineFilter, depth, prematched) {
        const decode = depth < this.options.decodeDepth;
        const { hits, blobs } = prematched ?? this.matcher.match(text, decode ? MIN_BLOB : 0);
        if (hits.length === 0 && blobs.length === 0)
            return [];
        // Line numbers are needed only for a line filter and for what is found: built on first use.
        let index;
        const lines = () => (index ??= new LineIndex(text));
        const lineAllowed = (offset) => !lineFilter || lineFilter(lines().lineOf(offset) + 1);
        // 1. Each rule on the text it needs: window rules on merged windows around their hits,
        //    run as soon as a window is complete; file rules once, after the walk.
        const located = [];
        let current = 0;
        let base = 0;
        const report = (candidate) => {
            const start = base + candidate.index;
            located.push({ rule: current, candidate, start, end: start + candidate.secret.length });
        };
        const run = (r, from, to) => {
            current = r;
            base = from;
            this.rules[r].create({ path, text: from === 0 && to === text.length ? text : text.slice(from, to), options: this.options, report });
        };
        // Keyword-scope rules: one context for the whole text, its `keyword` moved from hit to hit.
        const keyword = { start: 0, end: 0 };
        let skipTo = 0;
        const atKeyword = { path, text, keyword, options: this.options, report, skipHitsBefore: (offset) => (skipTo = offset) };
        const runAt = (r, start, end) => {
            current = r;
            base = 0;
            keyword.start = start;
            keyword.end = end;
            skipTo = 0;
            this.rules[r].create(atKeyword);
            return skipTo;
        };
        const walk = new WindowWalk(this.rules, text, run, runAt);
        const { lengths } = this.matcher;
        for (let k = 0; k < hits.length; k += 2) {
            const keyword = hits[k];
            const start = hits[k + 1];
            if (lineFilter && !lineAllowed(start))
                continue;
            walk.hit(this.rulesByKeyword[keyword], start, start + lengths[keyword]);
        }
        walk.finish();
        // 2. Scope, allowlist, then overlaps: the lower priority (the more specific rule) wins.
        const candidates = located
            .filter((l) => lineAllowed(l.start))
            .filter((l) => this.allowlist.secretAllowed(l.candidate.secret, lines().lineText(lines().lineOf(l.start))) === undefined)
            .sort((a, b) => this.rules[a.rule].priority - this.rules[b.rule].priority || a.start - b.start || b.end - a.end || a.rule - b.rule);
        const taken = new IntervalSet();
        const kept = [];
        for (const l of candidates) {
            if (taken.overlaps(l.start, l.end))
                continue;
            taken.add(l.start, l.end);
            kept.push(l);
        }
        kept.sort((a, b) => a.start - b.start);
        const found = kept.map((l) => {
            const rule = this.rules[l.rule];
            const from = lines().position(l.start);
            const to = lines().position(l.end);
            return {
                rule,
                secret: l.candidate.secret,
                label: l.candidate.label,
                severity: l.candidate.severity ?? rule.meta.severity,
                ...(l.candidate.detail === undefined ? {} : { detail: l.candidate.detail }),
                line: from.line,
                column: from.column,
                endLine: to.line,
                endColumn: to.column,
                lineText: lines().lineText(from.line - 1),
                encodings: [],
            };
        });
        // 3. Blobs that decode to text: scan what is inside, report at the blob.
        if (decode) {
            let tried = 0;
            for (let k = 0; k < blobs.length && tried < MAX_BLOBS; k += 2) {
                const blobStart = blobs[k];
                const blobEnd = blobs[k + 1];
                if (!lineAllowed(blobStart))
                    continue;
                if (taken.overlaps(blobStart, blobEnd))
                    continue;
                tried++;
                const run = text.slice(blobStart, blobEnd);
                for (const decoded of decodeRun(run, MIN_BLOB)) {
                    const inner = this.scanText(path, decoded.text, undefined, depth + 1);
                    if (inner.length === 0)
                        continue;
                    const start = blobStart + decoded.offset;
                    const from = lines().position(start);
                    const to = lines().position(start + decoded.length);
                    const encoded = text.slice(start, start + decoded.length);
                    for (const secret of inner) {
                        found.push({
                            ...secret,
                            line: from.line,
                            column: from.column,
                            endLine: to.line,
                            endColumn: to.column,
                            lineText: lines().lineText(from.line - 1),
                            encodings: [decoded.encoding, ...secret.encodings],
                            blob: encoded,
                        });
                    }
                }
            }
        }
        return found;
    }
}
/** The automaton depends only on the rules, so one rule list is compiled once per process. */
const compiledCache = new WeakMap();
function compileKeywords(rules) {
    const cached = compiledCache.get(rules);
    if (cached)
        return cached;
    const keywords = [];
    const ids = new Map();
    const rulesByKeyword = [];
    rules.forEach((rule, r) => {
        for (const raw of rule.keywords) {
            const keyword = raw.toLowerCase();
            let id = ids.get(keyword);
            if (id === undefined) {
                id = keywords.length;
                ids.set(keyword, id);
                keywords.push(keyword);
                rulesByKeyword.push([]);
            }
            const list = rulesByKeyword[id];
            if (!list.includes(r))
                list.push(r);
        }
    });
    const compiled = { matcher: new KeywordMatcher(keywords), rulesByKeyword };
    compiledCache.set(rules, compiled);
    return compiled;
}
/**
 * Hands each rule the text it asked for as the keyword hits come: a keyword-scope rule each hit
 * (`runAt`, unless the rule asked to skip it), a window rule its merged windows (`run`),
 * a file rule the whole text once at the end.
 *
 * A window holds `rule.window` characters on either side of a hit, clipped to the hit's line,
 * so a rule never sees more than that around one of its keywords; windows of one rule that
 * touch are merged. Hits come in the order their keywords end, so a window is finished once a
 * hit of the same rule starts past it. The hit's line is found by searching for the line breaks
 * around it once per line, which over a whole text reads each character about once.
 */
class WindowWalk {
    rules;
    text;
    run;
    /** Runs a keyword-scope rule at one hit; returns the offset its next hits must start at. */
    runAt;
    /** The open window of each rule ([from, to), from = -1 when none), and file rules that were hit. */
    from;
    to;
    fileRuleHit;
    /** For keyword-scope rules: hits starting before this offset are not passed. */
    resume;
    /** The line of the last hit: [lineStart, lineEnd) without its line break; lineBreak is where the next line starts - 1. */
    lineStart = 0;
    lineEnd = -1;
    lineBreak = -1;
    constructor(rules, text, run, runAt) {
        this.rules = rules;
        this.text = text;
        this.run = run;
        this.runAt = runAt;
        this.from = new Int32Array(rules.length).fill(-1);
        this.to = new Int32Array(rules.length);
        this.fileRuleHit = new Uint8Array(rules.length);
        this.resume = new Float64Array(rules.length);
    }
    hit(ruleIndexes, start, end) {
        for (const r of ruleIndexes) {
            const rule = this.rules[r];
            if (rule.scope === 'keyword') {
                if (start >= this.resume[r])
                    this.resume[r] = this.runAt(r, start, end);
                continue;
            }
            if (rule.scope === 'file') {
                this.fileRuleHit[r] = 1;
                continue;
            }
            if (start > this.lineBreak)
                this.findLine(start);
            const from = Math.max(this.lineStart, start - rule.window);
            const to = Math.min(Math.max(this.lineEnd, end), end + rule.window);
            const open = this.from[r];
            if (open >= 0 && from <= this.to[r]) {
                if (from < open)
                    this.from[r] = from;
                if (to > this.to[r])
                    this.to[r] = to;
                continue;
            }
            if (open >= 0)
                this.run(r, open, this.to[r]);
            this.from[r] = from;
            this.to[r] = to;
        }
    }
    /** Runs the windows still open, then each file rule that was hit on the whole text. */
    finish() {
        for (let r = 0; r < this.rules.length; r++) {
            if (this.from[r] >= 0)
                this.run(r, this.from[r], this.to[r]);
            if (this.fileRuleHit[r] === 1)
                this.run(r, 0, this.text.length);
        }
    }
    findLine(offset) {
        const { text } = this;
        this.lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
        const newline = text.indexOf('\n', offset);
        this.lineBreak = newline < 0 ? text.length : newline;
        this.lineEnd = newline > 0 && text.charCodeAt(newline - 1) === 13 ? newline - 1 : this.lineBreak;
    }
}
/** Disjoint [start, end) intervals kept sorted, for overlap tests in O(log n). */
class IntervalSet {
    starts = [];
    ends = [];
    /** Index of the first interval whose start is >= `offset`. */
    lowerBound(offset) {
        let lo = 0;
        let hi = this.starts.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.starts[mid] < offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    overlaps(start, end) {
        const i = this.lowerBound(start);
        if (i > 0 && this.ends[i - 1] > start)
            return true;
        return i < this.starts.length && this.starts[i] < end;
    }
    /** Adds an interval that overlaps none already present. */
    add(start, end) {
        const i = this.lowerBound(start);
        this.starts.splice(i, 0, start);
        this.ends.splice(i, 0, end);
    }
}
//# sourceMappingURL=detector.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./build/src/findings/fingerprint.js
var fingerprint = __webpack_require__(8488);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
// EXTERNAL MODULE: ./build/src/git/diff-parse.js
var diff_parse = __webpack_require__(8777);
;// CONCATENATED MODULE: ./build/src/checks/secrets/history.js




const COMMIT_MARK = '\u0000tollgate-commit\u0000';
/** The same marker in git's --format syntax, then sha, author name, email and ISO date. */
const COMMIT_FORMAT = '%x00tollgate-commit%x00%H%x00%an%x00%ae%x00%aI';
/** The arguments of `git log` for a `--history` request: every ref, or one revision range. */
function historyArgs(range, paths = []) {
    const base = ['-c', 'core.quotePath=off', 'log', '-p', '-U0', '-M', '--no-color', '--no-ext-diff', '--no-textconv', `--format=${COMMIT_FORMAT}`];
    const pathspecs = paths.length > 0 ? ['--', ...paths] : [];
    if (range === true)
        return [...base, '--all', ...pathspecs];
    if (range.startsWith('-'))
        throw new user_error/* UserError */.y(`--history expects a revision range such as main..HEAD, not an option: ${range}`);
    return [...base, '--end-of-options', range, ...pathspecs];
}
function parsePath(raw, prefix) {
    const unquoted = raw.startsWith('"') ? (0,diff_parse/* unquoteGitPath */.Lh)(raw) : raw;
    return unquoted.startsWith(prefix) ? unquoted.slice(prefix.length) : unquoted;
}
/**
 * Streams every file change of `git log -p` over a range (or every ref), newest commit first,
 * one change at a time, so a 5,000-commit history never sits in memory. Lines are counted
 * per hunk, so an added line that happens to start with `+++` is never taken for a header.
 */
async function* walkHistory(root, range, signal, paths = []) {
    const child = (0,external_node_child_process_.spawn)('git', historyArgs(range, paths), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
        if (stderr.length < 4000)
            stderr += chunk;
    });
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', resolve);
    });
    let commit;
    let change;
    /** Lines of the current hunk still to read: old side ('-') and new side ('+'). */
    let oldLeft = 0;
    let newLeft = 0;
    let nextLine = 0;
    const lines = (0,external_node_readline_.createInterface)({ input: child.stdout, crlfDelay: Infinity });
    try {
        for await (const line of lines) {
            if (oldLeft > 0 || newLeft > 0) {
                if (line.startsWith('+') && newLeft > 0) {
                    change?.added.push({ line: nextLine++, text: line.slice(1) });
                    newLeft--;
                    continue;
                }
                if (line.startsWith('-') && oldLeft > 0) {
                    oldLeft--;
                    continue;
                }
                if (line.startsWith('\\'))
                    continue; // "\ No newline at end of file"
                oldLeft = 0;
                newLeft = 0;
            }
            if (line.startsWith(COMMIT_MARK)) {
                if (change)
                    yield change;
                change = undefined;
                const [sha = '', author = '', email = '', date = ''] = line.slice(COMMIT_MARK.length).split('\u0000');
                commit = { sha, author, email, date };
                continue;
            }
            if (!commit)
                continue;
            if (line.startsWith('diff --git ')) {
                if (change)
                    yield change;
                change = { commit, path: '', added: [], binary: false, deleted: false };
                continue;
            }
            if (!change)
                continue;
            if (line.startsWith('deleted file mode'))
                change.deleted = true;
            else if (line.startsWith('+++ ')) {
                const target = line.slice(4);
                if (target !== '/dev/null')
                    change.path = parsePath(target, 'b/');
            }
            else if (line.startsWith('--- ') && !change.path) {
                const source = line.slice(4);
                if (source !== '/dev/null')
                    change.path = parsePath(source, 'a/');
            }
            else if (line.startsWith('rename to '))
                change.path = parsePath(line.slice('rename to '.length), 'b/');
            else if (line.startsWith('Binary files ')) {
                change.binary = true;
                const m = / and (?:"?b\/)(.*?)"? differ$/.exec(line);
                if (m && !change.path && m[1] !== undefined)
                    change.path = m[1];
            }
            else if (line.startsWith('@@')) {
                const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
                if (!m)
                    continue;
                oldLeft = m[1] === undefined ? 1 : Number(m[1]);
                nextLine = Number(m[2]);
                newLeft = m[3] === undefined ? 1 : Number(m[3]);
            }
        }
        if (change)
            yield change;
    }
    finally {
        lines.close();
        if (child.exitCode === null)
            child.kill();
    }
    const code = await exited;
    if (code !== 0 && !signal?.aborted) {
        const reason = stderr.split('\n').find((l) => l.trim()) ?? `git log exited with ${String(code)}`;
        throw new user_error/* UserError */.y(`Cannot scan history${range === true ? '' : ` for ${range}`}: ${reason.replace(/^fatal: /, '')}`);
    }
}
/** The one-line description of a commit used in history findings. */
function describeCommit(commit) {
    return `commit ${commit.sha.slice(0, 12)} by ${commit.author} <${commit.email}> on ${commit.date.slice(0, 10)}`;
}
//# sourceMappingURL=history.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/secret-mask.js

/** A short, stable hash of a secret: lets a reader tell two findings apart without the value. */
function secretHash(secret) {
    return (0,external_node_crypto_.createHash)('sha256').update(secret).digest('hex').slice(0, 8);
}
/**
 * How a secret appears in every message, snippet and baseline entry: its first characters
 * (4 for long secrets, fewer for short ones, none below 8) then `…` and a short hash,
 * e.g. `ghp_…1f2e3d4c`.
 */
function maskSecret(secret) {
    const shown = secret.length >= 16 ? 4 : secret.length >= 10 ? 2 : 0;
    return `${secret.slice(0, shown)}…${secretHash(secret)}`;
}
/**
 * `line` with every listed secret masked, then cut to at most `max` characters around the
 * first masked secret so minified lines stay readable. Masking comes first, so clipping can
 * never leave part of a secret behind.
 */
function maskedSnippet(line, secrets, max = 200) {
    let text = line.replace(/\r$/, '');
    let firstMask = -1;
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        if (secret.length === 0 || !text.includes(secret))
            continue;
        const mask = maskSecret(secret);
        text = text.split(secret).join(mask);
        const at = text.indexOf(mask);
        if (firstMask < 0 || at < firstMask)
            firstMask = at;
    }
    if (text.length > max) {
        const from = Math.max(0, Math.min(firstMask < 0 ? 0 : firstMask - 40, text.length - max));
        text = `${from > 0 ? '…' : ''}${text.slice(from, from + max)}${from + max < text.length ? '…' : ''}`;
    }
    return text.trim();
}
//# sourceMappingURL=secret-mask.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/finding-sink.js





/** Fingerprint of a secret finding: rule + hash of the secret + path, never the line. */
function secretFingerprint(ruleId, path, secret) {
    return (0,fingerprint/* fingerprint */.R)({ ruleId, path, content: secret === '' ? '' : (0,external_node_crypto_.createHash)('sha256').update(secret).digest('hex') });
}
/** The parts of a multi-line secret (a PEM body) that could show up alone in other output. */
function secretParts(secret) {
    if (!secret.includes('\n') && !secret.includes('\\n'))
        return [secret];
    return secret
        .split(/\\n|\r?\n/)
        .map((part) => part.trim())
        .filter((part) => part.length >= 16 && !part.startsWith('-----'));
}
/**
 * Turns what the detector found into Findings: messages and snippets masked by construction
 * (first characters + hash), every secret registered with the run's redactor before anything
 * is returned, fingerprints from the secret's hash. Keeps the masked value for the baseline.
 */
class FindingSink {
    redactor;
    byKey = new Map();
    masks = new Map();
    constructor(redactor) {
        this.redactor = redactor;
    }
    get findings() {
        return [...this.byKey.values()];
    }
    has(fp) {
        return this.masks.has(fp);
    }
    /** A secret found in content. For history, a later (older) commit replaces an earlier one. */
    addSecret(placed) {
        const { detected: d, path } = placed;
        this.register(d.secret);
        if (d.blob)
            this.register(d.blob);
        const fp = secretFingerprint(d.rule.meta.id, path, d.secret);
        const mask = maskSecret(d.secret);
        const encoded = d.encodings.length > 0 ? ` inside ${d.encodings.join(', then ')}-encoded text` : '';
        const detail = d.detail ? ` (${d.detail})` : '';
        const history = placed.commit ? `, added in ${describeCommit(placed.commit)}` : '';
        const finding = {
            checkId: 'secrets',
            ruleId: d.rule.meta.id,
            severity: d.severity,
            message: `${d.label} ${mask}${encoded}${detail}${history}.`,
            location: {
                path,
                line: placed.line,
                column: d.column,
                ...(placed.endLine !== placed.line ? { endLine: placed.endLine } : {}),
                ...(placed.endLine === placed.line ? { endColumn: d.endColumn } : {}),
            },
            fingerprint: fp,
            fix: { description: d.rule.meta.fixHint },
            help: (0,rules_rule/* ruleDocPath */._)(d.rule.meta.id),
            snippet: maskedSnippet(d.lineText, [d.secret, ...(d.blob ? [d.blob] : []), ...secretParts(d.secret)]),
        };
        // The same secret at the same place is one finding; in history the oldest commit wins.
        const key = placed.commit ? `${fp}` : `${fp}\0${placed.line}\0${d.column}`;
        this.byKey.set(key, finding);
        this.masks.set(fp, mask);
    }
    /** A finding about a whole file (a blocked file). */
    addFile(meta, path, message, commit) {
        const fp = secretFingerprint(meta.id, path, '');
        this.byKey.set(commit ? fp : `${fp}\0file`, {
            checkId: 'secrets',
            ruleId: meta.id,
            severity: meta.severity,
            message: commit ? `${message.replace(/\.$/, '')} (${describeCommit(commit)}).` : message,
            location: { path, line: 0, column: 0 },
            fingerprint: fp,
            fix: { description: meta.fixHint },
            help: (0,rules_rule/* ruleDocPath */._)(meta.id),
        });
        this.masks.set(fp, '');
    }
    baselineEntries() {
        return this.findings.map((f) => ({ fingerprint: f.fingerprint, rule: f.ruleId, path: f.location.path, secret: this.masks.get(f.fingerprint) ?? '' }));
    }
    register(secret) {
        for (const part of secretParts(secret))
            this.redactor.add(part);
        this.redactor.add(secret);
    }
}
//# sourceMappingURL=finding-sink.js.map
// EXTERNAL MODULE: ./build/src/git/binary.js
var binary = __webpack_require__(8917);
;// CONCATENATED MODULE: ./build/src/checks/secrets/file-scan.js
/**
 * What the secrets check finds in one file's content: blocked-file rules, then (unless the path
 * is allowlisted, the file too large or binary) the detector. The same function runs in the
 * check's thread and in the scan workers, so a verdict never depends on where a file was read.
 */


function scanContent(input, detector, options) {
    const { path, content } = input;
    const scan = { path, blocked: [], secrets: [] };
    secrets/* SECRET_PATH_RULES */.H1.forEach((rule, index) => {
        rule.create({ path, content, options, report: (r) => scan.blocked.push({ rule: index, message: r.message }) });
    });
    if (input.blockedOnly || detector.allowlist.pathAllowed(path))
        return scan;
    if ((input.size ?? content.length) > options.maxFileSizeKb * 1024)
        return { ...scan, skipped: 'large' };
    if ((0,binary/* looksBinary */.W)(content))
        return { ...scan, skipped: 'binary' };
    scan.secrets = detector.scan({ path, text: content, ...(input.lineFilter ? { lineFilter: input.lineFilter } : {}) });
    return scan;
}
/** Reads a working-tree file and scans it, on whichever thread holds the reader; undefined when it cannot be read. */
function scanFromDisk(file, reader, detector, options) {
    const read = reader.read(file.absPath);
    return read && scanContent({ path: file.path, content: read.content, size: read.size }, detector, options);
}
function toWire(scan) {
    return { ...scan, secrets: scan.secrets.map((s) => ({ ...s, rule: SECRET_CONTENT_RULES.indexOf(s.rule) })) };
}
function fromWire(wire) {
    return { ...wire, secrets: wire.secrets.map((s) => ({ ...s, rule: secrets/* SECRET_CONTENT_RULES */.hF[s.rule] })) };
}
//# sourceMappingURL=file-scan.js.map
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./build/src/checks/secrets/file-reader.js
/**
 * Reads working-tree files for a scan, synchronously, into one buffer reused from file to file:
 * a fresh buffer per file costs more in page faults and garbage collection than the copy itself.
 * Each read's content is valid only until the next read (scanContent is synchronous and returns
 * strings, so nothing keeps it). Used by the scan workers and by the check's own thread when it
 * scans beside them.
 */

/** Of a file over the scan limit only this much is read: enough for the blocked-file rules (.npmrc). */
const LARGE_FILE_HEAD = 64 * 1024;
class FileReader {
    buffer = Buffer.allocUnsafe(1 << 20);
    maxBytes;
    /** `maxBytes`: files larger than this are read only as far as LARGE_FILE_HEAD. */
    constructor(maxBytes) {
        this.maxBytes = maxBytes;
    }
    /** The content (or the head of a large file) and the file's size; undefined when it cannot be read (gone since it was listed). */
    read(absPath) {
        let fd;
        try {
            fd = (0,external_node_fs_.openSync)(absPath, 'r');
        }
        catch {
            return undefined;
        }
        try {
            const size = (0,external_node_fs_.fstatSync)(fd).size;
            const wanted = size > this.maxBytes ? LARGE_FILE_HEAD : size;
            if (wanted > this.buffer.length)
                this.buffer = Buffer.allocUnsafe(wanted);
            let filled = 0;
            while (filled < wanted) {
                const read = (0,external_node_fs_.readSync)(fd, this.buffer, filled, wanted - filled, filled);
                if (read === 0)
                    break;
                filled += read;
            }
            return { content: this.buffer.subarray(0, filled), size };
        }
        catch {
            return undefined;
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
}
//# sourceMappingURL=file-reader.js.map
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./build/src/checks/secrets/scan-pool.js
/**
 * Scans working-tree files on several threads. A tree scan is CPU-bound (one pass of the keyword
 * automaton over every byte, then the rules around the hits), so the files are handed out in
 * small batches to worker threads and to the check's own thread, each with its own detector, and
 * the results come back as FileScans in the order the batches finish. Where the worker module is
 * not on disk (a bundle that did not ship it), `workerModule()` says so and the check scans in
 * its own thread alone.
 */






/** Files per batch: small enough to balance the threads, large enough that messages stay rare. */
const BATCH_FILES = 24;
/** Below this many files a pool costs more (thread start-up, module load) than it saves. */
const MIN_POOL_FILES = 400;
const MAX_AUTO_THREADS = 8;
/** The worker's file next to this module (`.ts` from source, `.js` when built or bundled). */
function workerModule() {
    const here = (0,external_node_url_.fileURLToPath)(import.meta.url);
    const file = external_node_path_.join(external_node_path_.dirname(here), `scan-worker${external_node_path_.extname(here)}`);
    return (0,external_node_fs_.existsSync)(file) ? file : undefined;
}
/** How many threads `threads: 'auto' | n` means for this many files (1 = scan in the check's thread). */
function threadCount(setting, files) {
    if (setting !== 'auto')
        return Math.max(1, setting);
    if (files < MIN_POOL_FILES)
        return 1;
    return autoThreads();
}
/** The threads `auto` gives a scan large enough for a pool: one per CPU, at most 8. */
function autoThreads() {
    return Math.max(1, Math.min(external_node_os_.availableParallelism(), MAX_AUTO_THREADS));
}
/** Progress is reported each time this many more files are done. */
const PROGRESS_EVERY = 2000;
/** Batches a worker holds at once, so it never waits for this thread to hand it the next. */
const IN_FLIGHT = 2;
/**
 * The threads of one scan: `threads - 1` workers and the thread that calls scan(), which takes
 * batches from the same queue between handing them out (it would otherwise sit idle, and one
 * worker fewer starts). The workers are started before the files are listed (the check's
 * prepare()), so their start-up (a thread, the detector's modules, its compiled rules) overlaps
 * the listing; scan() runs once. Idle workers do not keep the process alive, and release() ends
 * them whether or not they were used.
 */
class ScanPool {
    threads;
    workers;
    used = false;
    /** A worker that failed (even before the scan: a module that did not load), and the scan to tell. */
    failure;
    failScan;
    constructor(module, threads, options) {
        this.threads = Math.max(2, threads);
        this.workers = Array.from({ length: this.threads - 1 }, () => new external_node_worker_threads_.Worker(module, { workerData: { options } }));
        for (const worker of this.workers) {
            worker.unref();
            worker.on('error', (error) => this.fail(error));
            worker.on('exit', (code) => {
                if (code !== 0)
                    this.fail(new Error(`secrets scan worker exited with code ${code}`));
            });
        }
    }
    fail(error) {
        this.failure ??= error;
        this.failScan?.(error);
    }
    async scan(run) {
        if (this.used)
            throw new Error('a scan pool scans once, and not after release()');
        this.used = true;
        run.signal.throwIfAborted();
        const batches = [];
        for (let i = 0; i < run.files.length; i += BATCH_FILES)
            batches.push(run.files.slice(i, i + BATCH_FILES));
        for (const worker of this.workers)
            worker.ref();
        let next = 0;
        let done = 0;
        let completed = 0;
        let stopped = false;
        let onAbort;
        try {
            await new Promise((resolve, reject) => {
                const stop = (error) => {
                    stopped = true;
                    reject(error);
                };
                if (this.failure) {
                    stop(this.failure);
                    return;
                }
                this.failScan = stop;
                onAbort = () => stop(run.signal.reason instanceof Error ? run.signal.reason : new Error('aborted'));
                run.signal.addEventListener('abort', onAbort, { once: true });
                const complete = (files) => {
                    const before = done;
                    done += files;
                    if (Math.floor(done / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY))
                        run.onProgress(done);
                    if (++completed === batches.length)
                        resolve();
                };
                const give = (worker) => {
                    if (stopped || next >= batches.length)
                        return;
                    const batch = next++;
                    worker.postMessage({ batch, files: batches[batch] });
                };
                for (const worker of this.workers) {
                    worker.on('message', (reply) => {
                        if ('error' in reply) {
                            stop(new Error(`secrets scan worker failed: ${reply.error}`));
                            return;
                        }
                        try {
                            for (const scan of reply.scans)
                                run.onScan(fromWire(scan));
                        }
                        catch (error) {
                            stop(error instanceof Error ? error : new Error(String(error)));
                            return;
                        }
                        complete(batches[reply.batch].length);
                        give(worker);
                    });
                    for (let k = 0; k < IN_FLIGHT; k++)
                        give(worker);
                }
                if (batches.length === 0) {
                    resolve();
                    return;
                }
                // This thread's share: a batch at a time, letting the workers' replies in between.
                const here = async () => {
                    while (!stopped && next < batches.length) {
                        const batch = batches[next++];
                        for (const file of batch) {
                            const scan = run.scanHere(file);
                            if (scan)
                                run.onScan(scan);
                        }
                        complete(batch.length);
                        await new Promise((resume) => setImmediate(resume));
                    }
                };
                here().catch((error) => stop(error instanceof Error ? error : new Error(String(error))));
            });
        }
        finally {
            if (onAbort)
                run.signal.removeEventListener('abort', onAbort);
            this.failScan = undefined;
            await this.end();
        }
    }
    release() {
        this.used = true;
        void this.end();
    }
    async end() {
        await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
    }
}
//# sourceMappingURL=scan-pool.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/check.js












/** Paths that `git diff --cached --numstat` reports as binary ("-\t-\t<path>"). */
async function stagedBinaryPaths(repo) {
    const out = await repo.diffIndexCached(['--numstat', '-z', '-M', '--no-ext-diff']);
    const binary = new Set();
    const parts = out.split('\0');
    for (let i = 0; i < parts.length; i++) {
        const record = parts[i];
        if (!record)
            continue;
        const m = /^(-|\d+)\t(-|\d+)\t(.*)$/s.exec(record);
        if (!m)
            continue;
        // A rename or copy leaves the path empty and puts old and new paths in the next two parts.
        let filePath = m[3];
        if (filePath === '') {
            filePath = parts[i + 2] ?? '';
            i += 2;
        }
        if (m[1] === '-')
            binary.add(filePath);
    }
    return binary;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function listPaths(paths) {
    const shown = paths.slice(0, 3).join(', ');
    return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown;
}
/** One run of the secrets check: the sources, the detector, the baseline. */
class SecretsScan {
    context;
    options;
    detector;
    sink;
    maxBytes;
    skippedBinary = [];
    skippedLarge = [];
    notes = [];
    binaryStaged;
    constructor(context, options) {
        this.context = context;
        this.options = options;
        this.detector = new SecretDetector(secrets/* SECRET_CONTENT_RULES */.hF, options);
        this.sink = new FindingSink(context.redactor);
        this.maxBytes = options.maxFileSizeKb * 1024;
    }
    async scanFiles(files) {
        const scannable = files.filter((f) => f.mode !== '120000' && f.mode !== '160000');
        const threads = this.context.mode === 'quick' ? 1 : threadCount(this.options.threads, scannable.length);
        const onDisk = scannable.every((f) => f.absPath !== undefined);
        const pool = threads > 1 && onDisk ? this.pool(threads) : undefined;
        if (pool) {
            const reader = new FileReader(this.maxBytes);
            await pool.scan({
                files: scannable.map((f) => ({ path: f.path, absPath: f.absPath })),
                signal: this.context.signal,
                scanHere: (file) => scanFromDisk(file, reader, this.detector, this.options),
                onScan: (scan) => this.absorb(scan),
                onProgress: (done) => this.context.progress(`${done}/${scannable.length} files`),
            });
            this.notes.push(`scanned ${plural(scannable.length, 'file')} on ${pool.threads} threads`);
            return;
        }
        const limit = (0,p_limit/* default */.A)(16);
        let done = 0;
        await Promise.all(scannable.map((file) => limit(async () => {
            if (this.context.signal.aborted)
                return;
            await this.scanFile(file);
            if (++done % 2000 === 0)
                this.context.progress(`${done}/${scannable.length} files`);
        })));
    }
    /** The threads started by prepare() when they fit, else new ones (none when the worker module is missing). */
    pool(threads) {
        const { prepared } = this.context;
        if (prepared instanceof ScanPool && prepared.threads === threads)
            return prepared;
        const module = workerModule();
        return module ? new ScanPool(module, threads, this.options) : undefined;
    }
    async scanFile(file) {
        const content = await file.read();
        if (content === undefined)
            return;
        let lineFilter;
        let blockedOnly = false;
        if (this.context.mode === 'quick') {
            if (file.addedLines && file.addedLines.length > 0)
                lineFilter = lineRangeFilter(file.addedLines);
            // A pure rename or mode change adds no lines, unless git flagged the file binary (an
            // attribute), which hides its lines: then all of it is scanned.
            else
                blockedOnly = !(await this.stagedBinary()).has(file.path);
        }
        this.absorb(scanContent({ path: file.path, content, blockedOnly, ...(lineFilter ? { lineFilter } : {}) }, this.detector, this.options));
    }
    absorb(scan) {
        for (const blocked of scan.blocked)
            this.sink.addFile(secrets/* SECRET_PATH_RULES */.H1[blocked.rule].meta, scan.path, blocked.message);
        if (scan.skipped === 'large')
            this.skippedLarge.push(scan.path);
        if (scan.skipped === 'binary')
            this.skippedBinary.push(scan.path);
        for (const detected of scan.secrets)
            this.sink.addSecret({ detected, path: scan.path, line: detected.line, endLine: detected.endLine });
    }
    stagedBinary() {
        this.binaryStaged ??= stagedBinaryPaths(this.context.repo);
        return this.binaryStaged;
    }
    /**
     * What one history pass adds: secrets and blocked files added by commits, each reported once,
     * at the oldest commit that added it (git log lists newest first, so later ones overwrite).
     * With `skipKnown`, secrets the tree scan already reported at the same path are left out.
     */
    async scanHistory(range, skipKnown) {
        const commits = new Set();
        const inTree = new Set(skipKnown ? this.sink.findings.map((f) => f.fingerprint) : []);
        const blocked = new Map();
        const paths = this.context.request.historyPaths ?? [];
        for await (const change of walkHistory(this.context.repo.root, range, this.context.signal, paths)) {
            if (!commits.has(change.commit.sha)) {
                commits.add(change.commit.sha);
                if (commits.size % 500 === 0)
                    this.context.progress(`history: ${commits.size} commits`);
            }
            if (!change.path || change.deleted)
                continue;
            const text = change.added.map((l) => l.text).join('\n');
            for (const rule of secrets/* SECRET_PATH_RULES */.H1) {
                rule.create({
                    path: change.path,
                    content: Buffer.from(text),
                    options: this.options,
                    report: (r) => blocked.set(`${rule.meta.id}\0${change.path}`, { meta: rule.meta, path: change.path, message: r.message, commit: change.commit }),
                });
            }
            if (change.binary || change.added.length === 0 || this.detector.allowlist.pathAllowed(change.path))
                continue;
            if (text.length > this.maxBytes) {
                this.skippedLarge.push(`${change.path}@${change.commit.sha.slice(0, 12)}`);
                continue;
            }
            for (const detected of this.detector.scan({ path: change.path, text })) {
                if (inTree.has(secretFingerprint(detected.rule.meta.id, change.path, detected.secret)))
                    continue;
                const line = change.added[detected.line - 1]?.line ?? detected.line;
                const endLine = change.added[detected.endLine - 1]?.line ?? line;
                this.sink.addSecret({ detected, path: change.path, line, endLine, commit: change.commit });
            }
        }
        for (const b of blocked.values()) {
            if (!inTree.has(secretFingerprint(b.meta.id, b.path, '')))
                this.sink.addFile(b.meta, b.path, b.message, b.commit);
        }
        const under = paths.length > 0 ? ` (changes under ${listPaths(paths.map((p) => external_node_path_.relative(this.context.repo.root, p) || '.'))})` : '';
        this.notes.push(`history: scanned ${plural(commits.size, 'commit')}${range === true ? ' of every branch' : ` in ${range}`}${under}`);
    }
    /** The history a whole-repository scan adds, per `checks.secrets.history`. */
    async branchHistory() {
        if (this.options.history === 'off')
            return undefined;
        if (this.options.history === 'all')
            return true;
        const { repo } = this.context;
        if (!(await repo.hasHead()))
            return undefined;
        const base = await repo.defaultBranch();
        if (!base)
            return undefined;
        try {
            const mergeBase = await repo.mergeBase(base, 'HEAD');
            const head = (await repo.git.raw(['rev-parse', 'HEAD'])).trim();
            return mergeBase === head ? undefined : `${mergeBase}..HEAD`;
        }
        catch {
            this.notes.push(`history: not scanned (no merge base with ${base}; in CI, fetch with fetch-depth: 0)`);
            return undefined;
        }
    }
    async finish(scope) {
        if (this.skippedBinary.length > 0)
            this.notes.push(`skipped ${plural(this.skippedBinary.length, 'binary file')} (${listPaths(this.skippedBinary.sort())}); blocked-file rules still apply`);
        if (this.skippedLarge.length > 0)
            this.notes.push(`skipped ${plural(this.skippedLarge.length, 'file')} larger than ${this.options.maxFileSizeKb} KiB (${listPaths(this.skippedLarge.sort())}); raise checks.secrets.maxFileSizeKb to scan them`);
        const { repo, request } = this.context;
        const findings = this.sink.findings;
        const baseline = await readBaseline(repo.root, this.options.baseline);
        if (request.updateBaseline) {
            // A full scan sees everything, so it replaces the baseline; a partial one only adds to it.
            const entries = [...(scope.full ? [] : baseline.entries), ...this.sink.baselineEntries()];
            const before = new Set(baseline.entries.map((e) => e.fingerprint));
            const after = new Set(entries.map((e) => e.fingerprint));
            const added = [...after].filter((fp) => !before.has(fp)).length;
            const removed = [...before].filter((fp) => !after.has(fp)).length;
            const unchanged = baseline.exists && serializeBaseline(baseline.entries) === serializeBaseline(entries);
            if (!unchanged)
                await writeBaseline(repo.root, this.options.baseline, entries);
            const count = after.size === 1 ? '1 entry' : `${after.size} entries`;
            this.notes.push(`${unchanged ? 'kept' : 'wrote'} ${this.options.baseline}: ${count} (+${added}, -${removed})`);
            return { findings: [], notes: this.notes };
        }
        const comparison = compareWithBaseline(baseline, findings);
        if (comparison.accepted > 0)
            this.notes.push(`${plural(comparison.accepted, 'finding')} accepted by ${this.options.baseline}`);
        const result = comparison.fresh;
        if (scope.full && comparison.stale.length > 0) {
            const rule = secrets/* SECRET_BASELINE_RULE */.kT;
            rule.create({
                baselinePath: this.options.baseline,
                stale: comparison.stale,
                report: (r) => result.push({
                    checkId: 'secrets',
                    ruleId: rule.meta.id,
                    severity: rule.meta.severity,
                    message: r.message,
                    location: { path: this.options.baseline, line: r.line, column: r.line > 0 ? 1 : 0 },
                    fingerprint: secretFingerprint(rule.meta.id, this.options.baseline, comparison.stale.find((s) => s.line === r.line)?.fingerprint ?? String(r.line)),
                    fix: { description: rule.meta.fixHint },
                    help: (0,rules_rule/* ruleDocPath */._)(rule.meta.id),
                }),
            });
        }
        return { findings: result, notes: this.notes };
    }
}
async function run(context) {
    const options = context.config.checks.secrets;
    const scan = new SecretsScan(context, options);
    const history = context.request.history;
    if (history !== undefined) {
        await scan.scanHistory(history, false);
        return scan.finish({ full: false });
    }
    await scan.scanFiles(context.files);
    const full = context.mode === 'all';
    if (full) {
        const range = await scan.branchHistory();
        if (range !== undefined)
            await scan.scanHistory(range, true);
    }
    return scan.finish({ full });
}
/**
 * A whole-tree scan starts its threads before the files are listed. Whether the tree is large
 * enough for them is known only after; if not, the runner releases them unused (they ran on
 * cores the listing left idle).
 */
function prepare(plan) {
    const options = plan.config.checks.secrets;
    if (plan.mode !== 'all' || plan.request.history !== undefined)
        return undefined;
    const threads = options.threads === 'auto' ? autoThreads() : options.threads;
    const module = threads > 1 ? workerModule() : undefined;
    return module ? new ScanPool(module, threads, options) : undefined;
}
const secretsCheck = {
    id: 'secrets',
    title: 'Secret scanning: tokens, keys, passwords and blocked files, redacted in every output',
    accepts: ['history', 'historyPaths', 'updateBaseline'],
    prepare,
    run,
};
//# sourceMappingURL=check.js.map

/***/ }),

/***/ 8917:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ looksBinary)
/* harmony export */ });
/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary. */
function looksBinary(content) {
    return content.subarray(0, 8000).includes(0);
}
//# sourceMappingURL=binary.js.map

/***/ }),

/***/ 370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ pLimit)
});

// UNUSED EXPORTS: limitFunction

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}


/***/ })

};
