import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeployCommand } from '../../src/deploy/command.ts';
import { Journal, STEPS } from '../../src/deploy/journal.ts';
import { RuntimeClient } from '../../src/deploy/local/runtime-client.ts';
import { runtimeDir } from '../../src/deploy/local/runtime-paths.ts';
import { deployProject, servedVersion, type DeployProject } from './helpers.ts';

const KILLER = path.join(import.meta.dirname, 'fixtures/deploy-killed-at.ts');
/** Every point the deploy can die at (migrate is off here; the PostgreSQL test covers it). */
const KILL_POINTS = STEPS.filter((step) => step !== 'migrate').map((step) => `${step}:started`);

describe('a deploy killed with SIGKILL at every step', () => {
  let project: DeployProject;
  let journal: Journal;
  let runtime: RuntimeClient;
  let release = 0;
  const run = (options: { resume?: boolean; rollback?: boolean; release?: string }) => runDeployCommand({ cwd: project.dir, env: 'prod', log: () => {}, ...options });

  async function runningColors(): Promise<string[]> {
    return (await runtime.status()).colors.filter((color) => color.running).map((color) => `${color.color}:${color.version}`);
  }

  function killedDeploy(killAt: string): string {
    const version = `r${++release}`;
    const child = spawnSync(process.execPath, [KILLER, project.dir, version, killAt], { encoding: 'utf8', timeout: 60_000 });
    expect(child.signal, child.stderr).toBe('SIGKILL');
    return version;
  }

  beforeAll(async () => {
    project = await deployProject({ watchMs: 200, health: { timeoutMs: 10_000, intervalMs: 30 } });
    journal = new Journal(path.join(project.dir, '.tollgate/deploy-journal.json'), 'prod');
    runtime = new RuntimeClient(runtimeDir(project.dir, 'prod'));
    expect((await run({ release: 'r0' })).outcome?.state).toBe('succeeded');
  });
  afterAll(async () => {
    await runtime?.shutdown(2_000);
    await project?.remove();
  });

  it.each(KILL_POINTS)('killed at %s: the next deploy refuses, --resume finishes it, a second --resume changes nothing', async (killAt) => {
    const before = journal.read().live!;
    const version = killedDeploy(killAt);
    expect(journal.read().current?.state).toBe('running');
    await expect(run({ release: 'other' })).rejects.toThrow(/was interrupted .*--resume.*--rollback/);

    const resumed = await run({ resume: true });
    expect(resumed.outcome?.state).toBe('succeeded');
    const live = journal.read().live!;
    expect(live.version).toBe(version);
    expect(live.color).not.toBe(before.color);
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version, color: live.color });
    expect(await runningColors()).toEqual([`${live.color}:${version}`]);
    expect((await run({ resume: true })).outcome?.state).toBe('unchanged');
  });

  it.each(KILL_POINTS)('killed at %s: --rollback leaves the old release live and alone, a second --rollback changes nothing', async (killAt) => {
    const before = journal.read().live!;
    killedDeploy(killAt);
    const rolledBack = await run({ rollback: true });
    expect(['failed', 'rolled-back']).toContain(rolledBack.outcome?.state);
    expect(journal.read().live).toEqual(before);
    expect(journal.read().current).toBeNull();
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: before.version, color: before.color });
    expect(await runningColors()).toEqual([`${before.color}:${before.version}`]);
    expect((await run({ rollback: true })).outcome?.state).toBe('unchanged');
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: before.version });
  });
});
