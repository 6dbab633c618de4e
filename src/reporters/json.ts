import { countBySeverity, failsAt } from './counts.ts';
import type { Renderer } from './reporter.ts';

/** Machine output: the whole report, stable key order, one document. */
export const renderJson: Renderer = (report, context) =>
  `${JSON.stringify(
    {
      tool: { name: 'tollgate', version: context.toolVersion },
      mode: report.mode,
      passed: !failsAt(report.findings, context.failOn),
      failOn: context.failOn,
      counts: countBySeverity(report.findings),
      suppressed: report.suppressed,
      filesInScope: report.filesInScope,
      durationMs: report.durationMs,
      checks: report.checks,
      findings: report.findings,
    },
    null,
    2,
  )}\n`;
