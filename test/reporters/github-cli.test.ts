import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { afterEach, describe, expect, it } from 'vitest';
import { TempRepo, runCli } from '../helpers/temp-repo.ts';
import { annotations, parseCommands } from './workflow-commands.ts';

let repo: TempRepo;
let outside: string;
afterEach(async () => {
  await repo?.remove();
  if (outside) await rm(outside, { recursive: true, force: true });
});

/** A repository with 25 lines of trailing whitespace (warnings) and a summary file outside it. */
async function setup(): Promise<{ summaryFile: string }> {
  repo = await TempRepo.create();
  outside = await mkdtemp(path.join(os.tmpdir(), 'tollgate-summary-'));
  const summaryFile = path.join(outside, 'step-summary.md');
  await writeFile(summaryFile, '');
  const body = Array.from({ length: 25 }, (_, i) => `const line${i + 1} = ${i};  `).join('\n');
  await repo.write('src/ledger.ts', `${body}\n`);
  await repo.write('src/clean.ts', 'export const ok = 1;\n');
  return { summaryFile };
}

describe('tollgate --format github in a GitHub Actions step', () => {
  it('annotates 10 of 25 warnings, says so, and puts the table and the full list in the job summary', async () => {
    const { summaryFile } = await setup();
    const result = runCli(['check', 'hygiene', '--format', 'github', '--output', 'reports/tollgate.sarif'], {
      cwd: repo.dir,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const found = annotations(result.stdout);
    expect(found.filter((a) => a.command === 'warning')).toHaveLength(10);
    expect(found.filter((a) => a.command !== 'warning')).toHaveLength(0);
    expect(found[0]).toMatchObject({ properties: { file: 'src/ledger.ts', line: '1', title: 'hygiene/trailing-whitespace' } });
    expect(result.stdout).toContain(
      'tollgate: 15 findings not annotated: GitHub shows at most 10 annotations of each level per step (10 of 25 warnings shown). ' +
        'All findings are in the report below, the job summary and the SARIF file reports/tollgate.sarif.',
    );

    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toContain('## tollgate: ✅ passed');
    expect(summary).toContain('| check | result | errors | warnings | notes | time |');
    expect(summary).toMatch(/^\| hygiene \| ⚠️ findings \| 0 \| 25 \| 0 \| \d+ ms \|$/m);
    expect(summary).toMatch(/^\| \*\*total\*\* \| ✅ \| 0 \| 25 \| 0 \| \d+ ms \|$/m);
    expect(summary).toContain('only 10 of 25 warnings appear as annotations');
    const listed = [...summary.matchAll(/^\| 🟡 warning \| `src\/ledger\.ts:(\d+)` \|/gm)].map((m) => Number(m[1]));
    expect(listed).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));

    const sarif = JSON.parse(await repo.read('reports/tollgate.sarif').then(String)) as Log;
    expect(sarif.runs[0]!.results).toHaveLength(25);
  });

  it('prints the plain report between stop-commands markers so repository text cannot act as a workflow command', async () => {
    await setup();
    await repo.write('notes.txt', '::error file=x::forged  \n');
    const result = runCli(['check', 'hygiene', '--format', 'github'], { cwd: repo.dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: undefined } });
    const commands = parseCommands(result.stdout);
    const stop = commands.find((c) => c.command === 'stop-commands')!;
    expect(stop.data).toMatch(/^[0-9a-f-]{36}$/);
    const start = result.stdout.indexOf(`::stop-commands::${stop.data}`);
    const end = result.stdout.indexOf(`::${stop.data}::`);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const report = result.stdout.slice(start, end);
    expect(report).toContain('✔ tollgate passed: 0 errors, 26 warnings');
    // The repository's line is printed only inside the paused block.
    expect(report).toContain('::error file=x::forged');
    expect(result.stdout.indexOf('::error file=x::forged')).toBeGreaterThan(start);
    expect(result.stdout).toContain('All findings are in the report below.');
  });

  it('reports an unwritable summary on stderr and keeps the verdict', async () => {
    await setup();
    const missing = path.join(outside, 'no-such-dir', 'summary.md');
    const result = runCli(['check', 'hygiene', '--format', 'github', '--fail-on', 'warning'], {
      cwd: repo.dir,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: missing },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`tollgate: could not write the job summary to ${missing}`);
    expect(annotations(result.stdout).filter((a) => a.command === 'warning')).toHaveLength(10);
  });
});
