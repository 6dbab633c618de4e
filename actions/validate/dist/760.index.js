import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 760;
export const ids = [760];
export const modules = {

/***/ 7760:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyDebtStage: () => (/* binding */ applyDebtStage)
});

// UNUSED EXPORTS: ACCEPT_COMMAND, UPDATE_COMMAND, isCi

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/errors/user-error.js
var user_error = __webpack_require__(1397);
// EXTERNAL MODULE: ./build/src/findings/pipeline.js
var pipeline = __webpack_require__(1944);
// EXTERNAL MODULE: ./build/src/findings/redactor.js
var redactor = __webpack_require__(5222);
// EXTERNAL MODULE: ./build/src/runner/run.js
var run = __webpack_require__(9425);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./build/src/debt/baseline-file.js




const BASELINE_VERSION = 1;
/** `<line hash>.<context hash>`: see warning-fingerprint.ts. */
const FINGERPRINT_PATTERN = /^[0-9a-f]{8}\.[0-9a-f]{8}$/;
const EntrySchema = schemas/* object */.Ikc({
    count: schemas/* number */.aig().int().min(1),
    fingerprints: schemas/* array */.YOg(schemas/* string */.YjP().regex(FINGERPRINT_PATTERN, 'a fingerprint such as "0a1b2c3d.4e5f6a7b"')).min(1),
})
    .strict()
    .superRefine((entry, ctx) => {
    if (entry.count !== entry.fingerprints.length) {
        ctx.addIssue({
            code: 'custom',
            path: ['count'],
            message: `expected ${entry.fingerprints.length} (one per fingerprint), found ${entry.count}: a hand edit, or a git merge without the tollgate-debt merge driver?`,
        });
    }
});
const BaselineSchema = schemas/* object */.Ikc({
    files: schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[^/\s]+\/.+$/, 'a rule id such as "eslint/no-console"'), EntrySchema)),
    version: schemas/* literal */.euz(BASELINE_VERSION),
})
    .strict();
/** How to get out of a broken baseline, appended to every error about one. */
function remedy(relPath) {
    return `Restore it with \`git checkout -- ${relPath}\`, or rewrite it from today's code with \`npx tollgate debt update --accept-new\`.`;
}
function keyPath(segments) {
    if (segments.length === 0)
        return '(top level)';
    return segments
        .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : /^[A-Za-z_$][\w$]*$/.test(String(s)) ? `.${String(s)}` : `[${JSON.stringify(String(s))}]`))
        .join('');
}
function found(issue) {
    if (!('input' in issue) || issue.input === undefined)
        return '';
    const text = JSON.stringify(issue.input) ?? String(issue.input);
    return `, found ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}
function describeIssue(issue) {
    if (issue.code === 'unrecognized_keys')
        return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    if (issue.code === 'invalid_key')
        return issue.path.length >= 3 ? 'expected a rule id such as "eslint/no-console" as key' : 'expected a repository-relative path as key';
    if (issue.code === 'invalid_value' && issue.path.join('.') === 'version')
        return `expected ${BASELINE_VERSION} (the baseline format this tollgate reads)${found(issue)}`;
    if (issue.code === 'invalid_format')
        return `expected ${issue.message}${found(issue)}`;
    if (issue.code === 'custom')
        return issue.message;
    if (issue.code === 'invalid_type')
        return `expected ${issue.expected}${found(issue)}`;
    if (issue.code === 'too_small')
        return `expected ${issue.origin === 'array' ? `at least ${String(issue.minimum)} item(s)` : `>= ${String(issue.minimum)}`}${found(issue)}`;
    return `${issue.message.replace(/^Invalid input: /, '')}${found(issue)}`;
}
/** Parses the text of a baseline; `relPath` names the file in errors. */
function parseBaseline(text, relPath) {
    if (/^(?:<{7}|>{7})(?: |$)|^={7}$/m.test(text)) {
        throw new user_error/* UserError */.y(`${relPath} has git conflict markers. Set up the merge driver (\`.tollgate/debt.json merge=tollgate-debt\` in .gitattributes and \`git config merge.tollgate-debt.driver "npx tollgate debt merge %O %A %B"\`), then ${remedy(relPath).replace(/^R/, 'r')}`, { file: relPath });
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new user_error/* UserError */.y(`${relPath} is not valid JSON (${reason}). ${remedy(relPath)}`, { file: relPath, cause: error });
    }
    const parsed = BaselineSchema.safeParse(json, { reportInput: true });
    if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 5).map((issue) => `  ${keyPath(issue.path)}: ${describeIssue(issue)}`);
        const more = parsed.error.issues.length > 5 ? [`  … and ${parsed.error.issues.length - 5} more`] : [];
        throw new user_error/* UserError */.y(`${relPath} is not a valid debt baseline:\n${[...issues, ...more].join('\n')}\n${remedy(relPath)}`, { file: relPath });
    }
    return fromJson(parsed.data);
}
function fromJson(data) {
    const map = new Map();
    for (const [file, rules] of Object.entries(data.files)) {
        const byRule = new Map();
        for (const [rule, entry] of Object.entries(rules))
            byRule.set(rule, [...entry.fingerprints].sort());
        if (byRule.size > 0)
            map.set(file, byRule);
    }
    return map;
}
/** Code-unit order, the same on every machine and locale. */
function byCodeUnit(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The file's exact bytes for a map: sorted, stable, newline-terminated. */
function serializeBaseline(map) {
    const files = {};
    for (const file of [...map.keys()].sort(byCodeUnit)) {
        const rules = map.get(file);
        const out = {};
        for (const rule of [...rules.keys()].sort(byCodeUnit)) {
            const fps = rules.get(rule);
            if (fps.length === 0)
                continue;
            out[rule] = { count: fps.length, fingerprints: [...fps].sort(byCodeUnit) };
        }
        if (Object.keys(out).length > 0)
            files[file] = out;
    }
    return `${JSON.stringify({ files, version: BASELINE_VERSION }, null, 2)}\n`;
}
/** Reads and validates the baseline; undefined when the file does not exist. */
async function readBaseline(absPath, relPath) {
    let text;
    try {
        text = await (0,promises_.readFile)(absPath, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw new user_error/* UserError */.y(`Cannot read ${relPath}: ${error.message}`, { file: relPath, cause: error });
    }
    return parseBaseline(text, relPath);
}
/** Writes through a temp file and a rename, so an interrupted write never leaves half a baseline. */
async function writeBaseline(absPath, map) {
    await (0,promises_.mkdir)(external_node_path_.dirname(absPath), { recursive: true });
    const temp = `${absPath}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(temp, serializeBaseline(map));
    await (0,promises_.rename)(temp, absPath);
}
function countWarnings(map) {
    let n = 0;
    for (const rules of map.values())
        for (const fps of rules.values())
            n += fps.length;
    return n;
}
/** Adds fingerprints under path → rule. */
function addEntries(map, file, rule, fingerprints) {
    if (fingerprints.length === 0)
        return;
    let rules = map.get(file);
    if (!rules) {
        rules = new Map();
        map.set(file, rules);
    }
    rules.set(rule, [...(rules.get(rule) ?? []), ...fingerprints]);
}
//# sourceMappingURL=baseline-file.js.map
// EXTERNAL MODULE: ./build/src/findings/fingerprint.js
var fingerprint = __webpack_require__(8488);
;// CONCATENATED MODULE: ./build/src/debt/warning-fingerprint.js

/** Whitespace never matters: `foo(a,b)` and `foo( a, b )` are the same line. */
function squash(text) {
    return (text ?? '').replace(/\s+/g, '');
}
function shortHash(ruleId, content) {
    return (0,fingerprint/* fingerprint */.R)({ ruleId, path: '', content }).slice(0, 8);
}
/** Lines of a text, without line terminators (CRLF or LF). */
function splitLines(text) {
    return text.split(/\r?\n/);
}
/**
 * The fingerprint of a warning at 1-based `line` of `lines`. Line 0 (the whole file) and lines
 * past the end use `fallback` (a snippet) as the line text and no neighbours.
 */
function warningFingerprint(ruleId, lines, line, fallback) {
    const inFile = lines !== undefined && line >= 1 && line <= lines.length;
    const text = inFile ? lines[line - 1] : fallback?.split(/\r?\n/)[0];
    const before = inFile ? lines[line - 2] : undefined;
    const after = inFile ? lines[line] : undefined;
    const own = squash(text);
    return {
        line: shortHash(ruleId, own),
        context: shortHash(ruleId, [squash(before), own, squash(after)].join('\0')),
    };
}
function formatFingerprint(fp) {
    return `${fp.line}.${fp.context}`;
}
function parseFingerprint(text) {
    const dot = text.indexOf('.');
    return { line: text.slice(0, dot), context: text.slice(dot + 1) };
}
//# sourceMappingURL=warning-fingerprint.js.map
;// CONCATENATED MODULE: ./build/src/debt/compare.js


/**
 * The state of one file and rule against the baseline (after betterer's names):
 * new: not in the baseline at all; obsolete: in the baseline, none left;
 * worse: at least one warning the baseline does not have (a same-count swap is worse: one new
 * plus one fixed, never "same"); better: some fixed and none new; same: exactly the baseline.
 */
const DEBT_STATES = (/* unused pure expression or super */ null && (['new', 'worse', 'same', 'better', 'obsolete']));
/** The source of a rule id: its prefix, which is the check id ("eslint/no-console" → "eslint"). */
function sourceOf(ruleId) {
    const slash = ruleId.indexOf('/');
    return slash < 0 ? ruleId : ruleId.slice(0, slash);
}
/** Moves baseline entries of renamed files to their new path (merging with entries already there). */
function applyRenames(baseline, renames) {
    const map = new Map();
    const renamedFrom = new Map();
    for (const [file, rules] of baseline) {
        const target = renames.get(file) ?? file;
        if (target !== file)
            renamedFrom.set(target, file);
        for (const [rule, fps] of rules)
            addEntries(map, target, rule, fps);
    }
    return { map, renamedFrom };
}
/** Whole fingerprint first, then the context (the line itself changed), then the line (its neighbours changed). */
const MATCH_PASSES = [(fp) => fp, (fp) => `c:${parseFingerprint(fp).context}`, (fp) => `l:${parseFingerprint(fp).line}`];
function matchEntry(base, current) {
    let remaining = [...base];
    let unmatched = [...current];
    const kept = [];
    for (const keyOf of MATCH_PASSES) {
        if (remaining.length === 0 || unmatched.length === 0)
            break;
        const pool = new Map();
        for (const fp of remaining) {
            const key = keyOf(fp);
            const list = pool.get(key);
            if (list)
                list.push(fp);
            else
                pool.set(key, [fp]);
        }
        const next = [];
        for (const warning of unmatched) {
            const list = pool.get(keyOf(warning.fingerprint));
            if (list && list.length > 0) {
                list.pop();
                kept.push(warning);
            }
            else {
                next.push(warning);
            }
        }
        remaining = [...pool.values()].flat();
        unmatched = next;
    }
    return { kept, added: unmatched, fixed: remaining.sort(byCodeUnit) };
}
function stateOf(baseline, current, added, fixed) {
    if (baseline === 0)
        return 'new';
    if (current === 0)
        return 'obsolete';
    if (added > 0)
        return 'worse';
    return fixed > 0 ? 'better' : 'same';
}
/** Compares today's warnings with the baseline, per file and rule. */
function compareDebt(baseline, warnings, options) {
    const renames = new Map(options.renames ?? []);
    const { map, renamedFrom } = applyRenames(baseline, renames);
    const carried = new Map();
    const grouped = new Map();
    const slot = (file, ruleId) => {
        const key = `${file}\0${ruleId}`;
        let entry = grouped.get(key);
        if (!entry) {
            entry = { path: file, ruleId, base: [], current: [] };
            grouped.set(key, entry);
        }
        return entry;
    };
    for (const [file, rules] of map) {
        for (const [rule, fps] of rules) {
            if (options.ran(rule))
                slot(file, rule).base.push(...fps);
            else
                addEntries(carried, file, rule, fps);
        }
    }
    for (const w of warnings)
        slot(w.finding.location.path, w.finding.ruleId).current.push(w);
    const entries = [];
    for (const { path, ruleId, base, current } of grouped.values()) {
        const { kept, added, fixed } = matchEntry(base, current);
        const from = renamedFrom.get(path);
        entries.push({
            path,
            ruleId,
            state: stateOf(base.length, current.length, added.length, fixed.length),
            baseline: base.length,
            current: current.length,
            kept,
            added,
            fixed,
            ...(from === undefined ? {} : { renamedFrom: from }),
        });
    }
    entries.sort((a, b) => byCodeUnit(a.path, b.path) || byCodeUnit(a.ruleId, b.ruleId));
    return { entries, carried, renames };
}
function totalsOf(comparison) {
    const counts = { baseline: 0, current: 0, added: 0, fixed: 0 };
    for (const e of comparison.entries) {
        counts.baseline += e.baseline;
        counts.current += e.current;
        counts.added += e.added.length;
        counts.fixed += e.fixed.length;
    }
    return counts;
}
/** The baseline after a ratchet: what is still there (with today's fingerprints), nothing new. */
function ratchetedBaseline(comparison) {
    const map = new Map();
    for (const [file, rules] of comparison.carried)
        for (const [rule, fps] of rules)
            addEntries(map, file, rule, fps);
    for (const e of comparison.entries)
        addEntries(map, e.path, e.ruleId, e.kept.map((w) => w.fingerprint));
    return map;
}
/** The baseline that accepts today's debt as it is, new warnings included. */
function acceptedBaseline(comparison) {
    const map = ratchetedBaseline(comparison);
    for (const e of comparison.entries)
        addEntries(map, e.path, e.ruleId, e.added.map((w) => w.fingerprint));
    return map;
}
/** Per rule over all files: baseline and current counts and a state, for the summary. */
function byRule(comparison) {
    const rules = new Map();
    for (const e of comparison.entries) {
        const t = rules.get(e.ruleId) ?? { baseline: 0, current: 0, added: 0, fixed: 0 };
        t.baseline += e.baseline;
        t.current += e.current;
        t.added += e.added.length;
        t.fixed += e.fixed.length;
        rules.set(e.ruleId, t);
    }
    return [...rules.entries()]
        .sort(([a], [b]) => byCodeUnit(a, b))
        .map(([ruleId, t]) => ({ ruleId, ...t, state: stateOf(t.baseline, t.current, t.added, t.fixed) }));
}
//# sourceMappingURL=compare.js.map
;// CONCATENATED MODULE: ./build/src/debt/renames.js
/**
 * Files renamed since the baseline was last committed, by git's rename detection (`-M`, 50%
 * similarity): old path → new path. Only asked for baseline paths that no longer exist, so a
 * run without renames costs no git call. Renames git cannot see (a plain `mv` of a file that
 * was never added) are not found: the entries then read as fixed and the file's warnings as new.
 */
async function detectRenames(repo, baselinePath, missing) {
    const renames = new Map();
    if (missing.length === 0)
        return renames;
    const base = await baselineCommit(repo, baselinePath);
    if (!base)
        return renames;
    const out = await repo.output(['diff', '-M', '--name-status', '-z', '--no-ext-diff', base]);
    const wanted = new Set(missing);
    const tokens = out.split('\0');
    for (let i = 0; i < tokens.length;) {
        const status = tokens[i] ?? '';
        if (!status)
            break;
        if (status.startsWith('R') || status.startsWith('C')) {
            const from = tokens[i + 1] ?? '';
            const to = tokens[i + 2] ?? '';
            if (status.startsWith('R') && wanted.has(from) && to)
                renames.set(from, to);
            i += 3;
        }
        else {
            i += 2;
        }
    }
    return renames;
}
/** The last commit that changed the baseline file, else HEAD; undefined in a repository without commits. */
async function baselineCommit(repo, baselinePath) {
    if (!(await repo.hasHead()))
        return undefined;
    const last = (await repo.output(['log', '-1', '--format=%H', '--', baselinePath])).trim();
    return last || 'HEAD';
}
/** The commit the baseline file was last changed in (for explain), or undefined. */
async function lastBaselineCommit(repo, baselinePath) {
    if (!(await repo.hasHead()))
        return undefined;
    const last = (await repo.output(['log', '-1', '--format=%H', '--', baselinePath])).trim();
    return last || undefined;
}
//# sourceMappingURL=renames.js.map
;// CONCATENATED MODULE: ./build/src/debt/locate-fixed.js


/**
 * For `debt explain`: the line each fixed warning was on, found by fingerprinting every line
 * of the file as it was in the commit that last changed the baseline. Only line numbers come
 * out, never the old text (it may hold a secret the scanner masked).
 */
async function locateFixed(repo, baselinePath, comparison) {
    const lines = new Map();
    const withFixed = comparison.entries.filter((e) => e.fixed.length > 0);
    if (withFixed.length === 0)
        return { lines };
    const commit = await lastBaselineCommit(repo, baselinePath);
    if (!commit)
        return { lines };
    for (const entry of withFixed) {
        const blob = await repo.readObject(`${commit}:${entry.renamedFrom ?? entry.path}`);
        if (!blob)
            continue;
        const text = splitLines(blob.toString('utf8'));
        const candidates = text.map((_, i) => formatFingerprint(warningFingerprint(entry.ruleId, text, i + 1)));
        const used = new Set();
        const find = (same) => candidates.findIndex((c, i) => !used.has(i) && same(c));
        entry.fixed.forEach((fp, k) => {
            const { line, context } = parseFingerprint(fp);
            let index = find((c) => c === fp);
            if (index < 0)
                index = find((c) => parseFingerprint(c).context === context);
            if (index < 0)
                index = find((c) => parseFingerprint(c).line === line);
            const found = lines.get(`${entry.path}\0${entry.ruleId}`) ?? [];
            found[k] = index < 0 ? undefined : index + 1;
            if (index >= 0)
                used.add(index);
            lines.set(`${entry.path}\0${entry.ruleId}`, found);
        });
    }
    return { lines, commit };
}
//# sourceMappingURL=locate-fixed.js.map
;// CONCATENATED MODULE: ./build/src/debt/notes.js

/** Rules listed one by one in the report row; the rest are counted. */
const MAX_RULE_LINES = 15;
function countsOf(added, fixed) {
    const parts = [added > 0 ? `${added} new` : '', fixed > 0 ? `${fixed} fixed` : ''].filter(Boolean);
    return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
/** The lines of the `debt` row in a report: totals, rules that changed, what was written. */
function debtNotes(outcome, ci) {
    const { totals, baselinePath, comparison } = outcome;
    const lines = [];
    if (outcome.baselineExisted) {
        lines.push(`${baselinePath}: ${totals.baseline} → ${totals.current} warning(s)${countsOf(totals.added, totals.fixed)}`);
    }
    else if (outcome.action !== 'update') {
        lines.push(`no baseline at ${baselinePath} (${totals.current} warning(s) today)`);
    }
    if (outcome.baselineExisted) {
        const changed = byRule(comparison).filter((r) => r.state !== 'same');
        for (const r of changed.slice(0, MAX_RULE_LINES))
            lines.push(`${r.ruleId}: ${r.baseline} → ${r.current}, ${r.state}${countsOf(r.added, r.fixed)}`);
        if (changed.length > MAX_RULE_LINES)
            lines.push(`… ${changed.length - MAX_RULE_LINES} more rule(s) changed: \`npx tollgate debt explain\` lists every one`);
    }
    if (comparison.renames.size > 0) {
        lines.push(`followed ${comparison.renames.size} renamed file(s): ${[...comparison.renames].map(([from, to]) => `${from} → ${to}`).join(', ')}`);
    }
    let carried = 0;
    const carriedSources = new Set();
    for (const rules of comparison.carried.values()) {
        for (const [rule, fps] of rules) {
            carried += fps.length;
            carriedSources.add(sourceOf(rule));
        }
    }
    if (carried > 0)
        lines.push(`kept ${carried} baseline warning(s) of sources that did not run: ${[...carriedSources].sort().join(', ')}`);
    if (outcome.wrote) {
        const { kind, from, to } = outcome.wrote;
        if (kind === 'created')
            lines.push(`created ${baselinePath} with ${to} warning(s): commit it`);
        else if (kind === 'lowered')
            lines.push(`lowered ${baselinePath} from ${from} to ${to} warning(s): commit it`);
        else
            lines.push(`updated ${baselinePath}: ${from} → ${to} warning(s): commit it`);
    }
    else if (outcome.action === 'update') {
        lines.push(`${baselinePath} is up to date`);
    }
    if (outcome.stale && ci)
        lines.push('CI never writes the baseline: lower it locally and commit it');
    if (totals.added > 0 && outcome.action === 'check' && outcome.baselineExisted) {
        lines.push(`${totals.added} new warning(s): \`npx tollgate debt explain\` lists them; fix them, or accept them with \`npx tollgate debt update --accept-new\``);
    }
    return lines;
}
//# sourceMappingURL=notes.js.map
;// CONCATENATED MODULE: ./build/src/debt/trend.js


/** Counts per rule over every file of a baseline. */
function countsByRule(map) {
    const counts = new Map();
    for (const rules of map.values()) {
        for (const [rule, fingerprints] of rules)
            counts.set(rule, (counts.get(rule) ?? 0) + fingerprints.length);
    }
    return counts;
}
/**
 * The base branch to compare with: the config's `debt.baseBranch`, else the pull request's base
 * (`GITHUB_BASE_REF`, set by GitHub Actions on pull_request events). Undefined: no trend.
 */
function baseBranchName(configured, env = process.env) {
    const name = configured ?? env.GITHUB_BASE_REF;
    return name?.trim() || undefined;
}
/** Reads the baseline file as the base branch has it: the remote-tracking branch first, then a local one. */
async function readBaseCounts(repo, branch, baselinePath) {
    const candidates = branch.startsWith('origin/') ? [branch] : [`origin/${branch}`, branch];
    let ref;
    for (const candidate of candidates) {
        if (await repo.refExists(candidate)) {
            ref = candidate;
            break;
        }
    }
    if (!ref) {
        return {
            ref: undefined,
            counts: undefined,
            note: `base branch ${branch} is not in this clone, so there is no trend: fetch it (actions/checkout with \`fetch-depth: 0\`, or \`git fetch origin ${branch}\`)`,
        };
    }
    const text = (await repo.readObject(`${ref}:${baselinePath}`))?.toString('utf8');
    if (text === undefined)
        return { ref, counts: new Map(), note: `${ref} has no ${baselinePath}: its counts are taken as 0` };
    try {
        return { ref, counts: countsByRule(parseBaseline(text, `${ref}:${baselinePath}`)), note: undefined };
    }
    catch (error) {
        // A broken baseline on the base branch is that branch's problem; here it only costs the trend.
        return { ref, counts: undefined, note: `${ref}:${baselinePath} could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
    }
}
/**
 * Debt per rule with its trend against the base branch. Rules the base branch has but this
 * branch no longer reports are listed too (their debt went to 0).
 */
async function debtTrend(repo, baselinePath, comparison, baseBranch) {
    const base = baseBranch ? await readBaseCounts(repo, baseBranch, baselinePath) : { ref: undefined, counts: undefined, note: undefined };
    const rows = byRule(comparison);
    const rules = rows.map((r) => ({ ...r, base: base.counts ? (base.counts.get(r.ruleId) ?? 0) : undefined }));
    const listed = new Set(rows.map((r) => r.ruleId));
    for (const [ruleId, count] of base.counts ?? []) {
        if (!listed.has(ruleId))
            rules.push({ ruleId, base: count, baseline: 0, current: 0, added: 0, fixed: 0, state: 'obsolete' });
    }
    rules.sort((a, b) => byCodeUnit(a.ruleId, b.ruleId));
    return { baselinePath, baseRef: base.ref, baseNote: base.note, rules };
}
//# sourceMappingURL=trend.js.map
// EXTERNAL MODULE: ./build/rules/debt/index.js + 4 modules
var debt = __webpack_require__(7534);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./build/src/debt/sarif-input.js




function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function toolSlug(name) {
    const slug = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return slug || 'sarif';
}
function severityOf(level) {
    switch (level) {
        case 'error':
            return 'error';
        case 'note':
            return 'note';
        case 'none':
            return undefined;
        default:
            return 'warning';
    }
}
/** A result's file as a repository-relative POSIX path, or undefined when it is outside the repository. */
function resolveUri(location, run, repoRoot) {
    let artifact = location;
    if (artifact?.uri === undefined && artifact?.index !== undefined)
        artifact = run.artifacts?.[artifact.index]?.location ?? artifact;
    const uri = artifact?.uri;
    if (!uri)
        return undefined;
    let absolute;
    if (/^file:/i.test(uri)) {
        absolute = (0,external_node_url_.fileURLToPath)(uri);
    }
    else if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) {
        return undefined; // http: and other schemes are not files of this repository
    }
    else {
        const baseUri = artifact?.uriBaseId ? run.originalUriBaseIds?.[artifact.uriBaseId]?.uri : undefined;
        const base = baseUri && /^file:/i.test(baseUri) ? (0,external_node_url_.fileURLToPath)(baseUri.endsWith('/') ? baseUri : `${baseUri}/`) : repoRoot;
        absolute = external_node_path_.resolve(base, decodeURIComponent(uri));
    }
    const relative = external_node_path_.relative(repoRoot, absolute).split(external_node_path_.sep).join('/');
    return relative.startsWith('../') || relative === '..' || external_node_path_.isAbsolute(relative) ? undefined : relative;
}
function ruleOf(result, run) {
    const rules = run.tool.driver.rules ?? [];
    const index = result.ruleIndex ?? result.rule?.index;
    const byIndex = index === undefined ? undefined : rules[index];
    const id = result.ruleId ?? result.rule?.id ?? byIndex?.id ?? 'unknown';
    return { id, descriptor: byIndex ?? rules.find((r) => r.id === id) };
}
function isSuppressed(result) {
    return (result.suppressions ?? []).some((s) => s.status === undefined || s.status === 'accepted');
}
function toFinding(result, run, tool, repoRoot) {
    if (result.kind !== undefined && result.kind !== 'fail')
        return undefined;
    if (isSuppressed(result))
        return undefined;
    const { id, descriptor } = ruleOf(result, run);
    const severity = severityOf(result.level ?? descriptor?.defaultConfiguration?.level);
    if (!severity)
        return undefined;
    const physical = result.locations?.[0]?.physicalLocation;
    const filePath = resolveUri(physical?.artifactLocation, run, repoRoot);
    if (filePath === undefined)
        return undefined;
    const region = physical?.region;
    const snippet = region?.snippet?.text;
    const help = descriptor?.helpUri;
    return {
        checkId: tool,
        ruleId: `${tool}/${id}`,
        severity,
        message: result.message.text ?? result.message.markdown ?? descriptor?.shortDescription?.text ?? id,
        location: {
            path: filePath,
            line: region?.startLine ?? 0,
            column: region?.startColumn ?? 0,
            ...(region?.endLine === undefined ? {} : { endLine: region.endLine }),
            ...(region?.endColumn === undefined ? {} : { endColumn: region.endColumn }),
        },
        ...(snippet === undefined ? {} : { snippet }),
        ...(help === undefined ? {} : { help }),
    };
}
/**
 * Parses SARIF text; `displayPath` names the file in errors. Relative URIs without a base id
 * are taken as relative to the repository root (as GitHub code scanning does).
 */
function parseSarif(text, displayPath, repoRoot) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new user_error/* UserError */.y(`${displayPath} is not valid JSON, so not a SARIF log (${error.message}).`, { file: displayPath, cause: error });
    }
    if (!isObject(json) || !Array.isArray(json.runs)) {
        throw new user_error/* UserError */.y(`${displayPath} is not a SARIF log: expected an object with a "runs" array (SARIF 2.1.0).`, { file: displayPath });
    }
    const inputs = [];
    json.runs.forEach((run, i) => {
        if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver) || typeof run.tool.driver.name !== 'string') {
            throw new user_error/* UserError */.y(`${displayPath}: runs[${i}].tool.driver.name: expected the name of the tool that wrote the run.`, { file: displayPath });
        }
        const typed = run;
        const tool = toolSlug(typed.tool.driver.name);
        const findings = [];
        (typed.results ?? []).forEach((result, j) => {
            if (!isObject(result) || !isObject(result.message)) {
                throw new user_error/* UserError */.y(`${displayPath}: runs[${i}].results[${j}].message: expected an object with "text".`, { file: displayPath });
            }
            const finding = toFinding(result, typed, tool, repoRoot);
            if (finding)
                findings.push(finding);
        });
        inputs.push({ tool, findings });
    });
    return inputs;
}
async function readSarifFile(absPath, displayPath, repoRoot) {
    const text = await (0,promises_.readFile)(absPath, 'utf8');
    return parseSarif(text, displayPath, repoRoot);
}
//# sourceMappingURL=sarif-input.js.map
;// CONCATENATED MODULE: ./build/src/debt/stage.js

















/** The debt stage shows in reports as one more row beside the checks (CheckRun.id allows it). */
const DEBT_ROW_ID = 'debt';
function isCi(env = process.env) {
    const value = env.CI?.trim().toLowerCase();
    return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}
function findingKey(f) {
    return [f.ruleId, f.location.path, f.location.line, f.location.column, f.message].join('\0');
}
function sarifNote(runs, file, notes) {
    notes.push(`${file}: ${runs.map((r) => `${r.findings.length} result(s) of ${r.tool}`).join(', ') || 'no runs'}`);
    return runs;
}
async function loadSarif(input, notes) {
    const runs = [];
    for (const file of input.request.sarif ?? []) {
        const abs = external_node_path_.resolve(input.cwd, file);
        if (!(0,external_node_fs_.existsSync)(abs))
            throw new user_error/* UserError */.y(`--sarif ${file}: no such file.`, { file });
        runs.push(...sarifNote(await readSarifFile(abs, file, input.repo.root), file, notes));
    }
    for (const [i, file] of input.config.debt.sarif.entries()) {
        const abs = input.repo.abs(file);
        if (!(0,external_node_fs_.existsSync)(abs)) {
            notes.push(`SARIF file ${file} (debt.sarif[${i}]) not found: its tool's baseline entries were left as they are`);
            continue;
        }
        runs.push(...sarifNote(await readSarifFile(abs, file, input.repo.root), file, notes));
    }
    return runs;
}
async function fingerprintWarnings(findings, readText) {
    const lines = new Map();
    const out = [];
    for (const f of findings) {
        const p = f.location.path;
        if (!lines.has(p)) {
            const text = await readText(p);
            lines.set(p, text === undefined ? undefined : splitLines(text));
        }
        out.push({ finding: f, fingerprint: formatFingerprint(warningFingerprint(f.ruleId, lines.get(p), f.location.line, f.snippet)) });
    }
    return out;
}
/** Runs the debt rules on what the stage decided: their findings, with the rule's id and severity. */
function debtRuleFindings(decided) {
    const findings = [];
    for (const rule of debt/* DEBT_RULES */.W) {
        void rule.create({
            ...decided,
            report: (finding) => findings.push({ ...finding, checkId: 'debt', ruleId: rule.meta.id, severity: rule.meta.severity }),
        });
    }
    return findings;
}
/** Sources that have baseline entries but reported no finding of any severity in this run. */
function silentSourcesOf(comparison, findings) {
    const reporting = new Set(findings.map((f) => sourceOf(f.ruleId)));
    const listed = new Set(comparison.entries.filter((e) => e.baseline > 0).map((e) => sourceOf(e.ruleId)));
    return [...listed].filter((s) => !reporting.has(s)).sort();
}
/** Writes the map unless the file already holds exactly those bytes; true when it wrote. */
async function writeIfChanged(abs, map) {
    const onDisk = await (0,promises_.readFile)(abs, 'utf8').catch(() => undefined);
    if (onDisk === serializeBaseline(map))
        return false;
    await writeBaseline(abs, map);
    return true;
}
/**
 * The warning-debt stage, after the checks: collects the warnings (every check's findings of
 * the debt severities plus SARIF files), compares them with the baseline per file and rule,
 * and returns the report with baselined warnings taken out, new ones turned into
 * `debt/new-warning` errors and a `debt` row with the summary. Returns no outcome when there
 * is no baseline and none is required (the stage is then off).
 */
async function applyDebtStage(input) {
    const started = performance.now();
    const action = input.request.action ?? 'check';
    const debtConfig = input.config.debt;
    const baselinePath = debtConfig.baseline;
    const baselineAbs = input.repo.abs(baselinePath);
    const baseline = await readBaseline(baselineAbs, baselinePath);
    const required = input.request.required ?? debtConfig.required;
    if (!baseline && action === 'check' && !required)
        return { report: input.report, outcome: undefined };
    const notes = [];
    const sarifRuns = await loadSarif(input, notes);
    const known = new Set(input.report.findings.map(findingKey));
    const sarifProcessed = await (0,pipeline/* processFindings */.w$)({
        findings: sarifRuns.flatMap((r) => r.findings).filter((f) => !known.has(findingKey(f))),
        config: input.config,
        redactor: new redactor/* Redactor */.p(),
        readText: input.readText,
    });
    const ran = new Set(['tollgate', ...sarifRuns.map((r) => r.tool)]);
    for (const check of input.report.checks)
        if (!check.crashed)
            ran.add(check.id);
    const all = [...input.report.findings, ...sarifProcessed.findings];
    const severities = new Set(debtConfig.severities);
    const isDebt = (f) => severities.has(f.severity) && f.location.path !== '' && f.checkId !== 'debt';
    const warnings = await fingerprintWarnings(all.filter(isDebt), input.readText);
    const base = baseline ?? new Map();
    const isRan = (ruleId) => ran.has(sourceOf(ruleId));
    const missing = [];
    for (const [file, rules] of base)
        if ([...rules.keys()].some(isRan) && !(0,external_node_fs_.existsSync)(input.repo.abs(file)))
            missing.push(file);
    const renames = await detectRenames(input.repo, baselinePath, missing);
    const comparison = compareDebt(base, warnings, { ran: isRan, renames });
    const totals = totalsOf(comparison);
    const silentSources = silentSourcesOf(comparison, all);
    const ci = input.request.ci ?? isCi();
    const outcome = { action, baselinePath, baselineExisted: baseline !== undefined, comparison, totals, stale: false, silentSources, notes };
    const decided = { baselinePath, missing: false, added: [], stale: undefined };
    const added = comparison.entries.flatMap((e) => e.added);
    const previous = baseline ? countWarnings(baseline) : 0;
    if (action === 'update') {
        const accept = !baseline || input.request.acceptNew === true;
        const next = accept ? acceptedBaseline(comparison) : ratchetedBaseline(comparison);
        if (await writeIfChanged(baselineAbs, next)) {
            outcome.wrote = { kind: baseline ? (countWarnings(next) < previous ? 'lowered' : 'updated') : 'created', from: previous, to: countWarnings(next) };
        }
        if (!accept)
            decided.added = added;
    }
    else if (!baseline) {
        decided.missing = true;
    }
    else {
        decided.added = added;
        if (totals.fixed > 0) {
            const mayWrite = action === 'check' && !ci && debtConfig.ratchet && silentSources.length === 0;
            if (mayWrite) {
                const next = ratchetedBaseline(comparison);
                await writeBaseline(baselineAbs, next);
                outcome.wrote = { kind: 'lowered', from: previous, to: countWarnings(next) };
            }
            else {
                outcome.stale = true;
                decided.stale = { totals, comparison, silentSources };
            }
        }
        if (action === 'explain') {
            const located = await locateFixed(input.repo, baselinePath, comparison);
            outcome.fixedLines = located.lines;
            if (located.commit)
                outcome.baselineCommit = located.commit;
        }
    }
    const debtProcessed = await (0,pipeline/* processFindings */.w$)({ findings: debtRuleFindings(decided), config: input.config, redactor: new redactor/* Redactor */.p(), readText: input.readText });
    // Without a baseline (and not creating one) the warnings stay what they are: nothing is locked yet.
    const consumed = new Set(baseline || action === 'update' ? warnings.map((w) => w.finding) : []);
    const remaining = all.filter((f) => !consumed.has(f));
    const findings = (0,pipeline/* sortFindings */.Tc)([...remaining, ...debtProcessed.findings]);
    const trend = await debtTrend(input.repo, baselinePath, comparison, baseBranchName(debtConfig.baseBranch));
    const durationMs = Math.round(performance.now() - started);
    outcome.notes = [...debtNotes(outcome, ci), ...notes];
    const checks = input.report.checks.map((c) => ({ ...c, findingCount: findings.filter((f) => (0,run/* belongsTo */.g)(f, c)).length }));
    checks.push({
        id: DEBT_ROW_ID,
        title: `Warning-debt baseline (${baselinePath})`,
        durationMs,
        findingCount: findings.filter((f) => f.checkId === 'debt').length,
        notes: outcome.notes,
    });
    return {
        report: {
            ...input.report,
            findings,
            checks,
            suppressed: input.report.suppressed + sarifProcessed.suppressed + debtProcessed.suppressed,
            durationMs: input.report.durationMs + durationMs,
            debt: trend,
        },
        outcome,
    };
}
//# sourceMappingURL=stage.js.map

/***/ })

};
