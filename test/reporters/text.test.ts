import { afterEach, describe, expect, it } from 'vitest';
import { colorAllowed } from '../../src/reporters/color.ts';
import { renderText } from '../../src/reporters/text.ts';
import { TempRepo, runCli } from '../helpers/temp-repo.ts';
import { buildReport, context, draft } from './build-report.ts';

// eslint-disable-next-line no-control-regex -- looking for ANSI escape sequences is the point
const ANSI = /\x1b\[[0-9;]*m/;

describe('text report', () => {
  it('groups findings by file, repository-level ones under (repository), with position, severity and rule', async () => {
    const report = await buildReport([
      draft({ location: { path: 'src/b.ts', line: 2, column: 4 } }),
      draft({ location: { path: 'src/a.ts', line: 9, column: 1 } }),
      draft({ location: { path: 'src/a.ts', line: 0, column: 0 }, ruleId: 'hygiene/missing-final-newline', message: 'No final newline.' }),
      draft({ location: { path: '', line: 0, column: 0 }, ruleId: 'branch/unprotected-default', checkId: 'branch', severity: 'error', message: 'main is not protected.' }),
    ]);
    const out = renderText(report, context());
    const lines = out.split('\n');
    expect(lines.slice(0, 3)).toEqual(['(repository)', '  -        error   main is not protected.  branch/unprotected-default', '']);
    expect(lines.slice(3, 7)).toEqual([
      'src/a.ts',
      '  -        warning No final newline.  hygiene/missing-final-newline',
      '  9:1      warning Trailing whitespace.  hygiene/trailing-whitespace',
      '',
    ]);
    expect(lines[7]).toBe('src/b.ts');
    expect(out).toContain('✖ tollgate failed: 1 error, 3 warnings, 0 notes in 2 files; fails on error or worse');
  });

  it('keeps multi-line messages readable by indenting every line to the message column', async () => {
    const report = await buildReport([draft({ message: 'Money in a float.\nUse Decimal instead.\r\nSee the docs.' })]);
    const lines = renderText(report, context()).split('\n');
    const first = lines.findIndex((l) => l.includes('Money in a float.'));
    const column = lines[first]!.indexOf('Money');
    expect(lines[first + 1]).toBe(`${' '.repeat(column)}Use Decimal instead.`);
    expect(lines[first + 2]).toBe(`${' '.repeat(column)}See the docs.  hygiene/trailing-whitespace`);
  });

  it('shows control characters, bidi overrides and a byte-order mark from repository text as visible escapes', async () => {
    const report = await buildReport([draft({ message: 'bad \x1b[2J\x07 text', snippet: '\ufeffx = "\u202e"  ', location: { path: 'src/\x1b]0;title\x07.ts', line: 1, column: 1 } })]);
    const out = renderText(report, context());
    // eslint-disable-next-line no-control-regex -- checking that no control character is printed raw
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e\ufeff]/);
    expect(out).toContain('bad \\x1b[2J\\x07 text');
    expect(out).toContain('\\ufeffx = "\\u202e"');
    expect(out).toContain('src/\\x1b]0;title\\x07.ts');
  });

  it('prints the same fix advice once per file and rule, and marks applied fixes', async () => {
    const fix = { description: 'Strip the whitespace.' };
    const report = await buildReport([
      draft({ location: { path: 'a.ts', line: 1, column: 1 }, fix }),
      draft({ location: { path: 'a.ts', line: 2, column: 1 }, fix }),
      draft({ location: { path: 'b.ts', line: 1, column: 1 }, fix: { ...fix, applied: true } }),
    ]);
    const out = renderText(report, context());
    expect(out.match(/fix: Strip the whitespace\./g)).toHaveLength(1);
    expect(out).toMatch(/Trailing whitespace\. \(fixed\) {2}hygiene\/trailing-whitespace/);
  });

  it('shows each check’s duration and the total only with --timings', async () => {
    const report = await buildReport([draft(), draft({ checkId: 'eslint', ruleId: 'eslint/semi', location: { path: 'x.ts', line: 1, column: 1 } })], {
      checks: { tsc: { durationMs: 12_345 } },
    });
    const timed = renderText(report, context({ timings: true }));
    expect(timed).toMatch(/^hygiene {4}1 finding +10 ms$/m);
    expect(timed).toMatch(/^tsc {8}ok +12\.3 s$/m);
    expect(timed).toContain('in 2 files in 42 ms; fails on');
    const plain = renderText(report, context());
    expect(plain).toMatch(/^hygiene {4}1 finding$/m);
    expect(plain).not.toMatch(/\d+ ms/);
  });

  it('colours only when asked to', async () => {
    const report = await buildReport([draft()]);
    expect(renderText(report, context({ color: false }))).not.toMatch(ANSI);
    expect(renderText(report, context({ color: true }))).toMatch(ANSI);
  });
});

describe('colour decision', () => {
  const tty = { isTTY: true, toFile: false };
  it.each([
    ['a terminal', {}, tty, true],
    ['not a terminal', {}, { isTTY: false, toFile: false }, false],
    ['NO_COLOR=1 on a terminal', { NO_COLOR: '1' }, tty, false],
    ['NO_COLOR empty (unset by the spec)', { NO_COLOR: '' }, tty, true],
    ['NO_COLOR beats FORCE_COLOR', { NO_COLOR: '1', FORCE_COLOR: '1' }, tty, false],
    ['FORCE_COLOR=1 off a terminal', { FORCE_COLOR: '1' }, { isTTY: false, toFile: false }, true],
    ['FORCE_COLOR empty off a terminal', { FORCE_COLOR: '' }, { isTTY: false, toFile: false }, true],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, tty, false],
    ['FORCE_COLOR=false on a terminal', { FORCE_COLOR: 'false' }, tty, false],
    ['TERM=dumb on a terminal', { TERM: 'dumb' }, tty, false],
    ['a report file, even forced', { FORCE_COLOR: '1' }, { isTTY: true, toFile: true }, false],
  ] as const)('%s', (_name, env, where, expected) => {
    expect(colorAllowed({ env, ...where })).toBe(expected);
  });
});

describe('colour from the real CLI', () => {
  let repo: TempRepo;
  afterEach(async () => repo?.remove());

  async function dirtyRepo(): Promise<TempRepo> {
    repo = await TempRepo.create();
    await repo.write('a.txt', 'x  \n');
    return repo;
  }

  it('prints no ANSI escapes with NO_COLOR=1, even when FORCE_COLOR is set', async () => {
    await dirtyRepo();
    const result = runCli(['check', 'hygiene'], { cwd: repo.dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(result.stdout).toContain('a.txt');
    expect(result.stdout).not.toMatch(ANSI);
  });

  it('prints no ANSI escapes when stdout is not a terminal', async () => {
    await dirtyRepo();
    const result = runCli(['check', 'hygiene'], { cwd: repo.dir, env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(result.stdout).toContain('a.txt');
    expect(result.stdout).not.toMatch(ANSI);
  });

  it('colours when FORCE_COLOR is set, but never in a report file', async () => {
    await dirtyRepo();
    const forced = runCli(['check', 'hygiene'], { cwd: repo.dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    const toFile = runCli(['check', 'hygiene', '--output', 'report.txt'], { cwd: repo.dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(toFile.status).toBe(0);
    const written = (await repo.read('report.txt')).toString();
    expect(written).toContain('a.txt');
    expect(written).not.toMatch(ANSI);
  });

  it('prints per-check timings and the total with --timings', async () => {
    await dirtyRepo();
    const result = runCli(['check', 'hygiene', '--timings'], { cwd: repo.dir });
    expect(result.stdout).toMatch(/^hygiene {4}1 finding +\d+ ms$/m);
    expect(result.stdout).toMatch(/in 1 file in \d+ ms; fails on error or worse/);
  });
});
