import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.ts';
import { JSON_REPORT_VERSION, renderJson, type JsonReport } from '../../src/reporters/json.ts';
import { buildReport, context, draft } from './build-report.ts';

describe('JSON report', () => {
  it('round-trips: parsing the output gives back the findings, checks and counts of the report', async () => {
    const report = await buildReport(
      [
        draft({ snippet: 'x  ', fix: { description: 'Strip it.', applied: true }, help: 'https://example.com/rule' }),
        draft({ severity: 'error', ruleId: 'hygiene/conflict-marker', location: { path: 'b.ts', line: 3, column: 1, endLine: 5, endColumn: 8 } }),
        draft({ checkId: 'branch', ruleId: 'branch/unprotected-default', severity: 'note', location: { path: '', line: 0, column: 0 } }),
      ],
      { checks: { tsc: { crashed: 'boom', notes: ['skipped'] } }, suppressed: 2 },
    );
    const parsed = JSON.parse(renderJson(report, context())) as JsonReport;
    expect(parsed.findings).toEqual(report.findings);
    expect(parsed.checks).toEqual(report.checks);
    expect(parsed).toMatchObject({
      schemaVersion: JSON_REPORT_VERSION,
      tool: { name: 'tollgate', version: '9.8.7' },
      mode: 'all',
      passed: false,
      failOn: 'error',
      counts: { error: 1, warning: 1, note: 1 },
      suppressed: 2,
      filesInScope: 2,
      durationMs: 42,
    });
  });

  it('writes the documented top-level keys, and finding keys, in a fixed order whatever order a check used', async () => {
    const scrambled = {
      snippet: 'y  ',
      location: { endColumn: 4, column: 2, line: 1, path: 'a.ts' },
      message: 'Trailing whitespace.',
      severity: 'warning',
      ruleId: 'hygiene/trailing-whitespace',
      checkId: 'hygiene',
    } as const;
    const report = await buildReport([scrambled]);
    const parsed = JSON.parse(renderJson(report, context())) as JsonReport;
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'mode', 'passed', 'failOn', 'counts', 'suppressed', 'filesInScope', 'durationMs', 'checks', 'findings']);
    const finding = parsed.findings[0] as Finding;
    expect(Object.keys(finding)).toEqual(['checkId', 'ruleId', 'severity', 'message', 'location', 'fingerprint', 'snippet']);
    expect(Object.keys(finding.location)).toEqual(['path', 'line', 'column', 'endColumn']);
  });

  it('says passed: true when nothing reaches the threshold', async () => {
    const report = await buildReport([draft()]);
    expect((JSON.parse(renderJson(report, context())) as JsonReport).passed).toBe(true);
    expect((JSON.parse(renderJson(report, context({ failOn: 'warning' }))) as JsonReport).passed).toBe(false);
  });
});
