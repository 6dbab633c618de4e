import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuntimeClient } from '../../src/deploy/local/runtime-client.ts';
import { runtimeDir } from '../../src/deploy/local/runtime-paths.ts';
import { PROJECT_ROOT } from '../helpers/temp-repo.ts';
import { deployProject, servedVersion, type DeployProject } from './helpers.ts';

const BUNDLE = path.join(PROJECT_ROOT, 'actions/deploy/dist/index.js');

/** GitHub's file command format: name<<delimiter, value lines, delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== match[2]) value.push(lines[i]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

describe('actions/deploy (the committed bundle, run as the runner runs it)', () => {
  let project: DeployProject;

  beforeAll(async () => {
    project = await deployProject({ watchMs: 100 });
  });
  afterAll(async () => {
    await new RuntimeClient(runtimeDir(project.dir, 'prod')).shutdown(2_000);
    await project?.remove();
  });

  async function runAction(inputs: Record<string, string>): Promise<{ status: number | null; stdout: string; outputs: Record<string, string>; summary: string }> {
    const outputFile = path.join(project.dir, 'github-output.txt');
    const summaryFile = path.join(project.dir, 'summary.md');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_WORKSPACE: project.dir, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const child = spawnSync(process.execPath, [BUNDLE], { env, encoding: 'utf8', timeout: 60_000 });
    return { status: child.status, stdout: child.stdout, outputs: parseOutputs(await readFile(outputFile, 'utf8')), summary: await readFile(summaryFile, 'utf8') };
  }

  it('deploys, sets the outputs and writes the steps to the job summary; the runtime it starts outlives the step', async () => {
    const result = await runAction({ environment: 'prod', release: 'v1' });
    expect(result.status, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ state: 'succeeded', 'live-color': 'blue', 'live-version': 'v1' });
    expect(result.summary).toContain('<h3>tollgate deploy: succeeded</h3>');
    expect(result.summary).toContain('<td>smoke</td><td>done</td>');
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v1' });
  });

  it('fails the step when the deploy stops before the switch, and live traffic stays on the old release', async () => {
    const result = await runAction({ environment: 'prod', release: 'v2-broken-smoke' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/::error::tollgate deploy: smoke failed/);
    expect(result.outputs).toMatchObject({ state: 'failed', 'live-version': 'v1' });
    expect(await servedVersion(project.publicUrl)).toMatchObject({ version: 'v1' });
  });

  it('rejects an unknown mode with a message naming the input', async () => {
    const result = await runAction({ environment: 'prod', mode: 'yolo' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error::tollgate: Input "mode" must be one of deploy, resume, rollback; got "yolo".');
  });
});
