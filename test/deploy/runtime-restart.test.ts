import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeployCommand } from '../../src/deploy/command.ts';
import { RuntimeClient } from '../../src/deploy/local/runtime-client.ts';
import { runtimeDir } from '../../src/deploy/local/runtime-paths.ts';
import { groupAlive } from '../../src/deploy/local/supervisor.ts';
import { PROJECT_ROOT } from '../helpers/temp-repo.ts';
import { deployProject, servedVersion, type DeployProject } from './helpers.ts';

describe('the local runtime killed with SIGKILL', () => {
  let project: DeployProject;
  let runtime: RuntimeClient;
  const run = (release: string) => runDeployCommand({ cwd: project.dir, env: 'prod', release, log: () => {} });

  beforeAll(async () => {
    project = await deployProject({ watchMs: 100 });
    runtime = new RuntimeClient(runtimeDir(project.dir, 'prod'));
  });
  afterAll(async () => {
    await runtime?.shutdown(2_000);
    await project?.remove();
  });

  it('the next deploy starts a new runtime that adopts the running color and its route, then deploys as usual', async () => {
    expect((await run('v1')).outcome?.state).toBe('succeeded');
    const before = await runtime.status();
    const appPid = before.colors.find((color) => color.color === 'blue')!.pid;
    process.kill(before.pid, 'SIGKILL');
    await expect.poll(async () => (await runtime.probe()) === undefined).toBe(true);
    // The app survived its runtime; only the proxy in front of it is gone.
    expect(groupAlive(appPid)).toBe(true);

    const { outcome } = await run('v2');
    expect(outcome?.state).toBe('succeeded');
    expect(outcome?.record?.from).toEqual({ color: 'blue', version: 'v1' });
    const after = await runtime.status();
    expect(after.pid).not.toBe(before.pid);
    expect(after.colors.filter((color) => color.running).map((color) => `${color.color}:${color.version}`)).toEqual(['green:v2']);
    // The adopted blue process (a child of the dead runtime) was stopped by the new one.
    expect(groupAlive(appPid)).toBe(false);
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v2', color: 'green' });
  });
});

describe('tollgate deploy --serve (the runtime in the foreground, for a service manager)', () => {
  let project: DeployProject;

  beforeAll(async () => {
    project = await deployProject({ watchMs: 100 });
  });
  afterAll(async () => {
    await new RuntimeClient(runtimeDir(project.dir, 'prod')).shutdown(2_000);
    await project?.remove();
  });

  it('deploys go through the served runtime; SIGTERM stops the colors and ends it', async () => {
    const served = spawn(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/bin.ts'), 'deploy', '--env', 'prod', '--serve', '-C', project.dir], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => served.once('exit', (code) => resolve(code)));
    const runtime = new RuntimeClient(runtimeDir(project.dir, 'prod'));
    await expect.poll(async () => (await runtime.probe())?.pid, { timeout: 15_000 }).toBe(served.pid);
    const { outcome } = await runDeployCommand({ cwd: project.dir, env: 'prod', release: 'v1', log: () => {} });
    expect(outcome?.state).toBe('succeeded');
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v1' });
    const appPid = (await runtime.status()).colors[0]!.pid;
    served.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(groupAlive(appPid)).toBe(false);
  });
});
