import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 252;
export const ids = [252];
export const modules = {

/***/ 7252:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  isMigrationPath: () => (/* binding */ isMigrationPath),
  migrateCheck: () => (/* binding */ migrateCheck)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./build/src/errors/user-error.js
var user_error = __webpack_require__(1397);
// EXTERNAL MODULE: ./build/src/migrate/config.js
var config = __webpack_require__(5877);
;// CONCATENATED MODULE: ./build/src/migrate/files.js





const FILE_PATTERN = /^(\d+)_([A-Za-z0-9][A-Za-z0-9_-]*)\.sql$/;
const DIRECTIVE = /^--\s*tollgate:([a-z-]+)(?:\s+(.*?))?\s*$/;
/**
 * The text the checksum is taken over: no BOM, LF line ends, no trailing blanks on a line, no blank
 * lines at the end. An editor that rewrites line endings does not make an applied migration "edited".
 */
function normaliseSql(sql) {
    return sql
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => line.replace(/[ \t]+$/, ''))
        .join('\n')
        .replace(/\n+$/, '');
}
function checksumOf(sql) {
    return createHash('sha256').update(normaliseSql(sql)).digest('hex');
}
function parseDirectives(sql, file) {
    const directives = { noTransaction: false };
    const lines = sql.replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((raw, index) => {
        const match = DIRECTIVE.exec(raw.trim());
        if (!match)
            return;
        const [, key, value] = match;
        const where = `${file}:${index + 1}`;
        if (key === 'no-transaction') {
            directives.noTransaction = true;
            return;
        }
        if (key === 'lock-timeout' || key === 'statement-timeout') {
            if (!value || !DurationSchema.safeParse(value).success) {
                throw new UserError(`${where}: \`-- tollgate:${key}\` needs a duration such as "5s", "500ms", "30min" or "0" (got "${value ?? ''}").`, { file });
            }
            if (key === 'lock-timeout')
                directives.lockTimeout = value;
            else
                directives.statementTimeout = value;
            return;
        }
        throw new UserError(`${where}: unknown directive \`-- tollgate:${key}\`; expected no-transaction, lock-timeout <duration> or statement-timeout <duration>.`, { file });
    });
    return directives;
}
function compareVersions(a, b) {
    const diff = BigInt(a) - BigInt(b);
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}
/** Reads every migration of `dir` (repository-relative), ordered by version. A missing folder has none. */
async function readMigrations(cwd, dir) {
    const abs = path.resolve(cwd, dir);
    let names;
    try {
        names = await readdir(abs);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
    const files = [];
    const seen = new Map();
    for (const entry of names.sort()) {
        if (!entry.endsWith('.sql'))
            continue;
        const rel = path.posix.join(dir.split(path.sep).join('/'), entry);
        const match = FILE_PATTERN.exec(entry);
        if (!match) {
            throw new UserError(`${rel}: a migration file is named NNNN_name.sql (digits, an underscore, then letters, digits, _ or -), such as 0001_create_accounts.sql.`, { file: rel });
        }
        const version = match[1];
        const key = BigInt(version).toString();
        const other = seen.get(key);
        if (other)
            throw new UserError(`${rel}: version ${version} is also used by ${other}; every migration needs its own number.`, { file: rel });
        seen.set(key, rel);
        const sql = await readFile(path.join(abs, entry), 'utf8');
        files.push({ version, name: match[2], path: rel, sql, checksum: checksumOf(sql), directives: parseDirectives(sql, rel) });
    }
    return files.sort((a, b) => compareVersions(a.version, b.version));
}

//# sourceMappingURL=files.js.map
// EXTERNAL MODULE: ./build/rules/migrate/index.js + 7 modules
var migrate = __webpack_require__(9795);
// EXTERNAL MODULE: ./build/src/rules/rule.js
var rules_rule = __webpack_require__(1543);
// EXTERNAL MODULE: ./node_modules/libpg-query/wasm/index.cjs
var wasm = __webpack_require__(2627);
;// CONCATENATED MODULE: ./build/src/migrate/statements.js


/** Maps a character offset of `sql` to a 1-based line and column. */
function lineColumn(sql, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < sql.length; i++) {
        if (sql.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
/** Character offset of a UTF-8 byte offset (the parser counts bytes). */
function charOffset(bytes, byteOffset) {
    return bytes.subarray(0, byteOffset).toString('utf8').length;
}
/** Where and why PostgreSQL's parser rejected a migration. */
class SqlSyntaxError extends user_error/* UserError */.y {
    line;
    column;
    reason;
    constructor(file, at, reason, cause) {
        super(`${file}:${at.line}:${at.column}: SQL syntax error: ${reason}`, { file, cause });
        this.line = at.line;
        this.column = at.column;
        this.reason = reason;
    }
}
/**
 * Splits a migration into statements with libpg-query (PostgreSQL's parser): dollar quotes,
 * comments and semicolons in strings are handled as the server handles them. A syntax error is a
 * SqlSyntaxError (a UserError) naming the file, line and column.
 */
async function splitStatements(sql, file) {
    const bytes = Buffer.from(sql, 'utf8');
    if (sql.trim() === '')
        return [];
    let stmts;
    try {
        stmts = (await (0,wasm.parse)(sql)).stmts ?? [];
    }
    catch (error) {
        const details = error.sqlDetails;
        const at = details?.cursorPosition === undefined ? { line: 1, column: 1 } : lineColumn(sql, charOffset(bytes, details.cursorPosition));
        throw new SqlSyntaxError(file, at, error.message, error);
    }
    const result = [];
    for (const raw of stmts) {
        if (!raw.stmt)
            continue;
        const startByte = raw.stmt_location ?? 0;
        const endByte = raw.stmt_len ? startByte + raw.stmt_len : bytes.length;
        const start = charOffset(bytes, startByte);
        const whole = bytes.subarray(startByte, endByte).toString('utf8');
        const lead = whole.length - whole.trimStart().length;
        const text = whole.trim().replace(/;\s*$/, '');
        const offset = start + lead;
        const begin = lineColumn(sql, offset);
        const end = lineColumn(sql, offset + Math.max(text.length - 1, 0));
        result.push({ text, node: raw.stmt, line: begin.line, column: begin.column, endLine: end.line, endColumn: end.column + 1, offset });
    }
    return result;
}
/** The statement's node type: "AlterTableStmt", "CreateStmt", … */
function statementKind(node) {
    return Object.keys(node)[0] ?? 'unknown';
}
const COMMENTS = new Set(['SQL_COMMENT', 'C_COMMENT']);
function execStatement(sql, bytes, tokens, startByte, endByte) {
    const own = tokens.filter((t) => t.start >= startByte && t.end <= endByte && !COMMENTS.has(t.tokenName) && t.tokenName !== 'ASCII_59');
    const first = own[0];
    const last = own.at(-1);
    if (!first || !last)
        return undefined;
    const offset = charOffset(bytes, first.start);
    const text = bytes.subarray(first.start, last.end).toString('utf8');
    const begin = lineColumn(sql, offset);
    const end = lineColumn(sql, offset + Math.max(text.length - 1, 0));
    return {
        text,
        offset,
        line: begin.line,
        column: begin.column,
        endLine: end.line,
        endColumn: end.column + 1,
        words: own.slice(0, 6).map((t) => t.text.toUpperCase()),
        concurrently: own.some((t) => t.keywordKind > 0 && t.text.toUpperCase() === 'CONCURRENTLY'),
    };
}
/**
 * The statements `migrate up` sends, found with PostgreSQL's own scanner (libpg-query `scan`): it
 * knows strings, dollar quotes, comments and identifiers exactly as the server does, so a top-level
 * `;` ends a statement. The full parser is used instead when `validate` is set (no-transaction
 * migrations, where a syntax error in a later statement must be found before earlier ones run) and
 * for SQL-standard function bodies (`BEGIN ATOMIC … END`, which contain top-level semicolons).
 * The scanner is used by default because the parser's WebAssembly is expensive to tear down: a
 * process that parsed 50 migrations spends seconds at exit while V8 finishes optimising it.
 * Syntax errors that only the parser sees surface from the server instead, inside the migration's
 * transaction, so nothing of the migration remains.
 */
async function statementsForExecution(sql, file, options) {
    if (sql.trim() === '')
        return [];
    const bytes = Buffer.from(sql, 'utf8');
    let tokens;
    try {
        tokens = (await scan(sql)).tokens;
    }
    catch {
        // A lexical error (an unterminated string or comment): the parser words it with a position.
        await splitStatements(sql, file);
        throw new UserError(`${file}: SQL could not be read (an unterminated string, identifier or comment?)`, { file });
    }
    const atomic = tokens.some((t, i) => t.text.toUpperCase() === 'BEGIN' && tokens[i + 1]?.text.toUpperCase() === 'ATOMIC');
    const ranges = [];
    if (options.validate || atomic) {
        for (const s of await splitStatements(sql, file)) {
            const startByte = Buffer.byteLength(sql.slice(0, s.offset), 'utf8');
            ranges.push([startByte, startByte + Buffer.byteLength(s.text, 'utf8')]);
        }
    }
    else {
        let start = 0;
        for (const t of tokens) {
            if (t.tokenName !== 'ASCII_59')
                continue;
            ranges.push([start, t.start]);
            start = t.end;
        }
        ranges.push([start, bytes.length]);
    }
    return ranges.map(([a, b]) => execStatement(sql, bytes, tokens, a, b)).filter((s) => s !== undefined);
}
//# sourceMappingURL=statements.js.map
// EXTERNAL MODULE: ./build/src/migrate/lint/sql-shapes.js
var sql_shapes = __webpack_require__(8176);
;// CONCATENATED MODULE: ./build/src/migrate/lint/lint.js




const MIGRATE_CHECK_ID = 'migrate';
function oneLine(text, max) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
function givesDefault(statement, table, column) {
    return (0,sql_shapes/* alterTableCommands */.Bb)(statement).some(({ table: t, cmd }) => {
        if (!(0,sql_shapes/* sameTable */.lY)(t, table))
            return false;
        if (cmd.subtype === 'AT_ColumnDefault')
            return cmd.name === column && cmd.def !== undefined;
        const added = cmd.subtype === 'AT_AddColumn' ? (0,sql_shapes/* columnDef */.CH)(cmd) : undefined;
        return added?.colname === column && (0,sql_shapes/* declaresDefault */.$0)(added);
    });
}
/** Runs every blue-green rule over one migration's statements. */
function lintStatements(path, statements, rules = migrate/* MIGRATE_RULES */.i, syntaxError) {
    const created = statements.map(sql_shapes/* createdTable */.Jo).filter((t) => t !== undefined);
    const findings = [];
    for (const rule of rules) {
        const context = {
            path,
            statements,
            syntaxError,
            isNewTable: (name) => created.some((t) => (0,sql_shapes/* sameTable */.lY)(t, name)),
            hasDefault: (table, column, upTo) => statements.slice(0, statements.indexOf(upTo) + 1).some((s) => givesDefault(s, table, column)),
            report: ({ statement, message }) => {
                findings.push({
                    checkId: MIGRATE_CHECK_ID,
                    ruleId: rule.meta.id,
                    severity: rule.meta.severity,
                    message,
                    location: { path, line: statement.line, column: statement.column, endLine: statement.endLine, endColumn: statement.endColumn },
                    fix: { description: rule.meta.fixHint },
                    help: (0,rules_rule/* ruleDocPath */._)(rule.meta.id),
                    snippet: oneLine(statement.text, 120),
                });
            },
        };
        void rule.create(context);
    }
    return findings.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
}
/** Parses one migration's text and lints it; a file the parser rejects is reported by migrate/syntax-error. */
async function lintSql(path, sql, rules = migrate/* MIGRATE_RULES */.i) {
    try {
        return lintStatements(path, await splitStatements(sql, path), rules);
    }
    catch (error) {
        if (!(error instanceof SqlSyntaxError))
            throw error;
        return lintStatements(path, [], rules, { line: error.line, column: error.column, reason: error.reason });
    }
}
//# sourceMappingURL=lint.js.map
;// CONCATENATED MODULE: ./build/src/migrate/check.js



/** True for `<dir>/NNNN_name.sql` (directly in the migrations folder). */
function isMigrationPath(file, dir) {
    const folder = dir.replace(/\\/g, '/').replace(/\/+$/, '');
    return external_node_path_.posix.dirname(file) === folder && FILE_PATTERN.test(external_node_path_.posix.basename(file));
}
/**
 * The blue-green lint over the migrations in scope: staged ones in validate-quick, the named
 * ones with paths, every one in validate-all. A file the parser rejects is a migrate/syntax-error
 * finding, so one broken file does not hide the others.
 */
const migrateCheck = {
    id: 'migrate',
    title: 'SQL migrations compatible with the version still serving traffic (blue-green lint)',
    async run(context) {
        const dir = context.config.migrate.dir;
        const findings = [];
        let linted = 0;
        for (const file of context.files) {
            if (!isMigrationPath(file.path, dir))
                continue;
            const bytes = await file.read();
            if (!bytes)
                continue;
            findings.push(...(await lintSql(file.path, bytes.toString('utf8'))));
            linted++;
        }
        return { findings, notes: linted === 0 ? [`no migration in ${dir}/ in scope`] : [] };
    },
};
//# sourceMappingURL=check.js.map

/***/ })

};
