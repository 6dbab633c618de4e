import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 91;
export const ids = [91];
export const modules = {

/***/ 8091:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveTypeScript: () => (/* binding */ resolveTypeScript),
  tscCheck: () => (/* binding */ tscCheck)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./build/src/checks/tsc/worker-source.js
const TSC_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const path = require('node:path');
const ts = require(workerData.tsPath);
const categories = { [ts.DiagnosticCategory.Error]: 'error', [ts.DiagnosticCategory.Warning]: 'warning' };
function plain(d) {
  const out = { code: d.code, category: categories[d.category] || 'note', message: ts.flattenDiagnosticMessageText(d.messageText, '\\n') };
  if (d.file && d.start !== undefined) {
    const start = d.file.getLineAndCharacterOfPosition(d.start);
    const end = d.file.getLineAndCharacterOfPosition(d.start + (d.length || 0));
    Object.assign(out, { file: d.file.fileName, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 });
  }
  return out;
}
const projectFile = workerData.projectFile;
const read = ts.readConfigFile(projectFile, (p) => ts.sys.readFile(p));
if (read.error) {
  parentPort.postMessage({ version: ts.version, fileCount: 0, diagnostics: [plain(read.error)] });
} else {
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(projectFile), { noEmit: true }, projectFile);
  const options = Object.assign({}, parsed.options, { noEmit: true });
  const program = ts.createProgram({ rootNames: parsed.fileNames, options, projectReferences: parsed.projectReferences });
  const diagnostics = parsed.errors.concat(ts.getPreEmitDiagnostics(program)).map(plain);
  parentPort.postMessage({ version: ts.version, fileCount: parsed.fileNames.length, diagnostics });
}
`;
//# sourceMappingURL=worker-source.js.map
;// CONCATENATED MODULE: ./build/src/checks/tsc/check.js





/** The repository's own TypeScript, else tollgate's; undefined when neither is a file on disk. */
function resolveTypeScript(root) {
    for (const [base, fromRepository] of [[external_node_path_.join(root, 'package.json'), true], [import.meta.url, false]]) {
        try {
            return { path: (0,external_node_module_.createRequire)(base).resolve('typescript'), fromRepository };
        }
        catch {
            // not resolvable from here (or bundled into the action): try the next place
        }
    }
    return undefined;
}
function typeCheckInWorker(tsPath, projectFile, signal) {
    return new Promise((resolve, reject) => {
        const worker = new external_node_worker_threads_.Worker(TSC_WORKER_SOURCE, { eval: true, workerData: { tsPath, projectFile } });
        const abort = () => void worker.terminate();
        signal.addEventListener('abort', abort, { once: true });
        worker.once('message', (result) => resolve(result));
        worker.once('error', reject);
        worker.once('exit', (code) => {
            signal.removeEventListener('abort', abort);
            if (code !== 0)
                reject(new Error(`the TypeScript worker exited with code ${code}`));
        });
    });
}
function toFinding(d, root) {
    const location = d.file && d.line !== undefined
        ? {
            path: external_node_path_.relative(root, d.file).split(external_node_path_.sep).join('/'),
            line: d.line,
            column: d.column ?? 0,
            ...(d.endLine === undefined ? {} : { endLine: d.endLine }),
            ...(d.endColumn === undefined ? {} : { endColumn: d.endColumn }),
        }
        : { path: '', line: 0, column: 0 };
    return { checkId: 'tsc', ruleId: `tsc/TS${d.code}`, severity: d.category, message: d.message, location };
}
async function run(context) {
    const root = context.repo.root;
    const project = context.config.checks.tsc.project;
    const projectFile = external_node_path_.join(root, project);
    if (!(0,external_node_fs_.existsSync)(projectFile)) {
        return { findings: [], notes: [`no ${project}; tsc not run`] };
    }
    const ts = resolveTypeScript(root);
    if (!ts) {
        return { findings: [], notes: ['TypeScript is not installed in this repository (npm i -D typescript); tsc not run'] };
    }
    context.progress(`type-checking ${project}`);
    const result = await typeCheckInWorker(ts.path, projectFile, context.signal);
    const origin = ts.fromRepository ? 'from the repository' : "tollgate's own; the repository has none";
    return {
        findings: result.diagnostics.map((d) => toFinding(d, root)),
        notes: [`TypeScript ${result.version} (${origin}), ${result.fileCount} file(s)`],
    };
}
const tscCheck = {
    id: 'tsc',
    title: 'TypeScript type-check of the whole project (validate-all)',
    run,
};
//# sourceMappingURL=check.js.map

/***/ })

};
