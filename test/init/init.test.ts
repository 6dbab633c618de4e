import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../../src/config/load.ts';
import { TempRepo, runCli } from '../helpers/temp-repo.ts';

let repo: TempRepo | undefined;
let scratch: string | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
  if (scratch) await rm(scratch, { recursive: true, force: true });
  scratch = undefined;
});

type Snapshot = Map<string, { bytes: string; mtimeMs: number; mode: number }>;

/** Every file outside .git, with its bytes, mtime and mode. */
async function snapshot(dir: string): Promise<Snapshot> {
  const result: Snapshot = new Map();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, abs);
    if (rel.split(path.sep)[0] === '.git') continue;
    const info = await stat(abs);
    result.set(rel, { bytes: (await readFile(abs)).toString('base64'), mtimeMs: info.mtimeMs, mode: info.mode });
  }
  return result;
}

async function text(rel: string): Promise<string> {
  return (await repo!.read(rel)).toString('utf8');
}

async function json(rel: string): Promise<Record<string, unknown>> {
  return JSON.parse(await text(rel)) as Record<string, unknown>;
}

const init = (...args: string[]) => runCli(['init', ...args], { cwd: repo!.dir });

describe('tollgate init in a repository with only a package.json', () => {
  it('adds husky, lint-staged with eslint --fix, the hooks, a valid starter config and the gate workflow', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{\n    "name": "acme-pay",\n    "scripts": {\n        "test": "vitest"\n    },\n    "devDependencies": {\n        "eslint": "^9.0.0"\n    }\n}\n');
    const result = init();
    expect(result.status, result.stderr).toBe(0);

    const pkgText = await text('package.json');
    expect(pkgText).toMatch(/^\{\n {4}"name": "acme-pay",\n/);
    expect(pkgText.endsWith('}\n')).toBe(true);
    const pkg = JSON.parse(pkgText) as { scripts: Record<string, string>; devDependencies: Record<string, string>; 'lint-staged': Record<string, string> };
    expect(pkg.scripts).toEqual({ test: 'vitest', prepare: 'husky' });
    expect(Object.keys(pkg.devDependencies)).toEqual(['eslint', 'husky', 'lint-staged', 'tollgate']);
    expect(pkg.devDependencies.husky).toMatch(/^\^9\./);
    expect(pkg['lint-staged']).toEqual({ '*.{ts,tsx,js,mjs,cjs}': 'eslint --fix' });

    expect(await text('.husky/pre-commit')).toBe('lint-staged\ntollgate validate-quick\n');
    expect(await text('.husky/pre-push')).toBe('tollgate validate-all\n');
    expect((await stat(repo.path('.husky/pre-commit'))).mode & 0o111).toBe(0);

    const config = await json('tollgate.config.json');
    expect(config.$schema).toBe('./node_modules/tollgate/schema/tollgate.schema.json');
    // lint-staged runs ESLint on the staged files, so validate-quick does not lint them again
    expect(parseConfig(config, 'tollgate.config.json').checks.eslint).toEqual({ enabled: true, quick: false });

    const workflow = parseYaml(await text('.github/workflows/tollgate.yml')) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { name: string; steps: { uses?: string; run?: string; with?: Record<string, unknown>; if?: string }[] }>;
    };
    expect(Object.keys(workflow.jobs)).toEqual(['tollgate']);
    const job = workflow.jobs.tollgate!;
    expect(job.name).toBe('tollgate');
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    expect(job.steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx tollgate validate-all --format github --output tollgate.sarif']);
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.sarif_file).toBe('tollgate.sarif');

    expect(result.stdout).toMatch(/created\s+\.husky\/pre-commit/);
    expect(result.stdout).toMatch(/updated\s+package\.json/);
    expect(result.stdout).toMatch(/npm install/);
    expect(result.stdout).toContain('git commit --no-verify');
    expect(result.stdout).toContain('HUSKY=0');
  });

  it('sets up no lint-staged in a repository without ESLint, and says so', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{\n  "name": "plain"\n}\n');
    const result = init();
    expect(result.status, result.stderr).toBe(0);
    const pkg = await json('package.json');
    expect(pkg['lint-staged']).toBeUndefined();
    expect(Object.keys(pkg.devDependencies as object)).toEqual(['husky', 'tollgate']);
    expect(await text('.husky/pre-commit')).toBe('tollgate validate-quick\n');
    expect(result.stdout).toMatch(/lint-staged: not set up/);
    expect(parseConfig(await json('tollgate.config.json'), 'tollgate.config.json').checks.eslint.quick).toBe(true);
  });

  it("names the repository's default branch in the workflow trigger", async () => {
    repo = await TempRepo.create({ branch: 'trunk' });
    await repo.write('package.json', '{}\n');
    repo.commit('first');
    expect(init().status).toBe(0);
    const workflow = parseYaml(await text('.github/workflows/tollgate.yml')) as { on: { push: { branches: string[] } } };
    expect(workflow.on.push.branches).toEqual(['trunk']);
  });
});

describe('tollgate init merging into an existing setup', () => {
  it('keeps the prepare script, the lint-staged tasks and the pre-commit commands, and adds its own once', async () => {
    repo = await TempRepo.create();
    const original = {
      name: 'ledger',
      scripts: { build: 'tsc', prepare: 'npm run build' },
      devDependencies: { eslint: '^9.0.0', husky: '^9.0.0', 'lint-staged': '^15.0.0' },
      'lint-staged': { '*.css': 'stylelint --fix', '*.{ts,tsx,js,mjs,cjs}': 'prettier --write' },
    };
    await repo.write('package.json', JSON.stringify(original, null, '\t'));
    await repo.write('.husky/pre-commit', 'npm test\nnpx lint-staged\n');
    await repo.write('.husky/pre-push', 'npm run e2e\n');

    const result = init();
    expect(result.status, result.stderr).toBe(0);
    const pkgText = await text('package.json');
    expect(pkgText).toMatch(/^\{\n\t"name"/);
    expect(pkgText.endsWith('}')).toBe(true);
    const pkg = JSON.parse(pkgText) as typeof original & { devDependencies: Record<string, string> };
    expect(pkg.scripts).toEqual({ build: 'tsc', prepare: 'npm run build && husky' });
    expect(pkg['lint-staged']).toEqual(original['lint-staged']);
    expect(pkg.devDependencies).toMatchObject({ husky: '^9.0.0', 'lint-staged': '^15.0.0' });
    expect(pkg.devDependencies.tollgate).toBeDefined();
    expect(await text('.husky/pre-commit')).toBe('npm test\nnpx lint-staged\ntollgate validate-quick\n');
    expect(await text('.husky/pre-push')).toBe('npm run e2e\ntollgate validate-all\n');
    expect(result.stdout).toMatch(/already has a task for "\*\.\{ts,tsx,js,mjs,cjs\}"; kept yours/);
  });

  it('adds the ESLint task to .lintstagedrc.json in its own style', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{"devDependencies":{"eslint":"^9.0.0"}}');
    await repo.write('.lintstagedrc.json', '{\n    "*.md": "prettier --write"\n}\n');
    expect(init().status).toBe(0);
    expect(await text('.lintstagedrc.json')).toBe('{\n    "*.md": "prettier --write",\n    "*.{ts,tsx,js,mjs,cjs}": "eslint --fix"\n}\n');
    expect((await json('package.json'))['lint-staged']).toBeUndefined();
  });

  it('leaves a JavaScript lint-staged config alone and still runs lint-staged', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{"devDependencies":{"eslint":"^9.0.0"}}\n');
    const config = "export default { '*.ts': 'prettier --write' };\n";
    await repo.write('lint-staged.config.mjs', config);
    const result = init();
    expect(result.status).toBe(0);
    expect(await text('lint-staged.config.mjs')).toBe(config);
    expect(await text('.husky/pre-commit')).toBe('lint-staged\ntollgate validate-quick\n');
    expect(result.stdout).toMatch(/skipped\s+lint-staged\.config\.mjs/);
  });

  it('creates no starter config when one exists under another name, and never overwrites a workflow', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{}\n');
    await repo.write('tollgate.config.yaml', 'failOn: warning\n');
    await repo.write('.github/workflows/tollgate.yml', 'name: ours\n');
    const result = init();
    expect(result.status).toBe(0);
    await expect(stat(repo.path('tollgate.config.json'))).rejects.toThrow();
    expect(await text('.github/workflows/tollgate.yml')).toBe('name: ours\n');
    expect(result.stdout).toMatch(/skipped\s+tollgate\.config\.json\s+\(tollgate config already in tollgate\.config\.yaml\)/);
    expect(result.stdout).toMatch(/skipped\s+\.github\/workflows\/tollgate\.yml\s+\(exists and differs; not overwritten\)/);
  });

  it('respects a tollgate key in package.json', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{"tollgate":{"failOn":"warning"}}\n');
    expect(init().status).toBe(0);
    await expect(stat(repo.path('tollgate.config.json'))).rejects.toThrow();
  });

  it('writes the hooks where a custom husky directory says', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{"scripts":{"prepare":"husky tools/hooks"}}\n');
    expect(init().status).toBe(0);
    expect(await text('tools/hooks/pre-push')).toBe('tollgate validate-all\n');
    expect((await json('package.json')).scripts).toEqual({ prepare: 'husky tools/hooks' });
  });
});

describe('tollgate init notes what it leaves to the user', () => {
  it('points out a husky 4 config, the husky 8 preamble, another hooks path and a pnpm lockfile', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', JSON.stringify({ husky: { hooks: { 'pre-commit': 'lint-staged' } }, scripts: { prepare: 'husky install' } }));
    await repo.write('.husky/pre-commit', '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpm test\n');
    await repo.write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
    repo.git('config', 'core.hooksPath', '.githooks');
    const result = init();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/husky 4 "husky\.hooks" block/);
    expect(result.stdout).toMatch(/\.husky\/pre-commit still sources `_\/husky\.sh`/);
    expect(result.stdout).toMatch(/runs `husky install`, which husky 9 deprecates/);
    expect(result.stdout).toMatch(/core\.hooksPath is "\.githooks" now/);
    expect(result.stdout).toMatch(/uses pnpm; .* installs with `npm ci`/);
    expect(result.stdout).toMatch(/pnpm install {4}#/);
    // the old preamble stays: init reports it, the user removes it
    expect(await text('.husky/pre-commit')).toBe('#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpm test\ntollgate validate-quick\n');
  });

  it('does not warn about the husky 8 hooks path, which husky 9 keeps working', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{}\n');
    repo.git('config', 'core.hooksPath', '.husky');
    expect(init().stdout).not.toMatch(/core\.hooksPath is/);
  });
});

describe('tollgate init installs the debt baseline merge driver', () => {
  it('adds the .gitattributes line and the local git config once, keeping existing attributes', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{ "name": "acme" }\n');
    await repo.write('.gitattributes', '*.png binary\n');
    const first = init();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/\.gitattributes is updated with/);
    expect(await text('.gitattributes')).toBe('*.png binary\n.tollgate/debt.json merge=tollgate-debt\n');
    expect(repo.git('config', '--local', '--get', 'merge.tollgate-debt.driver').trim()).toBe('npx tollgate debt merge %O %A %B');
    const second = init();
    expect(second.stdout).toMatch(/\.gitattributes already has/);
    expect(second.stdout).toMatch(/driver already set/);
    expect(await text('.gitattributes')).toBe('*.png binary\n.tollgate/debt.json merge=tollgate-debt\n');
  });
});

describe('tollgate init runs twice and dry-runs without writing', () => {
  it('changes nothing on a second run: same bytes, same mtimes, and says so', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{\n  "name": "acme",\n  "devDependencies": { "eslint": "^9.0.0" }\n}\n');
    await repo.write('.husky/pre-commit', 'npm test\n');
    expect(init().status).toBe(0);
    const before = await snapshot(repo.dir);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = init();
    expect(second.status).toBe(0);
    expect(await snapshot(repo.dir)).toEqual(before);
    expect(second.stdout).toContain('Already set up: nothing to change.');
    expect(second.stdout).not.toMatch(/^\s+(created|updated)\s/m);
  });

  it('--dry-run writes nothing and shows the new content and the diff', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{\n  "name": "acme",\n  "scripts": {\n    "test": "vitest"\n  }\n}\n');
    await repo.write('.husky/pre-push', 'npm run e2e\n');
    const before = await snapshot(repo.dir);
    const result = init('--dry-run');
    expect(result.status, result.stderr).toBe(0);
    expect(await snapshot(repo.dir)).toEqual(before);
    expect(result.stdout).toMatch(/nothing is written/);
    expect(result.stdout).toMatch(/\+\s+"prepare": "husky"/);
    expect(result.stdout).toMatch(/ {6}\+ tollgate validate-quick/);
    expect(result.stdout).toMatch(/ {8}npm run e2e\n {6}\+ tollgate validate-all/);
    expect(result.stdout).toMatch(/\+ {3}"\$schema": "\.\/node_modules\/tollgate\/schema\/tollgate\.schema\.json"/);
    expect(result.stdout).toMatch(/\+ name: tollgate/);
    // and then the real run writes exactly what the dry run showed
    expect(init().status).toBe(0);
    expect(await text('.husky/pre-push')).toBe('npm run e2e\ntollgate validate-all\n');
  });
});

describe('tollgate init refuses what it cannot set up', () => {
  it('exits 2 outside a git repository', async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'tollgate-norepo-'));
    const result = runCli(['init'], { cwd: scratch, env: { GIT_CEILING_DIRECTORIES: path.dirname(scratch) } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Not inside a git repository/);
    expect(await readdir(scratch)).toEqual([]);
  });

  it('exits 2 without a package.json at the repository root', async () => {
    repo = await TempRepo.create();
    const result = init();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/No package\.json at the repository root/);
    expect(result.stderr).toMatch(/npm init -y/);
  });

  it('exits 2 on a package.json that is not JSON, and writes nothing', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{ "name": "broken", }\n');
    const before = await snapshot(repo.dir);
    const result = init();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Could not parse package\.json/);
    expect(await snapshot(repo.dir)).toEqual(before);
  });

  it('documents --dry-run and -C in its help', async () => {
    repo = await TempRepo.create();
    const help = init('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: tollgate init');
    expect(help.stdout).toContain('--dry-run');
    expect(help.stdout).toContain('-C, --cwd <dir>');
  });

  it('works from a subdirectory and with -C', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', '{}\n');
    await repo.write('src/index.ts', 'export {};\n');
    expect(runCli(['init', '--dry-run'], { cwd: repo.path('src') }).stdout).toContain(`in ${repo.dir}`);
    scratch = await mkdtemp(path.join(os.tmpdir(), 'tollgate-elsewhere-'));
    expect(runCli(['init', '-C', repo.dir], { cwd: scratch }).status).toBe(0);
    expect(await text('.husky/pre-push')).toBe('tollgate validate-all\n');
  });
});
