/**
 * The docs check's work once there is a Markdown file in scope (or a required document to look
 * for): loaded by check.ts only then, because the Markdown parser and its extensions take a few
 * hundred milliseconds to load, which a commit without Markdown should not pay.
 */
import { readFile } from 'node:fs/promises';
import { DOCS_RULES } from '../../../rules/docs/index.ts';
import type { DraftFinding } from '../../findings/finding.ts';
import { RuleSettings } from '../../findings/rule-settings.ts';
import type { Repo } from '../../git/repo.ts';
import { ruleDocPath } from '../../rules/rule.ts';
import type { CheckContext, CheckResult, SourceFile } from '../check.ts';
import { parseMarkdown, typescriptBlocks, type MarkdownDoc } from './markdown.ts';
import type { DocsReport, RepositoryFiles } from './rule-context.ts';

/** Larger Markdown files are skipped with a note (the parser reads a few hundred KB per second). */
const MAX_MARKDOWN_BYTES = 1024 * 1024;

export async function checkDocuments(context: CheckContext, inScope: readonly SourceFile[]): Promise<CheckResult> {
  const options = context.config.checks.docs;
  const documents: { path: string; text: string; doc: MarkdownDoc }[] = [];
  const skipped: string[] = [];
  for (const file of inScope) {
    const content = await file.read();
    if (content === undefined) continue;
    if (content.length > MAX_MARKDOWN_BYTES) {
      skipped.push(file.path); // a generated changelog or API dump: seconds of parsing for nothing a person wrote
      continue;
    }
    const text = content.toString('utf8');
    documents.push({ path: file.path, text, doc: parseMarkdown(text) });
  }
  const files = await repositoryFiles(context.repo, context.mode, new Map(documents.map((d) => [d.path, d.doc])));

  const findings: DraftFinding[] = [];
  const toFinding = (ruleId: string, severity: DraftFinding['severity'], fixHint: string, path: string, r: DocsReport): DraftFinding => ({
    checkId: 'docs',
    ruleId,
    severity: r.severity ?? severity,
    message: r.message,
    location: { path, line: r.line, column: r.column, ...(r.endLine !== undefined ? { endLine: r.endLine } : {}), ...(r.endColumn !== undefined ? { endColumn: r.endColumn } : {}) },
    fix: { description: fixHint },
    help: ruleDocPath(ruleId),
    ...(r.snippet !== undefined ? { snippet: r.snippet } : {}),
  });

  let examples = 0;
  for (const rule of DOCS_RULES) {
    const { id, severity, fixHint } = rule.meta;
    if (rule.kind === 'document') {
      for (const d of documents) {
        await rule.create({ path: d.path, text: d.text, doc: d.doc, options, files, report: (r) => findings.push(toFinding(id, severity, fixHint, d.path, r)) });
      }
    } else {
      await rule.create({
        documents,
        options,
        files,
        mode: context.mode,
        floatExamples: async () => {
          // Blocks of files where the rule is "off" (rules / overrides) are not analysed at all.
          const settings = new RuleSettings(context.config);
          const blocks = typescriptBlocks(documents).filter((b) => settings.resolve('docs/float-in-example', b.path, 'error') !== 'off');
          examples = blocks.length;
          if (blocks.length === 0) return [];
          context.progress(`float rules on ${blocks.length} TypeScript example(s)`);
          // Loaded only now: the float engine brings the TypeScript compiler.
          const { analyseExamples } = await import('./float-examples.ts');
          return analyseExamples({ root: context.repo.root, blocks, config: context.config, signal: context.signal });
        },
        report: (r) => findings.push(toFinding(id, severity, fixHint, r.path, r)),
      });
    }
  }
  const notes = [`${documents.length} Markdown file(s) checked${examples > 0 ? `, ${examples} TypeScript example(s) through the float rules` : ''}`];
  if (skipped.length > 0) notes.push(`skipped ${skipped.length} Markdown file(s) over ${MAX_MARKDOWN_BYTES / 1024 / 1024} MiB: ${skipped.join(', ')}`);
  return { findings, notes };
}

/**
 * The files links may point at: the index in quick mode (what the commit will hold), else the
 * tracked and untracked files of the working tree (not the ignored ones: a link to a build
 * output breaks in a fresh clone).
 */
async function repositoryFiles(repo: Repo, mode: CheckContext['mode'], parsed: ReadonlyMap<string, MarkdownDoc>): Promise<RepositoryFiles> {
  const listed = await repo.listFiles();
  const paths = listed.filter((f) => mode !== 'quick' || f.mode !== undefined).map((f) => f.path);
  const fileSet = new Set(paths);
  const dirs = new Set<string>();
  for (const p of paths) {
    for (let at = p.lastIndexOf('/'); at > 0; at = p.lastIndexOf('/', at - 1)) {
      const dir = p.slice(0, at);
      if (dirs.has(dir)) break;
      dirs.add(dir);
    }
  }
  const anchors = new Map<string, Promise<Set<string> | undefined>>();
  return {
    exists: (p) => fileSet.has(p) || dirs.has(p),
    isDirectory: (p) => dirs.has(p),
    paths: () => paths,
    anchorsOf(p) {
      const known = parsed.get(p);
      if (known) return Promise.resolve(known.anchors);
      if (!fileSet.has(p)) return Promise.resolve(undefined);
      let pending = anchors.get(p);
      if (!pending) {
        pending = (async () => {
          const content = mode === 'quick' ? await repo.readIndex(p) : await readFile(repo.abs(p)).catch(() => undefined);
          return content === undefined ? undefined : parseMarkdown(content.toString('utf8')).anchors;
        })();
        anchors.set(p, pending);
      }
      return pending;
    },
  };
}
