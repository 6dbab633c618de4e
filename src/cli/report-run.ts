import { colorAllowed } from '../reporters/color.ts';
import { failsAt } from '../reporters/counts.ts';
import type { ReportContext } from '../reporters/reporter.ts';
import { writeReport } from '../reporters/write.ts';
import { ruleMetaFor } from '../rules/catalog-loader.ts';
import { validate, type ValidateOptions } from '../validate.ts';
import { VERSION } from '../version.ts';
import type { OutputOptions } from './options.ts';

function useColor(options: OutputOptions): boolean {
  return options.format === 'text' && colorAllowed({ env: process.env, isTTY: process.stdout.isTTY, toFile: Boolean(options.output) });
}

/** Runs the engine and reports; returns the exit code (0 clean, 1 findings at the threshold). */
export async function runAndReport(options: OutputOptions, run: Omit<ValidateOptions, 'cwd' | 'configPath' | 'progress' | 'stepOutput'>): Promise<number> {
  const showProgress = process.stderr.isTTY === true;
  const result = await validate({
    ...run,
    cwd: options.cwd,
    configPath: options.config,
    ...(showProgress ? { progress: (id, message) => process.stderr.write(`[${id}] ${message}\n`) } : {}),
    // Command steps stream their output live on a terminal; otherwise it is captured and shown on failure.
    ...(showProgress ? { stepOutput: (step: string, line: string) => process.stderr.write(`[${step}] ${line}\n`) } : {}),
  });
  const failOn = options.failOn ?? result.config.failOn;
  const ruleMeta = await ruleMetaFor(options.format, options.output);
  const context: ReportContext = { toolVersion: VERSION, color: useColor(options), failOn, ruleMeta, timings: options.timings };
  await writeReport(result.report, options.format, context, options.output);
  return failsAt(result.report.findings, failOn) ? 1 : 0;
}
