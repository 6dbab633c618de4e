import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 273;
export const ids = [273];
export const modules = {

/***/ 5273:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkDocuments: () => (/* binding */ checkDocuments)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./build/rules/docs/index.js + 8 modules
var docs = __webpack_require__(4675);
// EXTERNAL MODULE: ./build/src/findings/rule-settings.js
var rule_settings = __webpack_require__(4636);
// EXTERNAL MODULE: ./build/src/rules/rule.js
var rule = __webpack_require__(1543);
// EXTERNAL MODULE: ./node_modules/github-slugger/index.js + 1 modules
var github_slugger = __webpack_require__(2710);
// EXTERNAL MODULE: ./node_modules/mdast-util-from-markdown/lib/index.js + 45 modules
var lib = __webpack_require__(6855);
// EXTERNAL MODULE: ./node_modules/mdast-util-frontmatter/lib/index.js
var mdast_util_frontmatter_lib = __webpack_require__(8494);
// EXTERNAL MODULE: ./node_modules/mdast-util-gfm/lib/index.js + 11 modules
var mdast_util_gfm_lib = __webpack_require__(8881);
// EXTERNAL MODULE: ./node_modules/micromark-extension-frontmatter/lib/syntax.js
var syntax = __webpack_require__(8415);
// EXTERNAL MODULE: ./node_modules/micromark-extension-gfm/index.js + 7 modules
var micromark_extension_gfm = __webpack_require__(2297);
// EXTERNAL MODULE: ./build/src/findings/suppressions.js
var suppressions = __webpack_require__(8170);
;// CONCATENATED MODULE: ./build/src/checks/docs/markdown.js
/**
 * A Markdown document as the docs rules see it: its links, the anchors it defines, its front
 * matter and its fenced code blocks, each with 1-based lines in the file. Parsed with
 * mdast-util-from-markdown plus the GFM and front-matter extensions (CommonMark as GitHub
 * renders it).
 */







function parseMarkdown(text) {
    const tree = (0,lib/* fromMarkdown */.Y)(text, {
        extensions: [(0,micromark_extension_gfm/* gfm */.T)(), (0,syntax/* frontmatter */.v)(['yaml'])],
        mdastExtensions: [(0,mdast_util_gfm_lib/* gfmFromMarkdown */.C)(), (0,mdast_util_frontmatter_lib/* frontmatterFromMarkdown */.q)(['yaml'])],
    });
    const doc = { links: [], anchors: new Set(), codeBlocks: [], frontMatter: undefined };
    const slugger = new github_slugger/* default */.A();
    walk(tree, (node, parent, index) => {
        const at = node.position?.start ?? { line: 0, column: 0 };
        switch (node.type) {
            case 'heading':
                doc.anchors.add(slugger.slug(plainText(node)).toLowerCase());
                break;
            case 'link':
            case 'image':
            case 'definition':
                doc.links.push({ url: node.url, line: at.line, column: at.column, kind: node.type });
                break;
            case 'html':
                for (const found of htmlAttributes(node.value)) {
                    if (found.name === 'href' || found.name === 'src')
                        doc.links.push({ url: found.value, line: at.line + found.lineOffset, column: at.column, kind: 'html' });
                    else
                        doc.anchors.add(found.value.toLowerCase());
                }
                break;
            case 'yaml':
                if (!doc.frontMatter)
                    doc.frontMatter = { value: node.value, line: at.line };
                break;
            case 'code':
                doc.codeBlocks.push({
                    lang: (node.lang ?? '').toLowerCase(),
                    value: node.value,
                    line: at.line,
                    indent: at.column - 1,
                    ignored: parent && index !== undefined ? ignoredBefore(parent, index) : [],
                });
                break;
            default:
                break;
        }
    });
    return doc;
}
function walk(node, visit, parent, index) {
    visit(node, parent, index);
    if ('children' in node)
        node.children.forEach((child, i) => walk(child, visit, node, i));
}
/** The text of a heading as GitHub slugs it: text, inline code and image alt text. */
function plainText(node) {
    if ('value' in node && node.type !== 'html')
        return node.value;
    if (node.type === 'image')
        return node.alt ?? '';
    if ('children' in node)
        return node.children.map(plainText).join('');
    return '';
}
/** Rules switched off for a code block by a suppression comment that is its previous sibling. */
function ignoredBefore(parent, index) {
    const previous = parent.children[index - 1];
    if (!previous || previous.type !== 'html')
        return [];
    return (0,suppressions/* parseSuppressions */.Q)(previous.value).flatMap((s) => (s.reason ? s.rules : []));
}
/** href/src (links) and id/name (anchors) attributes of raw HTML, with the line they are on. */
function htmlAttributes(html) {
    if (html.startsWith('<!--'))
        return [];
    const found = [];
    for (const m of html.matchAll(/\s(href|src|id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
        const value = m[2] ?? m[3] ?? '';
        const lineOffset = html.slice(0, m.index).split('\n').length - 1;
        found.push({ name: m[1].toLowerCase(), value, lineOffset });
    }
    return found;
}
const TS_LANGS = new Set(['ts', 'typescript', 'tsx', 'mts', 'cts']);
/** The blocks to analyse: TypeScript ones not switched off by a comment before them. */
function typescriptBlocks(documents) {
    return documents.flatMap((d) => d.doc.codeBlocks.filter((b) => TS_LANGS.has(b.lang) && !b.ignored.some((r) => r === 'docs' || r === 'docs/float-in-example')).map((block) => ({ path: d.path, block })));
}
//# sourceMappingURL=markdown.js.map
;// CONCATENATED MODULE: ./build/src/checks/docs/documents.js
/**
 * The docs check's work once there is a Markdown file in scope (or a required document to look
 * for): loaded by check.ts only then, because the Markdown parser and its extensions take a few
 * hundred milliseconds to load, which a commit without Markdown should not pay.
 */





/** Larger Markdown files are skipped with a note (the parser reads a few hundred KB per second). */
const MAX_MARKDOWN_BYTES = 1024 * 1024;
async function checkDocuments(context, inScope) {
    const options = context.config.checks.docs;
    const documents = [];
    const skipped = [];
    for (const file of inScope) {
        const content = await file.read();
        if (content === undefined)
            continue;
        if (content.length > MAX_MARKDOWN_BYTES) {
            skipped.push(file.path); // a generated changelog or API dump: seconds of parsing for nothing a person wrote
            continue;
        }
        const text = content.toString('utf8');
        documents.push({ path: file.path, text, doc: parseMarkdown(text) });
    }
    const files = await repositoryFiles(context.repo, context.mode, new Map(documents.map((d) => [d.path, d.doc])));
    const findings = [];
    const toFinding = (ruleId, severity, fixHint, path, r) => ({
        checkId: 'docs',
        ruleId,
        severity: r.severity ?? severity,
        message: r.message,
        location: { path, line: r.line, column: r.column, ...(r.endLine !== undefined ? { endLine: r.endLine } : {}), ...(r.endColumn !== undefined ? { endColumn: r.endColumn } : {}) },
        fix: { description: fixHint },
        help: (0,rule/* ruleDocPath */._)(ruleId),
        ...(r.snippet !== undefined ? { snippet: r.snippet } : {}),
    });
    let examples = 0;
    for (const rule of docs/* DOCS_RULES */.w) {
        const { id, severity, fixHint } = rule.meta;
        if (rule.kind === 'document') {
            for (const d of documents) {
                await rule.create({ path: d.path, text: d.text, doc: d.doc, options, files, report: (r) => findings.push(toFinding(id, severity, fixHint, d.path, r)) });
            }
        }
        else {
            await rule.create({
                documents,
                options,
                files,
                mode: context.mode,
                floatExamples: async () => {
                    // Blocks of files where the rule is "off" (rules / overrides) are not analysed at all.
                    const settings = new rule_settings/* RuleSettings */.K(context.config);
                    const blocks = typescriptBlocks(documents).filter((b) => settings.resolve('docs/float-in-example', b.path, 'error') !== 'off');
                    examples = blocks.length;
                    if (blocks.length === 0)
                        return [];
                    context.progress(`float rules on ${blocks.length} TypeScript example(s)`);
                    // Loaded only now: the float engine brings the TypeScript compiler.
                    const { analyseExamples } = await Promise.all(/* import() */[__webpack_require__.e(494), __webpack_require__.e(557)]).then(__webpack_require__.bind(__webpack_require__, 1557));
                    return analyseExamples({ root: context.repo.root, blocks, config: context.config, signal: context.signal });
                },
                report: (r) => findings.push(toFinding(id, severity, fixHint, r.path, r)),
            });
        }
    }
    const notes = [`${documents.length} Markdown file(s) checked${examples > 0 ? `, ${examples} TypeScript example(s) through the float rules` : ''}`];
    if (skipped.length > 0)
        notes.push(`skipped ${skipped.length} Markdown file(s) over ${MAX_MARKDOWN_BYTES / 1024 / 1024} MiB: ${skipped.join(', ')}`);
    return { findings, notes };
}
/**
 * The files links may point at: the index in quick mode (what the commit will hold), else the
 * tracked and untracked files of the working tree (not the ignored ones: a link to a build
 * output breaks in a fresh clone).
 */
async function repositoryFiles(repo, mode, parsed) {
    const listed = await repo.listFiles();
    const paths = listed.filter((f) => mode !== 'quick' || f.mode !== undefined).map((f) => f.path);
    const fileSet = new Set(paths);
    const dirs = new Set();
    for (const p of paths) {
        for (let at = p.lastIndexOf('/'); at > 0; at = p.lastIndexOf('/', at - 1)) {
            const dir = p.slice(0, at);
            if (dirs.has(dir))
                break;
            dirs.add(dir);
        }
    }
    const anchors = new Map();
    return {
        exists: (p) => fileSet.has(p) || dirs.has(p),
        isDirectory: (p) => dirs.has(p),
        paths: () => paths,
        anchorsOf(p) {
            const known = parsed.get(p);
            if (known)
                return Promise.resolve(known.anchors);
            if (!fileSet.has(p))
                return Promise.resolve(undefined);
            let pending = anchors.get(p);
            if (!pending) {
                pending = (async () => {
                    const content = mode === 'quick' ? await repo.readIndex(p) : await (0,promises_.readFile)(repo.abs(p)).catch(() => undefined);
                    return content === undefined ? undefined : parseMarkdown(content.toString('utf8')).anchors;
                })();
                anchors.set(p, pending);
            }
            return pending;
        },
    };
}
//# sourceMappingURL=documents.js.map

/***/ })

};
