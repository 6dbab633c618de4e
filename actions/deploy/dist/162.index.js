import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 162;
export const ids = [162];
export const modules = {

/***/ 7162:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  migrateStepFor: () => (/* binding */ migrateStepFor)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/src/errors/user-error.js
var user_error = __webpack_require__(1397);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
;// CONCATENATED MODULE: ./build/src/migrate/db.js




function db_asServerError(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const e = error;
    return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e : undefined;
}
function maskUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.password)
            parsed.password = '***';
        return parsed.toString();
    }
    catch {
        return '<unparseable database URL>';
    }
}
async function connectPostgres(url) {
    const client = new esm/* default.Client */.Ay.Client({ connectionString: url, application_name: 'tollgate migrate', connectionTimeoutMillis: 15_000 });
    // A dropped connection surfaces on the next query; without a listener it would crash the process.
    client.on('error', () => { });
    try {
        await client.connect();
    }
    catch (error) {
        throw new user_error/* UserError */.y(`Could not connect to ${maskUrl(url)}: ${error.message}`, { cause: error });
    }
    // If this process dies mid-statement, the server notices within a second and rolls the
    // migration back (releasing its locks and the advisory lock) instead of running it to the end.
    // PostgreSQL 14+; older servers do not know the setting, which is fine.
    await client.query("SET client_connection_check_interval = '1s'").catch(() => { });
    return {
        kind: 'postgres',
        label: maskUrl(url),
        url,
        async query(sql, params) {
            const result = await client.query(sql, params);
            // A multi-statement text returns one result per statement; migrations send one at a time.
            return (Array.isArray(result) ? [] : result.rows);
        },
        async close() {
            await client.end().catch(() => { });
        },
    };
}
/** The embedded database (PGlite: PostgreSQL compiled to WebAssembly) in `dir`, created on first use. */
async function openEmbedded(cwd, dir) {
    const abs = external_node_path_.resolve(cwd, dir);
    await (0,promises_.mkdir)(abs, { recursive: true });
    // The data files never belong in git (nor in a validate-all scan): the folder ignores itself.
    await (0,promises_.writeFile)(external_node_path_.join(abs, '.gitignore'), '*\n', { flag: 'wx' }).catch(() => { });
    const { PGlite } = await __webpack_require__.e(/* import() */ 618).then(__webpack_require__.bind(__webpack_require__, 1618));
    const db = new PGlite(abs);
    await db.waitReady;
    return {
        kind: 'pglite',
        label: `embedded PGlite in ${dir}`,
        async query(sql, params) {
            if (params && params.length > 0)
                return (await db.query(sql, params)).rows;
            // Without parameters: the simple protocol, as node-postgres does, so "BEGIN; SET …" works too.
            const results = await db.exec(sql);
            return (results.at(-1)?.rows ?? []);
        },
        async close() {
            await db.close();
        },
    };
}
//# sourceMappingURL=db.js.map
;// CONCATENATED MODULE: ./build/src/migrate/errors.js

/**
 * A migration that failed on the server. Nothing it did remains (its transaction was rolled back),
 * except the statements of a `-- tollgate:no-transaction` migration that ran before the failing one.
 */
class MigrationFailedError extends user_error/* UserError */.y {
    version;
    /** The statement that failed, as written in the file. */
    statement;
    /** Where the error points in the migration file (1-based), when the server said. */
    position;
    /** PostgreSQL's SQLSTATE ("55P03" lock_not_available, "57014" query_canceled, …). */
    sqlState;
    constructor(message, details) {
        super(message, { file: details.file, cause: details.cause });
        this.version = details.version;
        this.statement = details.statement;
        this.position = details.position;
        this.sqlState = details.sqlState;
    }
}
/** Another migrator held the lock past the deadline. */
class MigrationLockTimeoutError extends user_error/* UserError */.y {
}
//# sourceMappingURL=errors.js.map
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./build/src/migrate/history.js


/** "schema"."table" from "table" or "schema.table" (validated lower-case identifiers). */
function quotedTable(table) {
    return table
        .split('.')
        .map((part) => `"${part}"`)
        .join('.');
}
async function historyExists(db, table) {
    const rows = await db.query('SELECT to_regclass($1)::text AS found', [quotedTable(table)]);
    return rows[0]?.found != null;
}
/** Creates the history table (and its schema) when missing. Called with the migration lock held. */
async function ensureHistory(db, table) {
    if (await historyExists(db, table))
        return;
    const [schema] = table.includes('.') ? table.split('.') : [];
    if (schema)
        await db.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await db.query(`CREATE TABLE IF NOT EXISTS ${quotedTable(table)} (
  version text PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL,
  applied_by text NOT NULL,
  transactional boolean NOT NULL
)`);
}
async function history_readHistory(db, table) {
    if (!(await historyExists(db, table)))
        return [];
    const rows = await db.query(`SELECT version, name, checksum, applied_at, duration_ms, applied_by, transactional FROM ${quotedTable(table)} ORDER BY applied_at, version`);
    return rows.map((r) => ({
        version: r.version,
        name: r.name,
        checksum: r.checksum,
        appliedAt: r.applied_at instanceof Date ? r.applied_at : new Date(r.applied_at),
        durationMs: r.duration_ms,
        appliedBy: r.applied_by,
        transactional: r.transactional,
    }));
}
/** A quoted SQL literal, right whatever standard_conforming_strings says (E'…' when it holds a backslash). */
const literal = (value) => esm/* default.escapeLiteral */.Ay.escapeLiteral(value);
/** The INSERT of a history row, as one SQL text (no parameters: it is sent together with COMMIT). */
function historyInsertSql(table, row) {
    return `INSERT INTO ${quotedTable(table)} (version, name, checksum, duration_ms, applied_by, transactional) VALUES (${[
        literal(row.version),
        literal(row.name),
        literal(row.checksum),
        String(Math.round(row.durationMs)),
        literal(row.appliedBy),
        String(row.transactional),
    ].join(', ')})`;
}
/** Who applied it: the CI actor when there is one, else the OS user, plus the host and the database role. */
async function appliedBy(db) {
    const [row] = await db.query('SELECT current_user AS role');
    const actor = process.env.GITHUB_ACTOR ? `github:${process.env.GITHUB_ACTOR}` : safeUser();
    return `${actor}@${external_node_os_.hostname()} as ${row?.role ?? 'unknown'}`;
}
function safeUser() {
    try {
        return external_node_os_.userInfo().username;
    }
    catch {
        return 'unknown';
    }
}
//# sourceMappingURL=history.js.map
// EXTERNAL MODULE: ./build/src/migrate/statements.js
var statements = __webpack_require__(8313);
;// CONCATENATED MODULE: ./build/src/migrate/apply.js




const LOCK_NOT_AVAILABLE = '55P03';
const QUERY_CANCELED = '57014';
/** Every table a statement names (RangeVar nodes anywhere in its parse tree). */
function relationsOf(node) {
    const names = new Set();
    const walk = (value) => {
        if (Array.isArray(value)) {
            for (const item of value)
                walk(item);
            return;
        }
        if (typeof value !== 'object' || value === null)
            return;
        for (const [key, child] of Object.entries(value)) {
            if (key === 'RangeVar' || key === 'relation') {
                const rv = child;
                if (rv && typeof rv.relname === 'string')
                    names.add(rv.schemaname ? `${rv.schemaname}.${rv.relname}` : rv.relname);
            }
            walk(child);
        }
    };
    walk(node);
    return [...names];
}
/** Sessions holding a lock on one of `relations` (asked right after our statement gave up waiting). */
async function blockersOf(db, relations) {
    if (relations.length === 0)
        return [];
    return db
        .query(`SELECT c.relname AS relation, l.pid, l.mode, a.state, a.application_name,
              round(extract(epoch FROM now() - a.xact_start))::int AS xact_seconds
         FROM pg_locks l
         JOIN pg_class c ON c.oid = l.relation
         LEFT JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.granted AND l.pid <> pg_backend_pid() AND l.relation = ANY (
              SELECT to_regclass(r)::oid FROM unnest($1::text[]) AS r WHERE to_regclass(r) IS NOT NULL)
        ORDER BY a.xact_start NULLS LAST LIMIT 5`, [relations.map((r) => r.split('.').map((p) => `"${p}"`).join('.'))])
        .catch(() => []);
}
function describeBlockers(blockers, relations) {
    if (blockers.length === 0) {
        return relations.length > 0 ? `a lock on ${relations.map((r) => `"${r}"`).join(', ')}` : 'a lock';
    }
    const first = blockers[0];
    const others = blockers.length > 1 ? ` (and ${blockers.length - 1} more session(s))` : '';
    const age = first.xact_seconds == null ? '' : `, its transaction open for ${first.xact_seconds} s`;
    return `a lock on "${first.relation}" held by server pid ${first.pid} (${first.mode}, ${first.state ?? 'unknown state'}${age}, ${first.application_name || 'unknown application'})${others}`;
}
async function failure(db, migration, statement, index, error, settings, rehearsal = false) {
    const { file } = migration;
    const position = error.position === undefined || error.position === '' ? undefined : Number(error.position);
    const at = position && Number.isFinite(position) ? (0,statements/* lineColumn */.rv)(file.sql, statement.offset + position - 1) : { line: statement.line, column: statement.column };
    const lines = [`Migration ${file.path} failed at line ${at.line}, column ${at.column} (SQLSTATE ${error.code}): ${error.message}`];
    if (error.detail)
        lines.push(`  detail: ${error.detail}`);
    if (error.hint)
        lines.push(`  hint: ${error.hint}`);
    lines.push(`  statement ${index + 1} of ${migration.statements.length}: ${statement.text.length > 300 ? `${statement.text.slice(0, 300)}…` : statement.text}`);
    if (error.code === LOCK_NOT_AVAILABLE) {
        // Only now is the statement parsed in full, to name the tables it waited for.
        const relations = (await (0,statements/* splitStatements */.Xd)(statement.text, file.path).catch(() => [])).flatMap((s) => relationsOf(s.node));
        const blockers = await blockersOf(db, relations);
        lines.push(`  lock_timeout (${settings.lockTimeout}) expired waiting for ${describeBlockers(blockers, relations)}. ` +
            'The migration gave up instead of queueing traffic behind it: retry when that transaction has ended, or raise the limit for this file with `-- tollgate:lock-timeout 5s`.');
    }
    else if (error.code === QUERY_CANCELED) {
        lines.push(`  statement_timeout (${settings.statementTimeout}) expired; if the statement needs longer, add \`-- tollgate:statement-timeout 30min\` to the file.`);
    }
    if (file.directives.noTransaction && !rehearsal) {
        lines.push(index === 0
            ? `  Nothing of ${file.version} ran. It is not recorded; the next run retries it.`
            : `  This is a no-transaction migration: its statements 1–${index} had already run and stay. It is not recorded, so the next run retries the whole file: write it to be safe to re-run (IF NOT EXISTS, DROP INDEX CONCURRENTLY IF EXISTS before CREATE INDEX CONCURRENTLY).`);
    }
    else if (rehearsal) {
        lines.push(`  Rehearsal (migrate dry-run --execute): everything it ran was rolled back; the database is as it was.`);
    }
    else {
        lines.push(`  Nothing of ${file.version} was applied: the schema and the history are as they were before it. Later migrations were not run.`);
    }
    return new MigrationFailedError(lines.join('\n'), {
        file: file.path,
        version: file.version,
        statement: statement.text,
        position: at,
        sqlState: error.code,
        cause: error,
    });
}
function quoteSetting(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
/** The file's own timeouts (`-- tollgate:lock-timeout …`) over the configured ones. */
function timeoutsOf(migration, settings) {
    const { directives } = migration.file;
    return { lockTimeout: directives.lockTimeout ?? settings.lockTimeout, statementTimeout: directives.statementTimeout ?? settings.statementTimeout };
}
/** `SET [LOCAL] lock_timeout …; SET [LOCAL] statement_timeout …`. */
function timeoutSql(timeouts, scope) {
    return `SET ${scope}lock_timeout = ${quoteSetting(timeouts.lockTimeout)}; SET ${scope}statement_timeout = ${quoteSetting(timeouts.statementTimeout)}`;
}
/**
 * Applies one migration. Transactional: BEGIN, SET LOCAL timeouts, each statement, the history row,
 * COMMIT; any error rolls all of it back. `-- tollgate:no-transaction`: session timeouts, each
 * statement on its own, then the history row only once every statement succeeded.
 * Returns the duration in milliseconds.
 */
async function applyMigration(db, migration, settings) {
    const { file } = migration;
    const timeouts = timeoutsOf(migration, settings);
    const transactional = !file.directives.noTransaction;
    const started = performance.now();
    let index = 0;
    try {
        // One round trip each for the opening and the closing: a migration costs its statements plus two.
        await db.query(transactional ? `BEGIN; ${timeoutSql(timeouts, 'LOCAL ')}` : timeoutSql(timeouts, ''));
        for (; index < migration.statements.length; index++) {
            await db.query(migration.statements[index].text);
        }
        index = -1;
        const durationMs = performance.now() - started;
        const record = historyInsertSql(settings.table, {
            version: file.version,
            name: file.name,
            checksum: file.checksum,
            durationMs,
            appliedBy: settings.appliedBy,
            transactional,
        });
        await db.query(transactional ? `${record}; COMMIT` : `${record}; RESET lock_timeout; RESET statement_timeout`);
        return durationMs;
    }
    catch (error) {
        if (transactional)
            await db.query('ROLLBACK').catch(() => { });
        else
            await db.query('RESET lock_timeout; RESET statement_timeout').catch(() => { });
        const serverError = db_asServerError(error);
        const statement = index >= 0 ? migration.statements[index] : undefined;
        if (!serverError || !statement)
            throw error;
        throw await failure(db, migration, statement, index, serverError, timeouts);
    }
}
/**
 * `migrate dry-run --execute`: runs the pending migrations in order inside one transaction that
 * is always rolled back, each with its own lock and statement timeouts, so a failure shows up
 * (file, line, SQL error, blockers) before `up` meets it. It takes the locks `up` would take, for
 * as long as the rehearsal lasts (each wait bounded by lock_timeout). No-transaction migrations
 * cannot run inside it and are skipped, with a note.
 */
async function apply_rehearseMigrations(db, migrations, settings) {
    const result = { rehearsed: [], skipped: [] };
    await db.query('BEGIN');
    let open = true;
    try {
        for (const migration of migrations) {
            const { file } = migration;
            if (file.directives.noTransaction) {
                result.skipped.push(file.path);
                continue;
            }
            const timeouts = timeoutsOf(migration, settings);
            await db.query(timeoutSql(timeouts, 'LOCAL '));
            const started = performance.now();
            let index = 0;
            try {
                for (; index < migration.statements.length; index++)
                    await db.query(migration.statements[index].text);
            }
            catch (error) {
                // The transaction is aborted: roll it back before asking the server who held the locks.
                await db.query('ROLLBACK').catch(() => { });
                open = false;
                const serverError = asServerError(error);
                const statement = migration.statements[index];
                if (!serverError || !statement)
                    throw error;
                throw await failure(db, migration, statement, index, serverError, timeouts, true);
            }
            result.rehearsed.push({ version: file.version, name: file.name, statements: migration.statements.length, durationMs: Math.round(performance.now() - started) });
        }
        return result;
    }
    finally {
        if (open)
            await db.query('ROLLBACK').catch(() => { });
    }
}
//# sourceMappingURL=apply.js.map
// EXTERNAL MODULE: ./build/src/migrate/config.js
var migrate_config = __webpack_require__(5877);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
    return (0,external_node_crypto_.createHash)('sha256').update(normaliseSql(sql)).digest('hex');
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
            if (!value || !migrate_config/* DurationSchema */.uH.safeParse(value).success) {
                throw new user_error/* UserError */.y(`${where}: \`-- tollgate:${key}\` needs a duration such as "5s", "500ms", "30min" or "0" (got "${value ?? ''}").`, { file });
            }
            if (key === 'lock-timeout')
                directives.lockTimeout = value;
            else
                directives.statementTimeout = value;
            return;
        }
        throw new user_error/* UserError */.y(`${where}: unknown directive \`-- tollgate:${key}\`; expected no-transaction, lock-timeout <duration> or statement-timeout <duration>.`, { file });
    });
    return directives;
}
function compareVersions(a, b) {
    const diff = BigInt(a) - BigInt(b);
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}
/** Reads every migration of `dir` (repository-relative), ordered by version. A missing folder has none. */
async function files_readMigrations(cwd, dir) {
    const abs = external_node_path_.resolve(cwd, dir);
    let names;
    try {
        names = await (0,promises_.readdir)(abs);
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
        const rel = external_node_path_.posix.join(dir.split(external_node_path_.sep).join('/'), entry);
        const match = FILE_PATTERN.exec(entry);
        if (!match) {
            throw new user_error/* UserError */.y(`${rel}: a migration file is named NNNN_name.sql (digits, an underscore, then letters, digits, _ or -), such as 0001_create_accounts.sql.`, { file: rel });
        }
        const version = match[1];
        const key = BigInt(version).toString();
        const other = seen.get(key);
        if (other)
            throw new user_error/* UserError */.y(`${rel}: version ${version} is also used by ${other}; every migration needs its own number.`, { file: rel });
        seen.set(key, rel);
        const sql = await (0,promises_.readFile)(external_node_path_.join(abs, entry), 'utf8');
        files.push({ version, name: match[2], path: rel, sql, checksum: checksumOf(sql), directives: parseDirectives(sql, rel) });
    }
    return files.sort((a, b) => compareVersions(a.version, b.version));
}

//# sourceMappingURL=files.js.map
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./build/src/migrate/lock.js



/** The advisory lock key of a history table: 64 bits of sha256("tollgate:migrate:<table>"), signed as bigint. */
function lockKey(table) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(`tollgate:migrate:${table}`).digest();
    return digest.readBigInt64BE(0);
}
/** Who holds the lock (PostgreSQL shows a bigint advisory key as classid = high 32 bits, objid = low 32 bits). */
async function lockHolder(db, key) {
    const unsigned = BigInt.asUintN(64, key);
    const high = Number(unsigned >> 32n);
    const low = Number(unsigned & 0xffffffffn);
    const rows = await db
        .query(`SELECT l.pid, a.application_name, a.client_addr::text AS client_addr, a.backend_start
         FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 1
          AND l.pid <> pg_backend_pid()`, [high, low])
        .catch(() => []);
    return rows[0];
}
function describeHolder(holder) {
    if (!holder)
        return 'another migrator';
    const since = holder.backend_start ? ` connected since ${new Date(holder.backend_start).toISOString()}` : '';
    return `another migrator (server pid ${holder.pid}, ${holder.application_name || 'unknown application'}${holder.client_addr ? ` from ${holder.client_addr}` : ''}${since})`;
}
/**
 * Takes the session advisory lock by polling pg_try_advisory_lock until `deadlineMs`. Never a
 * blocking pg_advisory_lock: a session waiting in that call is an open transaction, and a
 * CREATE INDEX CONCURRENTLY run by the lock holder waits for every open transaction to end, so
 * the two would wait for each other forever. Between polls this session runs no statement.
 * Returns the release function (also released by the server when the connection ends).
 */
async function lock_acquireLock(db, table, options) {
    const key = lockKey(table);
    const started = Date.now();
    let delay = 50;
    let announced = false;
    for (;;) {
        options.signal?.throwIfAborted();
        const [row] = await db.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key.toString()]);
        if (row?.locked)
            break;
        const holder = await lockHolder(db, key);
        if (!announced) {
            options.log?.(`waiting for ${describeHolder(holder)} to finish (up to ${Math.round(options.deadlineMs / 1000)} s)`);
            announced = true;
        }
        const waited = Date.now() - started;
        if (waited >= options.deadlineMs) {
            throw new MigrationLockTimeoutError(`Gave up after ${(waited / 1000).toFixed(1)} s waiting for the migration lock of ${table}: it is held by ${describeHolder(holder)}. ` +
                'Let that run finish and retry, or raise migrate.lockWaitTimeout.');
        }
        await (0,external_node_timers_promises_.setTimeout)(Math.min(delay, Math.max(options.deadlineMs - waited, 1)), undefined, options.signal ? { signal: options.signal } : {});
        delay = Math.min(delay * 2, 500);
    }
    let released = false;
    return async () => {
        if (released)
            return;
        released = true;
        await db.query('SELECT pg_advisory_unlock($1::bigint)', [key.toString()]).catch(() => { });
    };
}
//# sourceMappingURL=lock.js.map
;// CONCATENATED MODULE: ./build/src/migrate/status.js

function status_compareState(files, history, where) {
    const byVersion = new Map(history.map((h) => [h.version, h]));
    const fileVersions = new Set(files.map((f) => f.version));
    const highestApplied = history.reduce((max, h) => (max === undefined || compareVersions(h.version, max) > 0 ? h.version : max), undefined);
    const entries = [];
    const problems = [];
    const pending = [];
    for (const file of files) {
        const applied = byVersion.get(file.version);
        if (applied) {
            const edited = applied.checksum !== file.checksum;
            entries.push({ version: file.version, name: file.name, state: edited ? 'edited' : 'applied', file, applied });
            if (edited) {
                problems.push(`${file.path} was edited after it was applied (on ${applied.appliedAt.toISOString()} by ${applied.appliedBy}): the database ran a different text. Restore the file as applied, and put the change in a new migration.`);
            }
            continue;
        }
        const late = highestApplied !== undefined && compareVersions(file.version, highestApplied) < 0;
        entries.push({ version: file.version, name: file.name, state: late ? 'out-of-order' : 'pending', file });
        if (late) {
            problems.push(`${file.path} is not applied, but ${highestApplied} already is: applying it now would run migrations out of order. Renumber it above ${highestApplied}.`);
        }
        else {
            pending.push(file);
        }
    }
    for (const applied of history) {
        if (fileVersions.has(applied.version))
            continue;
        entries.push({ version: applied.version, name: applied.name, state: 'missing', applied });
        problems.push(`Migration ${applied.version}_${applied.name} is recorded as applied but its file is missing: restore it (migrations are never deleted once applied).`);
    }
    entries.sort((a, b) => compareVersions(a.version, b.version));
    return { ...where, entries, pending, problems };
}
//# sourceMappingURL=status.js.map
;// CONCATENATED MODULE: ./build/src/migrate/run.js









function databaseUrl(options) {
    const url = options.databaseUrl ?? process.env[options.config.databaseUrlEnv];
    return url && url.trim() !== '' ? url : undefined;
}
/** Opens the configured database: the URL's server, or the embedded one when there is no URL. */
async function openDatabase(options) {
    const url = databaseUrl(options);
    if (url) {
        if (!/^postgres(ql)?:\/\//.test(url)) {
            throw new user_error/* UserError */.y(`${options.config.databaseUrlEnv} must be a postgres:// or postgresql:// URL (it starts with "${url.split(':')[0]}:").`);
        }
        return connectPostgres(url);
    }
    return openEmbedded(options.cwd, options.config.embeddedDir);
}
async function withDatabase(options, work) {
    const db = await openDatabase(options);
    try {
        return await work(db);
    }
    finally {
        await db.close();
    }
}
/** Where every migration stands: applied, pending, edited since applied, missing, out of order. Reads only. */
async function migrateStatus(options) {
    const files = await readMigrations(options.cwd, options.config.dir);
    return withDatabase(options, async (db) => {
        const history = await readHistory(db, options.config.table);
        return compareState(files, history, { database: db.label, table: options.config.table });
    });
}
/**
 * Applies every pending migration, in order, one transaction each (with its history row), under
 * the migration lock; a backup first when there is something to apply. Refuses to start while an
 * applied migration was edited, is missing, or a pending one is numbered below an applied one.
 * A failing migration throws MigrationFailedError and leaves nothing of itself behind.
 */
async function migrateUp(options) {
    const { config } = options;
    const log = options.log ?? (() => { });
    const files = await files_readMigrations(options.cwd, config.dir);
    return withDatabase(options, async (db) => {
        log(`database: ${db.label}`);
        const release = await lock_acquireLock(db, config.table, { deadlineMs: (0,migrate_config/* durationMs */.pc)(config.lockWaitTimeout), log, signal: options.signal });
        try {
            const status = status_compareState(files, await history_readHistory(db, config.table), { database: db.label, table: config.table });
            if (status.problems.length > 0) {
                throw new user_error/* UserError */.y(`Nothing was migrated:\n${status.problems.map((p) => `  - ${p}`).join('\n')}\n(\`tollgate migrate verify\` lists the differences.)`);
            }
            if (status.pending.length === 0) {
                log('up to date: no pending migration');
                return { applied: [] };
            }
            // Only what will run is parsed: every parse costs the process time at exit (V8 finishes
            // optimising the parser's WebAssembly before it quits), and an up-to-date database needs none.
            // A file that cannot run (syntax, BEGIN/COMMIT, CONCURRENTLY in a transaction) stops here,
            // before anything changed.
            const { parseMigrations } = await __webpack_require__.e(/* import() */ 896).then(__webpack_require__.bind(__webpack_require__, 2896));
            const parsed = await parseMigrations(status.pending);
            await ensureHistory(db, config.table);
            const backup = await maybeBackup(db, options, status.pending[0].version, log);
            const who = await appliedBy(db);
            const applied = [];
            for (const migration of parsed) {
                options.signal?.throwIfAborted();
                log(`applying ${migration.file.path}${migration.file.directives.noTransaction ? ' (no transaction)' : ''}`);
                const ms = await applyMigration(db, migration, {
                    table: config.table,
                    lockTimeout: config.lockTimeout,
                    statementTimeout: config.statementTimeout,
                    appliedBy: who,
                });
                applied.push({ version: migration.file.version, name: migration.file.name, durationMs: Math.round(ms) });
                log(`applied ${migration.file.version} ${migration.file.name} in ${Math.round(ms)} ms`);
            }
            return { applied, ...(backup ? { backup } : {}) };
        }
        finally {
            await release();
        }
    });
}
async function maybeBackup(db, options, firstVersion, log) {
    const wanted = options.backup ?? options.config.backup.enabled;
    if (!wanted) {
        log('backup: skipped (--no-backup / migrate.backup.enabled: false)');
        return undefined;
    }
    if (db.kind === 'pglite' || !db.url) {
        log('backup: skipped for the embedded database (copy the data directory to keep one)');
        return undefined;
    }
    const urlHint = options.databaseUrl ? db.label : `$${options.config.databaseUrlEnv}`;
    const { backupDatabase } = await Promise.all(/* import() */[__webpack_require__.e(525), __webpack_require__.e(117)]).then(__webpack_require__.bind(__webpack_require__, 6117));
    const backup = await backupDatabase({ url: db.url, dir: external_node_path_.resolve(options.cwd, options.config.backup.dir), label: `before-${firstVersion}`, urlHint });
    log(`backup: ${backup.file} (${backup.entries} entries, verified with pg_restore --list)`);
    log(`restore with: ${backup.restoreCommand}`);
    return { file: backup.file, restoreCommand: backup.restoreCommand };
}
/**
 * `migrate dry-run --execute`: the pending migrations run under the migration lock inside one
 * transaction that is rolled back (see rehearseMigrations). Nothing is recorded, nothing stays.
 */
async function migrateRehearse(options) {
    const { config } = options;
    const log = options.log ?? (() => { });
    const files = await readMigrations(options.cwd, config.dir);
    return withDatabase(options, async (db) => {
        const release = await acquireLock(db, config.table, { deadlineMs: durationMs(config.lockWaitTimeout), log, signal: options.signal });
        try {
            const status = compareState(files, await readHistory(db, config.table), { database: db.label, table: config.table });
            if (status.problems.length > 0)
                throw new UserError(`Nothing was rehearsed:\n${status.problems.map((p) => `  - ${p}`).join('\n')}`);
            const { parseMigrations } = await __webpack_require__.e(/* import() */ 896).then(__webpack_require__.bind(__webpack_require__, 2896));
            return await rehearseMigrations(db, await parseMigrations(status.pending), { lockTimeout: config.lockTimeout, statementTimeout: config.statementTimeout });
        }
        finally {
            await release();
        }
    });
}
//# sourceMappingURL=run.js.map
;// CONCATENATED MODULE: ./build/src/migrate/index.js
/** The migrations API the CLI and the deploy use. */



//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./build/src/deploy/migrate-step.js

/** The deploy's migrate step: `tollgate migrate up` with its pg_dump backup, from the top-level migrate section. */
function migrateStepFor(cwd, config, databaseUrl) {
    return {
        async up(log, signal) {
            return migrateUp({ cwd, config, databaseUrl, log, signal });
        },
    };
}
//# sourceMappingURL=migrate-step.js.map

/***/ }),

/***/ 8313:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ statementsForExecution),
/* harmony export */   Xd: () => (/* binding */ splitStatements),
/* harmony export */   rv: () => (/* binding */ lineColumn)
/* harmony export */ });
/* unused harmony exports SqlSyntaxError, statementKind */
/* harmony import */ var libpg_query__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2627);
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1397);


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
class SqlSyntaxError extends _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y {
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
        stmts = (await (0,libpg_query__WEBPACK_IMPORTED_MODULE_0__.parse)(sql)).stmts ?? [];
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
        tokens = (await (0,libpg_query__WEBPACK_IMPORTED_MODULE_0__.scan)(sql)).tokens;
    }
    catch {
        // A lexical error (an unterminated string or comment): the parser words it with a position.
        await splitStatements(sql, file);
        throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`${file}: SQL could not be read (an unterminated string, identifier or comment?)`, { file });
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

/***/ })

};
