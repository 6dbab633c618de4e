import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 896;
export const ids = [896];
export const modules = {

/***/ 2896:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseMigrations: () => (/* binding */ parseMigrations)
/* harmony export */ });
/* unused harmony export needsNoTransaction */
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1397);
/* harmony import */ var _statements_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8313);


const TRANSACTION_CONTROL = new Set(['BEGIN', 'START', 'COMMIT', 'END', 'ROLLBACK', 'ABORT', 'SAVEPOINT', 'RELEASE']);
function startsWith(words, ...expected) {
    return expected.every((word, i) => words[i] === word);
}
/** Statements PostgreSQL refuses inside a transaction block, by their leading keywords. */
function needsNoTransaction(statement) {
    const { words, concurrently } = statement;
    const index = words[1] === 'UNIQUE' ? 2 : 1;
    if (words[0] === 'CREATE' && words[index] === 'INDEX' && words[index + 1] === 'CONCURRENTLY')
        return 'CREATE INDEX CONCURRENTLY';
    if (startsWith(words, 'DROP', 'INDEX', 'CONCURRENTLY'))
        return 'DROP INDEX CONCURRENTLY';
    if (words[0] === 'REINDEX' && concurrently)
        return 'REINDEX CONCURRENTLY';
    if (words[0] === 'ALTER' && words[1] === 'TABLE' && concurrently)
        return 'ALTER TABLE … DETACH PARTITION CONCURRENTLY';
    if (words[0] === 'VACUUM')
        return 'VACUUM';
    if (startsWith(words, 'CREATE', 'DATABASE') || startsWith(words, 'DROP', 'DATABASE'))
        return `${words[0]} DATABASE`;
    if (startsWith(words, 'CREATE', 'TABLESPACE') || startsWith(words, 'DROP', 'TABLESPACE'))
        return `${words[0]} TABLESPACE`;
    if (startsWith(words, 'ALTER', 'SYSTEM'))
        return 'ALTER SYSTEM';
    return undefined;
}
/**
 * Splits every migration and refuses, before anything changes, what cannot work: its own
 * BEGIN/COMMIT (tollgate owns the transaction, which also holds the history row) and statements
 * that cannot run in a transaction in a file without `-- tollgate:no-transaction`.
 */
async function parseMigrations(files) {
    const parsed = [];
    for (const file of files) {
        const statements = await (0,_statements_js__WEBPACK_IMPORTED_MODULE_1__/* .statementsForExecution */ .Ck)(file.sql, file.path, { validate: file.directives.noTransaction });
        for (const statement of statements) {
            const where = `${file.path}:${statement.line}:${statement.column}`;
            const first = statement.words[0] ?? '';
            if (TRANSACTION_CONTROL.has(first) || startsWith(statement.words, 'PREPARE', 'TRANSACTION')) {
                throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${where}: remove this transaction statement (\`${statement.text.slice(0, 40)}\`). tollgate runs each migration in its own transaction together with its history row; a file that must not run in a transaction starts with \`-- tollgate:no-transaction\`.`, { file: file.path });
            }
            const what = file.directives.noTransaction ? undefined : needsNoTransaction(statement);
            if (what) {
                throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${where}: ${what} cannot run inside a transaction. Put it in its own migration that starts with \`-- tollgate:no-transaction\` (see the README on writing such migrations so that a retry is safe).`, { file: file.path });
            }
        }
        parsed.push({ file, statements });
    }
    return parsed;
}
//# sourceMappingURL=preflight.js.map

/***/ })

};
