import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DraftFinding } from '../../src/findings/finding.ts';
import { FINGERPRINT_KEY, REPOSITORY_PLACEHOLDER_PATH, SARIF_RESULT_LIMIT, renderSarif, sarifCategory, sarifLog, sarifUri } from '../../src/reporters/sarif.ts';
import type { RunReport } from '../../src/runner/run.ts';
import { PROJECT_ROOT, TempRepo, runCli } from '../helpers/temp-repo.ts';
import { buildReport, context, draft } from './build-report.ts';

const SCHEMA_FILE = path.join(PROJECT_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/**
 * The official SARIF 2.1.0 schema. It is written as draft-04 (`id`, `$schema` draft-04); its
 * keywords mean the same in draft-07, which Ajv 8 speaks, so only the id keyword is renamed.
 * `strict: false` because the schema puts `required` in anyOf branches without `properties`
 * (legal, but Ajv's strict mode objects); `unicodeRegExp: false` because one `pattern` in it is
 * only a valid regular expression without the u flag. Formats (uri, uri-reference, date-time)
 * are checked in full.
 */
function compileSarifSchema(): ValidateFunction {
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $schema: string; id: string } & Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // ajv-formats is CommonJS: under nodenext its default import is module.exports, whose
  // `default` is the plugin.
  addFormats.default(ajv);
  return ajv.compile({ ...schema, $id: id });
}

let validateSarif: ValidateFunction;
beforeAll(() => {
  validateSarif = compileSarifSchema();
});

function expectValid(log: unknown): void {
  const ok = validateSarif(log);
  expect(validateSarif.errors ?? [], 'SARIF schema errors').toEqual([]);
  expect(ok).toBe(true);
}

/** One of each location shape and every optional field a finding can carry. */
const EVERY_SHAPE: DraftFinding[] = [
  draft({ location: { path: 'src/pay.ts', line: 3, column: 7, endLine: 3, endColumn: 9 }, snippet: 'const fee = 1.5;  ', fix: { description: 'Strip the whitespace.' } }),
  draft({ location: { path: 'src/pay.ts', line: 8, column: 1 }, fix: { description: 'Strip the whitespace.', applied: true } }),
  draft({ ruleId: 'hygiene/missing-final-newline', message: 'No newline at the end of the file.', location: { path: 'src/pay.ts', line: 0, column: 0 } }),
  draft({ checkId: 'branch', ruleId: 'branch/unprotected-default', severity: 'error', message: 'main has no branch protection.', location: { path: '', line: 0, column: 0 } }),
  draft({ location: { path: 'docs/Q&A #1/naïve 100% file?.md', line: 2, column: 4 } }),
  draft({ location: { path: 'src/日本/円.ts', line: 1, column: 1 } }),
  draft({
    checkId: 'eslint',
    ruleId: 'eslint/no-unused-vars',
    severity: 'error',
    message: "'total' is assigned a value but never used.\nRemove it or use it.",
    location: { path: 'src/a.ts', line: 4, column: 7, endLine: 6, endColumn: 2 },
    help: 'https://eslint.org/docs/latest/rules/no-unused-vars',
  }),
];

async function everyShapeLog(): Promise<{ report: RunReport; log: Log }> {
  const report = await buildReport(EVERY_SHAPE, {
    checks: { hygiene: { notes: ['3 binary files skipped'] }, tsc: { crashed: 'tsconfig.json not found', notes: [] } },
  });
  return { report, log: JSON.parse(renderSarif(report, context())) as Log };
}

describe('SARIF 2.1.0 output', () => {
  it('validates against the official SARIF 2.1.0 schema with every kind of location, fix and notification', async () => {
    const { log } = await everyShapeLog();
    expectValid(log);
    expect(log.runs[0]!.results).toHaveLength(EVERY_SHAPE.length);
  });

  it('validates an empty run too', async () => {
    expectValid(JSON.parse(renderSarif(await buildReport([]), context())));
  });

  it('uses a schema check that rejects what the schema forbids (line 0, raw spaces in a URI)', () => {
    const bad = {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.ts' }, region: { startLine: 0 } } }] }] }],
    };
    expect(validateSarif(bad)).toBe(false);
    expect(validateSarif.errors!.map((e) => e.keyword).sort()).toEqual(['format', 'minimum']);
  });

  it('lists each rule once, sorted, with description, help and default level, and results point at it by ruleIndex', async () => {
    const { log } = await everyShapeLog();
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual([
      'branch/unprotected-default',
      'eslint/no-unused-vars',
      'hygiene/missing-final-newline',
      'hygiene/trailing-whitespace',
    ]);
    for (const result of run.results!) {
      expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
    }
    const ws = rules.find((r) => r.id === 'hygiene/trailing-whitespace')!;
    expect(ws.shortDescription!.text).toBe('Lines that end in spaces or tabs.');
    expect(ws.help!.text).toContain('Fix: Strip the whitespace at the end of the line');
    expect(ws.help!.markdown).toContain('rules/hygiene/trailing-whitespace/README.md');
    expect(ws.defaultConfiguration!.level).toBe('warning');
    const eslint = rules.find((r) => r.id === 'eslint/no-unused-vars')!;
    expect(eslint.helpUri).toBe('https://eslint.org/docs/latest/rules/no-unused-vars');
    expect(eslint.defaultConfiguration!.level).toBe('error');
    expect(eslint.help!.text).toContain('eslint');
  });

  it('carries the finding fingerprint in partialFingerprints, unchanged when the line moves', async () => {
    const at = (line: number) => draft({ location: { path: 'src/a.ts', line, column: 3 }, snippet: 'let x = 1;  ' });
    const before = sarifLog(await buildReport([at(3)]), context()).runs[0]!.results![0]!;
    const after = sarifLog(await buildReport([at(40)]), context()).runs[0]!.results![0]!;
    expect(before.partialFingerprints![FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
  });

  it('gives line findings a region, file findings none, and repository findings the placeholder file', async () => {
    const { log } = await everyShapeLog();
    const results = log.runs[0]!.results!;
    const byRule = (id: string): Result => results.find((r) => r.ruleId === id)!;

    const line = results.find((r) => r.locations![0]!.physicalLocation!.region?.startLine === 3)!;
    expect(line.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/pay.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 7, endLine: 3, endColumn: 9, snippet: { text: 'const fee = 1.5;  ' } },
    });

    expect(byRule('hygiene/missing-final-newline').locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'src/pay.ts', uriBaseId: '%SRCROOT%' } });

    const repo = byRule('branch/unprotected-default');
    const physical = repo.locations![0]!.physicalLocation!;
    expect(decodeURIComponent(physical.artifactLocation!.uri!)).toBe(REPOSITORY_PLACEHOLDER_PATH);
    expect(physical.region).toEqual({ startLine: 1 });
    expect(repo.properties).toMatchObject({ repositoryLevel: true });
  });

  it('percent-encodes each path segment so spaces, #, ?, % and non-ASCII survive as a relative URI', async () => {
    expect(sarifUri('docs/Q&A #1/naïve 100% file?.md')).toBe('docs/Q%26A%20%231/na%C3%AFve%20100%25%20file%3F.md');
    expect(sarifUri('src/日本/円.ts')).toBe('src/%E6%97%A5%E6%9C%AC/%E5%86%86.ts');
    const { log } = await everyShapeLog();
    const uris = log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri!);
    expect(uris.map((u) => decodeURIComponent(u))).toContain('docs/Q&A #1/naïve 100% file?.md');
    expect(uris.map((u) => decodeURIComponent(u))).toContain('src/日本/円.ts');
  });

  it('puts a pending fix in the message GitHub shows and both kinds of fix in properties', async () => {
    const { log } = await everyShapeLog();
    const results = log.runs[0]!.results!;
    const pending = results.find((r) => r.locations![0]!.physicalLocation!.region?.startLine === 3)!;
    expect(pending.message.text).toBe('Trailing whitespace.\nFix: Strip the whitespace.');
    expect(pending.properties).toMatchObject({ fix: { description: 'Strip the whitespace.', applied: false } });
    const applied = results.find((r) => r.locations![0]!.physicalLocation!.region?.startLine === 8)!;
    expect(applied.message.text).toBe('Trailing whitespace.');
    expect(applied.properties).toMatchObject({ fix: { applied: true } });
  });

  it('reports check notes and crashes as tool notifications and marks a crashed run unsuccessful', async () => {
    const { log } = await everyShapeLog();
    const invocation = log.runs[0]!.invocations![0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      { level: 'note', message: { text: 'hygiene: 3 binary files skipped' } },
      { level: 'error', message: { text: 'The tsc check crashed: tsconfig.json not found' } },
    ]);
  });
});

describe('what GitHub code scanning needs beyond the schema', () => {
  it('meets the upload rules: a physical location on every result, relative URIs, startLine >= 1, a category with a slash', async () => {
    const { log } = await everyShapeLog();
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.automationDetails!.id).toMatch(/^tollgate\/.+\/$/);
    expect(run.tool.driver.rules!.length).toBeLessThanOrEqual(25_000);
    for (const rule of run.tool.driver.rules!) expect((rule.properties!.tags as string[]).length).toBeLessThanOrEqual(20);
    for (const result of run.results!) {
      expect(result.locations!.length).toBeGreaterThanOrEqual(1);
      const physical = result.locations![0]!.physicalLocation!;
      const uri = physical.artifactLocation!.uri!;
      expect(uri).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\//i);
      expect(physical.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      if (physical.region) expect(physical.region.startLine).toBeGreaterThanOrEqual(1);
      expect(result.message.text).toBeTruthy();
    }
  });

  it('gives a single-check run its own category so its upload does not close the full gate alerts', async () => {
    const full = await buildReport([draft(), draft({ checkId: 'eslint', ruleId: 'eslint/semi' })]);
    expect(sarifCategory(full)).toBe('tollgate/all/');
    expect(sarifCategory({ ...full, checks: full.checks.slice(0, 1) })).toBe('tollgate/all/hygiene/');
    expect(sarifCategory({ ...full, mode: 'quick' })).toBe('tollgate/quick/');
  });

  it('keeps the 25,000 most severe results when there are more, and says how many it left out', async () => {
    const errors = [1, 2, 3].map((line) => draft({ severity: 'error', ruleId: 'hygiene/conflict-marker', location: { path: 'z.ts', line, column: 1 } }));
    const warnings = Array.from({ length: SARIF_RESULT_LIMIT }, (_, i) => draft({ location: { path: 'a.ts', line: i + 1, column: 1 }, snippet: `line ${i}` }));
    const report = await buildReport([...warnings, ...errors]);
    expect(report.findings).toHaveLength(SARIF_RESULT_LIMIT + 3);
    const run = sarifLog(report, context()).runs[0]!;
    expect(run.results).toHaveLength(SARIF_RESULT_LIMIT);
    expect(run.results!.filter((r) => r.level === 'error')).toHaveLength(3);
    expect(run.properties).toMatchObject({ omittedResults: 3 });
    expect(run.invocations![0]!.toolExecutionNotifications!.at(-1)!.message.text).toMatch(/^3 findings left out/);
  });
});

describe('SARIF from the real CLI', () => {
  let repo: TempRepo | undefined;
  afterEach(async () => repo?.remove());

  it('validates against the schema for a repository with odd file names and several hygiene problems', async () => {
    repo = await TempRepo.create();
    await repo.write('docs/naïve file #1.md', 'a \t\nno final newline');
    await repo.write('config/bad.json', '\ufeff{"a": 1,}\n');
    await repo.write('src/merge.ts', '<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> b\n');
    const result = runCli(['check', 'hygiene', '--format', 'sarif', '--output', 'out/tollgate.sarif'], { cwd: repo.dir });
    expect(result.status).toBe(1);
    const log = JSON.parse((await repo.read('out/tollgate.sarif')).toString()) as Log;
    expectValid(log);
    const uris = log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri!);
    expect(uris).toContain('docs/na%C3%AFve%20file%20%231.md');
    expect(log.runs[0]!.results!.length).toBeGreaterThanOrEqual(4);
  });
});
