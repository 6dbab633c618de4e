import { rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/validate.ts';
import { PROJECT_ROOT, TempRepo } from '../helpers/temp-repo.ts';

let repo: TempRepo;
afterEach(async () => repo?.remove());

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', target: 'es2022', types: [] }, include: ['src'] });
const ESLINT_CONFIG = "export default [{ files: ['**/*.js'], rules: { 'no-unused-vars': 'error', 'no-console': 'warn' } }];\n";

async function withNodeModules(r: TempRepo): Promise<void> {
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), r.path('node_modules'), 'dir');
  await r.write('.gitignore', 'node_modules\n');
}

describe('tsc check', () => {
  it('maps type errors to located findings with TS codes', async () => {
    repo = await TempRepo.create();
    await repo.write('tsconfig.json', TSCONFIG);
    await repo.write('src/a.ts', 'export const ok: number = 1;\nexport const bad: number = "one";\n');
    const { report } = await validate({ cwd: repo.dir, mode: 'all', checks: ['tsc'] });
    expect(report.findings.map((f) => [f.ruleId, f.location.path, f.location.line, f.severity])).toEqual([['tsc/TS2322', 'src/a.ts', 2, 'error']]);
    expect(report.checks[0]!.notes.join()).toMatch(/TypeScript \d+\.\d+/);
  });

  it('reports a broken tsconfig as a finding, and a missing one as a note', async () => {
    repo = await TempRepo.create();
    await repo.write('tsconfig.json', '{ "compilerOptions": { "strict": tru } }');
    const broken = await validate({ cwd: repo.dir, mode: 'all', checks: ['tsc'] });
    expect(broken.report.findings.some((f) => f.ruleId.startsWith('tsc/TS') && f.severity === 'error')).toBe(true);
    await rm(repo.path('tsconfig.json'));
    const missing = await validate({ cwd: repo.dir, mode: 'all', checks: ['tsc'] });
    expect(missing.report.findings).toEqual([]);
    expect(missing.report.checks[0]!.notes).toEqual(['no tsconfig.json; tsc not run']);
  });
});

describe('eslint check', () => {
  it("runs the repository's own ESLint and config over the whole tree", async () => {
    repo = await TempRepo.create();
    await withNodeModules(repo);
    await repo.write('eslint.config.js', ESLINT_CONFIG);
    await repo.write('src/a.js', 'const unused = 1;\nconsole.log("hi");\n');
    const { report } = await validate({ cwd: repo.dir, mode: 'all', checks: ['eslint'] });
    expect(report.findings.map((f) => [f.ruleId, f.location.path, f.location.line, f.severity])).toEqual([
      ['eslint/no-unused-vars', 'src/a.js', 1, 'error'],
      ['eslint/no-console', 'src/a.js', 2, 'warning'],
    ]);
  });

  it('lints the staged content in quick mode, not the working tree', async () => {
    repo = await TempRepo.create();
    await withNodeModules(repo);
    await repo.write('eslint.config.js', ESLINT_CONFIG);
    await repo.write('src/a.js', 'export const fine = 1;\n');
    repo.stage();
    repo.commit();
    await repo.write('src/a.js', 'const unused = 1;\n');
    repo.stage('src/a.js');
    await repo.write('src/a.js', 'export const fixedButNotStaged = 1;\n');
    const { report } = await validate({ cwd: repo.dir, mode: 'quick', checks: ['eslint'] });
    expect(report.findings.map((f) => f.ruleId)).toEqual(['eslint/no-unused-vars']);
  });

  it('says so instead of passing silently when the repository has no ESLint config', async () => {
    repo = await TempRepo.create();
    await repo.write('src/a.js', 'const unused = 1;\n');
    const { report } = await validate({ cwd: repo.dir, mode: 'all', checks: ['eslint'] });
    expect(report.findings).toEqual([]);
    expect(report.checks[0]!.notes[0]).toMatch(/no eslint\.config\.\*/);
  });
});
