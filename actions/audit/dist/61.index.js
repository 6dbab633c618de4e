import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 61;
export const ids = [61];
export const modules = {

/***/ 1442:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  emitGithub: () => (/* binding */ emitGithub)
});

// UNUSED EXPORTS: ANNOTATION_CAP, emitAnnotations, heldBackMessage, mostRelevant, planAnnotations

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./build/src/findings/finding.js
var finding = __webpack_require__(6321);
// EXTERNAL MODULE: ./build/src/reporters/counts.js
var reporters_counts = __webpack_require__(8442);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./build/src/errors/user-error.js
var user_error = __webpack_require__(1397);
;// CONCATENATED MODULE: ./build/src/checks/registry.js
/** Checks are imported only when a pipeline runs them, so validate-quick never pays for tsc. */
const LOADERS = {
    hygiene: async () => (await __webpack_require__.e(/* import() */ 775).then(__webpack_require__.bind(__webpack_require__, 775))).hygieneCheck,
    eslint: async () => (await __webpack_require__.e(/* import() */ 582).then(__webpack_require__.bind(__webpack_require__, 3582))).eslintCheck,
    tsc: async () => (await __webpack_require__.e(/* import() */ 91).then(__webpack_require__.bind(__webpack_require__, 8091))).tscCheck,
    float: async () => (await __webpack_require__.e(/* import() */ 494).then(__webpack_require__.bind(__webpack_require__, 1494))).floatCheck,
    secrets: async () => (await __webpack_require__.e(/* import() */ 390).then(__webpack_require__.bind(__webpack_require__, 6390))).secretsCheck,
    coverage: async () => (await __webpack_require__.e(/* import() */ 155).then(__webpack_require__.bind(__webpack_require__, 1155))).coverageCheck,
    docs: async () => (await __webpack_require__.e(/* import() */ 731).then(__webpack_require__.bind(__webpack_require__, 2731))).docsCheck,
    migrate: async () => (await Promise.all(/* import() */[__webpack_require__.e(627), __webpack_require__.e(252)]).then(__webpack_require__.bind(__webpack_require__, 7252))).migrateCheck,
};
async function registry_loadCheck(id) {
    return LOADERS[id]();
}
//# sourceMappingURL=registry.js.map
// EXTERNAL MODULE: ./build/src/findings/pipeline.js
var pipeline = __webpack_require__(1944);
;// CONCATENATED MODULE: ./build/src/runner/run.js






/**
 * Whether a finding is counted on a report row: its check's row, or for a step (checkId
 * 'steps', ruleId 'steps/<name>') the row of that step.
 */
function belongsTo(finding, run) {
    return finding.checkId === run.id || finding.ruleId === run.id;
}
/**
 * Runs checks concurrently (bounded), times each, and passes every finding through the one
 * post-processing chain. A check that throws becomes an error finding: a crash never passes.
 */
async function runChecks(options) {
    const started = performance.now();
    const redactor = new Redactor();
    const limit = pLimit(options.concurrency ?? options.config.concurrency ?? Math.max(2, os.availableParallelism()));
    // Aborted when the caller aborts or when the run fails, so no step keeps running behind it.
    const abort = new AbortController();
    options.signal?.addEventListener('abort', () => abort.abort(), { once: true });
    const signal = abort.signal;
    const unique = [...new Set(options.checks)];
    const request = options.request ?? {};
    const loaded = new Map(await Promise.all(unique.map(async (id) => [id, await loadCheck(id)])));
    for (const flag of Object.keys(request)) {
        if (request[flag] === undefined || request[flag] === false)
            continue;
        const takers = unique.filter((id) => loaded.get(id).accepts?.includes(flag));
        if (takers.length === 0) {
            const cli = `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
            throw new UserError(`${cli} does not apply to ${unique.join(', ')}.`);
        }
    }
    const runUnit = async (unit) => {
        const t0 = performance.now();
        const id = unit.id;
        const context = {
            repo: options.repo,
            config: options.config,
            mode: options.mode,
            files: options.fileSet.files,
            fix: options.fix ?? false,
            redactor,
            signal,
            progress: (message) => options.progress?.(id, message),
            request,
        };
        const prepared = options.prepared?.get(id);
        if (prepared)
            context.prepared = prepared;
        try {
            const result = await unit.run(context);
            return { id, title: unit.title, findings: result.findings, notes: result.notes ?? [], ms: performance.now() - t0, ...(result.table ? { table: result.table } : {}) };
        }
        catch (error) {
            // A problem the user can fix (a bad --history range, a malformed baseline) is a usage
            // error (exit 2), not a crash of the check.
            if (error instanceof UserError)
                throw error;
            const message = error instanceof Error ? error.message : String(error);
            const crash = {
                checkId: id,
                ruleId: 'tollgate/check-crashed',
                severity: 'error',
                message: `The ${id} check failed to run: ${message}`,
                location: { path: '', line: 0, column: 0 },
            };
            return { id, title: unit.title, findings: [crash], notes: [], ms: performance.now() - t0, crashed: message };
        }
    };
    let perCheck;
    try {
        const [checkResults, stepResults] = await Promise.all([
            Promise.all(unique.map((id) => limit(() => runUnit(loaded.get(id))))),
            runSteps(options.steps ?? [], (step) => limit(() => runUnit(step))),
        ]);
        perCheck = [...checkResults, ...stepResults];
    }
    catch (error) {
        abort.abort();
        throw error;
    }
    const processed = await processFindings({
        findings: perCheck.flatMap((c) => c.findings),
        config: options.config,
        redactor,
        readText: options.fileSet.readText,
    });
    const checks = perCheck.map((c) => ({
        id: c.id,
        // A step's title is its command, which may hold a secret.
        title: redactor.apply(c.title),
        durationMs: Math.round(c.ms),
        findingCount: processed.findings.filter((f) => belongsTo(f, c)).length,
        notes: c.notes.map((n) => redactor.apply(n)),
        ...(c.crashed === undefined ? {} : { crashed: redactor.apply(c.crashed) }),
        ...(c.table === undefined ? {} : { table: { title: c.table.title, columns: c.table.columns, rows: c.table.rows.map((row) => row.map((cell) => redactor.apply(cell))) } }),
    }));
    return {
        mode: options.mode,
        findings: processed.findings,
        checks,
        suppressed: processed.suppressed,
        durationMs: Math.round(performance.now() - started),
        filesInScope: options.fileSet.files.length,
    };
}
/**
 * Steps in config order, beside the checks: consecutive parallel steps run together (within
 * the concurrency bound), a serial step runs alone after the ones before it.
 */
async function runSteps(steps, run) {
    const results = [];
    for (let i = 0; i < steps.length;) {
        let j = i + 1;
        if (steps[i].parallel)
            while (j < steps.length && steps[j].parallel)
                j++;
        results.push(...(await Promise.all(steps.slice(i, j).map(run))));
        i = j;
    }
    return results;
}
//# sourceMappingURL=run.js.map
;// CONCATENATED MODULE: ./build/src/reporters/reporter.js
const FORMATS = (/* unused pure expression or super */ null && (['text', 'json', 'sarif', 'github']));
const SCOPES = { quick: 'staged changes', all: 'whole repository', paths: 'selected paths' };
/** What a run looked at, in words: "staged changes", "whole repository", "selected paths". */
function scopeLabel(mode) {
    return SCOPES[mode];
}
//# sourceMappingURL=reporter.js.map
// EXTERNAL MODULE: ./build/src/reporters/duration.js
var duration = __webpack_require__(3058);
;// CONCATENATED MODULE: ./build/src/reporters/summary.js




/** The findings table stops after this many rows; the SARIF file and JSON keep every finding. */
const SUMMARY_ROW_CAP = 1000;
/** GitHub refuses a step summary over 1 MiB; the findings table stops well before that. */
const SUMMARY_BYTE_BUDGET = 800 * 1024;
/** A message longer than this is cut in the table (the full text is in the log and SARIF). */
const MESSAGE_MAX = 500;
/**
 * Plain text for a Markdown table cell: HTML and Markdown punctuation escaped (repository text
 * must not turn into links, emphasis or tags), pipes escaped, line breaks as `<br>`.
 */
function cellText(text) {
    return (text
        // eslint-disable-next-line no-control-regex -- control characters have no place in Markdown
        .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
        .replace(/\r\n|\r|\n/g, '<br>'));
}
/**
 * Text as an inline code span inside a table cell: a fence longer than any backtick run inside,
 * line breaks as spaces, and pipes escaped (GitHub splits cells on `|` even inside code).
 */
function codeSpan(text) {
    const flat = text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
    const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
function clip(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
function where(f) {
    if (!f.location.path)
        return '(repository)';
    return codeSpan(f.location.line > 0 ? `${f.location.path}:${f.location.line}` : f.location.path);
}
const ICON = { error: '🔴 error', warning: '🟡 warning', note: '🔵 note' };
function shortfallLine(shortfall) {
    const parts = ['error', 'warning', 'note']
        .filter((s) => shortfall.heldBack[s] > 0)
        .map((s) => `${shortfall.shown[s]} of ${shortfall.shown[s] + shortfall.heldBack[s]} ${s}s`);
    if (parts.length === 0)
        return undefined;
    return `GitHub shows at most 10 annotations of each level per step, so only ${parts.join(', ')} appear as annotations. Every finding is in the table below.`;
}
/** A check's own figures (coverage per path) as a Markdown table; cells are plain text. */
function tableSection(table) {
    return [
        `### ${cellText(table.title)}`,
        '',
        `| ${table.columns.map(cellText).join(' | ')} |`,
        `| ${table.columns.map(() => '---').join(' | ')} |`,
        ...table.rows.map((row) => `| ${table.columns.map((_, i) => cellText(row[i] ?? '')).join(' | ')} |`),
    ];
}
/** Rules listed in the debt table; the rest are counted in one line. */
const DEBT_ROW_CAP = 50;
function trendCell(from, to) {
    if (from === undefined)
        return '';
    const delta = to - from;
    return delta < 0 ? `▼ ${-delta}` : delta > 0 ? `▲ ${delta}` : '=';
}
/**
 * Warning debt per rule: the base branch's baseline, this branch's baseline, today's count and
 * the trend against the base (a rule that got worse sorts first).
 */
function debtSection(debt) {
    const lines = [`### Warning debt (${codeSpan(debt.baselinePath)})`, ''];
    if (debt.baseNote)
        lines.push(`> ${cellText(debt.baseNote)}`, '');
    if (debt.rules.length === 0)
        return [...lines, 'No warning debt.'];
    // The base counts are all there or all missing (see debtTrend).
    const baseRef = debt.rules.every((r) => r.base !== undefined) ? debt.baseRef : undefined;
    const sum = (pick) => debt.rules.reduce((total, r) => total + pick(r), 0); // tollgate-ignore float: warning counts, not money
    const row = (name, base, r, state) => `| ${name} |${baseRef ? ` ${base ?? 0} |` : ''} ${r.baseline} | ${r.current} | ${r.added} | ${r.fixed} | ${state} |${baseRef ? ` ${trendCell(base, r.current)} |` : ''}`;
    lines.push(`| rule |${baseRef ? ` ${codeSpan(baseRef)} |` : ''} baseline | now | new | fixed | state |${baseRef ? ' trend |' : ''}`, `| --- |${baseRef ? ' ---: |' : ''} ---: | ---: | ---: | ---: | --- |${baseRef ? ' --- |' : ''}`);
    const growth = (r) => r.current - (r.base ?? r.baseline);
    const worseFirst = [...debt.rules].sort((a, b) => growth(b) - growth(a));
    for (const r of worseFirst.slice(0, DEBT_ROW_CAP))
        lines.push(row(codeSpan(r.ruleId), r.base, r, r.state));
    const totals = { baseline: sum((r) => r.baseline), current: sum((r) => r.current), added: sum((r) => r.added), fixed: sum((r) => r.fixed) };
    lines.push(row('**total**', baseRef ? sum((r) => r.base ?? 0) : undefined, totals, ''));
    if (debt.rules.length > DEBT_ROW_CAP)
        lines.push('', `…and ${debt.rules.length - DEBT_ROW_CAP} more rule(s): \`npx tollgate debt explain\` lists every one.`);
    return lines;
}
/**
 * The job summary as Markdown: the verdict, one row per check with counts and timings, then
 * every finding (most severe first) up to SUMMARY_ROW_CAP rows and SUMMARY_BYTE_BUDGET bytes.
 */
function summaryMarkdown(report, context, shortfall) {
    const counts = (0,reporters_counts/* countBySeverity */.Ot)(report.findings);
    const failed = (0,reporters_counts/* failsAt */.ZN)(report.findings, context.failOn);
    const lines = [
        `## tollgate: ${failed ? '❌ failed' : '✅ passed'}`,
        '',
        `${(0,reporters_counts/* describeCounts */.wv)(counts)} in ${(0,reporters_counts/* plural */.LS)(report.filesInScope, 'file')} (${scopeLabel(report.mode)}); fails on **${context.failOn}** or worse.` +
            (report.suppressed > 0 ? ` ${report.suppressed} suppressed inline.` : ''),
        '',
        '| check | result | errors | warnings | notes | time |',
        '| --- | --- | ---: | ---: | ---: | ---: |',
    ];
    for (const check of report.checks) {
        const mine = report.findings.filter((f) => belongsTo(f, check));
        const c = (0,reporters_counts/* countBySeverity */.Ot)(mine);
        const result = check.crashed ? '💥 crashed' : mine.length === 0 ? '✅ ok' : (0,reporters_counts/* failsAt */.ZN)(mine, context.failOn) ? '❌ fails' : '⚠️ findings';
        lines.push(`| ${cellText(check.id)} | ${result} | ${c.error} | ${c.warning} | ${c.note} | ${(0,duration/* formatMs */._)(check.durationMs)} |`);
    }
    // Findings of no listed check (the suppression rule, 'tollgate/...') still count in the total.
    lines.push(`| **total** | ${failed ? '❌' : '✅'} | ${counts.error} | ${counts.warning} | ${counts.note} | ${(0,duration/* formatMs */._)(report.durationMs)} |`);
    const notes = report.checks.flatMap((c) => [
        ...(c.crashed ? [`- ${cellText(c.id)} crashed: ${cellText(c.crashed)}`] : []),
        ...c.notes.map((n) => `- ${cellText(c.id)}: ${cellText(n)}`),
    ]);
    if (notes.length > 0)
        lines.push('', '**Notes**', '', ...notes);
    for (const check of report.checks)
        if (check.table)
            lines.push('', ...tableSection(check.table));
    if (report.debt)
        lines.push('', ...debtSection(report.debt));
    const shortfallText = shortfall ? shortfallLine(shortfall) : undefined;
    if (shortfallText)
        lines.push('', `> ${shortfallText}`);
    if (report.findings.length > 0) {
        lines.push('', `<details open><summary>Findings (${report.findings.length})</summary>`, '', '| severity | location | rule | message |', '| --- | --- | --- | --- |');
        let bytes = Buffer.byteLength(lines.join('\n'));
        let written = 0;
        const advised = new Set();
        for (const f of (0,reporters_counts/* bySeverity */.Np)(report.findings)) {
            if (written >= SUMMARY_ROW_CAP)
                break;
            // Fix advice shared by many findings of a rule is shown on its first row only.
            const advice = f.fix && !f.fix.applied ? `${f.ruleId}\0${f.fix.description}` : undefined;
            const fix = f.fix?.applied ? ' (fixed)' : f.fix && advice && !advised.has(advice) ? `<br>Fix: ${cellText(f.fix.description)}` : '';
            if (advice)
                advised.add(advice);
            const row = `| ${ICON[f.severity]} | ${where(f)} | ${codeSpan(f.ruleId)} | ${cellText(clip(f.message, MESSAGE_MAX))}${fix} |`;
            bytes += Buffer.byteLength(row) + 1;
            if (bytes > SUMMARY_BYTE_BUDGET)
                break;
            lines.push(row);
            written++;
        }
        const rest = report.findings.length - written;
        if (rest > 0)
            lines.push('', `…and ${(0,reporters_counts/* plural */.LS)(rest, 'more finding')} not listed here (a job summary is limited in size): the SARIF file and \`--format json\` hold them all.`);
        lines.push('', '</details>');
    }
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./build/src/reporters/github.js




/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per
 * job); the rest are dropped without a word. tollgate emits up to this many of each level and
 * says how many it held back.
 */
const ANNOTATION_CAP = 10;
function annotationProperties(f) {
    const props = { title: f.ruleId };
    if (f.location.path)
        props.file = f.location.path;
    if (f.location.path && f.location.line > 0) {
        props.startLine = f.location.line;
        props.endLine = f.location.endLine !== undefined && f.location.endLine >= f.location.line ? f.location.endLine : f.location.line;
        // GitHub uses columns only for single-line annotations.
        if (props.endLine === props.startLine && f.location.column > 0) {
            props.startColumn = f.location.column;
            if (f.location.endColumn !== undefined && f.location.endColumn > f.location.column)
                props.endColumn = f.location.endColumn;
        }
    }
    return props;
}
function annotationText(f) {
    if (!f.fix)
        return f.message;
    return f.fix.applied ? `${f.message}\n(fixed by tollgate --fix)` : `${f.message}\nFix: ${f.fix.description}`;
}
/**
 * Which findings of one level to show when there are more than the cap: findings still to be
 * fixed before ones --fix already fixed, and one of each rule before a second of any rule, so
 * 25 trailing spaces cannot hide the one leaked key. Inside that, the report's order.
 */
function mostRelevant(findings, cap) {
    if (findings.length <= cap)
        return [...findings];
    const pending = findings.filter((f) => !f.fix?.applied);
    const fixed = findings.filter((f) => f.fix?.applied);
    const picked = [];
    for (const group of [pending, fixed]) {
        const byRule = new Map();
        for (const f of group)
            byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
        const queues = [...byRule.values()];
        for (let round = 0; picked.length < cap && queues.some((q) => q.length > round); round++) {
            for (const queue of queues) {
                const f = queue[round];
                if (f && picked.length < cap)
                    picked.push(f);
            }
        }
    }
    const order = new Map(findings.map((f, i) => [f, i]));
    return picked.sort((a, b) => order.get(a) - order.get(b));
}
/** Picks the annotations to emit per level, without emitting anything. */
function planAnnotations(findings) {
    const shown = { error: 0, warning: 0, note: 0 };
    const heldBack = { error: 0, warning: 0, note: 0 };
    const annotations = [];
    for (const severity of finding/* SEVERITIES */.oC) {
        const level = findings.filter((f) => f.severity === severity);
        const picked = mostRelevant(level, ANNOTATION_CAP);
        annotations.push(...picked);
        shown[severity] = picked.length;
        heldBack[severity] = level.length - picked.length;
    }
    return { annotations, shortfall: { shown, heldBack } };
}
/** The log line that says annotations were held back, or undefined when none were. */
function heldBackMessage(shortfall, places) {
    const levels = finding/* SEVERITIES */.oC.filter((s) => shortfall.heldBack[s] > 0);
    if (levels.length === 0)
        return undefined;
    const total = levels.reduce((sum, s) => sum + shortfall.heldBack[s], 0);
    const detail = levels.map((s) => `${shortfall.shown[s]} of ${(0,reporters_counts/* plural */.LS)(shortfall.shown[s] + shortfall.heldBack[s], s)} shown`).join(', ');
    const where = ['the report below', ...(places.summary ? ['the job summary'] : []), ...(places.sarifFile ? [`the SARIF file ${places.sarifFile}`] : [])];
    const list = where.length === 1 ? where[0] : `${where.slice(0, -1).join(', ')} and ${where.at(-1)}`;
    return `tollgate: ${(0,reporters_counts/* plural */.LS)(total, 'finding')} not annotated: GitHub shows at most ${ANNOTATION_CAP} annotations of each level per step (${detail}). All findings are in ${list}.`;
}
/** Emits the planned annotations through @actions/core (workflow commands on stdout). */
function emitAnnotations(findings, places = { summary: false }) {
    const { annotations, shortfall } = planAnnotations(findings);
    for (const f of annotations) {
        const props = annotationProperties(f);
        const text = annotationText(f);
        if (f.severity === 'error')
            core/* error */.z3(text, props);
        else if (f.severity === 'warning')
            core/* warning */.$e(text, props);
        else
            core/* notice */.lm(text, props);
    }
    const message = heldBackMessage(shortfall, places);
    if (message)
        core/* info */.pq(message);
    return shortfall;
}
/**
 * Annotations on stdout and, when GITHUB_STEP_SUMMARY is set, the job summary. A summary that
 * cannot be written is reported on stderr; it never changes the verdict.
 */
async function emitGithub(report, context, options = {}) {
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    const shortfall = emitAnnotations(report.findings, { summary: Boolean(summaryFile), sarifFile: options.sarifFile });
    if (!summaryFile)
        return;
    try {
        await core/* summary */.z.addRaw(summaryMarkdown(report, context, shortfall), true).write();
    }
    catch (error) {
        core/* summary */.z.emptyBuffer();
        process.stderr.write(`tollgate: could not write the job summary to ${summaryFile}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
}
//# sourceMappingURL=github.js.map

/***/ })

};
