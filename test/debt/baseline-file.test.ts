import { describe, expect, it } from 'vitest';
import { parseBaseline, serializeBaseline, type DebtMap } from '../../src/debt/baseline-file.ts';
import { UserError } from '../../src/errors/user-error.ts';

const FILE = '.tollgate/debt.json';

function errorOf(text: string): UserError {
  try {
    parseBaseline(text, FILE);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('baseline file', () => {
  it('writes the same bytes whatever order the entries came in: sorted, no timestamps, trailing newline', () => {
    const a: DebtMap = new Map([
      ['src/z.ts', new Map([['tsc/TS6133', ['bbbbbbbb.bbbbbbbb', 'aaaaaaaa.aaaaaaaa']]])],
      ['src/a.ts', new Map([['eslint/no-console', ['cccccccc.cccccccc']], ['eslint/eqeqeq', ['dddddddd.dddddddd']]])],
    ]);
    const b: DebtMap = new Map([
      ['src/a.ts', new Map([['eslint/eqeqeq', ['dddddddd.dddddddd']], ['eslint/no-console', ['cccccccc.cccccccc']]])],
      ['src/z.ts', new Map([['tsc/TS6133', ['aaaaaaaa.aaaaaaaa', 'bbbbbbbb.bbbbbbbb']]])],
    ]);
    const text = serializeBaseline(a);
    expect(serializeBaseline(b)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text).files)).toEqual(['src/a.ts', 'src/z.ts']);
    expect(Object.keys(JSON.parse(text).files['src/a.ts'])).toEqual(['eslint/eqeqeq', 'eslint/no-console']);
    expect(JSON.parse(text).files['src/z.ts']['tsc/TS6133']).toEqual({ count: 2, fingerprints: ['aaaaaaaa.aaaaaaaa', 'bbbbbbbb.bbbbbbbb'] });
    expect(parseBaseline(text, FILE)).toEqual(b);
  });

  it('names the file, the key path and what was expected for a hand-edited count', () => {
    const text = JSON.stringify({ version: 1, files: { 'src/a.ts': { 'eslint/no-console': { count: 3, fingerprints: ['cccccccc.cccccccc'] } } } });
    const error = errorOf(text);
    expect(error.file).toBe(FILE);
    expect(error.message).toContain(FILE);
    expect(error.message).toContain('files["src/a.ts"]["eslint/no-console"].count: expected 1 (one per fingerprint), found 3');
    expect(error.message).toContain('npx tollgate debt update');
  });

  it('rejects a malformed fingerprint, an unknown key and a wrong version with their key paths', () => {
    const text = JSON.stringify({ version: 2, extra: true, files: { 'a.ts': { 'eslint/no-console': { count: 1, fingerprints: ['nothex'] } } } });
    const message = errorOf(text).message;
    expect(message).toContain('files["a.ts"]["eslint/no-console"].fingerprints[0]: expected a fingerprint such as "0a1b2c3d.4e5f6a7b", found "nothex"');
    expect(message).toMatch(/\(top level\): unknown key "extra"/);
    expect(message).toContain("version: expected 1 (the baseline format this tollgate reads), found 2");
  });

  it('explains invalid JSON and leftover conflict markers', () => {
    expect(errorOf('{ "version": 1, "files": {').message).toMatch(/\.tollgate\/debt\.json is not valid JSON/);
    const conflicted = '{\n<<<<<<< HEAD\n  "version": 1,\n=======\n  "version": 1,\n>>>>>>> other\n}\n';
    expect(errorOf(conflicted).message).toMatch(/git conflict markers.*merge=tollgate-debt/s);
  });
});
