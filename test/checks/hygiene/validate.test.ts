import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../../src/validate.ts';
import { TempRepo, runCli } from '../../helpers/temp-repo.ts';

let repo: TempRepo;
afterEach(async () => repo?.remove());

const OPEN = '<'.repeat(7);
const CLOSE = '>'.repeat(7);

async function hygiene(mode: 'quick' | 'all') {
  const result = await validate({ cwd: repo.dir, mode, checks: ['hygiene'] });
  return result.report.findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`).sort();
}

describe('the hygiene check on real repositories', () => {
  it('validate-all finds one planted problem of each kind, where it is', async () => {
    repo = await TempRepo.create({ branch: 'feature' });
    await repo.write('tollgate.config.json', JSON.stringify({ checks: { hygiene: { maxFileSizeKb: 1 } } }) + '\n');
    await repo.write('src/ok.ts', 'export const ok = 1;\n');
    await repo.write('src/spaces.ts', 'export const a = 1;  \n');
    await repo.write('src/no-eol.ts', 'export const b = 2;');
    await repo.write('src/crlf.ts', 'export const c = 3;\r\n');
    await repo.write('src/bom.ts', '\uFEFFexport const d = 4;\n');
    await repo.write('src/conflict.ts', `${OPEN} HEAD\nexport const e = 5;\n=======\nexport const e = 6;\n${CLOSE} topic\n`);
    await repo.write('config/app.json', '{"port": 80,}\n');
    await repo.write('tsconfig.json', '{\n  // comments are fine here\n  "compilerOptions": {},\n}\n');
    await repo.write('ci.yml', 'on: push\non: pull_request\n');
    await repo.write('Cargo.toml', '[package]\nname =\n');
    await repo.write('assets/big.txt', `${'x'.repeat(3000)}\n`);
    await repo.write('scripts/deploy', 'echo deploying\n', { executable: true });
    await repo.write('Readme.md', '# a\n');
    await repo.write('README.md', '# b\n');
    await repo.symlink('latest', 'releases/v9');

    expect(await hygiene('all')).toEqual([
      'hygiene/broken-symlink latest:0',
      'hygiene/byte-order-mark src/bom.ts:1',
      'hygiene/case-conflict README.md:0',
      'hygiene/case-conflict Readme.md:0',
      'hygiene/end-of-file src/no-eol.ts:1',
      'hygiene/executable-without-shebang scripts/deploy:0',
      'hygiene/invalid-json config/app.json:1',
      'hygiene/invalid-toml Cargo.toml:2',
      'hygiene/invalid-yaml ci.yml:2',
      'hygiene/large-file assets/big.txt:0',
      'hygiene/merge-conflict src/conflict.ts:1',
      'hygiene/mixed-line-endings src/crlf.ts:1',
      'hygiene/trailing-whitespace src/spaces.ts:1',
    ]);
  });

  it('validate-quick checks the staged bytes, not the working tree', async () => {
    repo = await TempRepo.create({ branch: 'feature' });
    await repo.write('base.txt', 'x\n');
    repo.stage();
    repo.commit();
    await repo.write('staged-dirty.ts', 'a  \n');
    repo.stage('staged-dirty.ts');
    await repo.write('staged-dirty.ts', 'a\n'); // cleaned up on disk, not staged
    await repo.write('staged-clean.ts', 'b\n');
    repo.stage('staged-clean.ts');
    await repo.write('staged-clean.ts', 'b  \n'); // dirtied on disk, not staged
    await repo.write('untracked.ts', 'c  \n');

    expect(await hygiene('quick')).toEqual(['hygiene/trailing-whitespace staged-dirty.ts:1']);
  });

  it('before a commit, reports a large file only when the commit adds it', async () => {
    repo = await TempRepo.create({ branch: 'feature' });
    await repo.write('tollgate.config.json', JSON.stringify({ checks: { hygiene: { maxFileSizeKb: 1 } } }) + '\n');
    await repo.write('old.txt', `${'x'.repeat(3000)}\n`);
    repo.stage();
    repo.commit();
    await repo.write('old.txt', `${'y'.repeat(3000)}\n`);
    await repo.write('new.txt', `${'z'.repeat(3000)}\n`);
    repo.stage('old.txt', 'new.txt');

    expect(await hygiene('quick')).toEqual(['hygiene/large-file new.txt:0']);
    expect(await hygiene('all')).toEqual(['hygiene/large-file new.txt:0', 'hygiene/large-file old.txt:0']);
  });

  it('honours .gitattributes: -text keeps CRLF, eol=crlf and text=auto normalize, filter=lfs exempts large files', async () => {
    repo = await TempRepo.create({ branch: 'feature' });
    await repo.write('tollgate.config.json', JSON.stringify({ checks: { hygiene: { maxFileSizeKb: 1 } } }) + '\n');
    await repo.write('.gitattributes', '*.bat -text\n*.cmd eol=crlf\n*.psd filter=lfs diff=lfs merge=lfs -text\n');
    await repo.write('build.bat', '@echo off\r\nexit  \r\n');
    await repo.write('run.cmd', '@echo off\r\n');
    await repo.write('design.psd', Buffer.alloc(4096, 1));
    await repo.write('plain.txt', 'crlf\r\n');

    expect(await hygiene('all')).toEqual(['hygiene/mixed-line-endings plain.txt:1']);
  });

  it('before a commit, reads .gitattributes from the index (what the commit carries)', async () => {
    repo = await TempRepo.create({ branch: 'feature' });
    await repo.write('.gitattributes', '*.bat -text\n');
    await repo.write('a.bat', '@echo off\r\n');
    repo.stage();
    await repo.write('.gitattributes', ''); // unstaged: removing the attribute does not count yet

    expect(await hygiene('quick')).toEqual([]);
  });

  it('skips binary files in the text rules, and extensions listed in binaryExtensions', async () => {
    repo = await TempRepo.create({ branch: 'feature' });
    await repo.write('tollgate.config.json', JSON.stringify({ checks: { hygiene: { binaryExtensions: ['.dat'] } } }) + '\n');
    await repo.write('img.png', Buffer.from([0x89, 0x50, 0x00, 0x20, 0x20, 0x0a]));
    await repo.write('blob.dat', 'text that looks dirty  ');
    const result = await validate({ cwd: repo.dir, mode: 'all', checks: ['hygiene'] });
    expect(result.report.findings).toEqual([]);
    expect(result.report.checks[0]!.notes[0]).toMatch(/2 binary file/);
  });

  it('through the CLI: JSON findings carry line, column, snippet, the rule doc and the fix hint', async () => {
    repo = await TempRepo.create({ branch: 'feature' });
    await repo.write('a.json', '{\n  "a": 1\n  "b": 2\n}\n');
    const result = runCli(['check', 'hygiene', '--format', 'json'], { cwd: repo.dir });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string; location: { line: number; column: number }; snippet?: string; help?: string; fix?: { description: string } }[] };
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'hygiene/invalid-json',
      location: { line: 3, column: 3 },
      snippet: '  "b": 2',
      help: 'rules/hygiene/invalid-json/README.md',
    });
    expect(report.findings[0]!.fix!.description).toMatch(/jsoncFiles/);
  });

  it('through the CLI: validate-quick on a protected branch fails and says how to branch off', async () => {
    repo = await TempRepo.create({ branch: 'main' });
    await repo.write('a.txt', 'a\n');
    repo.stage();
    repo.commit();
    await repo.write('b.txt', 'b\n');
    repo.stage('b.txt');
    const result = runCli(['validate-quick'], { cwd: repo.dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('hygiene/no-commit-to-branch');
    expect(result.stdout).toContain('git switch -c');
  });
});
