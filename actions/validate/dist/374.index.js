import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 374;
export const ids = [374];
export const modules = {

/***/ 6374:
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
// EXTERNAL MODULE: ./build/src/checks/secrets/detector.js + 4 modules
var detector = __webpack_require__(2516);
// EXTERNAL MODULE: ./build/src/checks/secrets/finding-sink.js + 1 modules
var finding_sink = __webpack_require__(2261);
// EXTERNAL MODULE: ./build/src/checks/secrets/history.js
var secrets_history = __webpack_require__(9317);
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
// EXTERNAL MODULE: ./build/src/checks/secrets/line-index.js
var line_index = __webpack_require__(1710);
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
        this.detector = new detector/* SecretDetector */.Z(secrets/* SECRET_CONTENT_RULES */.hF, options);
        this.sink = new finding_sink/* FindingSink */.RQ(context.redactor);
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
                lineFilter = (0,line_index/* lineRangeFilter */.s)(file.addedLines);
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
        for await (const change of (0,secrets_history/* walkHistory */.S6)(this.context.repo.root, range, this.context.signal, paths)) {
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
                if (inTree.has((0,finding_sink/* secretFingerprint */.nO)(detected.rule.meta.id, change.path, detected.secret)))
                    continue;
                const line = change.added[detected.line - 1]?.line ?? detected.line;
                const endLine = change.added[detected.endLine - 1]?.line ?? line;
                this.sink.addSecret({ detected, path: change.path, line, endLine, commit: change.commit });
            }
        }
        for (const b of blocked.values()) {
            if (!inTree.has((0,finding_sink/* secretFingerprint */.nO)(b.meta.id, b.path, '')))
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
                    fingerprint: (0,finding_sink/* secretFingerprint */.nO)(rule.meta.id, this.options.baseline, comparison.stale.find((s) => s.line === r.line)?.fingerprint ?? String(r.line)),
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

/***/ })

};
