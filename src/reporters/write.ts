import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderJson } from './json.ts';
import type { Format, Renderer, ReportContext } from './reporter.ts';
import { renderSarif } from './sarif.ts';
import { renderText } from './text.ts';
import type { RunReport } from '../runner/run.ts';

const RENDERERS: Record<Exclude<Format, 'github'>, Renderer> = { text: renderText, json: renderJson, sarif: renderSarif };

export function render(report: RunReport, format: Exclude<Format, 'github'>, context: ReportContext): string {
  return RENDERERS[format](report, context);
}

async function writeTo(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, content);
}

/**
 * Sends a report where the user asked: stdout, or `output` for text/json/sarif. The github
 * format prints annotations and the plain text report to stdout and writes the job summary;
 * with `output` it also writes SARIF there.
 */
export async function writeReport(report: RunReport, format: Format, context: ReportContext, output?: string): Promise<void> {
  if (format === 'github') {
    const { emitGithub } = await import('./github.ts');
    await emitGithub(report, context);
    process.stdout.write(renderText(report, { ...context, color: false }));
    if (output) await writeTo(output, renderSarif(report, context));
    return;
  }
  const content = render(report, format, context);
  if (output) {
    await writeTo(output, content);
    process.stderr.write(`tollgate: wrote ${format} report to ${output}\n`);
  } else {
    process.stdout.write(content);
  }
}
