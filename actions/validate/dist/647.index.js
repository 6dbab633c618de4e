import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 647;
export const ids = [647];
export const modules = {

/***/ 7647:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  secretsCheck: () => (/* binding */ secretsCheck)
});

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./build/src/git/repo.js + 4 modules
var git_repo = __webpack_require__(8537);
// EXTERNAL MODULE: ./build/src/rules/rule.js
var rules_rule = __webpack_require__(1543);
// EXTERNAL MODULE: ./build/rules/secrets/index.js + 43 modules
var secrets = __webpack_require__(1556);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
// EXTERNAL MODULE: ./build/src/checks/secrets/detector.js + 3 modules
var detector = __webpack_require__(4409);
// EXTERNAL MODULE: ./build/src/checks/secrets/finding-sink.js + 1 modules
var finding_sink = __webpack_require__(2261);
// EXTERNAL MODULE: ./build/src/checks/secrets/history.js
var secrets_history = __webpack_require__(9317);
// EXTERNAL MODULE: ./build/src/checks/secrets/line-index.js
var line_index = __webpack_require__(1710);
;// CONCATENATED MODULE: ./build/src/checks/secrets/check.js









/** Git's heuristic: a NUL byte in the first 8,000 bytes means binary. */
function looksBinary(content) {
    return content.subarray(0, 8000).includes(0);
}
/** Paths that `git diff --cached --numstat` reports as binary ("-\t-\t<path>"). */
async function stagedBinaryPaths(repo) {
    const base = (await repo.hasHead()) ? 'HEAD' : git_repo/* EMPTY_TREE */.p;
    const out = await repo.git.raw(['diff-index', '--cached', '--numstat', '-z', '-M', '--no-ext-diff', base]);
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
        const limit = (0,p_limit/* default */.A)(16);
        let done = 0;
        await Promise.all(files.map((file) => limit(async () => {
            if (this.context.signal.aborted)
                return;
            await this.scanFile(file);
            if (++done % 2000 === 0)
                this.context.progress(`${done}/${files.length} files`);
        })));
    }
    async scanFile(file) {
        if (file.mode === '120000' || file.mode === '160000')
            return;
        const content = await file.read();
        if (content === undefined)
            return;
        for (const rule of secrets/* SECRET_PATH_RULES */.H1) {
            rule.create({ path: file.path, content, options: this.options, report: (r) => this.sink.addFile(rule.meta, file.path, r.message) });
        }
        if (this.detector.allowlist.pathAllowed(file.path))
            return;
        if (content.length > this.maxBytes) {
            this.skippedLarge.push(file.path);
            return;
        }
        if (looksBinary(content)) {
            this.skippedBinary.push(file.path);
            return;
        }
        let lineFilter;
        if (this.context.mode === 'quick') {
            if (file.addedLines && file.addedLines.length > 0)
                lineFilter = (0,line_index/* lineRangeFilter */.s)(file.addedLines);
            else if (!(await this.stagedBinary()).has(file.path))
                return; // a pure rename or mode change adds nothing
            // else: git flagged the file binary (an attribute), so it shows no lines; scan all of it.
        }
        for (const detected of this.detector.scan({ path: file.path, text: content, ...(lineFilter ? { lineFilter } : {}) })) {
            this.sink.addSecret({ detected, path: file.path, line: detected.line, endLine: detected.endLine });
        }
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
        for await (const change of (0,secrets_history/* walkHistory */.S6)(this.context.repo.root, range, this.context.signal)) {
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
        this.notes.push(`history: scanned ${plural(commits.size, 'commit')}${range === true ? ' of every branch' : ` in ${range}`}`);
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
const secretsCheck = {
    id: 'secrets',
    title: 'Secret scanning: tokens, keys, passwords and blocked files, redacted in every output',
    accepts: ['history', 'updateBaseline'],
    run,
};
//# sourceMappingURL=check.js.map

/***/ })

};
