import { randomUUID } from 'node:crypto';
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
 * Text for a GitHub Actions log that must not be read as workflow commands: snippets come from
 * the repository, and a line like `::error::` or `::add-mask::` in one would otherwise act.
 * `::stop-commands::<token>` pauses command processing until `::<token>::`.
 */
export function inertForActions(text: string, token: string = randomUUID()): string {
  return `::stop-commands::${token}\n${text}::${token}::\n`;
}

/**
 * Sends a report where the user asked: stdout, or `output` for text/json/sarif. The github
 * format prints annotations and the plain text report to stdout and writes the job summary;
 * with `output` it also writes SARIF there.
 */
export async function writeReport(report: RunReport, format: Format, context: ReportContext, output?: string): Promise<void> {
  if (format === 'github') {
    if (output) await writeTo(output, renderSarif(report, context));
    const { emitGithub } = await import('./github.ts');
    await emitGithub(report, context, { sarifFile: output });
    process.stdout.write(inertForActions(renderText(report, { ...context, color: false })));
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
