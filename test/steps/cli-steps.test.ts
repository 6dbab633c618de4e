import { afterEach, describe, expect, it } from 'vitest';
import { TempRepo, runCli } from '../helpers/temp-repo.ts';

let repo: TempRepo;
afterEach(async () => repo?.remove());

async function repoWithSteps(steps: unknown[]): Promise<void> {
  repo = await TempRepo.create();
  await repo.write('tollgate.config.json', JSON.stringify({ pipelines: { quick: [], all: [] }, debt: { enabled: false }, steps }));
}

describe('steps from the CLI', () => {
  it('tollgate steps runs a named step even when it is switched off, and only that one', async () => {
    await repoWithSteps([
      { name: 'test', run: 'echo ran-test; exit 1', enabled: false },
      { name: 'build', run: 'echo ran-build' },
    ]);
    const result = runCli(['steps', 'test', '--format', 'json'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { checks: { id: string }[]; findings: { ruleId: string; message: string }[] };
    expect(report.checks.map((c) => c.id)).toEqual(['steps/test']);
    expect(report.findings).toMatchObject([{ ruleId: 'steps/test', message: expect.stringContaining('ran-test') }]);
  });

  it('tollgate steps refuses an unknown step name with exit 2, naming the known ones', async () => {
    await repoWithSteps([{ name: 'build', run: 'true' }]);
    const result = runCli(['steps', 'tests'], { cwd: repo.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown step "tests". Steps in the config: build.');
  });

  it('validate-all --no-steps skips the steps; CI=true picks the CI steps', async () => {
    await repoWithSteps([
      { name: 'local-only', run: 'exit 1', where: ['local'] },
      { name: 'ci-only', run: 'true', where: ['ci'] },
    ]);
    expect(runCli(['validate-all'], { cwd: repo.dir }).status).toBe(1);
    expect(runCli(['validate-all', '--no-steps'], { cwd: repo.dir }).status).toBe(0);
    const ci = runCli(['validate-all', '--format', 'json'], { cwd: repo.dir, env: { CI: 'true' } });
    expect(ci.status, ci.stderr).toBe(0);
    expect((JSON.parse(ci.stdout) as { checks: { id: string }[] }).checks.map((c) => c.id)).toEqual(['steps/ci-only']);
  }, 30_000);
});
