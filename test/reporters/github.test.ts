import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DraftFinding, Finding } from '../../src/findings/finding.ts';
import { ANNOTATION_CAP, emitAnnotations, heldBackMessage, mostRelevant } from '../../src/reporters/github.ts';
import { SUMMARY_BYTE_BUDGET, SUMMARY_ROW_CAP, cellText, codeSpan, summaryMarkdown } from '../../src/reporters/summary.ts';
import { buildReport, context, draft } from './build-report.ts';
import { annotations, parseCommands } from './workflow-commands.ts';

/** Runs `fn` and returns what it wrote to stdout (where @actions/core prints workflow commands). */
function captureStdout(fn: () => void): string {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

function lines(count: number, over: (i: number) => Partial<DraftFinding> = () => ({})): DraftFinding[] {
  return Array.from({ length: count }, (_, i) => draft({ location: { path: 'src/a.ts', line: i + 1, column: 3 }, snippet: `line ${i}  `, ...over(i) }));
}

/** Cells of a Markdown table row, split on pipes that are not escaped. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
}

afterEach(() => vi.restoreAllMocks());

describe('GitHub annotations', () => {
  it('survive newlines, %, :: and commas or colons in paths exactly (core escapes them)', async () => {
    const report = await buildReport([
      draft({
        severity: 'error',
        ruleId: 'float/money-float',
        checkId: 'float',
        message: 'Fee of 100% :: computed in a float,\nuse Decimal',
        location: { path: 'src/fees, v2/a:b.ts', line: 4, column: 2, endColumn: 9 },
      }),
    ]);
    const log = captureStdout(() => emitAnnotations(report.findings));
    expect(log.split('\n')[0]).toMatch(/^::error /);
    const [annotation] = annotations(log);
    expect(annotation).toEqual({
      command: 'error',
      properties: { title: 'float/money-float', file: 'src/fees, v2/a:b.ts', line: '4', endLine: '4', col: '2', endColumn: '9' },
      data: 'Fee of 100% :: computed in a float,\nuse Decimal',
    });
  });

  it('maps error, warning and note to ::error, ::warning and ::notice, and puts a pending fix under the message', async () => {
    const report = await buildReport([
      draft({ severity: 'error', location: { path: 'a.ts', line: 1, column: 1 } }),
      draft({ severity: 'warning', location: { path: 'b.ts', line: 1, column: 1 }, fix: { description: 'Strip it.' } }),
      draft({ severity: 'note', location: { path: '', line: 0, column: 0 } }),
    ]);
    const found = annotations(captureStdout(() => emitAnnotations(report.findings)));
    expect(found.map((a) => a.command)).toEqual(['error', 'warning', 'notice']);
    expect(found[1]!.data).toBe('Trailing whitespace.\nFix: Strip it.');
    expect(found[2]!.properties).toEqual({ title: 'hygiene/trailing-whitespace' });
  });

  it('emits at most 10 of each level and says how many it held back and where they are', async () => {
    const report = await buildReport([
      ...lines(25),
      ...lines(12, (i) => ({ severity: 'error', ruleId: 'hygiene/conflict-marker', location: { path: 'src/b.ts', line: i + 1, column: 1 } })),
      ...lines(3, (i) => ({ severity: 'note', ruleId: 'hygiene/large-file', location: { path: 'src/c.ts', line: i + 1, column: 1 } })),
    ]);
    const log = captureStdout(() => emitAnnotations(report.findings, { summary: true, sarifFile: 'tollgate.sarif' }));
    const found = annotations(log);
    expect(found.filter((a) => a.command === 'warning')).toHaveLength(ANNOTATION_CAP);
    expect(found.filter((a) => a.command === 'error')).toHaveLength(ANNOTATION_CAP);
    expect(found.filter((a) => a.command === 'notice')).toHaveLength(3);
    expect(log).toContain(
      'tollgate: 17 findings not annotated: GitHub shows at most 10 annotations of each level per step (10 of 12 errors shown, 10 of 25 warnings shown). ' +
        'All findings are in the report below, the job summary and the SARIF file tollgate.sarif.',
    );
  });

  it('prints no held-back line when everything fits', async () => {
    const report = await buildReport(lines(10));
    const log = captureStdout(() => emitAnnotations(report.findings));
    expect(annotations(log)).toHaveLength(10);
    expect(log).not.toContain('not annotated');
    expect(heldBackMessage({ shown: { error: 0, warning: 10, note: 0 }, heldBack: { error: 0, warning: 0, note: 0 } }, { summary: true })).toBeUndefined();
  });

  it('shows one finding of each rule before a second of any, and pending fixes before applied ones', async () => {
    const report = await buildReport([
      ...lines(24),
      draft({ ruleId: 'secrets/stripe-key', checkId: 'secrets', message: 'Stripe key', location: { path: 'src/z.ts', line: 9, column: 1 } }),
    ]);
    const picked = mostRelevant(report.findings, ANNOTATION_CAP);
    expect(picked).toHaveLength(10);
    expect(picked.map((f) => f.ruleId)).toContain('secrets/stripe-key');
    expect(picked.filter((f) => f.ruleId === 'hygiene/trailing-whitespace').map((f) => f.location.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);

    const mixed = await buildReport(lines(12, (i) => (i < 6 ? { fix: { description: 'x', applied: true } } : {})));
    const chosen = mostRelevant(mixed.findings, ANNOTATION_CAP);
    expect(chosen.filter((f: Finding) => !f.fix?.applied)).toHaveLength(6);
  });
});

describe('job summary markdown', () => {
  it('has a table row per check with counts and timings, a total row, notes and crashes', async () => {
    const report = await buildReport(
      [...lines(3), draft({ checkId: 'eslint', ruleId: 'eslint/semi', severity: 'error', location: { path: 'src/b.ts', line: 2, column: 1 } })],
      { checks: { tsc: { crashed: 'no tsconfig', durationMs: 1500 }, hygiene: { notes: ['1 binary file skipped'] } } },
    );
    const md = summaryMarkdown(report, context());
    expect(md).toContain('## tollgate: ❌ failed');
    expect(md).toContain('1 error, 3 warnings, 0 notes in 2 files (whole repository); fails on **error** or worse.');
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toContain('| hygiene | ⚠️ findings | 0 | 3 | 0 | 10 ms |');
    expect(rows).toContain('| eslint | ❌ fails | 1 | 0 | 0 | 11 ms |');
    expect(rows).toContain('| tsc | 💥 crashed | 0 | 0 | 0 | 1500 ms |');
    expect(rows).toContain('| **total** | ❌ | 1 | 3 | 0 | 42 ms |');
    expect(md).toContain('- tsc crashed: no tsconfig');
    expect(md).toContain('- hygiene: 1 binary file skipped');
  });

  it('lists every finding, errors first, with the fix advice once per rule', async () => {
    const report = await buildReport([
      ...lines(4, () => ({ fix: { description: 'Strip the whitespace.' } })),
      draft({ severity: 'error', ruleId: 'hygiene/conflict-marker', location: { path: 'z.ts', line: 7, column: 1 } }),
    ]);
    const md = summaryMarkdown(report, context());
    const findingRows = md.split('\n').filter((l) => /^\| (🔴|🟡|🔵)/.test(l));
    expect(findingRows).toHaveLength(5);
    expect(cells(findingRows[0]!)).toEqual(['🔴 error', '`z.ts:7`', '`hygiene/conflict-marker`', 'Trailing whitespace.']);
    expect(md.match(/Fix: Strip the whitespace\./g)).toHaveLength(1);
  });

  it('escapes pipes, newlines, HTML and Markdown in messages and paths so each row keeps four cells', async () => {
    const report = await buildReport([
      draft({
        message: 'a | b\nsecond line </details> <img src=x> *not bold* [link](http://x) `tick`',
        location: { path: 'dir|x/we`ird.ts', line: 3, column: 1 },
      }),
    ]);
    const md = summaryMarkdown(report, context());
    const row = md.split('\n').find((l) => l.startsWith('| 🟡'))!;
    const parts = cells(row);
    expect(parts).toHaveLength(4);
    expect(parts[1]).toBe('``dir\\|x/we`ird.ts:3``');
    expect(parts[3]).toBe('a \\| b<br>second line &lt;/details&gt; &lt;img src=x&gt; \\*not bold\\* \\[link\\](http://x) \\`tick\\`');
    expect(md.match(/<\/details>/g)).toHaveLength(1);
    expect(cellText('x\r\ny')).toBe('x<br>y');
    expect(codeSpan('`edge`')).toBe('`` `edge` ``');
  });

  it(`stops the findings table at ${SUMMARY_ROW_CAP} rows and says how many more there are`, async () => {
    const report = await buildReport(lines(SUMMARY_ROW_CAP + 5));
    const md = summaryMarkdown(report, context());
    expect(md.split('\n').filter((l) => l.startsWith('| 🟡'))).toHaveLength(SUMMARY_ROW_CAP);
    expect(md).toContain('…and 5 more findings not listed here');
    expect(md).toContain(`<summary>Findings (${SUMMARY_ROW_CAP + 5})</summary>`);
  });

  it('stays under the byte budget when rows are long', async () => {
    const longPath = `src/${'deep/'.repeat(300)}a.ts`;
    const report = await buildReport(lines(900, (i) => ({ message: `${'x'.repeat(2000)} ${i}`, location: { path: longPath, line: i + 1, column: 1 } })));
    const md = summaryMarkdown(report, context());
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_BYTE_BUDGET + 1024);
    expect(md).toMatch(/…and \d+ more findings not listed here/);
    expect(md).toContain('</details>');
  });

  it('notes the annotation shortfall it is given', async () => {
    const report = await buildReport(lines(25));
    const md = summaryMarkdown(report, context(), { shown: { error: 0, warning: 10, note: 0 }, heldBack: { error: 0, warning: 15, note: 0 } });
    expect(md).toContain('> GitHub shows at most 10 annotations of each level per step, so only 10 of 25 warnings appear as annotations. Every finding is in the table below.');
  });
});

describe('parseCommands (test helper)', () => {
  it('reads properties and data back the way the runner does', () => {
    expect(parseCommands('x\n::warning file=a%2Cb%3Ac.ts,line=2::50%25%0Adone\n')).toEqual([
      { command: 'warning', properties: { file: 'a,b:c.ts', line: '2' }, data: '50%\ndone' },
    ]);
  });
});
