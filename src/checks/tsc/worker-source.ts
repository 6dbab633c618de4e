/**
 * The tsc check runs the TypeScript compiler in a worker thread, so that the type-check (pure
 * CPU for seconds) runs beside the other checks instead of blocking them. The worker is an
 * `eval` worker (CommonJS source below) so that it works the same from the sources, from
 * build/ and from the ncc bundle of the action, which has no separate worker file to load.
 * It loads the TypeScript at `tsPath` (the repository's own, else tollgate's) and posts back
 * plain diagnostics.
 */
export interface PlainDiagnostic {
  code: number;
  category: 'error' | 'warning' | 'note';
  message: string;
  /** Absolute file name, when the diagnostic has a location. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface WorkerResult {
  version: string;
  fileCount: number;
  diagnostics: PlainDiagnostic[];
}

export const TSC_WORKER_SOURCE = `
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
