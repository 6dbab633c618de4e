import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runDeployCommand, type DeployCommandOptions } from '../../src/deploy/command.ts';
import type { DeployRecord, EnvironmentJournal } from '../../src/deploy/journal.ts';
import { RuntimeClient } from '../../src/deploy/local/runtime-client.ts';
import { runtimeDir } from '../../src/deploy/local/runtime-paths.ts';
import { UserError } from '../../src/errors/user-error.ts';
import { PROJECT_ROOT } from '../helpers/temp-repo.ts';
import { deployProject, servedVersion, startLoad, type DeployProject } from './helpers.ts';

async function journalOf(project: DeployProject): Promise<EnvironmentJournal> {
  const file = JSON.parse(await readFile(path.join(project.dir, '.tollgate/deploy-journal.json'), 'utf8')) as { environments: Record<string, EnvironmentJournal> };
  return file.environments.prod!;
}

async function runningColors(project: DeployProject): Promise<string[]> {
  const status = await new RuntimeClient(runtimeDir(project.dir, 'prod')).status();
  return status.colors.filter((color) => color.running).map((color) => `${color.color}:${color.version}`);
}

describe('deploy state machine (local provider, real processes)', () => {
  let project: DeployProject;
  const lines: string[] = [];
  const run = (options: Partial<DeployCommandOptions>) => runDeployCommand({ cwd: project.dir, env: 'prod', log: (line) => lines.push(line), ...options });

  beforeAll(async () => {
    project = await deployProject({ watchMs: 2_500, health: { timeoutMs: 6_000, intervalMs: 50 } });
  });
  afterAll(async () => {
    await new RuntimeClient(runtimeDir(project.dir, 'prod')).shutdown(2_000);
    await project.remove();
  });
  afterEach(() => {
    lines.length = 0;
  });

  it('deploys the first release to blue and journals every step before and after it runs', async () => {
    const { outcome, exitCode } = await run({ release: 'v1' });
    expect(exitCode).toBe(0);
    expect(outcome?.state).toBe('succeeded');
    expect(await servedVersion(project.publicUrl)).toEqual({ app: 'deploy-app', version: 'v1', color: 'blue' });
    const journal = await journalOf(project);
    expect(journal.live).toEqual({ color: 'blue', version: 'v1' });
    expect(journal.current).toBeNull();
    const steps = journal.history[0]!.steps.map((event) => `${event.step}:${event.status}`);
    expect(steps).toEqual([
      'migrate:skipped',
      'start:started', 'start:done',
      'health:started', 'health:done',
      'smoke:started', 'smoke:done',
      'switch:started', 'switch:done',
      'drain:started', 'drain:done',
      'watch:started', 'watch:done',
      'stop-old:started', 'stop-old:done',
    ]);
  });

  it('switches the second release to green, drains and stops blue', async () => {
    const { outcome } = await run({ release: 'v2' });
    expect(outcome?.state).toBe('succeeded');
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v2', color: 'green' });
    expect(await runningColors(project)).toEqual(['green:v2']);
    expect((await journalOf(project)).previous).toEqual({ color: 'blue', version: 'v1' });
  });

  it('stops a release whose smoke test fails before it gets traffic: live untouched, no failed request', async () => {
    const load = startLoad(`${project.publicUrl}/api/quote`, { connections: 4, maxMs: 60_000 });
    const { outcome, exitCode } = await run({ release: 'v3-broken-smoke' });
    const result = await load.stop();
    expect(exitCode).toBe(1);
    expect(outcome?.state).toBe('failed');
    expect(outcome?.message).toMatch(/smoke check "quote" failed: GET \/api\/quote answered HTTP 500/);
    expect(result.total).toBeGreaterThan(0);
    expect(result.failed).toBe(0);
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v2', color: 'green' });
    expect(await runningColors(project)).toEqual(['green:v2']);
    expect((await journalOf(project)).live).toEqual({ color: 'green', version: 'v2' });
  });

  it('stops a release that never becomes healthy, without switching', async () => {
    const { outcome } = await run({ release: 'v3-broken-health' });
    expect(outcome?.state).toBe('failed');
    expect(outcome?.message).toMatch(/health failed: blue is not healthy/);
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v2' });
  });

  it('switches back by itself when the new color fails its health after the switch, with no failed request', async () => {
    const load = startLoad(`${project.publicUrl}/api/quote`, { connections: 4, maxMs: 60_000 });
    const { outcome, exitCode } = await run({ release: 'v4-broken-after-1200' });
    const result = await load.stop();
    expect(exitCode).toBe(1);
    expect(outcome?.state).toBe('rolled-back');
    expect(outcome?.message).toMatch(/watch failed/);
    expect(result.failed).toBe(0);
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v2', color: 'green' });
    expect(await runningColors(project)).toEqual(['green:v2']);
    const record = (await journalOf(project)).history[0]!;
    expect(record.steps.filter((event) => event.status === 'done').map((event) => event.step)).toEqual(
      expect.arrayContaining(['switch', 'switch-back', 'drain-new', 'stop-new']),
    );
  });

  it('--rollback after an automatic rollback changes nothing: that deploy is undone already', async () => {
    const { outcome, exitCode } = await run({ rollback: true });
    expect(exitCode).toBe(0);
    expect(outcome?.state).toBe('unchanged');
    expect(outcome?.message).toMatch(/was rolled back already/);
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v2', color: 'green' });
  });

  it('--rollback puts the release before the last deploy back live, and a second --rollback changes nothing', async () => {
    expect((await run({ release: 'v3' })).outcome?.state).toBe('succeeded');
    const first = await run({ rollback: true });
    expect(first.outcome?.state).toBe('succeeded');
    expect(first.outcome?.record?.kind).toBe('rollback');
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v2', color: 'green' });
    expect(await runningColors(project)).toEqual(['green:v2']);
    const second = await run({ rollback: true });
    expect(second.outcome?.state).toBe('unchanged');
    expect(second.exitCode).toBe(0);
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v2', color: 'green' });
  });

  it('--resume with nothing interrupted changes nothing', async () => {
    const { outcome, exitCode } = await run({ resume: true });
    expect(exitCode).toBe(0);
    expect(outcome?.state).toBe('unchanged');
  });

  it('serialises two deploys started at once: the second waits for the lock, then deploys on top', async () => {
    const [a, b] = await Promise.all([run({ release: 'v5' }), run({ release: 'v6' })]);
    expect([a.outcome?.state, b.outcome?.state]).toEqual(['succeeded', 'succeeded']);
    const [second, first] = (await journalOf(project)).history as [DeployRecord, DeployRecord];
    expect(Date.parse(second.startedAt)).toBeGreaterThanOrEqual(Date.parse(first.finishedAt!));
    expect(second.from?.version).toBe(first.version);
    expect(lines.some((line) => line.startsWith('waiting for the deploy lock'))).toBe(true);
    expect((await servedVersion(project.publicUrl)).version).toBe(second.version);
  });

  it('--status prints the live and previous releases and the last deploys, newest first, and changes nothing', async () => {
    const before = await journalOf(project);
    const { exitCode } = await run({ status: true });
    expect(exitCode).toBe(0);
    const [head, ...rest] = lines.join('\n').split('\n');
    expect(head).toBe(`prod: live ${before.live!.version} on ${before.live!.color} · previous ${before.previous!.version} on ${before.previous!.color}`);
    expect(rest[0]).toContain(`deploy   ${before.history[0]!.version}`);
    expect(rest.some((line) => /rollback +v2 +succeeded/.test(line))).toBe(true);
    expect(rest.some((line) => /v4-broken-after-1200 +rolled-back .*watch failed/.test(line))).toBe(true);
    expect(await journalOf(project)).toEqual(before);
  });

  it('serialises two `tollgate deploy` processes started at once', async () => {
    const cli = (release: string) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/bin.ts'), 'deploy', '--env', 'prod', '--release', release, '-C', project.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => resolve({ code, output }));
      });
    const [a, b] = await Promise.all([cli('p1'), cli('p2')]);
    expect([a.code, b.code], a.output + b.output).toEqual([0, 0]);
    expect([a.output, b.output].filter((output) => output.includes('waiting for the deploy lock')).length).toBe(1);
    const [second, first] = (await journalOf(project)).history as [DeployRecord, DeployRecord];
    expect([first.version, second.version].sort()).toEqual(['p1', 'p2']);
    expect(Date.parse(second.startedAt)).toBeGreaterThanOrEqual(Date.parse(first.finishedAt!));
    expect(first.pid).not.toBe(second.pid);
  });

  it('refuses an environment the config does not have, naming the file and the key', async () => {
    await expect(runDeployCommand({ cwd: project.dir, env: 'staging', release: 'x', log: () => {} })).rejects.toThrow(UserError);
    await expect(runDeployCommand({ cwd: project.dir, env: 'staging', release: 'x', log: () => {} })).rejects.toThrow(/tollgate\.config\.json: deploy\.environments has no "staging"; configured: prod/);
  });
});
