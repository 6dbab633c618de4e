import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, symlink, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TempRepo, hookEnv, runCli } from '../helpers/temp-repo.ts';

/**
 * Real `git commit` and `git push` runs with the hooks installed, running this checkout's
 * tollgate from source. The husky flow uses init's own starter config and a merge conflict (an
 * error by default); the plain-hook tests raise trailing whitespace to an error instead.
 */

let repo: TempRepo | undefined;
let remote: string | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
  if (remote) await rm(remote, { recursive: true, force: true });
  remote = undefined;
});

const STRICT_CONFIG = JSON.stringify({ rules: { 'hygiene/trailing-whitespace': 'error' } }, null, 2) + '\n';

function gitWithHooks(args: string[], extra: Record<string, string> = {}): { status: number; output: string } {
  const result = spawnSync('git', args, { cwd: repo!.dir, env: hookEnv(extra), encoding: 'utf8' });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

const head = () => repo!.git('rev-parse', 'HEAD').trim();

/** `node_modules/.bin/tollgate` the way npm would link it, but running this checkout's source. */
async function installTollgateShim(): Promise<void> {
  const cli = path.join(PROJECT_ROOT, 'src/cli/bin.ts');
  await repo!.write('node_modules/.bin/tollgate', `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`, { executable: true });
}

async function installLintStaged(): Promise<void> {
  await mkdir(repo!.path('node_modules/.bin'), { recursive: true });
  await symlink(path.join(PROJECT_ROOT, 'node_modules/lint-staged/bin/lint-staged.js'), repo!.path('node_modules/.bin/lint-staged'));
}

describe('the plain hooks in hooks/ (no husky)', () => {
  async function setUp(): Promise<void> {
    repo = await TempRepo.create();
    await repo.write('package.json', '{ "name": "plain-hooks" }\n');
    await repo.write('tollgate.config.json', STRICT_CONFIG);
    await repo.write('.gitignore', 'node_modules/\n');
    await installTollgateShim();
    repo.stage();
    repo.commit('initial');
    // work on a branch: hygiene/no-commit-to-branch blocks commits straight to main
    repo.git('switch', '-q', '-c', 'feature/fees');
    repo.git('config', 'core.hooksPath', path.join(PROJECT_ROOT, 'hooks'));
  }

  it('blocks a commit whose staged content has an error, and lets a clean one through', async () => {
    await setUp();
    const start = head();
    await repo!.write('src/pay.ts', 'export const fee = 1;   \n');
    repo!.stage('src/pay.ts');
    const blocked = gitWithHooks(['commit', '-m', 'bad']);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('hygiene/trailing-whitespace');
    expect(head()).toBe(start);

    await repo!.write('src/pay.ts', 'export const fee = 1;\n');
    repo!.stage('src/pay.ts');
    const passed = gitWithHooks(['commit', '-m', 'good']);
    expect(passed.status, passed.output).toBe(0);
    expect(head()).not.toBe(start);
  });

  it('checks the staged content, not the working tree', async () => {
    await setUp();
    const start = head();
    await repo!.write('notes.txt', 'staged line   \n');
    repo!.stage('notes.txt');
    await repo!.write('notes.txt', 'fixed only in the working tree\n');
    expect(gitWithHooks(['commit', '-m', 'bad index']).status).not.toBe(0);
    expect(head()).toBe(start);
  });

  it('blocks a push when validate-all finds an error, and pushes a clean tree', async () => {
    await setUp();
    remote = await mkdtemp(path.join(os.tmpdir(), 'tollgate-remote-'));
    spawnSync('git', ['init', '-q', '--bare', remote]);
    repo!.git('remote', 'add', 'origin', remote);
    await repo!.write('ledger.ts', 'export const total = 0;  \n');
    repo!.stage('ledger.ts');
    repo!.commit('slipped past pre-commit with --no-verify');

    const blocked = gitWithHooks(['push', '-q', 'origin', 'feature/fees']);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('hygiene/trailing-whitespace');
    expect(spawnSync('git', ['--git-dir', remote, 'rev-parse', '--verify', '-q', 'refs/heads/feature/fees']).status).not.toBe(0);

    await repo!.write('ledger.ts', 'export const total = 0;\n');
    repo!.stage('ledger.ts');
    expect(gitWithHooks(['commit', '-m', 'fix']).status).toBe(0);
    const pushed = gitWithHooks(['push', '-q', 'origin', 'feature/fees']);
    expect(pushed.status, pushed.output).toBe(0);
    expect(spawnSync('git', ['--git-dir', remote, 'rev-parse', 'refs/heads/feature/fees'], { encoding: 'utf8' }).stdout.trim()).toBe(head());
  });

  it('uses a tollgate on PATH when the repository has none, and fails closed when there is none at all', async () => {
    await setUp();
    await rm(repo!.path('node_modules'), { recursive: true });
    const gitPath = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    const bin = path.join(repo!.dir, '.test-bin');
    await mkdir(bin);
    await symlink(gitPath, path.join(bin, 'git'));
    const commit = (message: string) => spawnSync(gitPath, ['commit', '-m', message], { cwd: repo!.dir, env: { ...hookEnv(), PATH: bin }, encoding: 'utf8' });
    const start = head();
    await repo!.write('bad.txt', 'trailing   \n');
    repo!.stage('bad.txt');

    const none = commit('no tollgate anywhere');
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain('tollgate is not installed');
    expect(none.stderr).toContain('git commit --no-verify');
    expect(head()).toBe(start);

    // a global install: `tollgate` on PATH
    const cli = path.join(PROJECT_ROOT, 'src/cli/bin.ts');
    await repo!.write('.test-bin/tollgate', `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`, { executable: true });
    const global = commit('tollgate from PATH');
    expect(global.status).not.toBe(0);
    expect(`${global.stdout}${global.stderr}`).toContain('hygiene/trailing-whitespace');
    expect(head()).toBe(start);
  });
});

describe('the husky hooks written by tollgate init', () => {
  async function setUp(): Promise<void> {
    repo = await TempRepo.create();
    await repo.write(
      'package.json',
      JSON.stringify({ name: 'husky-hooks', 'lint-staged': { '*.txt': 'node mark-lint-staged.mjs' } }, null, 2) + '\n',
    );
    // a lint-staged task that leaves a trace of the files it was given
    await repo.write('mark-lint-staged.mjs', "import { appendFileSync } from 'node:fs';\nimport path from 'node:path';\nappendFileSync('lint-staged-ran.log', process.argv.slice(2).map((f) => path.basename(f)).join(' ') + '\\n');\n");
    await repo.write('.gitignore', 'node_modules/\nlint-staged-ran.log\n');
    const init = runCli(['init'], { cwd: repo.dir });
    expect(init.status, init.stderr).toBe(0);
    expect((await repo.read('.husky/pre-commit')).toString()).toBe('lint-staged\ntollgate validate-quick\n');
    await installTollgateShim();
    await installLintStaged();
    repo.stage();
    repo.commit('initial, with the tollgate setup');
    repo.git('switch', '-q', '-c', 'feature/fees');
    // what the "prepare": "husky" script does on npm install
    const husky = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/husky/bin.js')], { cwd: repo.dir, env: hookEnv(), encoding: 'utf8' });
    expect(husky.status, husky.stderr).toBe(0);
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
  }

  it('runs lint-staged and then blocks a commit with merge-conflict markers; the resolved commit passes', async () => {
    await setUp();
    const start = head();
    await repo!.write('fees.txt', 'card fee:\n<<<<<<< HEAD\n1.4%\n=======\n1.5%\n>>>>>>> feature/pricing\n');
    repo!.stage('fees.txt');
    const blocked = gitWithHooks(['commit', '-m', 'bad']);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('hygiene/merge-conflict');
    expect(head()).toBe(start);
    expect((await repo!.read('lint-staged-ran.log')).toString()).toBe('fees.txt\n');

    await repo!.write('fees.txt', 'card fee:\n1.5%\n');
    repo!.stage('fees.txt');
    const passed = gitWithHooks(['commit', '-m', 'good']);
    expect(passed.status, passed.output).toBe(0);
    expect(head()).not.toBe(start);
  });

  it('lets the documented escape hatches through: HUSKY=0 and --no-verify', async () => {
    await setUp();
    await repo!.write('bad.txt', '<<<<<<< HEAD\na\n=======\nb\n>>>>>>> other\n');
    repo!.stage('bad.txt');
    const start = head();
    expect(gitWithHooks(['commit', '-m', 'skipped with HUSKY=0'], { HUSKY: '0' }).status).toBe(0);
    expect(head()).not.toBe(start);
    await repo!.write('worse.txt', '<<<<<<< HEAD\nc\n=======\nd\n>>>>>>> other\n');
    repo!.stage('worse.txt');
    const second = head();
    expect(gitWithHooks(['commit', '--no-verify', '-m', 'skipped with --no-verify']).status).toBe(0);
    expect(head()).not.toBe(second);
  });
});
