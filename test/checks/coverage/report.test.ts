import { describe, expect, it } from 'vitest';
import { parseReport, toRepoPath } from '../../../src/checks/coverage/report.ts';
import { exportedFunctions } from '../../../src/checks/coverage/exports.ts';

const ROOT = '/work/repo';

describe('coverage report paths', () => {
  const cases: [string, string, string | undefined][] = [
    ['/work/repo/src/a.ts', ROOT, 'src/a.ts'],
    ['src/a.ts', ROOT, 'src/a.ts'],
    ['src\\win\\a.ts', ROOT, 'src/win/a.ts'],
    ['src/b.ts', '/work/repo/packages/api', 'packages/api/src/b.ts'],
    ['/home/runner/work/other/src/a.ts', ROOT, undefined],
    ['../outside.ts', ROOT, undefined],
  ];
  for (const [reported, projectDir, expected] of cases) {
    it(`${reported} from ${projectDir} is ${expected ?? 'outside the repository'}`, () => expect(toRepoPath(reported, ROOT, projectDir)).toBe(expected));
  }
});

describe('coverage report paths through a symlink', () => {
  it('finds a file the test run named through a symlinked folder', async () => {
    const { mkdtemp, mkdir, realpath, symlink, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'tollgate-cov-')));
    try {
      await mkdir(path.join(root, 'src'));
      await symlink(root, `${root}-link`);
      expect(toRepoPath(`${root}-link/src/a.ts`, root, root)).toBe('src/a.ts');
      await rm(`${root}-link`);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('reading reports', () => {
  it('reads lcov lines, functions and branches, parsing only the record asked for', async () => {
    const lcov = ['TN:', 'SF:src/a.ts', 'FN:1,a', 'FNDA:2,a', 'DA:2,2', 'DA:3,0', 'BRDA:2,0,0,1', 'BRDA:2,0,1,-', 'end_of_record', 'SF:/elsewhere/b.ts', 'DA:1,1', 'end_of_record', ''].join('\n');
    const report = await parseReport({ text: lcov, file: 'coverage/lcov.info', repoRoot: ROOT, projectDir: ROOT });
    expect(report.format).toBe('lcov');
    expect(report.paths()).toEqual(['src/a.ts']);
    expect(report.outside).toEqual(['/elsewhere/b.ts']);
    const a = report.get('src/a.ts')!;
    expect([...a.lines!]).toEqual([
      [2, 2],
      [3, 0],
    ]);
    expect(a.functions).toEqual([{ name: 'a', line: 1, hits: 2 }]);
    expect(a.totals).toEqual({ lines: { total: 2, covered: 1 }, statements: { total: 2, covered: 1 }, functions: { total: 1, covered: 1 }, branches: { total: 2, covered: 1 } });
  });

  it('adds up the records of one file from several test runs (concatenated lcov files)', async () => {
    const run = (hits: [number, number]) => ['TN:', 'SF:src/a.ts', 'FN:1,a', `FNDA:${hits[0]},a`, `DA:2,${hits[0]}`, `DA:3,${hits[1]}`, 'end_of_record'].join('\n');
    const report = await parseReport({ text: `${run([1, 0])}\n${run([0, 2])}\n`, file: 'coverage/lcov.info', repoRoot: ROOT, projectDir: ROOT });
    const a = report.get('src/a.ts')!;
    expect([...a.lines!]).toEqual([
      [2, 1],
      [3, 2],
    ]);
    expect(a.functions).toEqual([{ name: 'a', line: 1, hits: 1 }]);
    expect(a.totals.lines).toEqual({ total: 2, covered: 2 });
  });

  it('reads an Istanbul summary as totals without lines', async () => {
    const summary = JSON.stringify({ total: {}, '/work/repo/src/a.ts': { lines: { total: 10, covered: 9 }, statements: { total: 11, covered: 9 }, functions: { total: 2, covered: 2 }, branches: { total: 4, covered: 3 } } });
    const report = await parseReport({ text: summary, file: 'coverage/coverage-summary.json', repoRoot: ROOT, projectDir: ROOT });
    expect(report.format).toBe('summary');
    expect(report.get('src/a.ts')).toEqual({ path: 'src/a.ts', lines: undefined, functions: undefined, totals: { lines: { total: 10, covered: 9 }, statements: { total: 11, covered: 9 }, functions: { total: 2, covered: 2 }, branches: { total: 4, covered: 3 } } });
  });

  it('refuses a file that is neither lcov nor coverage JSON, naming it', async () => {
    await expect(parseReport({ text: '{ not json', file: 'coverage/coverage-final.json', repoRoot: ROOT, projectDir: ROOT })).rejects.toThrow(/coverage\/coverage-final\.json is not valid JSON/);
    await expect(parseReport({ text: 'hello', file: 'coverage/lcov.info', repoRoot: ROOT, projectDir: ROOT })).rejects.toThrow(/coverage\/lcov\.info is not an lcov report/);
  });
});

describe('exported functions (mustTest)', () => {
  const names = (code: string) => exportedFunctions('x.ts', code).map((f) => `${f.name}@${f.line}`);
  const valid: [string, string, string[]][] = [
    ['a function declaration', 'export function a() {\n  return 1;\n}', ['a@1']],
    ['an exported arrow function', 'export const b = (x: number) => x + 1;', ['b@1']],
    ['a function expression behind `as`', 'export const c = (function () { return 1; }) as () => number;', ['c@1']],
    ['export { name } and export default name', 'function d() {}\nconst e = () => 1;\nexport { d };\nexport default e;', ['d@1', 'e@2']],
    ['public methods of an exported class, not private ones', 'export class Limits {\n  check() { return true; }\n  private hidden() {}\n  #secret() {}\n}', ['Limits.check@2']],
  ];
  for (const [name, code, expected] of valid) it(`finds ${name}`, () => expect(names(code)).toEqual(expected));
  it('ignores what is not an exported function', () => expect(names('const local = () => 1;\nexport const n = 1;\nexport declare function ambient(): void;\nexport type T = () => void;')).toEqual([]));
});
