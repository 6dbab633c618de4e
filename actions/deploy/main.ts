// The deploy action: reads its inputs, runs the same deploy as `tollgate deploy`, reports the result
// as outputs and a job summary. No logic of its own.
import path from 'node:path';
import * as core from '@actions/core';
import { runDeployCommand } from '../../src/deploy/command.ts';
import { runDaemon, type DaemonOptions } from '../../src/deploy/local/daemon.ts';
import { setDaemonLauncher } from '../../src/deploy/local/runtime-client.ts';
import { isUserError, UserError } from '../../src/errors/user-error.ts';

const MODES = ['deploy', 'resume', 'rollback'] as const;
/** Set when this bundle is started again as the local provider's long-lived runtime. */
const RUNTIME_FLAG = 'TOLLGATE_DEPLOY_RUNTIME';

export async function run(): Promise<void> {
  if (process.env[RUNTIME_FLAG] === '1') {
    await runDaemon(JSON.parse(process.argv[2] ?? '{}') as DaemonOptions);
    return;
  }
  try {
    // The bundle is one file: the runtime is this same file with the flag set. An empty
    // RUNNER_TRACKING_ID keeps a self-hosted runner from killing it when the job ends.
    const bundle = process.argv[1] ?? '';
    setDaemonLauncher({ command: process.execPath, args: (options) => [bundle, JSON.stringify(options)], env: { [RUNTIME_FLAG]: '1', RUNNER_TRACKING_ID: '' } });

    const mode = core.getInput('mode') || 'deploy';
    if (!(MODES as readonly string[]).includes(mode)) throw new UserError(`Input "mode" must be one of ${MODES.join(', ')}; got "${mode}".`);
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const { outcome, exitCode } = await runDeployCommand({
      cwd: path.resolve(workspace, core.getInput('working-directory') || '.'),
      config: core.getInput('config') || undefined,
      env: core.getInput('environment', { required: true }),
      release: core.getInput('release') || process.env.GITHUB_SHA?.slice(0, 12),
      resume: mode === 'resume',
      rollback: mode === 'rollback',
      log: (line) => core.info(line),
    });
    if (!outcome) return;
    core.setOutput('state', outcome.state);
    core.setOutput('live-color', outcome.live?.color ?? '');
    core.setOutput('live-version', outcome.live?.version ?? '');
    core.setOutput('deploy-id', outcome.record?.id ?? '');
    core.setOutput('total-ms', Math.round(outcome.timings.totalMs));
    core.setOutput('switch-ms', Math.round(outcome.timings.switchMs));
    await core.summary
      .addHeading(`tollgate deploy: ${outcome.state}`, 3)
      .addRaw(`${outcome.message}\n\n`)
      .addTable([
        [{ data: 'step', header: true }, { data: 'status', header: true }, { data: 'ms', header: true }, { data: 'detail', header: true }],
        ...(outcome.record?.steps ?? [])
          .filter((event) => event.status !== 'started')
          .map((event) => [event.step, event.status, event.durationMs === undefined ? '–' : String(Math.round(event.durationMs)), event.detail ?? '–']),
      ])
      .write();
    if (exitCode !== 0) core.setFailed(`tollgate deploy: ${outcome.message}`);
  } catch (error) {
    if (isUserError(error)) {
      core.setFailed(`tollgate: ${error.message}`);
    } else {
      if (error instanceof Error && error.stack) core.info(error.stack);
      core.setFailed(`tollgate: internal error (a bug, please report it): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
