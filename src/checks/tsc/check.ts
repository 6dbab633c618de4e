import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import type { DraftFinding } from '../../findings/finding.ts';
import type { Check, CheckContext, CheckResult } from '../check.ts';
import { resolveRepositoryTool } from '../project/resolve-tool.ts';

type TypeScriptModule = typeof TS;

function toFinding(ts: TypeScriptModule, d: TS.Diagnostic, root: string): DraftFinding {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  const severity = d.category === ts.DiagnosticCategory.Error ? 'error' : d.category === ts.DiagnosticCategory.Warning ? 'warning' : 'note';
  let location: DraftFinding['location'] = { path: '', line: 0, column: 0 };
  if (d.file && d.start !== undefined) {
    const start = d.file.getLineAndCharacterOfPosition(d.start);
    const end = d.file.getLineAndCharacterOfPosition(d.start + (d.length ?? 0));
    location = {
      path: path.relative(root, d.file.fileName).split(path.sep).join('/'),
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
    };
  }
  return { checkId: 'tsc', ruleId: `tsc/TS${d.code}`, severity, message, location, help: `https://typescript.tv/errors/#ts${d.code}` };
}

async function run(context: CheckContext): Promise<CheckResult> {
  const root = context.repo.root;
  const projectFile = path.join(root, context.config.checks.tsc.project);
  if (!existsSync(projectFile)) {
    return { findings: [], notes: [`no ${context.config.checks.tsc.project}; tsc not run`] };
  }
  const tool = await resolveRepositoryTool<TypeScriptModule>(root, 'typescript', async () => {
    const m = (await import('typescript')) as unknown as TypeScriptModule & { default?: TypeScriptModule };
    return m.default ?? m;
  });
  const ts = tool!.module;
  context.progress(`type-checking with TypeScript ${ts.version}`);
  const read = ts.readConfigFile(projectFile, (p) => ts.sys.readFile(p));
  if (read.error) return { findings: [toFinding(ts, read.error, root)] };
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(projectFile), { noEmit: true }, projectFile);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true }, projectReferences: parsed.projectReferences ?? [] });
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
  const notes = [`TypeScript ${ts.version}${tool!.fromRepository ? ' from the repository' : " (tollgate's own; the repository has none)"}, ${parsed.fileNames.length} file(s)`];
  return { findings: diagnostics.map((d) => toFinding(ts, d, root)), notes };
}

export const tscCheck: Check = {
  id: 'tsc',
  title: 'TypeScript type-check of the whole project (validate-all)',
  run,
};
