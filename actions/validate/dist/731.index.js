import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 731;
export const ids = [731];
export const modules = {

/***/ 2731:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   docsCheck: () => (/* binding */ docsCheck)
/* harmony export */ });
/* harmony import */ var _runner_glob_matcher_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(171);

async function run(context) {
    const options = context.config.checks.docs;
    const isDoc = (0,_runner_glob_matcher_js__WEBPACK_IMPORTED_MODULE_0__/* .globMatcher */ .f)(options.files);
    const inScope = context.files.filter((f) => f.mode !== '120000' && f.status !== 'D' && isDoc(f.path));
    if (inScope.length === 0 && (context.mode !== 'all' || options.required.length === 0)) {
        return { findings: [], notes: [context.mode === 'quick' ? 'no staged Markdown file' : 'no Markdown file in scope'] };
    }
    const { checkDocuments } = await Promise.all(/* import() */[__webpack_require__.e(290), __webpack_require__.e(273)]).then(__webpack_require__.bind(__webpack_require__, 5273));
    return checkDocuments(context, inScope);
}
const docsCheck = {
    id: 'docs',
    title: 'Docs: broken links and anchors, front matter and yaml/json blocks that do not parse, float money in ts examples, required documents',
    run,
};
//# sourceMappingURL=check.js.map

/***/ })

};
