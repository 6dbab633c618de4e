import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_BRANCH, generateRepo, planModules, stageChange, stagedPaths, type GeneratedRepo } from '../../scripts/bench/generate-repo.ts';
import { verifyRepoEslint } from '../../scripts/bench/preflight.ts';
import { SHARED_FILES } from '../../scripts/bench/source-templates.ts';
import { PROJECT_ROOT } from '../helpers/temp-repo.ts';

function typeErrors(dir: string): string[] {
  const configFile = path.join(dir, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
}

describe('planModules', () => {
  it.each([13, 100, 1000, 5003])('plans exactly %i TypeScript files', (files) => {
    const modules = planModules(files);
    const planned = Object.keys(SHARED_FILES).length + modules.reduce((sum, m) => sum + m.kinds.length, 0);
    expect(planned).toBe(files);
  });

  it('only lets a module depend on an earlier, complete module (imports stay acyclic)', () => {
    const modules = planModules(2000);
    const order = new Map(modules.map((m, i) => [m.names.dir, i]));
    const withDependency = modules.filter((m) => m.dependency);
    expect(withDependency.length).toBeGreaterThan(modules.length / 2);
    for (const [i, m] of modules.entries()) {
      if (!m.dependency) continue;
      const j = order.get(m.dependency.dir)!;
      expect(j).toBeLessThan(i);
      expect(modules[j]!.kinds).toContain('pricing');
    }
  });

  it('gives every module its own folder and names', () => {
    const modules = planModules(3000);
    expect(new Set(modules.map((m) => m.names.dir)).size).toBe(modules.length);
    expect(new Set(modules.map((m) => m.names.type)).size).toBe(modules.length);
  });

  it('refuses a size too small to hold one module', () => {
    expect(() => planModules(5)).toThrow(/at least/);
  });
});

describe('a generated benchmark repository', () => {
  let dir: string;
  let repo: GeneratedRepo;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-bench-test-'));
    repo = await generateRepo({ dir, files: 61, nodeModules: path.join(PROJECT_ROOT, 'node_modules') });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('commits exactly the asked number of TypeScript files under src/, and nothing is left over', () => {
    const tracked = git(dir, 'ls-files').trim().split('\n');
    expect(tracked.filter((p) => p.startsWith('src/') && p.endsWith('.ts'))).toHaveLength(61);
    expect(repo.sourceFiles).toBe(61);
    expect(tracked).toEqual(expect.arrayContaining(['package.json', 'tsconfig.json', 'eslint.config.js', '.lintstagedrc.json']));
    expect(tracked.some((p) => p.startsWith('node_modules'))).toBe(false);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('has imports between modules that all resolve to generated files', async () => {
    let crossModule = 0;
    for (const p of repo.paths.filter((f) => f.endsWith('.ts'))) {
      const text = await readFile(path.join(dir, p), 'utf8');
      for (const match of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
        const target = path.join(path.dirname(path.join(dir, p)), `${match[1]!}.ts`);
        expect(existsSync(target), `${p} imports ${match[1]}`).toBe(true);
        if (match[1]!.startsWith('../../') && !match[1]!.includes('/shared/')) crossModule++;
      }
    }
    expect(crossModule).toBeGreaterThan(0);
  });

  it('type-checks cleanly under strict', () => {
    expect(typeErrors(dir)).toEqual([]);
  });

  it('lints cleanly with its own typescript-eslint config, which ESLint really loads', async () => {
    const eslint = new ESLint({ cwd: dir });
    const results = await eslint.lintFiles(['.']);
    expect(results).toHaveLength(61 + 1); // src/**/*.ts and eslint.config.js
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.ruleId} ${m.message}`))).toEqual([]);
    expect(verifyRepoEslint(dir, 'src/shared/money.ts').parser).toContain('typescript-eslint');
  });

  it('stages a 5-file change of modified pricing files on a feature branch, still clean', async () => {
    const staged = await stageChange(repo, 5);
    expect(staged).toHaveLength(5);
    expect(stagedPaths(dir)).toEqual([...staged].sort());
    expect(git(dir, 'diff', '--cached', '--name-status').trim().split('\n').every((l) => l.startsWith('M\t'))).toBe(true);
    expect(git(dir, 'symbolic-ref', '--short', 'HEAD').trim()).toBe(CHANGE_BRANCH);
    expect(git(dir, 'diff', '--cached')).toMatch(/^\+export const \w+_FEE_BPS = 275;$/m);
    expect(git(dir, 'diff')).toBe(''); // nothing unstaged: the index is the change
    expect(typeErrors(dir)).toEqual([]);
    const results = await new ESLint({ cwd: dir }).lintFiles(staged);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
  });
});
