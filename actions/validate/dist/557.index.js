import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 557;
export const ids = [557];
export const modules = {

/***/ 1557:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   analyseExamples: () => (/* binding */ analyseExamples)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var ts_morph__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8721);
/* harmony import */ var _rules_float_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7265);
/* harmony import */ var _findings_suppressions_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8170);
/* harmony import */ var _float_analyze_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4653);
/* harmony import */ var _float_check_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1494);
/* harmony import */ var _float_program_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6342);
/**
 * Fenced TypeScript blocks of Markdown files through the float check's own engine: each block
 * becomes an in-memory source file of one program (placed under the repository root, so that
 * `import Big from 'big.js'` resolves against the project's packages), and the float rules run
 * on it exactly as on a source file. Findings are moved onto the Markdown file's lines.
 */







/** Where the blocks live in the program: a folder no repository has. */
const VIRTUAL_DIR = '__tollgate_docs__';
async function analyseExamples(input) {
    if (input.blocks.length === 0)
        return [];
    // Imports resolve only to the packages that declare decimal types (big.js, decimal.js, …):
    // an example's `import { defineConfig } from 'vitest/config'` would otherwise pull a whole
    // toolchain's declarations into the program for nothing the float rules ask about.
    const decimalPackages = new Set(input.config.checks.float.decimalTypes.flatMap((d) => d.modules));
    const project = new ts_morph__WEBPACK_IMPORTED_MODULE_1__/* .Project */ .MMY({
        // ES2022's own library only: the DOM's declarations are most of a default program's parse time.
        compilerOptions: { ..._float_program_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_COMPILER_OPTIONS */ .T4, types: [], lib: ['lib.es2022.d.ts'] },
        resolutionHost: (host, getOptions) => ({
            resolveModuleNames: (names, containingFile) => names.map((name) => (decimalPackages.has(packageOf(name)) ? ts_morph__WEBPACK_IMPORTED_MODULE_1__.ts.resolveModuleName(name, containingFile, getOptions(), host).resolvedModule : undefined)),
        }),
    });
    const placed = input.blocks.map((b, i) => {
        const ext = b.block.lang === 'tsx' ? 'tsx' : 'ts';
        const abs = node_path__WEBPACK_IMPORTED_MODULE_0__.join(input.root, VIRTUAL_DIR, `${b.path.replace(/[^A-Za-z0-9._-]/g, '_')}.${i}.${ext}`);
        // `export {}` on a line of its own after the block makes every block a module of its own,
        // so that two examples declaring `price` do not collide; it moves no line of the example.
        project.createSourceFile(abs, `${b.block.value}\nexport {};\n`, { overwrite: true });
        return { abs, example: b };
    });
    project.resolveSourceFileDependencies();
    const program = project.getProgram().compilerObject;
    // Each block is a target of its own, keyed `<markdown path>\0<block number>`, so that every
    // finding comes back to the block it is in.
    const targets = [];
    for (const [i, p] of placed.entries()) {
        const sourceFile = program.getSourceFile(p.abs);
        if (sourceFile)
            targets.push({ sourceFile, path: `${p.example.path}\0${i}` });
    }
    const enabled = (0,_float_check_js__WEBPACK_IMPORTED_MODULE_4__.ruleSwitch)(input.config);
    const findings = await (0,_float_analyze_js__WEBPACK_IMPORTED_MODULE_3__/* .analyze */ .n)({
        program,
        targets,
        rules: _rules_float_index_js__WEBPACK_IMPORTED_MODULE_2__/* .FLOAT_RULES */ .n,
        config: input.config.checks.float,
        explain: false,
        // The float rules' own settings apply at the Markdown file's path ("float/…": "off" there turns them off).
        ruleEnabled: (rule, key) => enabled(rule, key.slice(0, key.indexOf('\0'))),
        ...(input.signal ? { signal: input.signal } : {}),
    });
    const results = [];
    for (const f of findings) {
        const { path: mdPath, block } = placed[Number(f.location.path.slice(f.location.path.indexOf('\0') + 1))].example;
        // `// tollgate-ignore float/…: reason` inside the example suppresses that float rule there, as in a source file.
        if ((0,_findings_suppressions_js__WEBPACK_IMPORTED_MODULE_6__/* .parseSuppressions */ .Q)(block.value).some((s) => (0,_findings_suppressions_js__WEBPACK_IMPORTED_MODULE_6__/* .suppressionCovers */ .G)(s, f.ruleId, f.location.line)))
            continue;
        results.push({
            path: mdPath,
            floatRuleId: f.ruleId,
            severity: f.severity,
            message: f.message,
            line: block.line + f.location.line,
            column: f.location.column + block.indent,
            endLine: block.line + (f.location.endLine ?? f.location.line),
            endColumn: (f.location.endColumn ?? f.location.column) + block.indent,
            snippet: f.snippet,
        });
    }
    return results;
}
/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageOf(specifier) {
    const parts = specifier.split('/');
    return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
//# sourceMappingURL=float-examples.js.map

/***/ })

};
