import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_CONTENT_RULES } from '../../../rules/secrets/index.ts';
import { forgeSample, seededRandom } from '../../../src/checks/secrets/token-format.ts';
import { TempRepo, runCli, type CliResult } from '../../helpers/temp-repo.ts';

/**
 * The redaction guarantee, end to end: a repository holding a forged secret of every format
 * every rule knows (plus one hidden in base64), run through the real CLI in every output
 * format, must never show a secret, nor a long piece of one, on stdout, stderr or in any
 * file the run writes (SARIF file, job summary).
 */
let repo: TempRepo;
const secrets: string[] = [];

/** Pieces of a secret that would give it away: the whole, its middle and end, PEM body lines. */
function fragments(secret: string): string[] {
  if (/\n|\\n/.test(secret)) return secret.split(/\\n|\n/).filter((l) => l.length >= 16 && !l.startsWith('-----'));
  if (secret.length < 24) return [secret];
  const mid = Math.floor(secret.length / 2);
  return [secret, secret.slice(mid - 6, mid + 6), secret.slice(-12)];
}

function leaks(text: string): string[] {
  return secrets.filter((s) => fragments(s).some((f) => text.includes(f))).map((s) => `${s.slice(0, 6)}… (${s.length} chars)`);
}

beforeAll(async () => {
  repo = await TempRepo.create();
  const random = seededRandom(31337);
  for (const rule of SECRET_CONTENT_RULES) {
    const lines: string[] = [];
    for (const example of rule.examples) {
      const forged = forgeSample(example.sample, random);
      secrets.push(forged.secret);
      lines.push(forged.text);
    }
    const name = rule.meta.id.split('/')[1]!;
    await repo.write(`conf/${name}.env`, `${lines.join('\n')}\n`);
  }
  const hidden = forgeSample(SECRET_CONTENT_RULES.find((r) => r.meta.id === 'secrets/github-token')!.examples[0]!.sample, random);
  secrets.push(hidden.secret);
  await repo.write('k8s/secret.yml', `data:\n  token: ${Buffer.from(hidden.text).toString('base64')}\n`);
  repo.stage();
  repo.commit('planted secrets');
});

afterAll(async () => repo?.remove());

function expectNoLeak(result: CliResult, files: string[] = []): Promise<void> {
  expect(result.status).toBe(1);
  expect(leaks(result.stdout), 'stdout').toEqual([]);
  expect(leaks(result.stderr), 'stderr').toEqual([]);
  return Promise.all(files.map(async (f) => expect(leaks(await readFile(f, 'utf8')), f).toEqual([]))).then(() => undefined);
}

describe('secrets never appear in any output', () => {
  it('finds every planted secret (so the checks below are not vacuous)', () => {
    const result = runCli(['check', 'secrets', '--format', 'json'], { cwd: repo.dir });
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string; location: { path: string } }[] };
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const rule of SECRET_CONTENT_RULES) expect(rules.has(rule.meta.id), rule.meta.id).toBe(true);
    expect(report.findings.some((f) => f.location.path === 'k8s/secret.yml')).toBe(true);
    expect(secrets.length).toBeGreaterThan(60);
  });

  it.each(['text', 'json', 'sarif'])('--format %s on stdout', async (format) => {
    await expectNoLeak(runCli(['check', 'secrets', '--format', format], { cwd: repo.dir }));
  });

  it('--format sarif written to a file', async () => {
    const out = path.join(repo.dir, 'out', 'tollgate.sarif');
    await expectNoLeak(runCli(['check', 'secrets', '--format', 'sarif', '-o', out], { cwd: repo.dir }), [out]);
  });

  it('--format github: annotations, the job summary and the SARIF file', async () => {
    const summary = path.join(repo.dir, 'out', 'summary.md');
    const sarif = path.join(repo.dir, 'out', 'gh.sarif');
    await repo.write('out/summary.md', '');
    const result = runCli(['validate-all', '--format', 'github', '-o', sarif], { cwd: repo.dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(result.stdout).toContain('::error');
    expect((await readFile(summary, 'utf8')).length).toBeGreaterThan(100);
    await expectNoLeak(result, [summary, sarif]);
  });

  it('--history and --update-baseline (the baseline file holds masks only)', async () => {
    await expectNoLeak(runCli(['check', 'secrets', '--history', '--format', 'json'], { cwd: repo.dir }));
    const update = runCli(['check', 'secrets', '--update-baseline'], { cwd: repo.dir });
    expect(update.status).toBe(0);
    expect(leaks(update.stdout + update.stderr)).toEqual([]);
    expect(leaks(await readFile(path.join(repo.dir, '.tollgate/secrets-baseline.json'), 'utf8'))).toEqual([]);
  });
});
