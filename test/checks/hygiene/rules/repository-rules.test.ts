import { afterEach, describe, expect, it } from 'vitest';
import { findCaseCollisions } from '../../../../rules/hygiene/case-conflict/rule.ts';
import { validate } from '../../../../src/validate.ts';
import type { TempRepo } from '../../../helpers/temp-repo.ts';
import { buildRepo, type RepoSpec } from '../repo-spec.ts';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

async function findingsOf(spec: RepoSpec, ruleId: string) {
  repo = await buildRepo(spec);
  const result = await validate({ cwd: repo.dir, mode: spec.mode, checks: ['hygiene'] });
  return result.report.findings.filter((f) => f.ruleId === ruleId);
}

describe('hygiene/case-conflict', () => {
  it('groups collisions at the topmost differing segment, and Unicode forms as well as case', () => {
    const collisions = findCaseCollisions(['A/x.ts', 'a/y.ts', 'a/Y.ts', 'caf\u00e9.md', 'cafe\u0301.md', 'other.ts']);
    const spellings = collisions.map((c) => c.spellings.map((s) => s.spelling).sort());
    expect(spellings).toEqual(expect.arrayContaining([['A', 'a'], ['a/Y.ts', 'a/y.ts'], ['cafe\u0301.md', 'caf\u00e9.md']]));
    expect(spellings).toHaveLength(3);
  });

  it('before a commit, reports a staged new file that collides with a committed one, and only that file', async () => {
    const findings = await findingsOf(
      { mode: 'quick', commit: [{ path: 'src/Money.ts', content: 'x\n' }, { path: 'A.md', content: 'a\n' }, { path: 'a.md', content: 'a\n' }], stage: [{ path: 'src/money.ts', content: 'y\n' }] },
      'hygiene/case-conflict',
    );
    expect(findings.map((f) => f.location.path)).toEqual(['src/money.ts']);
    expect(findings[0]!.message).toContain('`src/Money.ts`');
  });

  it('before a commit, reports a file staged into a directory that collides with a committed directory', async () => {
    const findings = await findingsOf({ mode: 'quick', commit: [{ path: 'Docs/a.md', content: 'a\n' }], stage: [{ path: 'docs/b.md', content: 'b\n' }] }, 'hygiene/case-conflict');
    expect(findings.map((f) => f.location.path)).toEqual(['docs/b.md']);
    expect(findings[0]!.message).toMatch(/directory/);
  });

  it('before a commit that only modifies files, reports nothing (old collisions are validate-all business)', async () => {
    const findings = await findingsOf(
      { mode: 'quick', commit: [{ path: 'A.md', content: 'a\n' }, { path: 'a.md', content: 'a\n' }], stage: [{ path: 'A.md', content: 'changed\n' }] },
      'hygiene/case-conflict',
    );
    expect(findings).toEqual([]);
  });
});

describe('hygiene/broken-symlink', () => {
  it('in the working tree, reports dangling links, not links to files or directories', async () => {
    const findings = await findingsOf(
      {
        mode: 'all',
        commit: [
          { path: 'lib/real.ts', content: 'x\n' },
          { path: 'to-file', symlink: 'lib/real.ts' },
          { path: 'to-dir', symlink: 'lib' },
          { path: 'nested/to-parent', symlink: '../lib/real.ts' },
          { path: 'dangling', symlink: 'lib/gone.ts' },
          { path: 'absolute-dangling', symlink: '/nonexistent/tollgate/target' },
        ],
      },
      'hygiene/broken-symlink',
    );
    expect(findings.map((f) => f.location.path).sort()).toEqual(['absolute-dangling', 'dangling']);
    expect(findings.find((f) => f.location.path === 'dangling')!.message).toContain('`lib/gone.ts`');
  });

  it('before a commit, reads the target from the index and reports a link whose target the commit lacks', async () => {
    const findings = await findingsOf(
      {
        mode: 'quick',
        commit: [{ path: 'README.md', content: 'x\n' }],
        stage: [
          { path: 'ok', symlink: 'README.md' },
          { path: 'nowhere', symlink: 'missing.md' },
        ],
        worktree: [{ path: 'local-only.md', content: 'not staged\n' }],
      },
      'hygiene/broken-symlink',
    );
    expect(findings.map((f) => f.location.path)).toEqual(['nowhere']);
  });

  it('before a commit, tells a target that exists only in the working tree from one that exists nowhere', async () => {
    repo = await buildRepo({ mode: 'quick', commit: [{ path: 'README.md', content: 'x\n' }] });
    await repo.write('local-only.md', 'untracked\n');
    await repo.symlink('link', 'local-only.md');
    repo.stage('link');
    const result = await validate({ cwd: repo.dir, mode: 'quick', checks: ['hygiene'] });
    const finding = result.report.findings.find((f) => f.ruleId === 'hygiene/broken-symlink');
    expect(finding?.message).toMatch(/not in the commit/);
  });

  it('before a commit, follows links through other links and linked directories in the index', async () => {
    const findings = await findingsOf(
      {
        mode: 'quick',
        commit: [{ path: 'real/deep/file.ts', content: 'x\n' }],
        stage: [
          { path: 'alias', symlink: 'real' },
          { path: 'through-alias', symlink: 'alias/deep/file.ts' },
          { path: 'loop-a', symlink: 'loop-b' },
          { path: 'loop-b', symlink: 'loop-a' },
        ],
      },
      'hygiene/broken-symlink',
    );
    expect(findings.map((f) => f.location.path).sort()).toEqual(['loop-a', 'loop-b']);
  });
});

describe('hygiene/no-commit-to-branch', () => {
  const base = { commit: [{ path: 'a.txt', content: 'a\n' }], stage: [{ path: 'b.txt', content: 'b\n' }] };

  it('blocks a commit on a protected branch and says how to branch off', async () => {
    const findings = await findingsOf({ ...base, mode: 'quick', branch: 'main' }, 'hygiene/no-commit-to-branch');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.message).toContain('git switch -c');
  });

  it('matches globs from checks.hygiene.protectedBranches', async () => {
    const findings = await findingsOf(
      { ...base, mode: 'quick', branch: 'release/2.0', config: { checks: { hygiene: { protectedBranches: ['release/*'] } } } },
      'hygiene/no-commit-to-branch',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('`release/2.0`');
  });

  it('lets a feature branch commit, and never fires outside the pre-commit run', async () => {
    expect(await findingsOf({ ...base, mode: 'quick', branch: 'feature/x' }, 'hygiene/no-commit-to-branch')).toEqual([]);
    await repo?.remove();
    expect(await findingsOf({ ...base, mode: 'all', branch: 'main' }, 'hygiene/no-commit-to-branch')).toEqual([]);
  });

  it("lets a repository's first commit land on main", async () => {
    expect(await findingsOf({ mode: 'quick', branch: 'main', stage: [{ path: 'a.txt', content: 'a\n' }] }, 'hygiene/no-commit-to-branch')).toEqual([]);
  });
});
