import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DraftFinding } from '../../findings/finding.ts';
import type { Check, CheckContext, CheckResult } from '../check.ts';
import { TSC_WORKER_SOURCE, type PlainDiagnostic, type WorkerResult } from './worker-source.ts';

/** The repository's own TypeScript, else tollgate's; undefined when neither is a file on disk. */
export function resolveTypeScript(root: string): { path: string; fromRepository: boolean } | undefined {
  for (const [base, fromRepository] of [[path.join(root, 'package.json'), true], [import.meta.url, false]] as const) {
    try {
      return { path: createRequire(base).resolve('typescript'), fromRepository };
    } catch {
      // not resolvable from here (or bundled into the action): try the next place
    }
  }
  return undefined;
}

function typeCheckInWorker(tsPath: string, projectFile: string, signal: AbortSignal): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(TSC_WORKER_SOURCE, { eval: true, workerData: { tsPath, projectFile } });
    const abort = () => void worker.terminate();
    signal.addEventListener('abort', abort, { once: true });
    worker.once('message', (result: WorkerResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      signal.removeEventListener('abort', abort);
      if (code !== 0) reject(new Error(`the TypeScript worker exited with code ${code}`));
    });
  });
}

function toFinding(d: PlainDiagnostic, root: string): DraftFinding {
  const location: DraftFinding['location'] =
    d.file && d.line !== undefined
      ? {
          path: path.relative(root, d.file).split(path.sep).join('/'),
          line: d.line,
          column: d.column ?? 0,
          ...(d.endLine === undefined ? {} : { endLine: d.endLine }),
          ...(d.endColumn === undefined ? {} : { endColumn: d.endColumn }),
        }
      : { path: '', line: 0, column: 0 };
  return { checkId: 'tsc', ruleId: `tsc/TS${d.code}`, severity: d.category, message: d.message, location };
}

async function run(context: CheckContext): Promise<CheckResult> {
  const root = context.repo.root;
  const project = context.config.checks.tsc.project;
  const projectFile = path.join(root, project);
  if (!existsSync(projectFile)) {
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

export const tscCheck: Check = {
  id: 'tsc',
  title: 'TypeScript type-check of the whole project (validate-all)',
  run,
};
