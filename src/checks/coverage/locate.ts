/** Finding the coverage file a test run wrote, and telling whether it is older than the code. */
import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../check.ts';
import { parseReport, ReportError, type CoverageReport } from './report.ts';
import type { ReportState } from './rule-context.ts';

export interface Located {
  state: ReportState;
  report?: CoverageReport;
  mtimeMs?: number;
}

/** The first configured report that exists, parsed. */
export async function locateReport(root: string, candidates: readonly string[]): Promise<Located> {
  for (const rel of candidates) {
    const abs = path.join(root, rel);
    let mtimeMs: number;
    try {
      const info = await stat(abs);
      if (!info.isFile()) continue;
      mtimeMs = info.mtimeMs;
    } catch {
      continue;
    }
    const file = rel.split(path.sep).join('/');
    try {
      const text = await readFile(abs, 'utf8');
      const projectDir = path.posix.dirname(path.posix.dirname(path.posix.join(root.split(path.sep).join('/'), file)));
      const report = await parseReport({ text, file, repoRoot: root.split(path.sep).join('/'), projectDir });
      return { state: { kind: 'ok', file }, report, mtimeMs };
    } catch (error) {
      if (error instanceof ReportError) return { state: { kind: 'unreadable', file, reason: error.message } };
      throw error;
    }
  }
  return { state: { kind: 'missing', tried: [...candidates] } };
}

/**
 * The newest source file changed after the report was written, if any: the tests have not run
 * since, so the report's figures describe other code. A whole second of slack absorbs
 * filesystems with coarse timestamps.
 */
export function newerSource(root: string, reportMtimeMs: number, sources: readonly SourceFile[]): { path: string; minutesNewer: number } | undefined {
  // Synchronous stats: for thousands of files one loop is several times faster than as many
  // promises through the thread pool, and the dentries are cached after the file listing.
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const f of sources) {
    const info = statSync(path.join(root, f.path), { throwIfNoEntry: false }); // deleted in the working tree: nothing newer
    if (info && info.mtimeMs > reportMtimeMs + 1000 && (!newest || info.mtimeMs > newest.mtimeMs)) newest = { path: f.path, mtimeMs: info.mtimeMs };
  }
  return newest && { path: newest.path, minutesNewer: Math.max(1, Math.round((newest.mtimeMs - reportMtimeMs) / 60_000)) };
}
