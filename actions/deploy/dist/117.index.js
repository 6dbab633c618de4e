import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 117;
export const ids = [117];
export const modules = {

/***/ 6117:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   backupDatabase: () => (/* binding */ backupDatabase)
/* harmony export */ });
/* unused harmony export postgresTool */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var execa__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(525);
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1397);





/** Where pg_dump / pg_restore live: the newest Debian-style PostgreSQL install, else PATH. */
function postgresTool(name) {
    const root = '/usr/lib/postgresql';
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(root)) {
        const versions = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(root)
            .filter((v) => /^\d+$/.test(v))
            .sort((a, b) => Number(b) - Number(a));
        for (const version of versions) {
            const candidate = node_path__WEBPACK_IMPORTED_MODULE_2__.join(root, version, 'bin', name);
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(candidate))
                return candidate;
        }
    }
    return name;
}
/** The URL without its password, and the password for PGPASSWORD (so it never shows in `ps`). */
function splitPassword(url) {
    const parsed = new URL(url);
    const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
    parsed.password = '';
    return { url: parsed.toString(), password };
}
/**
 * pg_dump in custom format to `<dir>/<database>-<UTC time>-before-<version>.dump`, then
 * pg_restore --list on the file: a backup that cannot be listed is no backup, and the run stops.
 */
async function backupDatabase(options) {
    const { url, password } = splitPassword(options.url);
    const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(options.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const file = node_path__WEBPACK_IMPORTED_MODULE_2__.join(options.dir, `${database.replace(/[^A-Za-z0-9_-]/g, '_')}-${stamp}-${options.label}.dump`);
    const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
    const dump = await (0,execa__WEBPACK_IMPORTED_MODULE_4__/* .execa */ .Ho)(postgresTool('pg_dump'), ['--format=custom', '--no-password', `--file=${file}`, `--dbname=${url}`], { env, reject: false, all: true });
    if (dump.exitCode !== 0) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`Backup failed, nothing was migrated: pg_dump exited with ${dump.exitCode ?? dump.signal}:\n${dump.all ?? ''}\nFix it, or run with --no-backup to migrate without one.`);
    }
    const list = await (0,execa__WEBPACK_IMPORTED_MODULE_4__/* .execa */ .Ho)(postgresTool('pg_restore'), ['--list', file], { reject: false, all: true });
    const size = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file)).size;
    if (list.exitCode !== 0 || size === 0) {
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`Backup ${file} could not be verified (pg_restore --list exited with ${list.exitCode}); nothing was migrated:\n${list.all ?? ''}`);
    }
    const entries = (list.stdout ?? '').split('\n').filter((line) => line.trim() && !line.startsWith(';')).length;
    const restoreCommand = `pg_restore --clean --if-exists --no-owner --single-transaction --dbname "${options.urlHint}" ${JSON.stringify(file)}`;
    return { file, restoreCommand, entries };
}
//# sourceMappingURL=backup.js.map

/***/ })

};
