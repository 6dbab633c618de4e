import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emitAnnotations } from '../../src/reporters/github.ts';
import { renderJson } from '../../src/reporters/json.ts';
import { renderSarif } from '../../src/reporters/sarif.ts';
import { cellText, summaryMarkdown } from '../../src/reporters/summary.ts';
import { renderText } from '../../src/reporters/text.ts';
import { writeReport } from '../../src/reporters/write.ts';
import { buildReport, context, draft } from './build-report.ts';

// A made-up token in a real format, assembled at run time so no scanner mistakes this file for a leak.
const SECRET = ['ghp', 'R3dact10nTestOnly0000000000000000000000'].join('_');

let dir: string | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function captureStdout(): { text: () => string } {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  return { text: () => chunks.join('') };
}

/**
 * Never prints the secret on failure (toContain would): only says which output leaked. Markdown
 * escapes `_`, so summaries are also searched for the escaped spelling of the secret.
 */
function expectRedacted(name: string, output: string, markdown = false): void {
  expect(output.includes(SECRET), `${name} contains the unredacted secret`).toBe(false);
  if (markdown) expect(output.includes(cellText(SECRET)), `${name} contains the escaped secret`).toBe(false);
  expect(output.includes(markdown ? cellText('ghp_…') : 'ghp_…'), `${name} shows the redacted form`).toBe(true);
}

describe('redaction in every output', () => {
  it('never prints a secret registered in the Redactor: text, JSON, SARIF, annotations, summary and the github format end to end', async () => {
    const report = await buildReport(
      [
        draft({
          checkId: 'secrets',
          ruleId: 'secrets/github-token',
          severity: 'error',
          message: `GitHub token ${SECRET} committed.\nRevoke ${SECRET} now.`,
          snippet: `const token = "${SECRET}";`,
          fix: { description: `Revoke ${SECRET} and read it from the environment.` },
          location: { path: 'src/config.ts', line: 3, column: 15, endColumn: 15 + SECRET.length },
        }),
      ],
      { secrets: [SECRET] },
    );

    expectRedacted('text', renderText(report, context()));
    expectRedacted('coloured text', renderText(report, context({ color: true })));
    expectRedacted('json', renderJson(report, context()));
    expectRedacted('sarif', renderSarif(report, context()));
    expectRedacted('summary', summaryMarkdown(report, context()), true);

    const annotationsOut = captureStdout();
    emitAnnotations(report.findings);
    expectRedacted('annotations', annotationsOut.text());
    vi.restoreAllMocks();

    dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-redact-'));
    const summaryFile = path.join(dir, 'summary.md');
    await writeFile(summaryFile, '');
    vi.stubEnv('GITHUB_STEP_SUMMARY', summaryFile);
    const stdout = captureStdout();
    await writeReport(report, 'github', context(), path.join(dir, 'out.sarif'));
    expectRedacted('github stdout', stdout.text());
    expectRedacted('github job summary', await readFile(summaryFile, 'utf8'), true);
    expectRedacted('github sarif file', await readFile(path.join(dir, 'out.sarif'), 'utf8'));
  });
});
