import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 775;
export const ids = [775];
export const modules = {

/***/ 775:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hygieneCheck: () => (/* binding */ hygieneCheck)
});

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./build/src/findings/rule-settings.js
var rule_settings = __webpack_require__(4636);
// EXTERNAL MODULE: ./build/src/rules/rule.js
var rules_rule = __webpack_require__(1543);
// EXTERNAL MODULE: ./build/rules/hygiene/index.js + 15 modules
var hygiene = __webpack_require__(97);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/checks/hygiene/atomic-write.js
var atomic_write = __webpack_require__(9372);
// EXTERNAL MODULE: ./build/src/git/binary.js
var git_binary = __webpack_require__(8917);
;// CONCATENATED MODULE: ./build/src/checks/hygiene/fault-point.js
function faultPoint(step) {
    if (process.env.TOLLGATE_FAULT_AFTER === step)
        process.kill(process.pid, 'SIGKILL');
}
//# sourceMappingURL=fault-point.js.map
// EXTERNAL MODULE: ./build/src/checks/hygiene/git-plumbing.js
var git_plumbing = __webpack_require__(3676);
// EXTERNAL MODULE: ./build/src/checks/hygiene/recovery.js
var recovery = __webpack_require__(5088);
;// CONCATENATED MODULE: ./build/src/checks/hygiene/apply-fixes.js








/**
 * Applies hygiene fixes without ever losing a byte of the user's work:
 * 1. plan every file; a staged file whose working-tree version is missing, not a regular file,
 *    or binary is refused as a whole (neither version is touched);
 * 2. store the fixed index blobs and the original working-tree bytes in the object database and
 *    write the recovery record;
 * 3. point the index entries at the fixed blobs (one atomic index write);
 * 4. replace each working-tree file atomically, keeping its mode;
 * 5. remove the record.
 * A crash between 2 and 5 leaves the record, from which `restoreFromRecord` restores everything.
 */
async function applyFixes(root, requests) {
    if (requests.length === 0)
        return [];
    const pending = await (0,recovery/* readRecoveryRecord */.Tk)(root);
    if (pending) {
        const reason = `an interrupted fix is waiting to be recovered (${external_node_path_.relative(root, pending.file)}); run \`${recovery/* RECOVER_COMMAND */.L$}\` first`;
        return requests.map((r) => ({ path: r.path, applied: false, reason }));
    }
    const staged = requests.filter((r) => r.staged).map((r) => r.path);
    const entries = new Map();
    for (const entry of await (0,git_plumbing/* indexEntries */.nL)(root, staged))
        entries.set(entry.path, [...(entries.get(entry.path) ?? []), entry]);
    const outcomes = new Map();
    const plans = [];
    for (const request of requests) {
        const result = await plan(root, request, entries.get(request.path) ?? []);
        if (typeof result === 'string')
            outcomes.set(request.path, { path: request.path, applied: false, reason: result });
        else
            plans.push(result);
    }
    if (plans.length === 0)
        return requests.map((r) => outcomes.get(r.path));
    const limit = (0,p_limit/* default */.A)(8);
    const recordEntries = await Promise.all(plans.map((p) => limit(async () => ({
        path: p.request.path,
        index: p.index ? { mode: p.index.entry.mode, original: p.index.entry.blob, fixed: await (0,git_plumbing/* writeBlob */.Zh)(root, p.index.fixed) } : null,
        worktree: p.worktree ? { mode: p.worktree.mode, original: await (0,git_plumbing/* writeBlob */.Zh)(root, p.worktree.original), fixed: await (0,git_plumbing/* blobId */.zA)(root, p.worktree.fixed) } : null,
    }))));
    await (0,recovery/* writeRecoveryRecord */.QI)(root, recordEntries);
    faultPoint('record-written');
    try {
        await (0,git_plumbing/* setIndexEntries */.RZ)(root, recordEntries.filter((e) => e.index).map((e) => ({ mode: e.index.mode, blob: e.index.fixed, path: e.path })));
        faultPoint('index-written');
        let written = 0;
        for (const p of plans) {
            if (!p.worktree)
                continue;
            await (0,atomic_write/* writeFileAtomic */.Z)(p.abs, p.worktree.fixed, p.worktree.mode);
            if (++written === 1)
                faultPoint('worktree-partial');
        }
        faultPoint('worktree-written');
    }
    catch (error) {
        // Roll back what was done; if even that fails, the record stays for `tollgate recover-fix`
        // (and the hygiene/interrupted-fix finding says so), so the original error is the one to show.
        await (0,recovery/* restoreFromRecord */.uM)(root).catch(() => undefined);
        throw error;
    }
    await (0,recovery/* removeRecoveryRecord */.tv)(root);
    for (const p of plans)
        outcomes.set(p.request.path, { path: p.request.path, applied: true });
    return requests.map((r) => outcomes.get(r.path));
}
/** A plan for one file, or the reason it cannot be fixed safely. */
async function plan(root, request, entries) {
    const abs = external_node_path_.join(root, request.path);
    let index;
    if (request.staged) {
        const entry = entries.find((e) => e.stage === 0);
        if (!entry)
            return entries.length > 0 ? 'the path has an unresolved merge conflict' : 'the path is not in the index';
        if (entry.mode !== '100644' && entry.mode !== '100755')
            return `the index entry is not a regular file (mode ${entry.mode})`;
        const original = await (0,git_plumbing/* readBlob */.gm)(root, entry.blob);
        const fixed = request.transform(original);
        if (!fixed.equals(original))
            index = { entry, fixed };
    }
    let stat;
    try {
        stat = await (0,promises_.lstat)(abs);
    }
    catch {
        return request.staged ? 'the working-tree file is missing, so the staged and working-tree versions cannot be fixed alike' : 'the file is missing';
    }
    if (!stat.isFile())
        return 'the working-tree path is not a regular file';
    const original = await (0,promises_.readFile)(abs);
    if ((0,git_binary/* looksBinary */.W)(original)) {
        return request.staged ? 'the working-tree version is binary, so the staged and working-tree versions cannot be fixed alike' : 'the file is binary';
    }
    const fixed = request.transform(original);
    const worktree = fixed.equals(original) ? undefined : { original, fixed, mode: stat.mode };
    if (!index && !worktree)
        return 'nothing left to change';
    return { request, abs, ...(index ? { index } : {}), ...(worktree ? { worktree } : {}) };
}
//# sourceMappingURL=apply-fixes.js.map
;// CONCATENATED MODULE: ./build/src/checks/hygiene/attributes.js

const DEFAULT_ATTRIBUTES = { lineEndings: 'as-is', lfs: false };
/**
 * Asks git for the `text`, `eol` and `filter` attributes of many paths in one process.
 * `cached` reads .gitattributes from the index, which is what a commit will carry.
 */
async function readAttributes(root, paths, options) {
    const result = new Map();
    if (paths.length === 0)
        return result;
    const args = ['check-attr', '-z', '--stdin', ...(options.cached ? ['--cached'] : []), 'text', 'eol', 'filter'];
    // core.autocrlf only matters for working-tree content (staged content is what it is), so a
    // staged run saves the process.
    const [attrs, autocrlf] = await Promise.all([
        (0,git_plumbing/* runGit */.EO)(root, args, paths.join('\0') + '\0'),
        options.cached ? undefined : (0,git_plumbing/* runGit */.EO)(root, ['config', '--get', 'core.autocrlf']),
    ]);
    if (attrs.code !== 0)
        throw new Error(`git check-attr failed: ${attrs.stderr.trim()}`);
    const autoNormalize = ['true', 'input'].includes(autocrlf?.stdout.toString('utf8').trim().toLowerCase() ?? '');
    const raw = new Map();
    const parts = attrs.stdout.toString('utf8').split('\0');
    for (let i = 0; i + 2 < parts.length; i += 3) {
        const path = parts[i];
        const entry = raw.get(path) ?? {};
        entry[parts[i + 1]] = parts[i + 2];
        raw.set(path, entry);
    }
    for (const path of paths) {
        const a = raw.get(path) ?? {};
        result.set(path, toAttributes(a['text'] ?? 'unspecified', a['eol'] ?? 'unspecified', a['filter'] ?? 'unspecified', autoNormalize));
    }
    return result;
}
function toAttributes(text, eol, filter, autoNormalize) {
    let lineEndings;
    if (text === 'unset')
        lineEndings = 'binary';
    else if (text === 'set' || text === 'auto' || eol === 'crlf' || eol === 'lf')
        lineEndings = 'normalized';
    else
        lineEndings = autoNormalize ? 'normalized' : 'as-is';
    return { lineEndings, lfs: filter === 'lfs' };
}
//# sourceMappingURL=attributes.js.map
// EXTERNAL MODULE: ./build/src/findings/suppressions.js
var findings_suppressions = __webpack_require__(8170);
;// CONCATENATED MODULE: ./build/src/checks/hygiene/fix-plan.js

/**
 * Decides which fixes run on one file: the fixable rules that reported on it, minus those
 * that are 'off' for the path and those with a finding that a `tollgate-ignore` comment
 * covers (the fix would undo what the comment keeps). Then it checks the fixed bytes again:
 * a fix can expose another problem (stripping trailing whitespace can leave blank lines at
 * the end of the file), and the rule that reports it joins, until nothing new turns up.
 * Only rules that report take part, so a rule's own exemptions (.gitattributes `-text`,
 * normalized line endings) hold for its fix too.
 */
async function planFileFix(args) {
    const fixable = new Set(args.fixableRules.map((r) => r.meta.id));
    const reported = new Set(args.hits.map((h) => h.rule.meta.id).filter((id) => fixable.has(id)));
    if (reported.size === 0)
        return undefined;
    const suppressions = args.text === undefined ? [] : (0,findings_suppressions/* parseSuppressions */.Q)(args.text);
    const blocked = new Map();
    for (const hit of args.hits) {
        if (suppressions.some((s) => (0,findings_suppressions/* suppressionCovers */.G)(s, hit.rule.meta.id, hit.report.line))) {
            blocked.set(hit.rule.meta.id, 'a tollgate-ignore comment in this file keeps one of its findings');
        }
    }
    const allowed = (id) => fixable.has(id) && !blocked.has(id) && args.settings.resolve(id, args.path, severityOf(args.fixableRules, id)) !== 'off';
    const included = new Set([...reported].filter(allowed));
    if (included.size === 0)
        return { transform: undefined, included, blocked };
    const compose = (ids) => {
        const rules = args.fixableRules.filter((r) => ids.has(r.meta.id));
        return (content) => rules.reduce((bytes, rule) => rule.fix(bytes, args.path), content);
    };
    let transform = compose(included);
    for (let round = 0; round < args.fixableRules.length; round++) {
        const exposed = [...(await args.detect(transform(args.content)))].filter((id) => allowed(id) && !included.has(id));
        if (exposed.length === 0)
            break;
        for (const id of exposed)
            included.add(id);
        transform = compose(included);
    }
    return { transform, included, blocked };
}
function severityOf(rules, id) {
    return rules.find((r) => r.meta.id === id).meta.severity;
}
//# sourceMappingURL=fix-plan.js.map
// EXTERNAL MODULE: ./build/src/checks/hygiene/text-lines.js
var text_lines = __webpack_require__(7826);
;// CONCATENATED MODULE: ./build/src/checks/hygiene/run-file-rules.js


/** Runs the per-file rules on one file's bytes: the one place that decides text or binary. */
async function runFileRules(rules, input) {
    const binary = input.options.binaryExtensions.some((e) => e.toLowerCase() === (0,text_lines/* extensionOf */.je)(input.path)) || (0,git_binary/* looksBinary */.W)(input.content);
    const text = binary ? undefined : input.content.toString('utf8');
    const hits = [];
    for (const rule of rules) {
        if (rule.textOnly && text === undefined)
            continue;
        await rule.create({
            path: input.path,
            mode: input.mode,
            status: input.status,
            source: input.source,
            attributes: input.attributes,
            content: input.content,
            text,
            options: input.options,
            report: (report) => hits.push({ rule, report }),
        });
    }
    return { hits, binary, text };
}
//# sourceMappingURL=run-file-rules.js.map
;// CONCATENATED MODULE: ./build/src/checks/hygiene/check.js








const FILE_RULES = hygiene/* HYGIENE_RULES */.k.filter((r) => r.kind === 'file');
const REPO_RULES = hygiene/* HYGIENE_RULES */.k.filter((r) => r.kind === 'repository');
const FIXABLE_RULES = FILE_RULES.filter((r) => r.meta.fixable && r.fix);
function toFinding(rule, path, r, fix) {
    return {
        checkId: 'hygiene',
        ruleId: rule.meta.id,
        severity: rule.meta.severity,
        message: r.message,
        location: {
            path,
            line: r.line,
            column: r.column,
            ...(r.endLine === undefined ? {} : { endLine: r.endLine }),
            ...(r.endColumn === undefined ? {} : { endColumn: r.endColumn }),
        },
        fix: fix ?? { description: rule.meta.fixHint },
        help: (0,rules_rule/* ruleDocPath */._)(rule.meta.id),
        ...(r.snippet === undefined ? {} : { snippet: r.snippet }),
    };
}
async function scanFiles(context, fromIndex) {
    const options = context.config.checks.hygiene;
    const files = context.files.filter((f) => f.mode !== '120000'); // symlinks: the repository rules look at them
    const attributes = await readAttributes(context.repo.root, files.map((f) => f.path), { cached: fromIndex });
    const limit = (0,p_limit/* default */.A)(16);
    const scanned = await Promise.all(files.map((file) => limit(async () => {
        const content = await file.read();
        if (content === undefined)
            return undefined;
        const input = {
            path: file.path,
            mode: file.mode,
            status: file.status,
            source: fromIndex ? 'index' : 'worktree',
            attributes: attributes.get(file.path) ?? DEFAULT_ATTRIBUTES,
            content,
            options,
        };
        const result = await runFileRules(FILE_RULES, input);
        return { file, input, ...result };
    })));
    return scanned.filter((s) => s !== undefined);
}
/** Plans and applies the fixes; returns, per path, the plan and what happened. */
async function fixFiles(context, scanned, fromIndex) {
    const settings = new rule_settings/* RuleSettings */.K(context.config);
    const plans = new Map();
    const requests = [];
    for (const s of scanned) {
        const plan = await planFileFix({
            path: s.file.path,
            content: s.input.content,
            text: s.text,
            hits: s.hits,
            fixableRules: FIXABLE_RULES,
            settings,
            detect: async (content) => new Set((await runFileRules(FIXABLE_RULES, { ...s.input, content })).hits.map((h) => h.rule.meta.id)),
        });
        if (!plan)
            continue;
        plans.set(s.file.path, plan);
        if (plan.transform)
            requests.push({ path: s.file.path, transform: plan.transform, staged: fromIndex });
    }
    const outcomes = new Map();
    for (const outcome of await applyFixes(context.repo.root, requests))
        outcomes.set(outcome.path, outcome);
    return { plans, outcomes };
}
function fixOf(rule, plan, outcome) {
    const hint = rule.meta.fixHint;
    if (!plan || !rule.meta.fixable)
        return { description: hint };
    const blocked = plan.blocked.get(rule.meta.id);
    if (blocked)
        return { description: `Not fixed: ${blocked}. ${hint}` };
    if (!plan.included.has(rule.meta.id) || !outcome)
        return { description: hint };
    if (outcome.applied)
        return { description: hint, applied: true };
    return { description: `Not fixed: ${outcome.reason ?? 'unknown reason'}. ${hint}` };
}
async function run(context) {
    const options = context.config.checks.hygiene;
    // Staged runs read the index; attributes then come from the index too (what the commit holds).
    const fromIndex = context.mode === 'quick' || context.files.some((f) => f.status !== undefined);
    const repoFindings = [];
    const repoRules = Promise.all(REPO_RULES.map((rule) => Promise.resolve(rule.create({
        files: context.files,
        repo: context.repo,
        mode: context.mode,
        options,
        report: (r) => repoFindings.push(toFinding(rule, r.path, r)),
    }))));
    const [scanned] = await Promise.all([scanFiles(context, fromIndex), repoRules]);
    const fixes = context.fix ? await fixFiles(context, scanned, fromIndex) : undefined;
    const findings = [];
    for (const s of scanned) {
        const plan = fixes?.plans.get(s.file.path);
        const outcome = fixes?.outcomes.get(s.file.path);
        for (const hit of s.hits)
            findings.push(toFinding(hit.rule, s.file.path, hit.report, fixOf(hit.rule, plan, outcome)));
    }
    findings.push(...repoFindings);
    const notes = [];
    const binaries = scanned.filter((s) => s.binary).length;
    if (binaries > 0)
        notes.push(`${binaries} binary file(s) skipped by the text rules`);
    if (fixes) {
        const fixed = [...fixes.outcomes.values()].filter((o) => o.applied).map((o) => o.path);
        if (fixed.length > 0) {
            notes.push(fromIndex
                ? `fixed the staged and working-tree versions of ${fixed.length} file(s): ${fixed.join(', ')} (review with \`git diff --cached\`, then commit again)`
                : `fixed ${fixed.length} file(s) in the working tree: ${fixed.join(', ')}`);
        }
    }
    return { findings, notes };
}
const hygieneCheck = {
    id: 'hygiene',
    title: 'Repository hygiene: whitespace, line endings, conflict markers, syntax, sizes, names, links, modes',
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
