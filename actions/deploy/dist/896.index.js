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
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1397);
/* harmony import */ var _statements_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8313);


/** Statements PostgreSQL refuses inside a transaction block, by what they look like in the parse tree. */
function needsNoTransaction(node) {
    const kind = (0,_statements_js__WEBPACK_IMPORTED_MODULE_1__/* .statementKind */ .A9)(node);
    const body = node[kind] ?? {};
    if (kind === 'IndexStmt' && body.concurrent)
        return 'CREATE INDEX CONCURRENTLY';
    if (kind === 'DropStmt' && body.concurrent)
        return 'DROP INDEX CONCURRENTLY';
    if (kind === 'ReindexStmt' && JSON.stringify(body.params ?? []).includes('"concurrently"'))
        return 'REINDEX CONCURRENTLY';
    if (kind === 'VacuumStmt')
        return body.is_vacuumcmd === false ? 'ANALYZE' : 'VACUUM';
    if (kind === 'CreatedbStmt')
        return 'CREATE DATABASE';
    if (kind === 'DropdbStmt')
        return 'DROP DATABASE';
    if (kind === 'AlterSystemStmt')
        return 'ALTER SYSTEM';
    if (kind === 'AlterTableStmt' && JSON.stringify(body.cmds ?? []).includes('"AT_DetachPartition"') && JSON.stringify(body.cmds).includes('"concurrent":true')) {
        return 'DETACH PARTITION CONCURRENTLY';
    }
    return undefined;
}
/**
 * Parses every migration and refuses, before connecting, what cannot work: its own BEGIN/COMMIT
 * (tollgate owns the transaction, which also holds the history row) and statements that cannot run
 * in a transaction in a file without `-- tollgate:no-transaction`.
 */
async function parseMigrations(files) {
    const parsed = [];
    for (const file of files) {
        const statements = await (0,_statements_js__WEBPACK_IMPORTED_MODULE_1__/* .splitStatements */ .Xd)(file.sql, file.path);
        for (const statement of statements) {
            const where = `${file.path}:${statement.line}:${statement.column}`;
            if ((0,_statements_js__WEBPACK_IMPORTED_MODULE_1__/* .statementKind */ .A9)(statement.node) === 'TransactionStmt') {
                throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .y(`${where}: remove this transaction statement (\`${statement.text.slice(0, 40)}\`). tollgate runs each migration in its own transaction together with its history row; a file that must not run in a transaction starts with \`-- tollgate:no-transaction\`.`, { file: file.path });
            }
            const what = file.directives.noTransaction ? undefined : needsNoTransaction(statement.node);
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
