import { existsSync } from 'node:fs';
import { rm, stat, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../../src/validate.ts';
import { TempRepo, runCli } from '../../helpers/temp-repo.ts';

let repo: TempRepo;
afterEach(async () => repo?.remove());

const b = (s: string) => Buffer.from(s, 'utf8');

async function repoWith(committed: Record<string, string | Buffer>): Promise<TempRepo> {
  repo = await TempRepo.create({ branch: 'feature' });
  for (const [p, c] of Object.entries(committed)) await repo.write(p, c);
  repo.stage();
  repo.commit('base');
  return repo;
}

function quickFix(r: TempRepo) {
  return validate({ cwd: r.dir, mode: 'quick', checks: ['hygiene'], fix: true });
}

describe('validate-quick --fix: the index and the working tree are fixed alike', () => {
  it('keeps the unstaged change of a file that has both staged and unstaged changes', async () => {
    await repoWith({ 'calc.ts': 'a\nb\nc\n' });
    await repo.write('calc.ts', 'a  \nb\nc\nd\n'); // staged: trailing spaces on line 1, a new line 4
    repo.stage('calc.ts');
    await repo.write('calc.ts', 'a  \nb\nC changed\nd\n'); // unstaged: line 3 edited

    const result = await quickFix(repo);

    expect(repo.readIndex('calc.ts').equals(b('a\nb\nc\nd\n'))).toBe(true);
    expect((await repo.read('calc.ts')).equals(b('a\nb\nC changed\nd\n'))).toBe(true);
    expect(repo.git('diff', '--no-color', '-U0').split('\n').filter((l) => /^[-+][^-+]/.test(l))).toEqual(['-c', '+C changed']);
    const finding = result.report.findings.find((f) => f.ruleId === 'hygiene/trailing-whitespace');
    expect(finding?.fix?.applied).toBe(true);
  });

  it('fixes a line that both the staged and the unstaged change touch, keeping the unstaged text', async () => {
    await repoWith({ 'rate.ts': 'const rate = 1;\nexport { rate };\n' });
    await repo.write('rate.ts', 'const rate = 2;   \nexport { rate };\n');
    repo.stage('rate.ts');
    await repo.write('rate.ts', 'const rate = 3; // unstaged   \nexport { rate };\n'); // same line again

    await quickFix(repo);

    expect(repo.readIndex('rate.ts').equals(b('const rate = 2;\nexport { rate };\n'))).toBe(true);
    expect((await repo.read('rate.ts')).equals(b('const rate = 3; // unstaged\nexport { rate };\n'))).toBe(true);
  });

  it('leaves an unstaged edit alone when only the staged version has the problem', async () => {
    await repoWith({ 'a.ts': 'x\n' });
    await repo.write('a.ts', 'x  \n');
    repo.stage('a.ts');
    await repo.write('a.ts', 'x // user cleaned this up and kept editing\n');

    await quickFix(repo);

    expect(repo.readIndex('a.ts').equals(b('x\n'))).toBe(true);
    expect((await repo.read('a.ts')).equals(b('x // user cleaned this up and kept editing\n'))).toBe(true);
  });

  it('converts a staged CRLF file to LF in the index and the working tree, unstaged lines included', async () => {
    await repoWith({ 'README.md': '# r\n' });
    await repo.write('win.ts', 'a\r\nb\r\n');
    repo.stage('win.ts');
    await repo.write('win.ts', 'a\r\nb\r\nunstaged\r\n');

    await quickFix(repo);

    expect(repo.readIndex('win.ts').equals(b('a\nb\n'))).toBe(true);
    expect((await repo.read('win.ts')).equals(b('a\nb\nunstaged\n'))).toBe(true);
  });

  it('keeps every byte that is not the problem, invalid UTF-8 included, and the executable mode', async () => {
    await repoWith({ 'README.md': '# r\n' });
    const latin1 = Buffer.concat([b('#!/bin/sh\necho caf'), Buffer.from([0xe9]), b('  \n')]);
    await repo.write('run.sh', latin1, { executable: true });
    repo.stage('run.sh');

    await quickFix(repo);

    expect(repo.readIndex('run.sh').equals(Buffer.concat([b('#!/bin/sh\necho caf'), Buffer.from([0xe9]), b('\n')]))).toBe(true);
    expect((await repo.read('run.sh')).equals(repo.readIndex('run.sh'))).toBe(true);
    expect(repo.git('ls-files', '-s', 'run.sh').slice(0, 6)).toBe('100755');
    expect((await stat(repo.path('run.sh'))).mode & 0o777).toBe(0o755);
  });

  it('refuses, touching neither version, when the working-tree file is missing', async () => {
    await repoWith({ 'README.md': '# r\n' });
    await repo.write('gone.ts', 'x  \n');
    repo.stage('gone.ts');
    await rm(repo.path('gone.ts'));

    const result = await quickFix(repo);

    expect(repo.readIndex('gone.ts').equals(b('x  \n'))).toBe(true);
    const finding = result.report.findings.find((f) => f.ruleId === 'hygiene/trailing-whitespace');
    expect(finding?.fix?.applied).toBeUndefined();
    expect(finding?.fix?.description).toMatch(/^Not fixed: the working-tree file is missing/);
  });

  it('refuses, touching neither version, when the working-tree version is binary', async () => {
    await repoWith({ 'README.md': '# r\n' });
    await repo.write('data.txt', 'x  \n');
    repo.stage('data.txt');
    const binary = Buffer.from([0x00, 0x01, 0x20, 0x20, 0x0a]);
    await repo.write('data.txt', binary);

    const result = await quickFix(repo);

    expect(repo.readIndex('data.txt').equals(b('x  \n'))).toBe(true);
    expect((await repo.read('data.txt')).equals(binary)).toBe(true);
    expect(result.report.findings.find((f) => f.ruleId === 'hygiene/trailing-whitespace')?.fix?.description).toMatch(/binary/);
  });

  it('does not fix what a tollgate-ignore comment keeps, and still fixes the rest of the file', async () => {
    await repoWith({ 'README.md': '# r\n' });
    await repo.write('keep.ts', 'const s = 1; // tollgate-ignore hygiene/trailing-whitespace: fixture needs it  \nlast');
    repo.stage('keep.ts');

    await quickFix(repo);

    expect(repo.readIndex('keep.ts').equals(b('const s = 1; // tollgate-ignore hygiene/trailing-whitespace: fixture needs it  \nlast\n'))).toBe(true);
  });

  it("does not apply the fix of a rule that is 'off' in the config", async () => {
    await repoWith({ 'tollgate.config.json': JSON.stringify({ rules: { 'hygiene/end-of-file': 'off' } }) });
    await repo.write('a.ts', 'x  \ny');
    repo.stage('a.ts');

    await quickFix(repo);

    expect(repo.readIndex('a.ts').equals(b('x\ny'))).toBe(true);
  });

  it('fixes what a fix exposes: whitespace-only last lines become blank lines, then go', async () => {
    await repoWith({ 'README.md': '# r\n' });
    await repo.write('a.ts', 'x\n   \n\t\n');
    repo.stage('a.ts');

    await quickFix(repo);

    expect(repo.readIndex('a.ts').equals(b('x\n'))).toBe(true);
    const again = await quickFix(repo);
    expect(again.report.findings).toEqual([]);
  });
});

describe('validate-all --fix and check hygiene --fix: the working tree only', () => {
  it('rewrites the working-tree file, keeps its mode, and leaves the index alone', async () => {
    await repoWith({ 'tool.sh': '#!/bin/sh\necho ok\n' });
    await repo.write('tool.sh', '#!/bin/sh\r\necho ok  \r\n', { executable: true });

    const result = await validate({ cwd: repo.dir, mode: 'all', checks: ['hygiene'], fix: true });

    expect((await repo.read('tool.sh')).equals(b('#!/bin/sh\necho ok\n'))).toBe(true);
    expect((await stat(repo.path('tool.sh'))).mode & 0o777).toBe(0o755);
    expect(repo.readIndex('tool.sh').equals(b('#!/bin/sh\necho ok\n'))).toBe(true);
    expect(result.report.findings.every((f) => f.fix?.applied === true)).toBe(true);
  });

  it('fixes only the named paths with check hygiene <paths> --fix', async () => {
    await repoWith({ 'README.md': '# r\n' });
    await repo.write('a.ts', 'a  \n');
    await repo.write('b.ts', 'b  \n');

    await validate({ cwd: repo.dir, mode: 'paths', paths: ['a.ts'], checks: ['hygiene'], fix: true });

    expect((await repo.read('a.ts')).equals(b('a\n'))).toBe(true);
    expect((await repo.read('b.ts')).equals(b('b  \n'))).toBe(true);
  });
});

describe('a fixed finding keeps its severity: the run fails once, like pre-commit', () => {
  it('exits 1 with --fail-on warning when it fixed something, then 0 on the next run', async () => {
    await repoWith({ 'README.md': '# r\n' });
    await repo.write('a.ts', 'a  \n');
    repo.stage('a.ts');

    const first = runCli(['validate-quick', '--fix', '--fail-on', 'warning'], { cwd: repo.dir });
    expect(first.status).toBe(1);
    expect(first.stdout).toContain('(fixed)');
    expect(repo.readIndex('a.ts').equals(b('a\n'))).toBe(true);

    const second = runCli(['validate-quick', '--fix', '--fail-on', 'warning'], { cwd: repo.dir });
    expect(second.stdout).not.toContain('hygiene/trailing-whitespace');
    expect(second.status).toBe(0);
  });
});

describe('a fix that fails part-way rolls itself back', () => {
  it('when git cannot write the index (another git process holds index.lock), nothing changes and no record is left', async () => {
    await repoWith({ 'README.md': '# r\n' });
    await repo.write('a.ts', 'a  \n');
    repo.stage('a.ts');
    await repo.write('a.ts', 'a  \nunstaged\n');
    await writeFile(repo.path('.git/index.lock'), '');

    const result = await quickFix(repo);

    await rm(repo.path('.git/index.lock'));
    expect(result.report.findings.map((f) => f.ruleId)).toContain('tollgate/check-crashed');
    expect(repo.readIndex('a.ts').equals(b('a  \n'))).toBe(true);
    expect((await repo.read('a.ts')).equals(b('a  \nunstaged\n'))).toBe(true);
    expect(existsSync(repo.path('.git/tollgate/fix-recovery.json'))).toBe(false);
  });
});
