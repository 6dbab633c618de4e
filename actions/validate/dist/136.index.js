import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 136;
export const ids = [136];
export const modules = {

/***/ 2136:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  untestedExports: () => (/* binding */ untestedExports)
});

// EXTERNAL MODULE: ./node_modules/ts-morph/dist/ts-morph.js
var ts_morph = __webpack_require__(8721);
;// CONCATENATED MODULE: ./build/src/checks/coverage/exports.js
/**
 * The exported functions of a source file, found with the TypeScript parser (no type checker:
 * one file, parsed in a millisecond), with the line range where a coverage tool records them.
 */

function exportedFunctions(fileName, text) {
    const sf = ts_morph.ts.createSourceFile(fileName, text, ts_morph.ts.ScriptTarget.Latest, true, scriptKind(fileName));
    const locals = new Map();
    const exported = [];
    const exportedNames = [];
    for (const statement of sf.statements) {
        const isExport = hasModifier(statement, ts_morph.ts.SyntaxKind.ExportKeyword);
        if (ts_morph.ts.isFunctionDeclaration(statement) && statement.body) {
            const name = statement.name?.text ?? 'default';
            const entry = { nameNode: statement.name ?? statement, fn: statement };
            if (isExport)
                exported.push({ name, ...entry });
            else if (statement.name)
                locals.set(name, entry);
        }
        else if (ts_morph.ts.isVariableStatement(statement)) {
            for (const decl of statement.declarationList.declarations) {
                if (!ts_morph.ts.isIdentifier(decl.name) || !decl.initializer)
                    continue;
                const init = unwrap(decl.initializer);
                if (!ts_morph.ts.isArrowFunction(init) && !ts_morph.ts.isFunctionExpression(init))
                    continue;
                const entry = { nameNode: decl.name, fn: init };
                if (isExport)
                    exported.push({ name: decl.name.text, ...entry });
                else
                    locals.set(decl.name.text, entry);
            }
        }
        else if (ts_morph.ts.isClassDeclaration(statement) && isExport) {
            const className = statement.name?.text ?? 'default';
            for (const member of statement.members) {
                if (!ts_morph.ts.isMethodDeclaration(member) || !member.body)
                    continue;
                if (hasModifier(member, ts_morph.ts.SyntaxKind.PrivateKeyword) || (member.name && ts_morph.ts.isPrivateIdentifier(member.name)))
                    continue;
                exported.push({ name: `${className}.${member.name.getText(sf)}`, nameNode: member.name, fn: member });
            }
        }
        else if (ts_morph.ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts_morph.ts.isNamedExports(statement.exportClause)) {
            for (const spec of statement.exportClause.elements)
                exportedNames.push((spec.propertyName ?? spec.name).getText(sf));
        }
        else if (ts_morph.ts.isExportAssignment(statement) && ts_morph.ts.isIdentifier(statement.expression)) {
            exportedNames.push(statement.expression.text);
        }
    }
    for (const name of exportedNames) {
        const local = locals.get(name);
        if (local)
            exported.push({ name, ...local });
    }
    return exported.map(({ name, nameNode, fn }) => {
        const at = sf.getLineAndCharacterOfPosition(nameNode.getStart(sf));
        const body = fn.body;
        const bodyStart = sf.getLineAndCharacterOfPosition(body.getStart(sf)).line + 1;
        const bodyEnd = sf.getLineAndCharacterOfPosition(body.getEnd()).line + 1;
        const headStart = Math.min(at.line + 1, sf.getLineAndCharacterOfPosition(fn.getStart(sf)).line + 1);
        return { name, line: at.line + 1, column: at.character + 1, headStart, headEnd: bodyStart, bodyStart, bodyEnd };
    });
}
function hasModifier(node, kind) {
    return ts_morph.ts.canHaveModifiers(node) && (ts_morph.ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}
function unwrap(node) {
    let current = node;
    while (ts_morph.ts.isParenthesizedExpression(current) || ts_morph.ts.isAsExpression(current) || ts_morph.ts.isSatisfiesExpression(current))
        current = current.expression;
    return current;
}
function scriptKind(fileName) {
    if (/\.tsx$/i.test(fileName))
        return ts_morph.ts.ScriptKind.TSX;
    if (/\.jsx$/i.test(fileName))
        return ts_morph.ts.ScriptKind.JSX;
    if (/\.[cm]?js$/i.test(fileName))
        return ts_morph.ts.ScriptKind.JS;
    return ts_morph.ts.ScriptKind.TS;
}
//# sourceMappingURL=exports.js.map
;// CONCATENATED MODULE: ./build/src/checks/coverage/must-test.js
/**
 * mustTest: the exported functions of the listed files that no test called. Loaded only when
 * mustTest is configured, because it brings the TypeScript parser.
 */

/**
 * Exported functions of the mustTest files that no test called: matched to the report's
 * function entries by line (between the declaration and the body); a function the report has
 * no entry for counts as called when a line of its body was hit.
 */
function untestedExports(input) {
    const result = [];
    for (const { path, text, glob } of input.files) {
        const coverage = input.report.get(path);
        for (const fn of exportedFunctions(path, text)) {
            if (coverage && wasCalled(fn, coverage))
                continue;
            result.push({ path, name: fn.name, line: fn.line, column: fn.column, glob });
        }
    }
    return result;
}
function wasCalled(fn, coverage) {
    const entries = (coverage.functions ?? []).filter((f) => f.line >= fn.headStart && f.line <= fn.headEnd);
    if (entries.length > 0)
        return entries.some((f) => f.hits > 0);
    if (!coverage.lines)
        return false;
    for (let l = fn.bodyStart + (fn.bodyEnd > fn.bodyStart ? 1 : 0); l <= fn.bodyEnd; l++) {
        if ((coverage.lines.get(l) ?? 0) > 0)
            return true;
    }
    return false;
}
//# sourceMappingURL=must-test.js.map

/***/ })

};
