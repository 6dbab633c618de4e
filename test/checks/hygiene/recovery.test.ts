import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recoverInterruptedFix } from '../../../src/checks/hygiene/recovery.ts';
import { validate } from '../../../src/validate.ts';
import { TempRepo, runCli } from '../../helpers/temp-repo.ts';

let repo: TempRepo;
afterEach(async () => repo?.remove());

const b = (s: string) => Buffer.from(s, 'utf8');
const RECORD = '.git/tollgate/fix-recovery.json';

/**
 * Two files with staged and unstaged changes, both needing fixes. Returns the exact bytes of
 * every version before any fix, so a test can prove that nothing was lost.
 */
async function setUp() {
  repo = await TempRepo.create({ branch: 'feature' });
  await repo.write('a.ts', 'a\n');
  await repo.write('b.ts', 'b\n');
  repo.stage();
  repo.commit('base');
  await repo.write('a.ts', 'a = 1;  \n');
  await repo.write('b.ts', 'b = 1;\r\nb2\r\n');
  repo.stage('a.ts', 'b.ts');
  await repo.write('a.ts', 'a = 1;  \nunstaged a\n');
  await repo.write('b.ts', 'b = 1;\r\nb2\r\nunstaged b\r\n');
  return snapshot();
}

async function snapshot(): Promise<Versions> {
  return {
    indexA: repo.readIndex('a.ts'),
    indexB: repo.readIndex('b.ts'),
    treeA: await repo.read('a.ts'),
    treeB: await repo.read('b.ts'),
  };
}

function killedFix(step: string, args = ['validate-quick', '--fix']) {
  return runCli(args, { cwd: repo.dir, env: { TOLLGATE_FAULT_AFTER: step } });
}

type Versions = Record<'indexA' | 'indexB' | 'treeA' | 'treeB', Buffer>;

const FIXED: Versions = {
  indexA: b('a = 1;\n'),
  indexB: b('b = 1;\nb2\n'),
  treeA: b('a = 1;\nunstaged a\n'),
  treeB: b('b = 1;\nb2\nunstaged b\n'),
};

function expectBytes(actual: Versions, expected: Versions): void {
  for (const key of Object.keys(expected) as (keyof Versions)[]) {
    expect(actual[key].equals(expected[key]), `${key}: ${JSON.stringify(actual[key].toString())}`).toBe(true);
  }
}

describe('a --fix killed part-way leaves everything recoverable', () => {
  for (const step of ['record-written', 'index-written', 'worktree-partial', 'worktree-written']) {
    it(`killed after ${step}: recovery restores every original byte, and fixing again completes`, async () => {
      const before = await setUp();

      const killed = killedFix(step);
      expect(killed.status, killed.stderr).toBe(-1); // SIGKILL: no exit code
      expect(existsSync(repo.path(RECORD))).toBe(true);

      const recovery = await recoverInterruptedFix(repo.dir);
      expect(recovery.keptRecord).toBeUndefined();
      expectBytes(await snapshot(), before);
      expect(existsSync(repo.path(RECORD))).toBe(false);

      const again = runCli(['validate-quick', '--fix'], { cwd: repo.dir });
      expect(again.status, again.stdout + again.stderr).toBe(0);
      expectBytes(await snapshot(), FIXED);
    });
  }

  it('`tollgate recover-fix` on the command line restores every original byte, then says there is nothing left', async () => {
    const before = await setUp();
    killedFix('worktree-partial');

    const recovered = runCli(['recover-fix'], { cwd: repo.dir });
    expect(recovered.status, recovered.stderr).toBe(0);
    expect(recovered.stdout).toMatch(/restored\s+(index|worktree)\s+a\.ts/);
    expect(recovered.stdout).toContain('everything is back');
    expectBytes(await snapshot(), before);

    const again = runCli(['recover-fix'], { cwd: repo.dir });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('no interrupted fix to recover');
    expectBytes(await snapshot(), before);
  });

  it('a pending record makes the next --fix change nothing and name the recovery command', async () => {
    await setUp();
    killedFix('index-written');
    const between = await snapshot();

    const next = runCli(['validate-quick', '--fix'], { cwd: repo.dir });

    expect(next.status).toBe(1);
    expect(next.stdout).toContain('hygiene/interrupted-fix');
    expect(next.stdout).toContain('tollgate recover-fix');
    expectBytes(await snapshot(), between);
  });

  it('a plain run (no --fix) reports the pending record too', async () => {
    await setUp();
    killedFix('record-written');
    const result = await validate({ cwd: repo.dir, mode: 'all', checks: ['hygiene'] });
    const finding = result.report.findings.find((f) => f.ruleId === 'hygiene/interrupted-fix');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toMatch(/a\.ts, b\.ts/);
  });

  it('recovery leaves alone a file edited after the crash, names the blob holding its original, and keeps the record', async () => {
    const before = await setUp();
    killedFix('worktree-written');
    await repo.write('a.ts', 'edited after the crash\n');

    const recovery = await recoverInterruptedFix(repo.dir);

    const leftAlone = recovery.outcomes.filter((o) => o.action === 'left-alone');
    expect(leftAlone.map((o) => `${o.path}:${o.part}`)).toEqual(['a.ts:worktree']);
    expect((await repo.read('a.ts')).equals(b('edited after the crash\n'))).toBe(true);
    expect(b(repo.git('cat-file', 'blob', leftAlone[0]!.originalBlob)).equals(before.treeA)).toBe(true);
    expect(repo.readIndex('a.ts').equals(before.indexA)).toBe(true);
    expect((await repo.read('b.ts')).equals(before.treeB)).toBe(true);
    expect(recovery.keptRecord).toBeDefined();
    expect(existsSync(recovery.keptRecord!)).toBe(true);
    expect(existsSync(repo.path(RECORD))).toBe(false);
  });

  it('recovery is idempotent: a second run finds nothing to do', async () => {
    const before = await setUp();
    killedFix('worktree-partial');
    await recoverInterruptedFix(repo.dir);
    const second = await recoverInterruptedFix(repo.dir);
    expect(second).toEqual({ recordFile: undefined, outcomes: [] });
    expectBytes(await snapshot(), before);
  });

  it('a working-tree fix (check hygiene --fix) killed part-way is recovered the same way', async () => {
    const before = await setUp();
    const killed = killedFix('worktree-partial', ['check', 'hygiene', '--fix']);
    expect(killed.status).toBe(-1);
    expect((await repo.read('a.ts')).equals(b('a = 1;\nunstaged a\n'))).toBe(true); // the first file was replaced

    await recoverInterruptedFix(repo.dir);

    expectBytes(await snapshot(), before);
  });

  it('leaves no temp files behind in the working tree', async () => {
    await setUp();
    killedFix('worktree-written');
    await recoverInterruptedFix(repo.dir);
    const names = await readdir(repo.dir);
    expect(names.filter((n) => n.includes('.tollgate-'))).toEqual([]);
    const record = path.join(repo.dir, RECORD);
    expect(existsSync(record) ? await readFile(record, 'utf8') : '').toBe('');
  });
});
