// The validate action: reads its inputs, runs the same engine as `tollgate validate-all` /
// `validate-quick`, reports through the same reporters, and sets the outputs. No logic of its own.
import path from 'node:path';
import * as core from '@actions/core';
import { SEVERITIES, type Severity } from '../../src/findings/finding.ts';
import { UserError, isUserError } from '../../src/errors/user-error.ts';
import { countBySeverity, failsAt } from '../../src/reporters/counts.ts';
import { FORMATS, type Format, type ReportContext } from '../../src/reporters/reporter.ts';
import { inertForActions, render, writeReport } from '../../src/reporters/write.ts';
import { ruleMeta } from '../../src/rules/catalog.ts';
import { validate } from '../../src/validate.ts';
import { VERSION } from '../../src/version.ts';

const MODES = ['quick', 'all'] as const;

/** One of `allowed`, or a UserError naming the input: the step fails with that message. */
function choice<T extends string>(name: string, allowed: readonly T[], fallback: T | undefined): T | undefined {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UserError(`Input "${name}" must be one of ${allowed.join(', ')}; got "${value}".`);
  }
  return value as T;
}

export async function run(): Promise<void> {
  try {
    const mode = choice('mode', MODES, 'all')!;
    const format = choice<Format>('format', FORMATS, 'github')!;
    const failOnInput = choice<Severity>('fail-on', SEVERITIES, undefined);
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const cwd = path.resolve(workspace, core.getInput('working-directory') || '.');
    const sarifInput = core.getInput('sarif-file');
    const sarifFile = sarifInput ? path.resolve(workspace, sarifInput) : undefined;

    // Extra SARIF files for the warning-debt baseline (on top of the config's debt.sarif).
    const debtSarif = core.getMultilineInput('debt-sarif').map((file) => path.resolve(workspace, file));
    const result = await validate({
      cwd,
      configPath: core.getInput('config') || undefined,
      mode,
      progress: (id, message) => core.info(`[${id}] ${message}`),
      ...(debtSarif.length > 0 ? { debt: { sarif: debtSarif } } : {}),
    });
    const failOn = failOnInput ?? result.config.failOn;
    const context: ReportContext = { toolVersion: VERSION, color: false, failOn, ruleMeta, timings: true };
    if (format === 'github') {
      await writeReport(result.report, 'github', context, sarifFile);
      if (sarifFile) core.info(`tollgate: wrote sarif report to ${sarifFile}`);
    } else {
      // The report quotes repository content: in the log it must not act as workflow commands.
      process.stdout.write(inertForActions(render(result.report, format, context)));
      if (sarifFile) await writeReport(result.report, 'sarif', context, sarifFile);
    }

    const counts = countBySeverity(result.report.findings);
    const failed = failsAt(result.report.findings, failOn);
    core.setOutput('errors', counts.error);
    core.setOutput('warnings', counts.warning);
    core.setOutput('notes', counts.note);
    core.setOutput('findings', result.report.findings.length);
    core.setOutput('sarif-file', sarifFile ?? '');
    core.setOutput('passed', !failed);
    if (failed) {
      core.setFailed(`tollgate: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s); the step fails on ${failOn} or worse.`);
    }
  } catch (error) {
    if (isUserError(error)) {
      core.setFailed(`tollgate: ${error.message}`);
    } else {
      if (error instanceof Error && error.stack) core.info(error.stack);
      core.setFailed(`tollgate: internal error (a bug, please report it): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
