import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 778;
export const ids = [778];
export const modules = {

/***/ 2778:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pipelineSteps: () => (/* binding */ pipelineSteps)
});

// UNUSED EXPORTS: runsInCi, selectSteps, stepUnits

// EXTERNAL MODULE: ./build/src/errors/user-error.js
var user_error = __webpack_require__(1397);
;// CONCATENATED MODULE: ./build/src/steps/arg-chunks.js
/**
 * How many bytes of arguments one command may get, and splitting a file list to fit. The
 * kernel limits argv plus the environment together (Linux ARG_MAX, usually 2 MiB; macOS 1 MiB);
 * Windows limits the command line to 32,767 characters, and cmd.exe to 8,191. Budgets are half
 * the usual limits, so a smaller stack (Linux ARG_MAX is a quarter of it) still fits.
 */
function commandLineBudget(platform, shell) {
    if (platform === 'win32')
        return shell ? 8_000 : 32_000;
    if (platform === 'darwin')
        return 512 * 1024;
    return 1024 * 1024;
}
/** What one argument costs: its bytes, the terminating NUL and the argv pointer (POSIX), or quotes and a space (Windows). */
function argumentCost(arg, platform) {
    return platform === 'win32' ? arg.length + 3 : Buffer.byteLength(arg) + 1 + 8;
}
/** The environment counts against the same limit on POSIX (not on Windows, where it is separate). */
function environmentCost(env, platform) {
    if (platform === 'win32')
        return 0;
    let total = 0;
    for (const [key, value] of Object.entries(env))
        if (value !== undefined)
            total += Buffer.byteLength(key) + Buffer.byteLength(value) + 2 + 8;
    return total;
}
/**
 * Splits files into consecutive chunks whose argument cost stays within `room`. A file that
 * alone exceeds it still gets a chunk of its own (the command then reports the error).
 */
function chunkFiles(files, room, cost) {
    const chunks = [];
    let current = [];
    let used = 0;
    for (const file of files) {
        const c = cost(file);
        if (current.length > 0 && used + c > room) { // tollgate-ignore float: byte counts, not money
            chunks.push(current);
            current = [];
            used = 0;
        }
        current.push(file);
        used += c; // tollgate-ignore float: byte counts, not money
    }
    if (current.length > 0)
        chunks.push(current);
    return chunks;
}
//# sourceMappingURL=arg-chunks.js.map
;// CONCATENATED MODULE: ./build/src/steps/command.js

/** Stands for the matched files: a whole argv element, or anywhere in a shell string. */
const FILES_PLACEHOLDER = '{files}';
function takesFiles(run) {
    return typeof run === 'string' ? run.includes(FILES_PLACEHOLDER) : run.includes(FILES_PLACEHOLDER);
}
/** The command as a person reads it: `npx eslint {files}`. */
function describeCommand(run) {
    return typeof run === 'string' ? run : run.map((a) => (/[\s"'$`\\]/.test(a) ? JSON.stringify(a) : a)).join(' ');
}
/** cmd.exe quoting for one file name (Windows shell strings only). */
function windowsQuote(file) {
    return `"${file.replace(/"/g, '""')}"`;
}
/**
 * The process for one chunk of files. A POSIX shell string gets the files as positional
 * parameters (`sh -c '… "$@" …' sh file…`), so no file name is ever parsed by the shell.
 */
function invocation(run, files, platform = process.platform) {
    if (typeof run !== 'string') {
        const args = run.flatMap((a) => (a === FILES_PLACEHOLDER ? [...files] : [a]));
        return { file: args[0], args: args.slice(1), shell: false };
    }
    if (platform === 'win32') {
        return { file: run.split(FILES_PLACEHOLDER).join(files.map(windowsQuote).join(' ')), args: [], shell: true };
    }
    if (!takesFiles(run))
        return { file: '/bin/sh', args: ['-c', run], shell: false };
    return { file: '/bin/sh', args: ['-c', run.split(FILES_PLACEHOLDER).join('"$@"'), 'sh', ...files], shell: false };
}
/**
 * The file chunks for a command: each fits the platform's argument limit together with the
 * command itself and the environment it runs with. A command without `{files}` runs once.
 */
function planChunks(run, files, env, platform = process.platform) {
    if (!takesFiles(run))
        return [[]];
    const shell = typeof run === 'string';
    const base = invocation(run, [], platform);
    const fixed = [base.file, ...base.args].reduce((sum, a) => sum + argumentCost(a, platform), 0);
    // A Windows shell string repeats the placeholder once per occurrence.
    const repeats = shell && platform === 'win32' ? run.split(FILES_PLACEHOLDER).length - 1 : typeof run === 'string' ? 1 : run.filter((a) => a === FILES_PLACEHOLDER).length;
    const room = commandLineBudget(platform, shell) - fixed - environmentCost(env, platform);
    return chunkFiles(files, Math.max(1, Math.floor(room / Math.max(1, repeats))), (f) => argumentCost(f, platform));
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/findings/fingerprint.js
var fingerprint = __webpack_require__(8488);
// EXTERNAL MODULE: ./build/src/reporters/duration.js
var duration = __webpack_require__(3058);
;// CONCATENATED MODULE: ./build/src/steps/output-capture.js
/** Output kept for parsing and for the failure message; beyond it only the tail is kept. */
const HEAD_BYTES = 8 * 1024 * 1024;
const TAIL_LINES = 400;
/**
 * A step's output lines (already masked), bounded: the first 8 MiB in full, then a rolling
 * tail, so a command that prints gigabytes cannot exhaust memory.
 */
class OutputCapture {
    head = [];
    tailLines = [];
    headBytes = 0;
    /** Lines seen in total. */
    count = 0;
    /** Lines between head and tail that were dropped. */
    dropped = 0;
    push(line) {
        this.count++;
        if (this.headBytes < HEAD_BYTES && this.tailLines.length === 0) {
            this.head.push(line);
            this.headBytes += line.length + 1;
            return;
        }
        this.tailLines.push(line);
        if (this.tailLines.length > TAIL_LINES * 2) {
            this.dropped += this.tailLines.length - TAIL_LINES;
            this.tailLines = this.tailLines.slice(-TAIL_LINES);
        }
    }
    /** Every kept line, in order (the middle of a huge output is missing; see `dropped`). */
    lines() {
        return [...this.head, ...this.tailLines];
    }
    /** The last `n` kept lines, without trailing blank lines. */
    tail(n) {
        const all = this.lines();
        let end = all.length;
        while (end > 0 && all[end - 1].trim() === '')
            end--;
        return all.slice(Math.max(0, end - n), end);
    }
}
//# sourceMappingURL=output-capture.js.map
// EXTERNAL MODULE: ./build/src/checks/secrets/detector.js + 4 modules
var detector = __webpack_require__(2516);
// EXTERNAL MODULE: ./build/src/checks/secrets/finding-sink.js + 1 modules
var finding_sink = __webpack_require__(2261);
// EXTERNAL MODULE: ./build/rules/secrets/index.js + 43 modules
var secrets = __webpack_require__(1556);
;// CONCATENATED MODULE: ./build/src/steps/output-secrets.js



const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
/** Environment variable names whose values are secrets. */
const SECRET_NAME = /token|secret|passw(or)?d|pwd|api[_-]?key|private[_-]?key|credential|auth/i;
const PEM_END = /-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
/**
 * Masks secrets in what a step prints, with the same detector and allowlist as the secrets
 * check: every secret found is registered with the run's redactor (so findings, notes and
 * reports mask it too) and masked in the line before anyone sees it. The body of a private
 * key block is hidden line by line while it streams.
 */
class OutputSecrets {
    detector;
    redactor;
    inPrivateKey = false;
    constructor(options, redactor) {
        this.detector = new detector/* SecretDetector */.Z(secrets/* SECRET_CONTENT_RULES */.hF, options);
        this.redactor = redactor;
    }
    /**
     * What the step itself carries: secrets in its command, and the values of its environment
     * variables whose names say they are secret (API_TOKEN, DB_PASSWORD …).
     */
    registerStep(command, env) {
        this.register(command);
        for (const [key, value] of Object.entries(env))
            if (SECRET_NAME.test(key))
                this.redactor.add(value);
    }
    /** One output line, masked. */
    line(text) {
        if (this.inPrivateKey) {
            if (PEM_END.test(text))
                this.inPrivateKey = false;
            return PEM_END.test(text) ? text : '[private key line hidden]';
        }
        if (PEM_BEGIN.test(text) && !PEM_END.test(text))
            this.inPrivateKey = true;
        this.register(text);
        return this.redactor.apply(text);
    }
    /** The whole output at once: finds what spans lines (a key block) for the redactor. */
    scanAll(text) {
        this.register(text);
    }
    register(text) {
        for (const found of this.detector.scan({ path: '', text })) {
            for (const part of (0,finding_sink/* secretParts */.Bm)(found.secret))
                this.redactor.add(part);
            this.redactor.add(found.secret);
            if (found.blob)
                this.redactor.add(found.blob);
        }
    }
}
//# sourceMappingURL=output-secrets.js.map
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./build/src/steps/parse/problem.js

/** Output lines without colour and cursor escapes, and without a trailing carriage return. */
function plainLines(text) {
    return (0,external_node_util_.stripVTControlCharacters)(text).split('\n').map((line) => line.replace(/\r$/, ''));
}
function toInt(value) {
    const n = value === undefined ? 0 : Number.parseInt(value, 10);
    return Number.isFinite(n) && n > 0 ? n : 0;
}
/** error/warning/note from the words tools use ("Error", "warn", "info", "message"). */
function severityWord(word, fallback) {
    const w = word?.toLowerCase() ?? '';
    if (w.startsWith('err') || w === 'fatal' || w === 'fatal error')
        return 'error';
    if (w.startsWith('warn'))
        return 'warning';
    if (w === 'note' || w === 'info' || w === 'message' || w === 'hint')
        return 'note';
    return fallback;
}
//# sourceMappingURL=problem.js.map
;// CONCATENATED MODULE: ./build/src/steps/parse/eslint.js

/** `  12:5  error  'x' is defined but never used  no-unused-vars` under a file line. */
const STYLISH_PROBLEM = /^\s+(?<line>\d+):(?<column>\d+)\s+(?<severity>error|warning)\s+(?<message>.*?)(?:\s{2,}(?<rule>[@\w][\w@/.-]*))?\s*$/;
/** The closing summary: `✖ 3 problems (2 errors, 1 warning)`. */
const STYLISH_SUMMARY = /^[✖✔×]\s/;
/** ESLint's default "stylish" formatter: a file path line, then its indented problems. */
const parseEslintStylish = (lines) => {
    const problems = [];
    let file;
    for (const line of lines) {
        if (line.trim() === '')
            continue;
        if (!/^\s/.test(line)) {
            file = STYLISH_SUMMARY.test(line) ? undefined : line.trim();
            continue;
        }
        const g = file === undefined ? undefined : STYLISH_PROBLEM.exec(line)?.groups;
        if (!g || file === undefined)
            continue;
        problems.push({
            file,
            line: toInt(g.line),
            column: toInt(g.column),
            severity: severityWord(g.severity, 'error'),
            message: g.rule ? `${g.message} (${g.rule})` : g.message,
        });
    }
    return problems;
};
/** `/abs/a.js: line 1, col 7, Error - 'foo' is assigned a value but never used. (no-unused-vars)` */
const COMPACT = /^(?<file>\S.*?): line (?<line>\d+), col (?<column>\d+), (?<severity>Error|Warning) - (?<message>.*?)(?: \((?<rule>[@\w][\w@/.-]*)\))?$/;
/** ESLint's "compact" formatter (eslint-formatter-compact), one problem per line. */
const parseEslintCompact = (lines) => {
    const problems = [];
    for (const line of lines) {
        const g = COMPACT.exec(line)?.groups;
        if (!g)
            continue;
        problems.push({
            file: g.file,
            line: toInt(g.line),
            column: toInt(g.column),
            severity: severityWord(g.severity, 'error'),
            message: g.rule ? `${g.message} (${g.rule})` : g.message,
        });
    }
    return problems;
};
//# sourceMappingURL=eslint.js.map
;// CONCATENATED MODULE: ./build/src/steps/parse/generic.js

/**
 * `path:line[:col]: [severity:] message`, as compilers and many linters print. The path must
 * look like a file (it has a "/" or an extension); the caller keeps only paths that exist.
 */
const GENERIC = /^(?<file>[^\s:]*[/.\\][^\s:]*):(?<line>\d+)(?::(?<column>\d+))?:\s*(?:(?<severity>fatal error|error|warning|warn|note|info)\s*:?\s+)?(?<message>\S.*)$/i;
const parseGeneric = (lines) => {
    const problems = [];
    for (const line of lines) {
        const g = GENERIC.exec(line.trim())?.groups;
        if (!g)
            continue;
        problems.push({ file: g.file, line: toInt(g.line), column: toInt(g.column), severity: severityWord(g.severity, 'error'), message: g.message.trim() });
    }
    return problems;
};
//# sourceMappingURL=generic.js.map
;// CONCATENATED MODULE: ./build/src/steps/parse/jest.js

/** ` FAIL  test/sum.test.js` or ` FAIL  test/sum.test.js (5.2 s)`: the file of the failures below. */
const FILE = /^\s*(?<status>FAIL|PASS)\s+(?<file>[^\s>]+)(?:\s+\([\d.]+\s*m?s\))?\s*$/;
/** `  ● sum › adds`: one failure. */
const TITLE = /^\s*●\s+(?<title>.+?)\s*$/;
/** `      at Object.toBe (test/sum.test.js:4:19)` or `at test/sum.test.js:4:19`. */
const FRAME = /^\s*at\s+(?:.*?\()?(?<file>[^\s()]+?):(?<line>\d+):(?<column>\d+)\)?\s*$/;
const SUMMARY = /^\s*(?:Test Suites|Tests|Snapshots|Time):\s/;
function samePath(frame, file) {
    return frame === file || frame.endsWith(`/${file}`) || file.endsWith(`/${frame}`);
}
function toProblem(block) {
    const frame = block.frames.find((f) => samePath(f.file, block.file)) ?? block.frames.find((f) => !f.file.includes('node_modules') && !f.file.startsWith('node:'));
    return {
        file: frame?.file ?? block.file,
        line: frame?.line ?? 0,
        column: frame?.column ?? 0,
        severity: 'error',
        message: `${block.title}: ${block.message ?? 'failed'}`,
    };
}
/** jest's default reporter: `FAIL file`, then `● suite › test` blocks with the error and its stack. */
const parseJest = (lines) => {
    const problems = [];
    let file;
    let block;
    const close = () => {
        if (block)
            problems.push(toProblem(block));
        block = undefined;
    };
    for (const line of lines) {
        const header = FILE.exec(line)?.groups;
        if (header) {
            close();
            file = header.status === 'FAIL' ? header.file : undefined;
            continue;
        }
        if (SUMMARY.test(line)) {
            close();
            file = undefined;
            continue;
        }
        const title = TITLE.exec(line)?.groups;
        if (title && file !== undefined) {
            close();
            // "● Console" groups console output; it is not a failure.
            if (title.title !== 'Console')
                block = { file, title: title.title, message: undefined, frames: [] };
            continue;
        }
        if (!block)
            continue;
        const frame = FRAME.exec(line)?.groups;
        if (frame) {
            block.frames.push({ file: frame.file, line: toInt(frame.line), column: toInt(frame.column) });
            continue;
        }
        if (block.message === undefined && line.trim() !== '')
            block.message = line.trim();
    }
    close();
    return problems;
};
//# sourceMappingURL=jest.js.map
;// CONCATENATED MODULE: ./build/src/steps/parse/tsc.js

/** `src/a.ts(3,7): error TS2322: …` (plain, the default when piped). */
const PLAIN = /^(?<file>[^\s(][^(]*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|message) (?<code>TS\d+): (?<message>.*)$/;
/** `src/a.ts:3:7 - error TS2322: …` (--pretty). */
const PRETTY = /^(?<file>\S.*?):(?<line>\d+):(?<column>\d+) - (?<severity>error|warning|message) (?<code>TS\d+): (?<message>.*)$/;
/**
 * tsc diagnostics in both layouts. The indented lines right after a diagnostic (the chain
 * "Type 'X' is not assignable… / Property 'y' is missing…") belong to its message.
 */
const parseTsc = (lines) => {
    const problems = [];
    let current;
    for (const line of lines) {
        const match = PLAIN.exec(line) ?? PRETTY.exec(line);
        if (match?.groups) {
            const g = match.groups;
            current = { file: g.file, line: toInt(g.line), column: toInt(g.column), severity: severityWord(g.severity, 'error'), message: `${g.code}: ${g.message}` };
            problems.push(current);
            continue;
        }
        if (current && /^ {2,}\S/.test(line) && !/^[\s~]*$/.test(line)) {
            current.message += `\n${line.trim()}`;
            continue;
        }
        current = undefined;
    }
    return problems;
};
//# sourceMappingURL=tsc.js.map
;// CONCATENATED MODULE: ./build/src/steps/parse/user-pattern.js

/** A parser from the user's regular expression with named groups (validated in the config). */
function userPatternParser(spec) {
    const regex = new RegExp(spec.pattern, spec.flags.replace(/[gy]/g, ''));
    return (lines) => {
        const problems = [];
        for (const line of lines) {
            const g = regex.exec(line)?.groups;
            if (!g?.file || g.message === undefined)
                continue;
            const code = g.code ? `${g.code}: ` : '';
            problems.push({
                file: g.file,
                line: toInt(g.line),
                column: toInt(g.column),
                ...(g.endLine ? { endLine: toInt(g.endLine) } : {}),
                ...(g.endColumn ? { endColumn: toInt(g.endColumn) } : {}),
                severity: severityWord(g.severity, spec.severity),
                message: `${code}${g.message.trim()}`,
            });
        }
        return problems;
    };
}
//# sourceMappingURL=user-pattern.js.map
;// CONCATENATED MODULE: ./build/src/steps/parse/vitest.js

/** ` FAIL  test/sum.test.ts > sum > adds`, or ` FAIL  test/x.test.ts [ test/x.test.ts ]` for a file that did not load. */
const FAIL = /^\s*FAIL\s+(?<file>\S+)(?:\s+>\s+(?<test>.+?)|\s+\[.*\])\s*$/;
/** A stack frame in vitest's error block: ` ❯ test/sum.test.ts:4:19` (optionally `❯ fn test/…`). */
const vitest_FRAME = /^\s*❯\s+(?:\S+\s+)?(?<file>[^\s:]+):(?<line>\d+):(?<column>\d+)\s*$/;
/** The rule between failures (`⎯⎯⎯[1/2]⎯`) and the closing summary end a block. */
const BLOCK_END = /^\s*(?:⎯{3,}|Test Files\s)/;
function vitest_toProblem(block) {
    // The frame in the failing test file itself, else the first outside node_modules.
    const frame = block.frames.find((f) => f.file === block.file) ?? block.frames.find((f) => !f.file.includes('node_modules'));
    const what = block.test ? `${block.test}: ` : '';
    return {
        file: frame?.file ?? block.file,
        line: frame?.line ?? 0,
        column: frame?.column ?? 0,
        severity: 'error',
        message: `${what}${block.message ?? 'failed'}`,
    };
}
/** vitest's default reporter: each failure as `FAIL file > test`, the error, then `❯ file:line:col`. */
const parseVitest = (lines) => {
    const problems = [];
    let block;
    const close = () => {
        if (block)
            problems.push(vitest_toProblem(block));
        block = undefined;
    };
    for (const line of lines) {
        const fail = FAIL.exec(line)?.groups;
        if (fail) {
            close();
            block = { file: fail.file, test: fail.test?.replace(/\s+>\s+/g, ' > '), message: undefined, frames: [] };
            continue;
        }
        if (!block)
            continue;
        if (BLOCK_END.test(line)) {
            close();
            continue;
        }
        const frame = vitest_FRAME.exec(line)?.groups;
        if (frame) {
            block.frames.push({ file: frame.file, line: toInt(frame.line), column: toInt(frame.column) });
            continue;
        }
        if (block.message === undefined && line.trim() !== '')
            block.message = line.trim();
    }
    close();
    return problems;
};
//# sourceMappingURL=vitest.js.map
;// CONCATENATED MODULE: ./build/src/steps/parse/index.js







const PARSERS = {
    tsc: parseTsc,
    'eslint-stylish': parseEslintStylish,
    'eslint-compact': parseEslintCompact,
    vitest: parseVitest,
    jest: parseJest,
    generic: parseGeneric,
};
/** The formats "auto" tries; generic only when none of these found anything. */
const SPECIFIC = ['tsc', 'eslint-stylish', 'eslint-compact', 'vitest', 'jest'];
/** Reads the problems out of output lines in the step's format. */
function parseOutput(format, lines) {
    if (typeof format === 'object')
        return { problems: userPatternParser(format)(lines), formats: ['pattern'], needsExistingFile: false };
    if (format !== 'auto')
        return { problems: PARSERS[format](lines), formats: [format], needsExistingFile: format === 'generic' };
    const problems = [];
    const formats = [];
    for (const name of SPECIFIC) {
        const found = PARSERS[name](lines);
        if (found.length === 0)
            continue;
        problems.push(...found);
        formats.push(name);
    }
    if (problems.length > 0)
        return { problems, formats, needsExistingFile: false };
    const generic = parseGeneric(lines);
    return { problems: generic, formats: generic.length > 0 ? ['generic'] : [], needsExistingFile: true };
}
//# sourceMappingURL=index.js.map
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
// EXTERNAL MODULE: ./node_modules/execa/index.js + 136 modules
var execa = __webpack_require__(525);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./build/src/steps/process-tree.js

/**
 * Stopping a step's whole process tree. On POSIX every step runs as the leader of its own
 * process group (spawned detached), so one signal to the negative pid reaches the command and
 * everything it started, unless a descendant moved itself to a new session (setsid, a daemon).
 * On Windows `taskkill /T` walks the tree.
 */
function signalTree(pid, signal) {
    if (process.platform === 'win32') {
        (0,external_node_child_process_.spawn)('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => { });
        return;
    }
    try {
        process.kill(-pid, signal);
    }
    catch {
        // ESRCH: the group is already gone.
    }
}
/**
 * Detached groups do not get the terminal's Ctrl-C, so while any step runs, tollgate passes
 * SIGINT/SIGTERM/SIGHUP on to every live group and then dies of the same signal; on exit it
 * kills whatever is left. The handlers exist only while a step runs.
 */
const live = new Set();
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
function onSignal(signal) {
    for (const pid of live)
        signalTree(pid, signal);
    uninstall();
    process.kill(process.pid, signal);
}
function onExit() {
    for (const pid of live)
        signalTree(pid, 'SIGKILL');
}
function install() {
    for (const s of FORWARDED)
        process.on(s, onSignal);
    process.on('exit', onExit);
}
function uninstall() {
    for (const s of FORWARDED)
        process.off(s, onSignal);
    process.off('exit', onExit);
}
function trackGroup(pid) {
    live.add(pid);
    if (live.size === 1)
        install();
    return () => {
        if (!live.delete(pid))
            return;
        if (live.size === 0)
            uninstall();
    };
}
//# sourceMappingURL=process-tree.js.map
;// CONCATENATED MODULE: ./build/src/steps/spawn-step.js



/** After SIGTERM, the tree gets this long before SIGKILL. */
const KILL_GRACE_MS = 2_000;
/** After SIGKILL, output pipes still open (held by a process that escaped the group) are closed. */
const PIPE_GRACE_MS = 2_000;
/** After the command exits, processes it left behind get this long to close its output. */
const LINGER_MS = 1_000;
/** Splits a byte stream into lines (UTF-8 safe across chunk boundaries). */
function lineSplitter(onLine) {
    const decoder = new external_node_string_decoder_.StringDecoder('utf8');
    let pending = '';
    const emit = (text) => {
        pending += text;
        let nl = pending.indexOf('\n');
        while (nl >= 0) {
            onLine(pending.slice(0, nl).replace(/\r$/, ''));
            pending = pending.slice(nl + 1);
            nl = pending.indexOf('\n');
        }
    };
    return {
        write: (chunk) => emit(decoder.write(chunk)),
        end: () => {
            emit(decoder.end());
            if (pending !== '')
                onLine(pending.replace(/\r$/, ''));
            pending = '';
        },
    };
}
/**
 * Runs one invocation in its own process group with stdout and stderr interleaved line by
 * line, and stops the whole tree at the deadline or on abort.
 */
async function spawnStep(inv, options) {
    const outcome = { exitCode: undefined, signal: undefined, startError: undefined, timedOut: false, aborted: false, killedLeftovers: false, pipesCutOff: false };
    if (options.signal.aborted)
        return { ...outcome, aborted: true };
    const child = (0,execa/* execa */.Ho)(inv.file, inv.args, {
        cwd: options.cwd,
        env: options.env,
        extendEnv: true,
        shell: inv.shell,
        detached: process.platform !== 'win32',
        stdin: 'ignore',
        all: true,
        buffer: false,
        reject: false,
        windowsHide: true,
    });
    const pid = child.pid;
    const untrack = pid === undefined ? () => { } : trackGroup(pid);
    const timers = [];
    const lines = lineSplitter(options.onLine);
    child.all?.on('data', (chunk) => lines.write(chunk));
    let stopping = false;
    const stop = () => {
        if (stopping || pid === undefined)
            return;
        stopping = true;
        signalTree(pid, 'SIGTERM');
        timers.push(setTimeout(() => signalTree(pid, 'SIGKILL'), KILL_GRACE_MS));
        timers.push(setTimeout(() => {
            // Something outside the group still holds the pipes: stop waiting for them.
            outcome.pipesCutOff = true;
            child.all?.destroy();
            child.stdout?.destroy();
            child.stderr?.destroy();
        }, KILL_GRACE_MS + PIPE_GRACE_MS));
    };
    const onAbort = () => {
        outcome.aborted = true;
        stop();
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    timers.push(setTimeout(() => {
        outcome.timedOut = true;
        stop();
    }, Math.max(0, options.deadline - Date.now())));
    child.nodeChildProcess.once('exit', () => {
        // The leader is gone; a background process it left holding the output would keep the step open.
        timers.push(setTimeout(() => {
            if (stopping)
                return;
            outcome.killedLeftovers = true;
            stop();
        }, LINGER_MS));
    });
    try {
        const result = await child;
        lines.end();
        if (result.code !== undefined && result.exitCode === undefined && result.signal === undefined) {
            outcome.startError = result.code;
        }
        outcome.exitCode = result.exitCode;
        outcome.signal = result.signal;
        return outcome;
    }
    finally {
        for (const t of timers)
            clearTimeout(t);
        options.signal.removeEventListener('abort', onAbort);
        untrack();
    }
}
//# sourceMappingURL=spawn-step.js.map
// EXTERNAL MODULE: ./build/src/runner/glob-matcher.js
var glob_matcher = __webpack_require__(171);
;// CONCATENATED MODULE: ./build/src/steps/run-step.js











/** Lines of output quoted in the failure finding: fewer when the user already saw them live. */
const TAIL_CAPTURED = 150;
const TAIL_LIVE = 20;
/** Located findings per step beyond this are counted in a note instead. */
const MAX_LOCATED = 2_000;
const STEPS_CHECK_ID = 'steps';
function stepRuleId(step) {
    return `steps/${step.name}`;
}
function stepCwd(step, root) {
    const cwd = external_node_path_.resolve(root, step.cwd);
    if (!(0,external_node_fs_.existsSync)(cwd) || !(0,external_node_fs_.statSync)(cwd).isDirectory()) {
        throw new user_error/* UserError */.y(`Step "${step.name}": cwd "${step.cwd}" is not a directory in the repository (${cwd}). Fix steps[].cwd in the tollgate config.`);
    }
    return cwd;
}
/** The files in scope that the step's glob matches (all of them without a glob). */
function matchedFiles(step, context) {
    const paths = context.files.map((f) => f.path);
    if (!step.glob)
        return paths;
    const matches = (0,glob_matcher/* globMatcher */.f)(step.glob);
    return paths.filter((p) => matches(p));
}
/** A path as printed by the tool, as a repository-relative POSIX path; undefined outside the repository. */
function repoPath(file, cwd, root) {
    const rel = external_node_path_.relative(root, external_node_path_.resolve(cwd, file));
    if (rel === '' || rel.startsWith('..') || external_node_path_.isAbsolute(rel))
        return undefined;
    return rel.split(external_node_path_.sep).join('/');
}
function toFinding(step, p, cwd, root) {
    const located = repoPath(p.file, cwd, root);
    const where = located === undefined ? `${p.file}${p.line > 0 ? `:${p.line}${p.column > 0 ? `:${p.column}` : ''}` : ''}: ` : '';
    return {
        checkId: STEPS_CHECK_ID,
        ruleId: stepRuleId(step),
        severity: p.severity,
        message: `${where}${p.message}`,
        location: located === undefined
            ? { path: '', line: 0, column: 0 }
            : { path: located, line: p.line, column: p.column, ...(p.endLine ? { endLine: p.endLine } : {}), ...(p.endColumn ? { endColumn: p.endColumn } : {}) },
    };
}
const START_ERRORS = {
    ENOENT: 'command not found',
    EACCES: 'permission denied',
    E2BIG: 'argument list too long',
    ENOEXEC: 'not an executable',
};
function failureHeadline(command, totals, timeoutSeconds, elapsedMs) {
    if (totals.startError)
        return `\`${command}\` could not start: ${START_ERRORS[totals.startError] ?? totals.startError} (${totals.startError}).`;
    if (totals.timedOut)
        return `\`${command}\` timed out after ${timeoutSeconds} s; tollgate killed its whole process tree (SIGTERM, then SIGKILL).`;
    if (totals.aborted)
        return `\`${command}\` was stopped before it finished (the run was cancelled).`;
    if (totals.signal)
        return `\`${command}\` was killed by ${totals.signal} after ${(0,duration/* formatMs */._)(elapsedMs)}.`;
    const hint = totals.exitCode === 127 ? ' (127: the shell did not find the command)' : '';
    return `\`${command}\` failed with exit code ${totals.exitCode}${hint} after ${(0,duration/* formatMs */._)(elapsedMs)}.`;
}
function outputExcerpt(capture, live) {
    if (capture.count === 0)
        return 'It printed nothing.';
    const lines = capture.tail(live ? TAIL_LIVE : TAIL_CAPTURED);
    const shown = lines.length < capture.count ? `last ${lines.length} of ${capture.count} lines` : `${capture.count} line${capture.count === 1 ? '' : 's'}`;
    return `Output (${shown}${live ? ', all of it shown above' : ''}):\n${lines.join('\n')}`;
}
/** Runs the chunks one after another until the time is up; later chunks still run after a failing one. */
async function runChunks(run) {
    const { step, chunks, context } = run;
    const deadline = Date.now() + step.timeout * 1000;
    const totals = { exitCode: 0, signal: undefined, startError: undefined, timedOut: false, aborted: false, killedLeftovers: false, pipesCutOff: false, chunksRun: 0 };
    for (const [index, chunk] of chunks.entries()) {
        if (chunks.length > 1)
            context.progress(`chunk ${index + 1}/${chunks.length} (${chunk.length} files)`);
        const outcome = await spawnStep(invocation(step.run, chunk), { cwd: run.cwd, env: run.env, deadline, signal: context.signal, onLine: run.onLine });
        totals.chunksRun++;
        totals.killedLeftovers ||= outcome.killedLeftovers;
        totals.pipesCutOff ||= outcome.pipesCutOff;
        totals.timedOut ||= outcome.timedOut;
        totals.aborted ||= outcome.aborted;
        const chunkFailed = outcome.startError || outcome.signal || outcome.exitCode !== 0;
        // The first failing chunk decides the headline.
        if (chunkFailed && totals.exitCode === 0 && !totals.signal && !totals.startError) {
            totals.exitCode = outcome.exitCode;
            totals.signal = outcome.signal;
            totals.startError = outcome.startError;
        }
        if (outcome.timedOut || outcome.aborted || outcome.startError)
            break;
    }
    return totals;
}
/**
 * In validate-quick a step runs on the working tree, not on the index: the matched files that
 * also have unstaged edits, which the step saw and the commit will not record.
 */
async function unstagedAmong(context, files) {
    if (context.mode !== 'quick' || files.length === 0)
        return [];
    const changed = new Set((await context.repo.output(['diff', '--name-only', '-z'])).split('\0').filter(Boolean));
    return files.filter((f) => changed.has(f));
}
function failedRun(totals) {
    return Boolean(totals.startError || totals.timedOut || totals.aborted || totals.signal || totals.exitCode !== 0);
}
/**
 * Runs one step in the runner: picks the files, runs the command in chunks, reads its output
 * into findings. A failure with nothing located becomes one error finding quoting the output.
 */
async function runStep(step, context, listener) {
    const root = context.repo.root;
    const cwd = stepCwd(step, root);
    const command = describeCommand(step.run);
    const files = matchedFiles(step, context);
    const scope = context.mode === 'quick' ? 'staged file' : 'file';
    if (step.glob && files.length === 0)
        return { findings: [], notes: [`skipped: no ${scope} matches ${step.glob.join(', ')}`] };
    if (takesFiles(step.run) && files.length === 0)
        return { findings: [], notes: [`skipped: no ${scope} to pass as {files}`] };
    const env = { ...step.env, TOLLGATE_STEP: step.name };
    const args = files.map((f) => external_node_path_.relative(cwd, external_node_path_.join(root, f)).split(external_node_path_.sep).join('/'));
    const chunks = planChunks(step.run, args, { ...process.env, ...env });
    const secrets = new OutputSecrets(context.config.checks.secrets, context.redactor);
    secrets.registerStep(command, step.env);
    const capture = new OutputCapture();
    const started = Date.now();
    const totals = await runChunks({
        step,
        chunks,
        cwd,
        env,
        context,
        onLine: (raw) => {
            const line = secrets.line(raw);
            capture.push(line);
            listener?.(step.name, line);
        },
    });
    const elapsed = Date.now() - started;
    const failed = failedRun(totals);
    const kept = capture.lines();
    secrets.scanAll(kept.join('\n'));
    const findings = [];
    const notes = [];
    const format = step.format;
    // "auto" reads only a failing run's output; a named format always (warnings of a passing step).
    if (format !== 'none' && !totals.startError && (format !== 'auto' || failed)) {
        const parsed = parseOutput(format, plainLines(kept.join('\n')));
        const problems = parsed.needsExistingFile ? parsed.problems.filter((p) => (0,external_node_fs_.existsSync)(external_node_path_.resolve(cwd, p.file))) : parsed.problems;
        for (const p of problems.slice(0, MAX_LOCATED))
            findings.push(toFinding(step, p, cwd, root));
        if (problems.length > MAX_LOCATED)
            notes.push(`${problems.length - MAX_LOCATED} more problems in its output were not reported (limit ${MAX_LOCATED} per step)`);
        if (problems.length > 0)
            notes.push(`read ${problems.length} problem${problems.length === 1 ? '' : 's'} from its ${parsed.formats.join(' + ')} output`);
    }
    const headline = failureHeadline(command, totals, step.timeout, elapsed);
    const locatedError = findings.some((f) => f.severity === 'error');
    if (failed && (!locatedError || totals.timedOut || totals.aborted)) {
        findings.push({
            checkId: STEPS_CHECK_ID,
            ruleId: stepRuleId(step),
            severity: 'error',
            message: `${headline}\n${outputExcerpt(capture, listener !== undefined)}`,
            location: { path: '', line: 0, column: 0 },
            // The step, not its output, identifies this finding: the same fingerprint run after run.
            fingerprint: (0,fingerprint/* fingerprint */.R)({ ruleId: stepRuleId(step), path: '', content: command }),
        });
    }
    else if (failed) {
        notes.push(headline.replace(/\.$/, '; the findings above say why'));
    }
    const unstaged = await unstagedAmong(context, files);
    if (unstaged.length > 0) {
        const some = unstaged.slice(0, 3).join(', ') + (unstaged.length > 3 ? ', …' : '');
        notes.push(`${unstaged.length} of its files have unstaged edits (${some}): it ran on the working tree, not on what the commit records`);
    }
    if (chunks.length > 1)
        notes.push(`passed ${files.length} files in ${totals.chunksRun} of ${chunks.length} chunks (the OS limits a command line's length)`);
    if (capture.dropped > 0)
        notes.push(`printed ${capture.count} lines; ${capture.dropped} in the middle were not kept`);
    if (totals.killedLeftovers)
        notes.push('it exited but left processes holding its output open; tollgate stopped them');
    if (totals.pipesCutOff)
        notes.push('a process that left its process group kept the output open; tollgate stopped reading it');
    return { findings, notes };
}
//# sourceMappingURL=run-step.js.map
;// CONCATENATED MODULE: ./build/src/steps/units.js



/**
 * CI is the CI environment variable set and not "false" or "0" (as the debt stage reads it;
 * not imported from there, which would load the whole debt stage into every commit).
 */
function runsInCi(env = process.env) {
    const value = env.CI?.trim().toLowerCase();
    return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}
/**
 * The steps of a run, in config order: named steps whatever their settings (`tollgate steps
 * test`), otherwise the enabled steps of the mode's pipeline for the place (local or CI).
 */
function selectSteps(steps, selection) {
    if (selection.mode === 'paths')
        return [];
    const names = selection.names;
    if (names)
        return steps.filter((s) => names.includes(s.name));
    const place = (selection.ci ?? runsInCi()) ? 'ci' : 'local';
    const mode = selection.mode;
    return steps.filter((s) => s.enabled && s.pipelines.includes(mode) && s.where.includes(place));
}
/** The runner's view of each step: an id for the report row, a title, and how to run it. */
function stepUnits(steps, listener) {
    return steps.map((step) => ({
        id: stepRuleId(step),
        title: describeCommand(step.run),
        parallel: step.parallel,
        run: (context) => runStep(step, context, listener),
    }));
}
/** The step units validate-quick / validate-all run for this config. */
function pipelineSteps(config, selection, listener) {
    const unknown = (selection.names ?? []).filter((name) => !config.steps.some((s) => s.name === name));
    if (unknown.length > 0) {
        const known = config.steps.map((s) => s.name).join(', ') || 'none';
        throw new user_error/* UserError */.y(`Unknown step ${unknown.map((n) => `"${n}"`).join(', ')}. Steps in the config: ${known}.`);
    }
    return stepUnits(selectSteps(config.steps, selection), listener);
}
//# sourceMappingURL=units.js.map

/***/ })

};
