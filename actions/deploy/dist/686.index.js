import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 686;
export const ids = [686];
export const modules = {

/***/ 8686:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NginxProvider: () => (/* binding */ NginxProvider)
/* harmony export */ });
/* unused harmony exports upstreamBlock, socketUpstreamBlock */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1397);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4355);
/* harmony import */ var _local_runtime_client_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3961);
/* harmony import */ var _local_runtime_paths_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1612);








const run = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
const LIVE_MARKER = /^# tollgate live color: (\w+)$/m;
/** Reload mode's upstream block for `color`; the marker comment is how tollgate reads the live color back. */
function upstreamBlock(name, color, port, keepalive) {
    return [
        `# Written by tollgate deploy; do not edit: the next deploy overwrites it.`,
        `# tollgate live color: ${color}`,
        `upstream ${name} {`,
        `    server 127.0.0.1:${port};`,
        ...(keepalive > 0 ? [`    keepalive ${keepalive};`] : []),
        `}`,
        '',
    ].join('\n');
}
/** Socket mode's upstream block: always the live symlink; it never changes, so switches need no reload. */
function socketUpstreamBlock(name, liveSocket) {
    return [
        `# Written by tollgate deploy; do not edit. ${liveSocket} is a symlink to the live color's socket.`,
        `upstream ${name} {`,
        `    server unix:${liveSocket};`,
        `}`,
        '',
    ].join('\n');
}
/** Worker processes of the nginx master (Linux /proc). */
function workerPids(masterPid) {
    const pids = [];
    for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)('/proc')) {
        if (!/^\d+$/.test(name))
            continue;
        try {
            const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${name}/stat`, 'utf8');
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            if (Number(fields[1]) === masterPid && fields[0] !== 'Z')
                pids.push(Number(name));
        }
        catch {
            // Exited while we looked.
        }
    }
    return pids;
}
/**
 * nginx in front of the colors: the colors are processes of the environment's runtime (as with
 * `local`), and a switch writes the upstream file, checks the config with `nginx -t` and reloads.
 * A reload starts new workers and lets the old ones finish their requests; with the pid file the
 * switch waits for the new workers and the drain for the old ones to exit.
 */
class NginxProvider {
    name = 'nginx';
    client;
    config;
    app;
    cwd;
    upstreamFile;
    runtimeDir;
    /** Workers from before the last reload: the drain waits for them. */
    oldWorkers = [];
    constructor(options) {
        this.runtimeDir = (0,_local_runtime_paths_js__WEBPACK_IMPORTED_MODULE_7__/* .runtimeDir */ .s)(options.cwd, options.environment);
        this.client = new _local_runtime_client_js__WEBPACK_IMPORTED_MODULE_6__.RuntimeClient(this.runtimeDir);
        this.config = options.config;
        this.app = options.app;
        this.cwd = options.cwd;
        this.upstreamFile = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(options.cwd, options.config.upstreamFile);
    }
    async connect() {
        const status = await this.client.ensure({ proxy: undefined });
        if (status.proxy)
            throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`The running deploy runtime (pid ${status.pid}) runs the local proxy; stop it with \`tollgate deploy --env <name> --down\` before switching this environment to nginx.`);
        if (this.config.mode === 'socket') {
            // One reload when the upstream block is new or changed; after that switches only move the symlink.
            await this.writeUpstream(socketUpstreamBlock(this.config.upstreamName, this.liveSocket()));
        }
    }
    liveSocket() {
        return (0,_local_runtime_paths_js__WEBPACK_IMPORTED_MODULE_7__/* .socketPath */ .X)(this.runtimeDir, 'live');
    }
    colorSocket(color) {
        return (0,_local_runtime_paths_js__WEBPACK_IMPORTED_MODULE_7__/* .socketPath */ .X)(this.runtimeDir, color);
    }
    get runtime() {
        return this.client;
    }
    async live() {
        if (this.config.mode === 'socket') {
            try {
                const target = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readlinkSync)(this.liveSocket());
                return _config_js__WEBPACK_IMPORTED_MODULE_5__/* .COLORS */ .lm.find((color) => target === this.colorSocket(color));
            }
            catch {
                return undefined;
            }
        }
        let text;
        try {
            text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(this.upstreamFile, 'utf8');
        }
        catch {
            return undefined;
        }
        const color = LIVE_MARKER.exec(text)?.[1];
        return _config_js__WEBPACK_IMPORTED_MODULE_5__/* .COLORS */ .lm.includes(color ?? '') ? color : undefined;
    }
    async start(color, version) {
        await this.client.start({ color, version, command: this.app.command, cwd: node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(this.cwd, this.app.cwd), port: this.config.ports[color], env: this.app.env });
        if (this.config.mode === 'socket')
            await this.client.forward(color, this.config.ports[color], this.colorSocket(color));
    }
    async running(color) {
        return (await this.client.status()).colors.some((entry) => entry.color === color && entry.running);
    }
    colorUrl(color) {
        return `http://127.0.0.1:${this.config.ports[color]}`;
    }
    publicUrl() {
        return this.config.url;
    }
    masterPid() {
        if (!this.config.pidFile)
            return undefined;
        try {
            return Number((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(this.cwd, this.config.pidFile), 'utf8').trim()) || undefined;
        }
        catch {
            return undefined;
        }
    }
    async nginx(...args) {
        try {
            await run(this.config.nginx, [...this.config.args, ...args], { timeout: 30_000 });
        }
        catch (error) {
            const stderr = error.stderr?.trim();
            throw new Error(`${this.config.nginx} ${[...this.config.args, ...args].join(' ')} failed: ${stderr || error.message}`, { cause: error });
        }
    }
    async switchTo(color) {
        if (this.config.mode === 'socket') {
            // rename(2) replaces the symlink atomically: every new nginx connection reaches one color or the other.
            const tmp = `${this.liveSocket()}.${process.pid}.tmp`;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(tmp, { force: true });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.symlinkSync)(this.colorSocket(color), tmp);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(tmp, this.liveSocket());
            return;
        }
        await this.writeUpstream(upstreamBlock(this.config.upstreamName, color, this.config.ports[color], this.config.keepalive));
    }
    /** Writes the upstream file when it differs, checks the config with nginx -t (restoring the old file if refused) and reloads. */
    async writeUpstream(next) {
        const previous = readFileOrEmpty(this.upstreamFile);
        if (previous === next)
            return;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(`${this.upstreamFile}.tmp`, next);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(`${this.upstreamFile}.tmp`, this.upstreamFile);
        try {
            await this.nginx('-t');
        }
        catch (error) {
            // Never leave nginx a config it refuses: the next reload (anyone's) would fail too.
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(`${this.upstreamFile}.tmp`, previous);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(`${this.upstreamFile}.tmp`, this.upstreamFile);
            throw error;
        }
        const master = this.masterPid();
        const before = master ? workerPids(master) : [];
        await this.nginx('-s', 'reload');
        if (!master) {
            await new Promise((resolve) => setTimeout(resolve, this.config.settleMs));
            return;
        }
        // The reload took effect once a worker that was not there before runs.
        const deadline = Date.now() + 30_000;
        while (Date.now() < deadline) {
            if (workerPids(master).some((pid) => !before.includes(pid)))
                break;
            await new Promise((resolve) => setTimeout(resolve, 10));
        }
        this.oldWorkers = before;
    }
    async drain(color, timeoutMs) {
        if (this.config.mode === 'socket')
            return this.client.drain(color, timeoutMs);
        const master = this.masterPid();
        if (!master)
            return { remaining: 0 };
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const remaining = workerPids(master).filter((pid) => this.oldWorkers.includes(pid)).length;
            if (remaining === 0 || Date.now() > deadline)
                return { remaining };
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
    }
    async stop(color) {
        await this.client.stop(color, this.app.stopGraceMs);
    }
    async close() {
        // Nothing held open.
    }
}
function readFileOrEmpty(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8');
    }
    catch {
        return '';
    }
}
//# sourceMappingURL=nginx-provider.js.map

/***/ })

};
