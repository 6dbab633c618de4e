import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 285;
export const ids = [285];
export const modules = {

/***/ 4409:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ SecretDetector)
});

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
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
        this.pathMatch = allowlist.paths.length > 0 ? picomatch(allowlist.paths, { dot: true }) : () => false;
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
const HEX = /^[0-9a-fA-F]+$/;
/** The patterns decoding runs on blob text of any length, for the catastrophic-backtracking test. */
const DECODE_PATTERNS = [PERCENT, HEX];
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
/**
 * Cheap rejections before decoding, on the run itself (no substring yet). Printable ASCII bytes
 * are below 0x80, so in base64 the first character of every 4-character group encodes a value
 * below 32 (A-Z or a-f), and in hex every byte's first digit is 0-7. Random base64 (hashes,
 * images) and identifiers fail within a few groups.
 */
function base64MayBeText(run, start, end) {
    for (let i = start; i < end && i < start + 64; i += 4) {
        const c = run.charCodeAt(i);
        if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 102)))
            return false;
    }
    return true;
}
function hexMayBeText(body) {
    for (let i = 0; i < body.length && i < 64; i += 2) {
        const c = body.charCodeAt(i);
        if (c < 48 || c > 55)
            return false;
    }
    return true;
}
/** Where the piece starting at `from` ends: the next `=` or `%`, or the end of the run. */
function nextSeparator(run, from) {
    const equals = run.indexOf('=', from);
    const percent = run.indexOf('%', from);
    const end = equals < 0 ? percent : percent < 0 ? equals : Math.min(equals, percent);
    return end < 0 ? run.length : end;
}
function mayBeHex(run, start, end) {
    const length = end - start;
    return length >= 32 && length % 2 === 0 && HEX.test(run.slice(start, end));
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
    // A blob run holds only base64/hex characters, `=` and `%`; the last two split it into pieces.
    let at = 0;
    while (at < run.length) {
        const start = at;
        const end = nextSeparator(run, start);
        at = end;
        while (at < run.length && run.charCodeAt(at) === 61)
            at++; // the `=` padding
        if (at < run.length && run.charCodeAt(at) === 37)
            at++; // a lone `%`
        if (end - start < minLength)
            continue;
        if (mayBeHex(run, start, end)) {
            const body = run.slice(start, end);
            if (!hexMayBeText(body))
                continue;
            const bytes = Buffer.from(body, 'hex');
            if (mostlyPrintable(bytes))
                out.push({ encoding: 'hex', text: bytes.toString('utf8'), offset: start, length: at - start });
            continue;
        }
        if ((end - start) % 4 === 1 || !base64MayBeText(run, start, end))
            continue;
        const bytes = Buffer.from(run.slice(start, end), 'base64');
        if (mostlyPrintable(bytes))
            out.push({ encoding: 'base64', text: bytes.toString('utf8'), offset: start, length: at - start });
    }
    return out;
}
//# sourceMappingURL=decode.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/keyword-matcher.js
/**
 * The keyword prefilter: an Aho-Corasick automaton over ASCII keywords, matched case-insensitively
 * in one pass over the text. The automaton is compiled to a dense transition table (state × 256
 * byte values), so the inner loop is one table lookup per character and no regex runs on text
 * that holds none of a rule's keywords.
 *
 * Runs of characters that could be an encoded blob (base64, hex, percent-encoding) are found
 * by probing every `min`-th character rather than by a second full pass.
 */
const ALPHABET = 128;
/** Inputs shorter than this are walked in one piece (the cuts would not pay for themselves). */
const INTERLEAVE_MIN = 4096;
/** Characters that may make up an encoded blob: base64 (standard and URL-safe), hex, %XX. */
const BLOB_CHAR = new Uint8Array(256);
for (let c = 0; c < ALPHABET; c++) {
    if (/[A-Za-z0-9+/=_%-]/.test(String.fromCharCode(c)))
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
        const table = new Int32Array(states * 256);
        for (let old = 0; old < states; old++) {
            const row = renamed[old] * 256;
            for (let byte = 0; byte < 256; byte++) {
                const cls = byte < ALPHABET ? classOf[byte] : 0;
                table[row + byte] = renamed[dense[old * classes + cls]] * 256;
            }
        }
        const firstOutput = order.findIndex((old) => outputs[old] !== undefined);
        this.firstOutputRow = (firstOutput < 0 ? states : firstOutput) * 256;
        this.outputs = order.map((old) => outputs[old]);
        this.table = table;
        this.rootRow = renamed[0] * 256;
        this.longest = Math.max(0, ...this.keywords.map((k) => k.length));
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
        return { hits: this.hits(bytes), blobs: minBlobLength > 0 ? blobRuns(bytes, minBlobLength) : [] };
    }
    /**
     * The automaton's walk is a chain of dependent loads (each state needs the one before), which
     * leaves the CPU waiting on memory. So a long input is cut into four quarters walked in the
     * same loop: four independent chains the CPU overlaps, about three times the speed of one.
     * Quarters after the first start `longest - 1` bytes early, from the root, so a keyword that
     * straddles a cut is still seen whole; a walk records only the hits that end in its own
     * quarter, so none is reported twice. Hits are recorded as (last byte, state) pairs, in order
     * within each walk, and turned into KeywordHits quarter by quarter, so they come out sorted.
     */
    hits(bytes) {
        const { table, firstOutputRow: out } = this;
        const n = bytes.length;
        const found = [];
        const overlap = this.longest - 1;
        const q = Math.floor(n / 4);
        if (n < INTERLEAVE_MIN || q <= overlap) {
            let row = this.rootRow;
            for (let i = 0; i < n; i++) {
                row = table[row + bytes[i]];
                if (row >= out)
                    found.push(i, row);
            }
            return this.expand([found]);
        }
        const f1 = [];
        const f2 = [];
        const f3 = [];
        const s1 = q - overlap;
        const s2 = 2 * q - overlap;
        const s3 = 3 * q - overlap;
        let r0 = this.rootRow;
        let r1 = r0;
        let r2 = r0;
        let r3 = r0;
        const steps = q + overlap;
        for (let i = 0; i < steps; i++) {
            if (i < q) {
                r0 = table[r0 + bytes[i]];
                if (r0 >= out)
                    found.push(i, r0);
            }
            r1 = table[r1 + bytes[s1 + i]];
            if (r1 >= out && i >= overlap)
                f1.push(s1 + i, r1);
            r2 = table[r2 + bytes[s2 + i]];
            if (r2 >= out && i >= overlap)
                f2.push(s2 + i, r2);
            r3 = table[r3 + bytes[s3 + i]];
            if (r3 >= out && i >= overlap)
                f3.push(s3 + i, r3);
        }
        for (let i = s3 + steps; i < n; i++) {
            r3 = table[r3 + bytes[i]];
            if (r3 >= out)
                f3.push(i, r3);
        }
        return this.expand([found, f1, f2, f3]);
    }
    /** KeywordHits from (last byte, state) pairs: every keyword that ends in that state. */
    expand(walks) {
        const { outputs, keywords } = this;
        const hits = [];
        for (const pairs of walks) {
            for (let k = 0; k < pairs.length; k += 2) {
                const last = pairs[k];
                for (const id of outputs[pairs[k + 1] >> 8])
                    hits.push({ keyword: id, start: last + 1 - keywords[id].length, end: last + 1 });
            }
        }
        return hits;
    }
}
/**
 * The runs of at least `min` blob characters. Any such run covers a position that is a multiple
 * of `min` (minus one), so only those positions are probed. A run through a probe `p` that is at
 * least `min` long also covers `p - min/2` or `p + min/2`, so when neither is a blob character
 * the probe is dropped without walking its run: ordinary text (identifiers, words) costs about
 * three reads per `min` characters.
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
            runs.push({ start, end });
        // The next run starts after `end`, so it covers `end + min` if it is long enough.
        probe = end + min;
    }
    return runs;
}
//# sourceMappingURL=keyword-matcher.js.map
// EXTERNAL MODULE: ./build/src/checks/secrets/line-index.js
var line_index = __webpack_require__(1710);
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
        const lines = new line_index/* LineIndex */.r(text);
        const lineAllowed = (offset) => !lineFilter || lineFilter(lines.lineOf(offset) + 1);
        // 1. Keyword hits grouped by rule, dropping hits on lines out of scope.
        const hitsByRule = new Map();
        for (const hit of hits) {
            if (!lineAllowed(hit.start))
                continue;
            for (const r of this.rulesByKeyword[hit.keyword]) {
                let list = hitsByRule.get(r);
                if (!list)
                    hitsByRule.set(r, (list = []));
                list.push(hit);
            }
        }
        // 2. Each rule on the text it needs.
        const located = [];
        for (const [r, ruleHits] of hitsByRule) {
            const rule = this.rules[r];
            const collect = (base) => (candidate) => {
                const start = base + candidate.index;
                located.push({ rule, candidate, start, end: start + candidate.secret.length });
            };
            if (rule.scope === 'file') {
                rule.create({ path, text, options: this.options, report: collect(0) });
                continue;
            }
            for (const [from, to] of windows(ruleHits, rule.window, lines)) {
                rule.create({ path, text: text.slice(from, to), options: this.options, report: collect(from) });
            }
        }
        // 3. Scope, allowlist, then overlaps: the lower priority (the more specific rule) wins.
        const candidates = located
            .filter((l) => lineAllowed(l.start))
            .filter((l) => this.allowlist.secretAllowed(l.candidate.secret, lines.lineText(lines.lineOf(l.start))) === undefined)
            .sort((a, b) => a.rule.priority - b.rule.priority || a.start - b.start || b.end - a.end);
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
            const from = lines.position(l.start);
            const to = lines.position(l.end);
            return {
                rule: l.rule,
                secret: l.candidate.secret,
                label: l.candidate.label,
                severity: l.candidate.severity ?? l.rule.meta.severity,
                ...(l.candidate.detail === undefined ? {} : { detail: l.candidate.detail }),
                line: from.line,
                column: from.column,
                endLine: to.line,
                endColumn: to.column,
                lineText: lines.lineText(from.line - 1),
                encodings: [],
            };
        });
        // 4. Blobs that decode to text: scan what is inside, report at the blob.
        if (decode) {
            let tried = 0;
            for (const blob of blobs) {
                if (tried >= MAX_BLOBS)
                    break;
                if (!lineAllowed(blob.start))
                    continue;
                if (taken.overlaps(blob.start, blob.end))
                    continue;
                tried++;
                const run = text.slice(blob.start, blob.end);
                for (const decoded of decodeRun(run, MIN_BLOB)) {
                    const inner = this.scanText(path, decoded.text, undefined, depth + 1);
                    if (inner.length === 0)
                        continue;
                    const start = blob.start + decoded.offset;
                    const from = lines.position(start);
                    const to = lines.position(start + decoded.length);
                    const encoded = text.slice(start, start + decoded.length);
                    for (const secret of inner) {
                        found.push({
                            ...secret,
                            line: from.line,
                            column: from.column,
                            endLine: to.line,
                            endColumn: to.column,
                            lineText: lines.lineText(from.line - 1),
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
 * Merged windows around keyword hits, each clipped to the hit's line: a rule never sees more
 * than `size` characters on either side of one of its keywords.
 */
function windows(hits, size, lines) {
    const sorted = [...hits].sort((a, b) => a.start - b.start);
    const out = [];
    for (const hit of sorted) {
        const line = lines.lineOf(hit.start);
        const from = Math.max(lines.lineStart(line), hit.start - size);
        const to = Math.min(Math.max(lines.lineEnd(line), hit.end), hit.end + size);
        const last = out[out.length - 1];
        if (last && from <= last[1])
            last[1] = Math.max(last[1], to);
        else
            out.push([from, to]);
    }
    return out;
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

/***/ }),

/***/ 2261:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RQ: () => (/* binding */ FindingSink),
  nO: () => (/* binding */ secretFingerprint),
  Bm: () => (/* binding */ secretParts)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./build/src/findings/fingerprint.js
var fingerprint = __webpack_require__(8488);
// EXTERNAL MODULE: ./build/src/rules/rule.js
var rule = __webpack_require__(1543);
// EXTERNAL MODULE: ./build/src/checks/secrets/history.js
var secrets_history = __webpack_require__(9317);
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
        const history = placed.commit ? `, added in ${(0,secrets_history/* describeCommit */.XT)(placed.commit)}` : '';
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
            help: (0,rule/* ruleDocPath */._)(d.rule.meta.id),
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
            message: commit ? `${message.replace(/\.$/, '')} (${(0,secrets_history/* describeCommit */.XT)(commit)}).` : message,
            location: { path, line: 0, column: 0 },
            fingerprint: fp,
            fix: { description: meta.fixHint },
            help: (0,rule/* ruleDocPath */._)(meta.id),
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

/***/ }),

/***/ 9317:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S6: () => (/* binding */ walkHistory),
/* harmony export */   XT: () => (/* binding */ describeCommit)
/* harmony export */ });
/* unused harmony export historyArgs */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(481);
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1397);
/* harmony import */ var _git_diff_parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8777);




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
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`--history expects a revision range such as main..HEAD, not an option: ${range}`);
    return [...base, '--end-of-options', range, ...pathspecs];
}
function parsePath(raw, prefix) {
    const unquoted = raw.startsWith('"') ? (0,_git_diff_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .unquoteGitPath */ .Lh)(raw) : raw;
    return unquoted.startsWith(prefix) ? unquoted.slice(prefix.length) : unquoted;
}
/**
 * Streams every file change of `git log -p` over a range (or every ref), newest commit first,
 * one change at a time, so a 5,000-commit history never sits in memory. Lines are counted
 * per hunk, so an added line that happens to start with `+++` is never taken for a header.
 */
async function* walkHistory(root, range, signal, paths = []) {
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', historyArgs(range, paths), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
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
    const lines = (0,node_readline__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input: child.stdout, crlfDelay: Infinity });
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
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`Cannot scan history${range === true ? '' : ` for ${range}`}: ${reason.replace(/^fatal: /, '')}`);
    }
}
/** The one-line description of a commit used in history findings. */
function describeCommit(commit) {
    return `commit ${commit.sha.slice(0, 12)} by ${commit.author} <${commit.email}> on ${commit.date.slice(0, 10)}`;
}
//# sourceMappingURL=history.js.map

/***/ }),

/***/ 1710:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ LineIndex),
/* harmony export */   s: () => (/* binding */ lineRangeFilter)
/* harmony export */ });
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

/***/ })

};
