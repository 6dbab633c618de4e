import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 442;
export const ids = [442];
export const modules = {

/***/ 3442:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LocalProvider: () => (/* binding */ LocalProvider)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var _runtime_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3961);
/* harmony import */ var _runtime_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1612);
/* harmony import */ var _errors_user_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1397);




/** The embedded provider: colors are processes of the environment's runtime, traffic goes through its proxy. */
class LocalProvider {
    name = 'local';
    client;
    config;
    app;
    cwd;
    constructor(options) {
        this.client = new _runtime_client_js__WEBPACK_IMPORTED_MODULE_1__.RuntimeClient((0,_runtime_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .runtimeDir */ .s)(options.cwd, options.environment));
        this.config = options.config;
        this.app = options.app;
        this.cwd = options.cwd;
    }
    /** Connects to the runtime, starting it with the proxy when it is not running. */
    async connect() {
        const status = await this.client.ensure({ proxy: { host: this.config.listen.host, port: this.config.listen.port } });
        const proxy = status.proxy;
        if (!proxy || proxy.port !== this.config.listen.port || proxy.host !== this.config.listen.host) {
            throw new _errors_user_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`The running deploy runtime (pid ${status.pid}) serves ${proxy ? `${proxy.host}:${proxy.port}` : 'no proxy'}, but the config asks for ${this.config.listen.host}:${this.config.listen.port} (deploy.environments.*.provider.listen). Stop it first with \`tollgate deploy --env <name> --down\`.`);
        }
    }
    get runtime() {
        return this.client;
    }
    async live() {
        const status = await this.client.status();
        return status.live?.color ?? undefined;
    }
    async start(color, version) {
        await this.client.start({
            color,
            version,
            command: this.app.command,
            cwd: node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(this.cwd, this.app.cwd),
            port: this.config.ports[color],
            env: this.app.env,
        });
    }
    async running(color) {
        const status = await this.client.status();
        return status.colors.some((entry) => entry.color === color && entry.running);
    }
    colorUrl(color) {
        return `http://127.0.0.1:${this.config.ports[color]}`;
    }
    publicUrl() {
        const host = this.config.listen.host === '0.0.0.0' ? '127.0.0.1' : this.config.listen.host;
        return `http://${host}:${this.config.listen.port}`;
    }
    async switchTo(color) {
        await this.client.switchTo({ color, host: '127.0.0.1', port: this.config.ports[color] });
    }
    async drain(color, timeoutMs) {
        return this.client.drain(color, timeoutMs);
    }
    async stop(color) {
        await this.client.stop(color, this.app.stopGraceMs);
    }
    async close() {
        // Nothing held open: each runtime call is its own connection.
    }
}
//# sourceMappingURL=local-provider.js.map

/***/ })

};
