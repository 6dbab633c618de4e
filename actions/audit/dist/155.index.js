import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 155;
export const ids = [155];
export const modules = {

/***/ 1155:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  coverageCheck: () => (/* binding */ coverageCheck)
});

// EXTERNAL MODULE: ./build/rules/coverage/index.js + 6 modules
var coverage = __webpack_require__(2321);
// EXTERNAL MODULE: ./build/src/errors/user-error.js
var user_error = __webpack_require__(1397);
// EXTERNAL MODULE: ./build/src/runner/glob-matcher.js
var glob_matcher = __webpack_require__(171);
// EXTERNAL MODULE: ./build/src/rules/rule.js
var rules_rule = __webpack_require__(1543);
// EXTERNAL MODULE: ./build/src/checks/coverage/config.js
var config = __webpack_require__(9130);
// EXTERNAL MODULE: ./build/src/checks/coverage/figures.js
var figures = __webpack_require__(3591);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./build/src/checks/coverage/report.js
/**
 * The coverage a test run wrote, as one model whatever the format: Istanbul JSON
 * (coverage-final.json, parsed with istanbul-lib-coverage), lcov (lcov.info, parsed with
 * lcov-parse) or an Istanbul summary (coverage-summary.json: totals per file, no lines).
 * Files are keyed by repository-relative POSIX path and parsed only when asked for, so that
 * patch coverage on a 20-file change reads 20 lcov records, not 5,000.
 */


/** Where a path in a report points: absolute as is, relative against the project that wrote it. */
function toRepoPath(reported, repoRoot, projectDir) {
    const native = reported.replace(/\\/g, '/');
    const abs = external_node_path_.posix.isAbsolute(native) || /^[A-Za-z]:\//.test(native) ? native : external_node_path_.posix.join(projectDir, native);
    return inside(repoRoot, abs) ?? inside(repoRoot, realDir(abs));
}
function inside(root, abs) {
    if (abs === undefined)
        return undefined;
    const rel = external_node_path_.posix.relative(root, abs);
    if (rel === '' || rel.startsWith('../') || external_node_path_.posix.isAbsolute(rel))
        return undefined;
    return rel;
}
const realDirs = new Map();
/**
 * The path with its folder's symlinks resolved: the repository root is a real path, and a test
 * run may have written it through a symlink (/tmp → /private/tmp on macOS). Only asked for paths
 * that are not inside the root as written.
 */
function realDir(abs) {
    const dir = external_node_path_.posix.dirname(abs);
    if (!realDirs.has(dir)) {
        let real;
        try {
            real = (0,external_node_fs_.realpathSync)(dir).split(external_node_path_.sep).join('/');
        }
        catch {
            real = undefined; // gone, or on another machine
        }
        realDirs.set(dir, real);
    }
    const real = realDirs.get(dir);
    return real === undefined ? undefined : external_node_path_.posix.join(real, external_node_path_.posix.basename(abs));
}
/** Parses a report's text. `projectDir` is the directory the test run ran in (the report's folder's parent). */
async function parseReport(input) {
    const name = external_node_path_.posix.basename(input.file);
    const looksJson = input.text.trimStart().startsWith('{');
    if (!looksJson) {
        await loadLcovParser();
        return lcovReport(input);
    }
    let json;
    try {
        json = JSON.parse(input.text);
    }
    catch (error) {
        throw new ReportError(`${input.file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!json || typeof json !== 'object')
        throw new ReportError(`${input.file} is not a coverage report: expected a JSON object`);
    const entries = json;
    const first = Object.entries(entries).find(([key]) => key !== 'total')?.[1];
    const isSummary = name.includes('summary') || (first !== undefined && typeof first === 'object' && first !== null && 'lines' in first && !('statementMap' in first));
    return isSummary ? summaryReport(entries, input) : await istanbulReport(entries, input);
}
/** A report that cannot be read: the check turns it into a finding that names the file. */
class ReportError extends Error {
    name = 'ReportError';
}
function lcovReport(input) {
    // Split into records by SF: line first; each record is parsed by lcov-parse only when asked for.
    const records = new Map();
    const outside = [];
    const text = input.text;
    const nextRecord = (from) => {
        if (from === 0 && text.startsWith('SF:'))
            return 0;
        const i = text.indexOf('\nSF:', from);
        return i === -1 ? -1 : i + 1;
    };
    let at = nextRecord(0);
    while (at !== -1) {
        const lineEnd = text.indexOf('\n', at);
        const end = text.indexOf('end_of_record', at);
        const recordEnd = end === -1 ? text.length : end + 'end_of_record'.length;
        const reported = text.slice(at + 3, lineEnd === -1 ? text.length : lineEnd).trim();
        const rel = toRepoPath(reported, input.repoRoot, input.projectDir);
        if (rel !== undefined)
            records.set(rel, (records.get(rel) ?? '') + text.slice(at, recordEnd) + '\n');
        else
            outside.push(reported);
        at = nextRecord(recordEnd);
    }
    if (records.size === 0 && text.trim() !== '')
        throw new ReportError(`${input.file} is not an lcov report: no SF: record`);
    const parsed = new Map();
    return {
        file: input.file,
        format: 'lcov',
        outside,
        paths: () => [...records.keys()],
        get(rel) {
            if (parsed.has(rel))
                return parsed.get(rel);
            const record = records.get(rel);
            const result = record === undefined ? undefined : fromLcov(rel, record, input.file);
            parsed.set(rel, result);
            return result;
        },
    };
}
let lcovSource;
/** lcov-parse is CommonJS; its string entry point is `source` (the default export also stats the text as a path). */
async function loadLcovParser() {
    if (!lcovSource)
        lcovSource = (await __webpack_require__.e(/* import() */ 638).then(__webpack_require__.t.bind(__webpack_require__, 6638, 19))).default.source;
    return lcovSource;
}
function fromLcov(rel, record, file) {
    if (!lcovSource)
        throw new Error('lcov parser not loaded');
    let data;
    let failure = null;
    lcovSource(record, (err, result) => {
        failure = err;
        data = result;
    }); // synchronous: walkFile calls back before it returns
    if (failure !== null || !data || data.length === 0)
        throw new ReportError(`${file}: the record for ${rel} cannot be parsed (${String(failure)})`);
    // A file may have several records (reports of several test runs concatenated): hits add up.
    const lines = new Map();
    const fnHits = new Map();
    const branchHits = new Map();
    let branchFound = 0;
    let branchHit = 0;
    for (const entry of data) {
        for (const d of entry.lines.details)
            lines.set(d.line, (lines.get(d.line) ?? 0) + d.hit);
        for (const f of entry.functions.details) {
            const key = `${f.line}\0${f.name}`;
            const known = fnHits.get(key);
            if (known)
                known.hits += f.hit ?? 0;
            else
                fnHits.set(key, { name: f.name, line: f.line, hits: f.hit ?? 0 });
        }
        for (const b of entry.branches.details) {
            const key = `${b.line}:${b.block}:${b.branch}`;
            branchHits.set(key, (branchHits.get(key) ?? 0) + b.taken);
        }
        branchFound = Math.max(branchFound, entry.branches.found);
        branchHit = Math.max(branchHit, entry.branches.hit);
    }
    const functions = [...fnHits.values()];
    // Branch totals from BRDA records when there are any, else from BRF/BRH.
    const branchTotal = branchHits.size || branchFound;
    const branchCovered = branchHits.size > 0 ? [...branchHits.values()].filter((t) => t > 0).length : branchHit;
    const lineTotals = { total: lines.size, covered: [...lines.values()].filter((h) => h > 0).length };
    return {
        path: rel,
        lines,
        functions,
        totals: {
            lines: lineTotals,
            // lcov has no statements: tools that read it (genhtml, Codecov) count lines for them.
            statements: lineTotals,
            functions: { total: functions.length, covered: functions.filter((f) => f.hits > 0).length },
            branches: { total: branchTotal, covered: branchCovered },
        },
    };
}
async function istanbulReport(json, input) {
    const { createCoverageMap } = (await __webpack_require__.e(/* import() */ 377).then(__webpack_require__.t.bind(__webpack_require__, 9377, 19))).default;
    let map;
    try {
        map = createCoverageMap(json);
    }
    catch (error) {
        throw new ReportError(`${input.file} is not an Istanbul coverage report (${error instanceof Error ? error.message : String(error)})`);
    }
    const byRel = new Map();
    const outside = [];
    for (const key of map.files()) {
        const rel = toRepoPath(key, input.repoRoot, input.projectDir);
        if (rel !== undefined)
            byRel.set(rel, key);
        else
            outside.push(key);
    }
    const parsed = new Map();
    return {
        file: input.file,
        format: 'istanbul',
        outside,
        paths: () => [...byRel.keys()],
        get(rel) {
            if (parsed.has(rel))
                return parsed.get(rel);
            const key = byRel.get(rel);
            let result;
            if (key !== undefined) {
                const fc = map.fileCoverageFor(key);
                const lines = new Map();
                for (const [line, hits] of Object.entries(fc.getLineCoverage()))
                    lines.set(Number(line), hits);
                const functions = Object.entries(fc.data.fnMap).map(([id, fn]) => ({ name: fn.name, line: fn.decl?.start.line ?? fn.line, hits: fc.data.f[id] ?? 0 }));
                const s = fc.toSummary();
                result = {
                    path: rel,
                    lines,
                    functions,
                    totals: { lines: totalsOf(s.lines), statements: totalsOf(s.statements), functions: totalsOf(s.functions), branches: totalsOf(s.branches) },
                };
            }
            parsed.set(rel, result);
            return result;
        },
    };
}
function totalsOf(t) {
    return { total: t.total, covered: t.covered };
}
function summaryReport(json, input) {
    const files = new Map();
    const outside = [];
    for (const [key, value] of Object.entries(json)) {
        if (key === 'total')
            continue;
        const rel = toRepoPath(key, input.repoRoot, input.projectDir);
        if (rel === undefined) {
            outside.push(key);
            continue;
        }
        const v = value;
        const pick = (m) => ({ total: Number(v[m]?.total ?? 0), covered: Number(v[m]?.covered ?? 0) });
        files.set(rel, { path: rel, lines: undefined, functions: undefined, totals: { lines: pick('lines'), statements: pick('statements'), functions: pick('functions'), branches: pick('branches') } });
    }
    return { file: input.file, format: 'summary', outside, paths: () => [...files.keys()], get: (rel) => files.get(rel) };
}
//# sourceMappingURL=report.js.map
;// CONCATENATED MODULE: ./build/src/checks/coverage/locate.js
/** Finding the coverage file a test run wrote, and telling whether it is older than the code. */




/** The first configured report that exists, parsed. */
async function locateReport(root, candidates) {
    for (const rel of candidates) {
        const abs = external_node_path_.join(root, rel);
        let mtimeMs;
        try {
            const info = await (0,promises_.stat)(abs);
            if (!info.isFile())
                continue;
            mtimeMs = info.mtimeMs;
        }
        catch {
            continue;
        }
        const file = rel.split(external_node_path_.sep).join('/');
        try {
            const text = await (0,promises_.readFile)(abs, 'utf8');
            const projectDir = external_node_path_.posix.dirname(external_node_path_.posix.dirname(external_node_path_.posix.join(root.split(external_node_path_.sep).join('/'), file)));
            const report = await parseReport({ text, file, repoRoot: root.split(external_node_path_.sep).join('/'), projectDir });
            return { state: { kind: 'ok', file }, report, mtimeMs };
        }
        catch (error) {
            if (error instanceof ReportError)
                return { state: { kind: 'unreadable', file, reason: error.message } };
            throw error;
        }
    }
    return { state: { kind: 'missing', tried: [...candidates] } };
}
/**
 * The newest source file changed after the report was written, if any: the tests have not run
 * since, so the report's figures describe other code. A whole second of slack absorbs
 * filesystems with coarse timestamps.
 */
function newerSource(root, reportMtimeMs, sources) {
    // Synchronous stats: for thousands of files one loop is several times faster than as many
    // promises through the thread pool, and the dentries are cached after the file listing.
    let newest;
    for (const f of sources) {
        const info = (0,external_node_fs_.statSync)(external_node_path_.join(root, f.path), { throwIfNoEntry: false }); // deleted in the working tree: nothing newer
        if (info && info.mtimeMs > reportMtimeMs + 1000 && (!newest || info.mtimeMs > newest.mtimeMs))
            newest = { path: f.path, mtimeMs: info.mtimeMs };
    }
    return newest && { path: newest.path, minutesNewer: Math.max(1, Math.round((newest.mtimeMs - reportMtimeMs) / 60_000)) };
}
//# sourceMappingURL=locate.js.map
;// CONCATENATED MODULE: ./build/src/checks/coverage/check.js







async function run(context) {
    const options = context.config.checks.coverage;
    const configured = (0,config/* isConfigured */.jD)(options);
    const isSource = sourceMatcher(options);
    const notes = [];
    const located = await locateReport(context.repo.root, options.reports);
    let state = located.state;
    let thresholds = [];
    let patch;
    let untested = [];
    let table;
    if (state.kind === 'missing' && !configured) {
        return { findings: [], notes: [`no coverage report (${options.reports.join(', ')}): nothing to check. Set checks.coverage.thresholds, patch.threshold or mustTest to require one.`] };
    }
    const report = located.report;
    if (report && state.kind === 'ok') {
        // Stale means a file the report is about changed after it; a new file missing from it is
        // coverage/uncovered-change's "not in the report".
        const covered = new Set(report.paths());
        const sources = context.files.filter((f) => covered.has(f.path) && isSource(f.path));
        const newer = options.staleness && located.mtimeMs !== undefined ? newerSource(context.repo.root, located.mtimeMs, sources) : undefined;
        if (newer) {
            state = { kind: 'stale', file: report.file, newer: newer.path, minutesNewer: newer.minutesNewer };
        }
        else {
            context.progress(`reading ${report.file}`);
            thresholds = (0,figures/* thresholdResults */.mP)(report, options.thresholds);
            const wantsLines = report.format !== 'summary';
            if (!wantsLines && (options.patch.threshold !== undefined || options.mustTest.length > 0)) {
                state = { kind: 'summary-only', file: report.file, needs: options.patch.threshold !== undefined ? 'patch coverage' : 'mustTest' };
            }
            if (wantsLines && context.mode !== 'paths') {
                const change = await changedLines(context.repo, context.mode, options);
                if (change)
                    patch = (0,figures/* patchResult */.a8)({ report, added: change.added, isSource, against: change.against, threshold: options.patch.threshold });
                else
                    notes.push('patch coverage skipped: no base branch found (set checks.coverage.patch.base)');
            }
            if (wantsLines && options.mustTest.length > 0) {
                const { untestedExports } = await __webpack_require__.e(/* import() */ 136).then(__webpack_require__.bind(__webpack_require__, 2136));
                untested = untestedExports({ report, files: await mustTestFiles(context, options, isSource) });
            }
            notes.push(...figureNotes(report.file, thresholds, patch));
            table = figureTable(report.file, thresholds, patch);
            if (report.outside.length > 0) {
                notes.push(`${report.outside.length} file(s) of ${report.file} are outside this repository and were left out (e.g. ${report.outside[0]}): a report written on another machine or checkout?`);
            }
        }
    }
    const findings = [];
    const ruleContext = { options, configured, state, thresholds, patch, untested };
    for (const rule of coverage/* COVERAGE_RULES */.J) {
        await rule.create({
            ...ruleContext,
            report: (r) => findings.push({
                checkId: 'coverage',
                ruleId: rule.meta.id,
                severity: r.severity ?? rule.meta.severity,
                message: r.message,
                location: { path: r.path, line: r.line, column: r.column ?? 0, ...(r.endLine !== undefined ? { endLine: r.endLine } : {}) },
                fix: { description: rule.meta.fixHint },
                help: (0,rules_rule/* ruleDocPath */._)(rule.meta.id),
                ...(r.snippet !== undefined ? { snippet: r.snippet } : {}),
            }),
        });
    }
    return { findings, notes, ...(table ? { table } : {}) };
}
function sourceMatcher(options) {
    const include = (0,glob_matcher/* globMatcher */.f)(options.sources);
    const exclude = (0,glob_matcher/* globMatcher */.f)(options.exclude);
    return (p) => include(p) && !exclude(p);
}
/** The added lines of the change: the staged diff in quick mode, else against the merge-base with the base branch. */
async function changedLines(repo, mode, options) {
    if (mode === 'quick')
        return { added: await repo.stagedAddedLines(), against: 'the staged diff' };
    if (!(await repo.hasHead()))
        return undefined;
    const base = await baseBranch(repo, options.patch.base);
    if (!base)
        return undefined;
    const mergeBase = await repo.mergeBase(base, 'HEAD');
    return { added: await repo.addedLinesSince(mergeBase), against: `${base} (merge-base ${mergeBase.slice(0, 7)})` };
}
async function baseBranch(repo, configured) {
    if (configured) {
        if (await repo.refExists(configured))
            return configured;
        if (await repo.refExists(`origin/${configured}`))
            return `origin/${configured}`;
        throw new user_error/* UserError */.y(`checks.coverage.patch.base: "${configured}" is not a branch or commit in this repository (in CI, fetch it first: actions/checkout with fetch-depth: 0).`);
    }
    const pullRequestBase = process.env.GITHUB_BASE_REF;
    if (pullRequestBase) {
        for (const candidate of [`origin/${pullRequestBase}`, pullRequestBase])
            if (await repo.refExists(candidate))
                return candidate;
    }
    return repo.defaultBranch();
}
async function mustTestFiles(context, options, isSource) {
    const globs = options.mustTest.map((glob) => ({ glob, match: (0,glob_matcher/* globMatcher */.f)([glob]) }));
    const result = [];
    for (const file of context.files) {
        if (!isSource(file.path))
            continue;
        const hit = globs.find((g) => g.match(file.path));
        if (!hit)
            continue;
        const content = await file.read();
        if (content !== undefined)
            result.push({ path: file.path, text: content.toString('utf8'), glob: hit.glob });
    }
    return result;
}
function figureNotes(file, thresholds, patch) {
    const notes = thresholds.map((t) => {
        const figures = t.metrics.map((m) => `${m.metric} ${m.pct.toFixed(1)}% (min ${m.min}%) ${m.pct >= m.min ? 'ok' : 'FAIL'}`).join(', ');
        return `${t.files.join(', ')}: ${t.matched} file(s), ${figures}`;
    });
    if (patch) {
        const share = patch.total === 0 ? 'no changed executable line' : `${(0,figures/* percent */.KN)(patch).toFixed(1)}% of ${patch.total} changed executable line(s) covered (${patch.covered}/${patch.total})`;
        const missing = patch.missing.length > 0 ? `; ${patch.missing.length} changed file(s) not in the report` : '';
        notes.push(`patch against ${patch.against}: ${share}${patch.threshold !== undefined ? ` (min ${patch.threshold}%)` : ''}${missing}`);
    }
    return [`read ${file}`, ...notes];
}
/** Coverage per configured path, and of the change, for the job summary. */
function figureTable(file, thresholds, patch) {
    if (thresholds.length === 0 && !patch)
        return undefined;
    const cell = (pct, min) => `${pct.toFixed(1)}%${min === undefined ? '' : ` (min ${min}%)`}`;
    const rows = thresholds.map((t) => {
        const byMetric = new Map(t.metrics.map((m) => [m.metric, m]));
        const failed = t.matched === 0 || t.metrics.some((m) => m.pct < m.min);
        return [
            t.files.join(', '),
            String(t.matched),
            ...config/* METRICS */.Cb.map((metric) => {
                const m = byMetric.get(metric);
                return m ? cell(m.pct, m.min) : '';
            }),
            failed ? '❌' : '✅',
        ];
    });
    if (patch) {
        const pct = (0,figures/* percent */.KN)(patch);
        const failed = patch.threshold !== undefined && pct < patch.threshold;
        rows.push([`changed lines (against ${patch.against})`, String(patch.total), patch.total === 0 ? '—' : `${cell(pct, patch.threshold)}, ${patch.covered}/${patch.total}`, '', '', '', failed ? '❌' : '✅']);
    }
    return { title: `Coverage (${file})`, columns: ['path', 'files / lines', ...config/* METRICS */.Cb, 'result'], rows };
}
const coverageCheck = {
    id: 'coverage',
    title: 'Coverage: thresholds per path, patch coverage of changed lines, exported functions that must be tested',
    run,
};
//# sourceMappingURL=check.js.map

/***/ })

};
