import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 582;
export const ids = [582];
export const modules = {

/***/ 3582:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eslintCheck: () => (/* binding */ eslintCheck),
  warmEslint: () => (/* binding */ warmEslint)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./build/src/checks/project/resolve-tool.js
var __rewriteRelativeImportExtension = (undefined && undefined.__rewriteRelativeImportExtension) || function (path, preserveJsx) {
    if (typeof path === "string" && /^\.\.?\//.test(path)) {
        return path.replace(/\.(tsx)$|((?:\.d)?)((?:\.[^./]+?)?)\.([cm]?)ts$/i, function (m, tsx, d, ext, cm) {
            return tsx ? preserveJsx ? ".jsx" : ".js" : d && (!ext || !cm) ? m : (d + ext + "." + cm.toLowerCase() + "js");
        });
    }
    return path;
};



/**
 * Loads a tool (eslint, typescript) the way the repository itself would: from its own
 * node_modules first, so that its config runs with its own version. Returns undefined when
 * the repository does not have it and `fallback` is not given.
 */
async function resolveRepositoryTool(root, name, fallback) {
    const requireFromRepo = (0,external_node_module_.createRequire)(external_node_path_.join(root, 'package.json'));
    let entry;
    try {
        entry = requireFromRepo.resolve(name);
    }
    catch {
        entry = undefined;
    }
    if (entry) {
        // webpackIgnore: the action's ncc bundle must leave this import to Node (the repository's own copy).
        const module = (await import(__rewriteRelativeImportExtension(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)(entry).href)));
        let version;
        try {
            version = requireFromRepo(`${name}/package.json`).version;
        }
        catch {
            version = undefined;
        }
        return { module: (module.default && typeof module.default === 'object' ? { ...module.default, ...module } : module), fromRepository: true, version };
    }
    if (!fallback)
        return undefined;
    return { module: await fallback(), fromRepository: false, version: undefined };
}
//# sourceMappingURL=resolve-tool.js.map
;// CONCATENATED MODULE: ./build/src/checks/eslint/check.js



const FLAT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
const LINTABLE = /\.(?:[cm]?[jt]sx?)$/;
function toFindings(results, root) {
    const findings = [];
    for (const result of results) {
        const rel = external_node_path_.relative(root, result.filePath).split(external_node_path_.sep).join('/');
        for (const m of result.messages) {
            const ruleId = m.ruleId ? `eslint/${m.ruleId}` : m.fatal ? 'eslint/parse-error' : 'eslint/unknown';
            findings.push({
                checkId: 'eslint',
                ruleId,
                severity: m.severity === 2 || m.fatal ? 'error' : 'warning',
                message: m.message,
                location: {
                    path: rel,
                    line: m.line ?? 0,
                    column: m.column ?? 0,
                    ...(m.endLine === undefined ? {} : { endLine: m.endLine }),
                    ...(m.endColumn === undefined ? {} : { endColumn: m.endColumn }),
                },
                ...(m.ruleId && !m.ruleId.includes('/') ? { help: `https://eslint.org/docs/latest/rules/${m.ruleId}` } : {}),
                ...(m.fix || m.suggestions?.length ? { fix: { description: m.fix ? 'eslint --fix can fix this' : (m.suggestions?.[0]?.desc ?? 'see the rule') } } : {}),
            });
        }
    }
    return findings;
}
/**
 * ESLint instances for validate-quick, kept while their config file is unchanged: building one
 * (loading the config, its plugins and parsers) costs more than linting five files, and the
 * validate-quick daemon serves commit after commit from one process. A few at most.
 */
const QUICK_INSTANCES = new Map();
const QUICK_INSTANCE_CAP = 4;
function quickInstance(root, ESLint, configFile) {
    const stat = (0,external_node_fs_.statSync)(external_node_path_.join(root, configFile));
    const key = `${root}\0${configFile}\0${stat.mtimeMs}\0${stat.size}`;
    let eslint = QUICK_INSTANCES.get(key);
    if (!eslint) {
        for (const old of [...QUICK_INSTANCES.keys()].filter((k) => k.startsWith(`${root}\0`)))
            QUICK_INSTANCES.delete(old);
        if (QUICK_INSTANCES.size >= QUICK_INSTANCE_CAP)
            QUICK_INSTANCES.delete(QUICK_INSTANCES.keys().next().value);
        eslint = new ESLint({ cwd: root, errorOnUnmatchedPattern: false });
        QUICK_INSTANCES.set(key, eslint);
    }
    return eslint;
}
/** The daemon's warm-up: load the repository's ESLint, its config and plugins before the first commit. */
async function warmEslint(root) {
    const configFile = FLAT_CONFIGS.find((f) => (0,external_node_fs_.existsSync)(external_node_path_.join(root, f)));
    if (!configFile)
        return;
    const tool = await resolveRepositoryTool(root, 'eslint');
    if (!tool)
        return;
    // Linting a line loads what a commit's lint needs: the config, parsers, plugins and their rules.
    const eslint = quickInstance(root, tool.module.ESLint, configFile);
    for (const name of ['__tollgate_warm_up__.ts', '__tollgate_warm_up__.js']) {
        await eslint.lintText('export const warm = 1;\n', { filePath: external_node_path_.join(root, 'src', name), warnIgnored: false });
    }
}
function supportsConcurrency(version) {
    const [major = 0, minor = 0] = (version ?? '0.0').split('.').map(Number);
    return major > 9 || (major === 9 && minor >= 34);
}
async function run(context) {
    const root = context.repo.root;
    if (context.mode === 'quick' && !context.config.checks.eslint.quick) {
        return { findings: [], notes: ['skipped in validate-quick (checks.eslint.quick is false)'] };
    }
    const configFile = FLAT_CONFIGS.find((f) => (0,external_node_fs_.existsSync)(external_node_path_.join(root, f)));
    if (!configFile) {
        return { findings: [], notes: ['no eslint.config.* at the repository root; ESLint not run'] };
    }
    const tool = await resolveRepositoryTool(root, 'eslint');
    if (!tool) {
        return { findings: [], notes: ['ESLint is not installed in this repository (npm i -D eslint); ESLint not run'] };
    }
    // ESLint 9.34+ lints in worker threads when asked: the whole-repository run then uses every core.
    const parallel = context.mode === 'all' && supportsConcurrency(tool.version);
    const eslint = context.mode === 'quick'
        ? quickInstance(root, tool.module.ESLint, configFile)
        : new tool.module.ESLint({ cwd: root, errorOnUnmatchedPattern: false, ...(parallel ? { concurrency: 'auto' } : {}) });
    const notes = [`ESLint ${tool.version ?? ''} from the repository`.replace('  ', ' ')];
    if (context.mode === 'all') {
        context.progress('linting the repository');
        return { findings: toFindings(await eslint.lintFiles(['.']), root), notes };
    }
    const targets = context.files.filter((f) => LINTABLE.test(f.path));
    const results = [];
    for (const file of targets) {
        const abs = external_node_path_.join(root, file.path);
        if (await eslint.isPathIgnored(abs))
            continue;
        const content = await file.read();
        if (content === undefined)
            continue;
        // lintText on the bytes the check was given: in quick mode that is the staged content.
        results.push(...(await eslint.lintText(content.toString('utf8'), { filePath: abs, warnIgnored: false })));
    }
    return { findings: toFindings(results, root), notes };
}
const eslintCheck = {
    id: 'eslint',
    title: "ESLint with the repository's own config and version",
    run,
};
//# sourceMappingURL=check.js.map

/***/ })

};
