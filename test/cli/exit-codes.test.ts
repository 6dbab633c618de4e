import { afterEach, describe, expect, it } from 'vitest';
import { TempRepo, runCli } from '../helpers/temp-repo.ts';

let repo: TempRepo;
afterEach(async () => repo?.remove());

describe('CLI exit codes and output', () => {
  it('exits 0 on a clean repository and 1 when a finding reaches --fail-on', async () => {
    repo = await TempRepo.create();
    await repo.write('clean.txt', 'fine\n');
    expect(runCli(['check', 'hygiene'], { cwd: repo.dir }).status).toBe(0);
    await repo.write('dirty.txt', 'trailing  \n');
    const warnOnly = runCli(['check', 'hygiene'], { cwd: repo.dir });
    expect(warnOnly.status).toBe(0);
    expect(warnOnly.stdout).toContain('dirty.txt');
    expect(runCli(['check', 'hygiene', '--fail-on', 'warning'], { cwd: repo.dir }).status).toBe(1);
  });

  it('exits 2 on usage errors: unknown check, bad option value, not a repository', async () => {
    repo = await TempRepo.create();
    expect(runCli(['check', 'nope'], { cwd: repo.dir }).status).toBe(2);
    const badFormat = runCli(['validate-all', '--format', 'xml'], { cwd: repo.dir });
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toMatch(/xml/);
    expect(runCli(['validate-all'], { cwd: '/' }).status).toBe(2);
  });

  it('prints help for every command and the version', async () => {
    repo = await TempRepo.create();
    for (const command of ['validate-quick', 'validate-all', 'check', 'demo']) {
      const result = runCli([command, '--help'], { cwd: repo.dir });
      expect(result.status, command).toBe(0);
      expect(result.stdout).toContain(`Usage: tollgate ${command}`);
    }
    expect(runCli(['--version'], { cwd: repo.dir }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('writes JSON to --output and keeps stdout free of it', async () => {
    repo = await TempRepo.create();
    await repo.write('x.txt', 'a \n');
    const result = runCli(['check', 'hygiene', '--format', 'json', '--output', 'out/report.json'], { cwd: repo.dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const report = JSON.parse((await repo.read('out/report.json')).toString()) as { findings: { ruleId: string }[] };
    expect(report.findings.map((f) => f.ruleId)).toEqual(['hygiene/trailing-whitespace']);
  });
});
