import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOWED_FILES, DEFAULT_BLOCKED_FILES } from '../../src/checks/secrets/config.ts';
import { globMatcher } from '../../src/runner/glob-matcher.ts';

const GLOB_LISTS: readonly (readonly string[])[] = [
  DEFAULT_BLOCKED_FILES,
  DEFAULT_ALLOWED_FILES,
  ['test/fixtures/**', '**/*.test.ts'],
  ['src/**/secrets/*.json', 'docs/*.md', '*.md'],
  ['**/node_modules/**', 'dist/**', '**/.git/**'],
  ['!**/keep.ts'],
  ['**/{a,b}.env', '**/id_rsa*', '**/.env.*', '**/*.{pem,key}'],
  ['a[1].ts', '**/b[2].ts', 'lib/?.js', '**/x/**/y.ts'],
  ['**/', '**/*', '**'],
];

const NAMES = ['.env', '.env.local', '.env.example', 'id_rsa', 'id_rsa.pub', 'id_rsa_work', 'server.pem', 'a.key', 'keep.ts', 'a.env', 'b.env', 'c.env', 'a[1].ts', 'a1.ts', 'b[2].ts', 'b2.ts', 'x.js', 'xy.js', 'README.md', 'ledger.test.ts', 'ledger.ts', 'creds.json', 'terraform.tfstate', 'y.ts', '..', '.hidden'];
const DIRS = ['', 'src/', 'src/payments/secrets/', 'test/fixtures/', 'test/fixtures/deep/', 'docs/', 'lib/', 'node_modules/pkg/', 'dist/', '.git/', 'x/', 'x/y/', 'a/x/b/', '.config/'];
const PATHS = DIRS.flatMap((dir) => NAMES.map((name) => `${dir}${name}`));

describe('globMatcher', () => {
  it.each(GLOB_LISTS.map((globs) => [globs.join(' '), globs] as const))('agrees with picomatch (dot: true) on every path: %s', (_, globs) => {
    const ours = globMatcher(globs);
    const theirs = picomatch([...globs], { dot: true });
    const disagree = PATHS.filter((p) => ours(p) !== theirs(p));
    expect(disagree).toEqual([]);
  });

  it('matches nothing without globs, and a file named like its glob', () => {
    expect(globMatcher([])('anything')).toBe(false);
    expect(globMatcher(['a[1].ts'])('a[1].ts')).toBe(true);
    expect(globMatcher(['a[1].ts'])('a1.ts')).toBe(true);
    expect(globMatcher(['a[1].ts'])('a2.ts')).toBe(false);
  });

  it('tests a name glob on the last segment only', () => {
    const blocked = globMatcher(['**/*.pem']);
    expect(blocked('deploy/keys/server.pem')).toBe(true);
    expect(blocked('deploy/server.pem/readme.md')).toBe(false);
    expect(blocked('server.pem')).toBe(true);
  });
});
