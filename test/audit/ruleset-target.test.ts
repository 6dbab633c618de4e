import { describe, expect, it } from 'vitest';
import { rulesetTargetsBranch } from '../../src/audit/ruleset-target.ts';

describe('which branches a ruleset targets (ref_name include/exclude, fnmatch as GitHub matches it)', () => {
  const cases: [string, { include?: string[]; exclude?: string[] }, string, boolean][] = [
    ['an exact ref', { include: ['refs/heads/main'] }, 'main', true],
    ['an exact ref of another branch', { include: ['refs/heads/master'] }, 'main', false],
    ['~DEFAULT_BRANCH on the default branch', { include: ['~DEFAULT_BRANCH'] }, 'main', true],
    ['~DEFAULT_BRANCH on another branch', { include: ['~DEFAULT_BRANCH'] }, 'release', false],
    ['~ALL', { include: ['~ALL'] }, 'feature/x', true],
    ['* within one segment', { include: ['refs/heads/release/*'] }, 'release/1.2', true],
    ['* does not cross a slash', { include: ['refs/heads/release/*'] }, 'release/1/hotfix', false],
    ['** crosses slashes', { include: ['refs/heads/release/**/*'] }, 'release/1/hotfix', true],
    ['an exclude wins over an include', { include: ['~ALL'], exclude: ['refs/heads/dev*'] }, 'develop', false],
    ['an exclude that does not match', { include: ['~ALL'], exclude: ['refs/heads/dev*'] }, 'main', true],
    ['braces are literal (no FNM_EXTGLOB)', { include: ['refs/heads/{main,master}'] }, 'main', false],
    ['no include targets nothing', { exclude: [] }, 'main', false],
  ];
  for (const [name, refName, branch, expected] of cases) {
    it(`${name}: ${expected ? 'targets' : 'does not target'} ${branch}`, () => {
      expect(rulesetTargetsBranch({ target: 'branch', conditions: { ref_name: refName } }, branch, 'main')).toBe(expected);
    });
  }

  it('a tag or push ruleset never targets a branch', () => {
    expect(rulesetTargetsBranch({ target: 'tag', conditions: { ref_name: { include: ['~ALL'] } } }, 'main', 'main')).toBe(false);
  });
});
