import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../actions/audit/main.ts';
import { GitHubServer } from '../helpers/github-server.ts';
import { TempRepo } from '../helpers/temp-repo.ts';
import { fullyProtected, serveRepository } from './scenario.ts';

let server: GitHubServer;
beforeAll(async () => {
  server = await GitHubServer.start();
});
afterAll(async () => {
  await server.close();
});

it('the audit action annotates, writes the verdict table to the job summary and SARIF, sets outputs and fails the step', async () => {
  const classic = fullyProtected(['gate']);
  classic.allow_force_pushes = { enabled: true };
  serveRepository(server, { permissions: { admin: true, push: true, pull: true }, classic });
  const repo = await TempRepo.create();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'tollgate-audit-action-'));
  const saved = { ...process.env };
  const stdout = process.stdout.write.bind(process.stdout);
  let printed = '';
  try {
    await writeFile(path.join(repo.dir, 'tollgate.config.json'), JSON.stringify({ branchProtection: { workflowCrossCheck: false } }));
    const summary = path.join(tmp, 'summary.md');
    const output = path.join(tmp, 'output.txt');
    await writeFile(summary, '');
    await writeFile(output, '');
    Object.assign(process.env, {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      GITHUB_API_URL: server.url,
      GITHUB_REPOSITORY: 'acme/payments',
      INPUT_TOKEN: 'ghp_' + 'C'.repeat(36),
      INPUT_APPLY: 'false',
      'INPUT_SARIF-FILE': 'bp.sarif',
      'INPUT_WORKING-DIRECTORY': '.',
    });
    process.stdout.write = ((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    }) as typeof process.stdout.write;
    await run();
    process.stdout.write = stdout;
    expect(process.exitCode).toBe(1);
    expect(printed).toContain('::error title=branch-protection/no-force-pushes');
    // The token is masked (::add-mask::) and appears nowhere else in the log.
    expect(printed.split('C'.repeat(36)).length - 1).toBe(1);
    expect(printed).toContain(`::add-mask::ghp_${'C'.repeat(36)}`);
    const table = await readFile(summary, 'utf8');
    expect(table).toContain('<td>no-force-pushes</td><td>fail</td>');
    expect(table).toContain('OpenSSF Scorecard Branch-Protection: tier 0');
    const outputs = await readFile(output, 'utf8');
    expect(outputs).toMatch(/failed<<.*\n1\n/);
    expect(outputs).toMatch(/scorecard-tier<<.*\n0\n/);
    const sarif = JSON.parse(await readFile(path.join(repo.dir, 'bp.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['branch-protection/no-force-pushes']);
  } finally {
    process.stdout.write = stdout;
    process.env = saved;
    process.exitCode = undefined;
    await repo.remove();
    await rm(tmp, { recursive: true, force: true });
  }
});

it('action.yml is valid YAML that declares every input main.ts reads, runs on node24 from dist/', async () => {
  const { parse } = await import('yaml');
  const { PROJECT_ROOT } = await import('../helpers/temp-repo.ts');
  const action = parse(await readFile(path.join(PROJECT_ROOT, 'actions', 'audit', 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; runs: { using: string; main: string } };
  const source = await readFile(path.join(PROJECT_ROOT, 'actions', 'audit', 'main.ts'), 'utf8');
  const read = [...source.matchAll(/get(?:Boolean)?Input\('([\w-]+)'/g)].map((m) => m[1]);
  expect(read.length).toBeGreaterThan(5);
  for (const name of read) expect(Object.keys(action.inputs)).toContain(name);
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
});
