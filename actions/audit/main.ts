// The audit action: reads its inputs, runs the same audit as `tollgate audit branch-protection`,
// reports through the same reporters (annotations, job summary, SARIF) plus a verdict table,
// and sets the outputs. No logic of its own.
import path from 'node:path';
import * as core from '@actions/core';
import { runAudit } from '../../src/audit/command.ts';
import { describeTier } from '../../src/audit/scorecard.ts';
import { isUserError, UserError } from '../../src/errors/user-error.ts';
import { SEVERITIES, type Severity } from '../../src/findings/finding.ts';
import { failsAt } from '../../src/reporters/counts.ts';
import type { ReportContext } from '../../src/reporters/reporter.ts';
import { writeReport } from '../../src/reporters/write.ts';
import { ruleMeta } from '../../src/rules/catalog.ts';
import { VERSION } from '../../src/version.ts';

const TOKEN_VARIABLE = 'TOLLGATE_AUDIT_TOKEN';

export async function run(): Promise<void> {
  try {
    const token = core.getInput('token', { required: true });
    core.setSecret(token);
    const failOnInput = core.getInput('fail-on');
    if (failOnInput && !(SEVERITIES as readonly string[]).includes(failOnInput)) throw new UserError(`Input "fail-on" must be one of ${SEVERITIES.join(', ')}; got "${failOnInput}".`);
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const cwd = path.resolve(workspace, core.getInput('working-directory') || '.');
    const sarifInput = core.getInput('sarif-file');
    const sarifFile = sarifInput ? path.resolve(workspace, sarifInput) : undefined;

    const outcome = await runAudit({
      cwd,
      configPath: core.getInput('config') || undefined,
      repo: core.getInput('repo') || undefined,
      branch: core.getInput('branch') || undefined,
      tokenEnv: TOKEN_VARIABLE,
      apply: core.getBooleanInput('apply'),
      env: { ...process.env, [TOKEN_VARIABLE]: token },
      log: (m) => core.info(`[github] ${m}`),
    });
    const final = outcome.after ?? outcome.before;
    const failOn = (failOnInput || outcome.config.failOn) as Severity;
    const context: ReportContext = { toolVersion: VERSION, color: false, failOn, ruleMeta, timings: true };
    await writeReport(outcome.report, 'github', context, sarifFile);

    await core.summary
      .addHeading(`Branch protection: ${final.readout.owner}/${final.readout.repo} ${final.readout.branch}`, 3)
      .addTable([
        [{ data: 'criterion', header: true }, { data: 'verdict', header: true }, { data: 'policy', header: true }, { data: 'reason', header: true }],
        ...final.verdicts.map((v) => [v.ruleId.replace('branch-protection/', ''), v.status, v.requirement, v.reason]),
      ])
      .addRaw(`${describeTier(final.tier)}\n`)
      .write();

    const failed = failsAt(outcome.report.findings, failOn);
    core.setOutput('passed', !failed);
    core.setOutput('failed', final.verdicts.filter((v) => v.status === 'fail').length);
    core.setOutput('unknown', final.verdicts.filter((v) => v.status === 'unknown').length);
    core.setOutput('scorecard-tier', final.tier.reached);
    core.setOutput('sarif-file', sarifFile ?? '');
    if (failed) core.setFailed(`tollgate: branch protection does not meet the policy (fails on ${failOn} or worse).`);
  } catch (error) {
    if (isUserError(error)) core.setFailed(`tollgate: ${error.message}`);
    else {
      if (error instanceof Error && error.stack) core.info(error.stack);
      core.setFailed(`tollgate: internal error (a bug, please report it): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
