import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../../src/validate.ts';
import { summaryMarkdown } from '../../../src/reporters/summary.ts';
import type { Finding } from '../../../src/findings/finding.ts';
import { runCli, type TempRepo } from '../../helpers/temp-repo.ts';
import { coverageProject, lines, runCoverage, touch } from './coverage-project.ts';

const FEE_BASE = lines('export function fee(amountCents: number): number {', '  if (amountCents > 1000) {', '    return 50;', '  }', '  return 10;', '}');
const FEE_HEAD = lines(
  'export function fee(amountCents: number): number {',
  '  if (amountCents > 1000) {',
  '    return 50;',
  '  }',
  '  return 12;', // changed, covered
  '}',
  '',
  'export function refund(amountCents: number, feeCents: number): number {',
  '  const back = amountCents - feeCents;', // added, not covered
  '  return back > 0 ? back : 0;', // added, not covered
  '}',
);
const LIMITS = lines(
  'export function withinLimit(exposureCents: number, limitCents: number): boolean {',
  '  return exposureCents <= limitCents;',
  '}',
  '',
  'export function breach(exposureCents: number, limitCents: number): number {',
  '  if (exposureCents > limitCents) {',
  '    return exposureCents - limitCents;',
  '  }',
  '  return 0;',
  '}',
  '',
  'export const haircut = (valueCents: number): number => Math.floor(valueCents / 2);',
);
const FORMAT = (currency: string) =>
  lines(
    'export function formatCents(cents: number): string {',
    '  const whole = Math.trunc(cents / 100);',
    '  const rest = Math.abs(cents % 100);',
    "  const padded = String(rest).padStart(2, '0');",
    `  return \`\${whole}.\${padded} ${currency}\`;`,
    '}',
    '',
    'export function formatPlain(cents: number): string {',
    '  return String(cents);',
    '}',
  );
const LABEL = lines('export function label(id: number): string {', '  const prefix = "order";', '  return `${prefix}-${id}`;', '}');

let repo: TempRepo;

/**
 * One real project for the whole file: main has fee, limits, format, label and gone; the
 * feature branch changes fee (one covered edit, an uncovered new function), renames label.ts
 * untouched and format.ts with an uncovered edit, deletes gone.ts and adds a file no test loads.
 * Then the real vitest writes the coverage once.
 */
beforeAll(async () => {
  repo = await coverageProject({
    'src/fee.ts': FEE_BASE,
    'src/risk/limits.ts': LIMITS,
    'src/format.ts': FORMAT('EUR'),
    'src/label.ts': LABEL,
    'src/gone.ts': lines('export const gone = (): number => 1;'),
    'test/fee.test.ts': lines("import { expect, it } from 'vitest';", "import { fee } from '../src/fee.ts';", "it('charges a fee', () => { expect(fee(10)).toBe(10); expect(fee(5000)).toBe(50); });"),
    'test/limits.test.ts': lines(
      "import { expect, it } from 'vitest';",
      "import { breach, withinLimit } from '../src/risk/limits.ts';",
      "it('checks limits', () => { expect(withinLimit(1, 2)).toBe(true); expect(breach(1, 2)).toBe(0); });",
    ),
    'test/format.test.ts': lines("import { expect, it } from 'vitest';", "import { formatPlain } from '../src/format.ts';", "it('formats', () => { expect(formatPlain(5)).toBe('5'); });"),
    'test/label.test.ts': lines("import { expect, it } from 'vitest';", "import { label } from '../src/label.ts';", "it('labels', () => { expect(label(1)).toBe('order-1'); });"),
  });
  repo.stage();
  repo.commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  await repo.write('src/fee.ts', FEE_HEAD);
  await repo.write('test/fee.test.ts', lines("import { expect, it } from 'vitest';", "import { fee } from '../src/fee.ts';", "it('charges a fee', () => { expect(fee(10)).toBe(12); expect(fee(5000)).toBe(50); });"));
  repo.git('mv', 'src/label.ts', 'src/labels.ts');
  await repo.write('test/label.test.ts', lines("import { expect, it } from 'vitest';", "import { label } from '../src/labels.ts';", "it('labels', () => { expect(label(1)).toBe('order-1'); });"));
  repo.git('mv', 'src/format.ts', 'src/formatting.ts');
  await repo.write('src/formatting.ts', FORMAT('USD'));
  await repo.write('test/format.test.ts', lines("import { expect, it } from 'vitest';", "import { formatPlain } from '../src/formatting.ts';", "it('formats', () => { expect(formatPlain(5)).toBe('5'); });"));
  repo.git('rm', '-q', 'src/gone.ts');
  await repo.write('src/untested.ts', lines('export function settle(amountCents: number): number {', '  return amountCents * 2;', '}'));
  repo.stage();
  repo.commit('feature work');
  await runCoverage(repo);
}, 90_000);

afterAll(async () => repo?.remove());

async function configure(coverage: Record<string, unknown>): Promise<void> {
  await writeFile(repo.path('tollgate.config.json'), JSON.stringify({ checks: { coverage } }));
}

async function coverageFindings(coverage: Record<string, unknown>, mode: 'all' | 'quick' = 'all'): Promise<{ findings: Finding[]; notes: string[] }> {
  await configure(coverage);
  const { report } = await validate({ cwd: repo.dir, mode, checks: ['coverage'] });
  return { findings: report.findings, notes: report.checks.find((c) => c.id === 'coverage')?.notes ?? [] };
}

const at = (f: Finding) => `${f.ruleId} ${f.location.path}:${f.location.line}${f.location.endLine && f.location.endLine !== f.location.line ? `-${f.location.endLine}` : ''}`;

describe('coverage thresholds per path', () => {
  it('passes src/** at 50% and fails src/risk/** at 100% lines, with the figures', async () => {
    const { findings, notes } = await coverageFindings({ thresholds: [{ files: ['src/**'], lines: 50 }, { files: ['src/risk/**'], lines: 100, functions: 100 }], patch: { base: 'main' } });
    const failures = findings.filter((f) => f.ruleId === 'coverage/threshold');
    expect(failures.map((f) => f.message)).toEqual([
      expect.stringMatching(/^Coverage for src\/risk\/\*\*: functions 66\.67% \(2\/3\) is below the minimum of 100%/),
      expect.stringMatching(/^Coverage for src\/risk\/\*\*: lines 80\.00% \(4\/5\) is below the minimum of 100%/),
    ]);
    expect(failures.every((f) => f.severity === 'error')).toBe(true);
    expect(notes.join('\n')).toMatch(/src\/\*\*: 5 file\(s\), lines 55\.6% \(min 50%\) ok/);
  });

  it('puts a table per path and of the change in the job summary', async () => {
    await configure({ thresholds: [{ files: ['src/**'], lines: 50 }, { files: ['src/risk/**'], lines: 100, functions: 100 }], patch: { base: 'main', threshold: 80 } });
    const { report } = await validate({ cwd: repo.dir, mode: 'all', checks: ['coverage'] });
    const md = summaryMarkdown(report, { toolVersion: 'test', color: false, failOn: 'error', timings: false, ruleMeta: () => undefined });
    const table = md.slice(md.indexOf('### Coverage')).split('\n');
    expect(table[0]).toMatch(/^### Coverage \(coverage\/coverage-final\.json\)$/);
    expect(table[2]).toBe('| path | files / lines | lines | branches | functions | statements | result |');
    expect(table[4]).toBe('| src/\\*\\* | 5 | 55.6% (min 50%) |  |  |  | ✅ |');
    expect(table[5]).toBe('| src/risk/\\*\\* | 1 | 80.0% (min 100%) |  | 66.7% (min 100%) |  | ❌ |');
    expect(table[6]).toMatch(/^\| changed lines \(against main \(merge-base [0-9a-f]{7}\)\) \| 5 \| 20\.0% \(min 80%\), 1\/5 \|(?: {2}\|){3} ❌ \|$/);
  });

  it('fails a threshold whose globs match no file of the report', async () => {
    const { findings } = await coverageFindings({ thresholds: [{ files: ['src/treasury/**'], lines: 80 }], patch: { base: 'main' } });
    expect(findings.filter((f) => f.ruleId === 'coverage/threshold').map((f) => f.message)).toEqual([expect.stringContaining('src/treasury/**: no file of the coverage report matches')]);
  });
});

describe('patch coverage against the merge-base', () => {
  it('lists the uncovered changed lines on a branch, following renames and ignoring deleted files', async () => {
    const { findings, notes } = await coverageFindings({ patch: { base: 'main' } });
    expect(findings.filter((f) => f.ruleId === 'coverage/uncovered-change').map(at)).toEqual([
      'coverage/uncovered-change src/fee.ts:9-10',
      'coverage/uncovered-change src/formatting.ts:5',
      'coverage/uncovered-change src/untested.ts:2',
    ]);
    // Not a threshold: uncovered changed lines alone are notes (never failing, never warning debt).
    expect(findings.every((f) => f.severity === 'note')).toBe(true);
    expect(notes.join('\n')).toMatch(/patch against main \(merge-base [0-9a-f]{7}\): 20\.0% of 5 changed executable line\(s\) covered/);
  });

  it('fails below the patch threshold and passes at or above it', async () => {
    const failing = await coverageFindings({ patch: { base: 'main', threshold: 80 } });
    expect(failing.findings.filter((f) => f.ruleId === 'coverage/patch-threshold').map((f) => f.message)).toEqual([
      expect.stringMatching(/^Patch coverage 20\.00% \(1\/5 changed executable lines against main/),
    ]);
    const passing = await coverageFindings({ patch: { base: 'main', threshold: 20 } });
    expect(passing.findings.filter((f) => f.ruleId === 'coverage/patch-threshold')).toEqual([]);
  });

  it('reads the same changed lines from lcov.info as from coverage-final.json', async () => {
    const fromJson = await coverageFindings({ reports: ['coverage/coverage-final.json'], patch: { base: 'main' } });
    const fromLcov = await coverageFindings({ reports: ['coverage/lcov.info'], patch: { base: 'main' } });
    expect(fromLcov.findings.map(at)).toEqual(fromJson.findings.map(at));
    expect(fromLcov.findings.length).toBeGreaterThan(0);
  });

  it('refuses an unknown base branch with a usage error naming the key', async () => {
    await configure({ patch: { base: 'no-such-branch' } });
    await expect(validate({ cwd: repo.dir, mode: 'all', checks: ['coverage'] })).rejects.toThrow(/checks\.coverage\.patch\.base: "no-such-branch"/);
  });
});

describe('patch coverage of the staged diff', () => {
  it('measures the staged change in quick mode (check coverage --staged)', async () => {
    const head = repo.git('rev-parse', 'HEAD').trim();
    repo.git('reset', '-q', '--soft', 'main'); // the whole feature is now staged on top of main
    try {
      const { findings, notes } = await coverageFindings({ patch: { threshold: 50 } }, 'quick');
      expect(findings.map(at)).toEqual([
        'coverage/patch-threshold :0',
        'coverage/uncovered-change src/fee.ts:9-10',
        'coverage/uncovered-change src/formatting.ts:5',
        'coverage/uncovered-change src/untested.ts:2',
      ]);
      expect(notes.join('\n')).toContain('patch against the staged diff: 20.0% of 5');
    } finally {
      repo.git('reset', '-q', '--soft', head);
    }
  });
});

describe('exported functions that must be tested', () => {
  it('names each exported function of a mustTest file that no test calls', async () => {
    const { findings } = await coverageFindings({ mustTest: ['src/risk/**'], patch: { base: 'main' } });
    const untested = findings.filter((f) => f.ruleId === 'coverage/must-test');
    expect(untested.map((f) => `${f.location.path}:${f.location.line}:${f.location.column} ${f.snippet}`)).toEqual(['src/risk/limits.ts:12:14 haircut']);
    expect(untested[0]!.message).toContain('`haircut` is never called by the tests');
  });
});

describe('the coverage file itself', () => {
  it('reports a report older than a source file as stale, naming the command to run', async () => {
    await touch(repo, 'src/fee.ts', 120);
    try {
      const { findings } = await coverageFindings({ thresholds: [{ files: ['src/**'], lines: 10 }], patch: { base: 'main' } });
      expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['coverage/stale-report error']);
      expect(findings[0]!.message).toMatch(/coverage\/coverage-final\.json is stale: src\/fee\.ts changed about 2 min after it.*run `npx vitest run --coverage`/);
    } finally {
      await touch(repo, 'src/fee.ts', -3600);
    }
  });

  it('fails with the command to run when coverage is required and no report exists', async () => {
    const { findings } = await coverageFindings({ reports: ['coverage-missing/lcov.info'], command: 'npm run test:coverage', thresholds: [{ files: ['src/**'], lines: 80 }] });
    expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['coverage/missing-report error']);
    expect(findings[0]!.message).toContain('run `npm run test:coverage` first');
  });

  it('only notes a missing report when nothing asks for coverage, so a repository without tests passes', async () => {
    const { findings, notes } = await coverageFindings({ reports: ['coverage-missing/lcov.info'] });
    expect(findings).toEqual([]);
    expect(notes.join('\n')).toMatch(/no coverage report \(coverage-missing\/lcov\.info\): nothing to check/);
  });

  it('cannot compute patch coverage from a summary-only report and says which reporter to add', async () => {
    const { findings } = await coverageFindings({ reports: ['coverage/coverage-summary.json'], patch: { base: 'main', threshold: 50 } });
    expect(findings.map((f) => f.ruleId)).toEqual(['coverage/missing-report']);
    expect(findings[0]!.message).toContain('needs line data');
  });
});

describe('coverage from the CLI', () => {
  it('exits 1 on a failing threshold and 0 once it is met', async () => {
    await configure({ thresholds: [{ files: ['src/risk/**'], lines: 100 }], patch: { base: 'main' } });
    const failing = runCli(['check', 'coverage'], { cwd: repo.dir });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('coverage/threshold');
    await configure({ thresholds: [{ files: ['src/risk/**'], lines: 50 }], patch: { base: 'main' } });
    expect(runCli(['check', 'coverage'], { cwd: repo.dir }).status).toBe(0);
  });
});
