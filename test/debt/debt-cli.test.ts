import { afterEach, describe, expect, it } from 'vitest';
import { installMergeDriver } from '../../src/debt/merge-driver.ts';
import { validate } from '../../src/validate.ts';
import { PROJECT_ROOT, runCli, type TempRepo } from '../helpers/temp-repo.ts';
import { consoleModule, debtRepo, readJson } from './debt-repo.ts';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

const BASELINE = '.tollgate/debt.json';

function withoutConsole(names: string[]): string {
  return names.map((name) => `export function ${name}(value) {\n  return value;\n}\n`).join('\n');
}

// Real CLI processes with real ESLint: each takes seconds on a loaded machine.
const SLOW = { timeout: 240_000 };

describe('tollgate debt (CLI)', () => {
  it('check exits 1 on a new warning, explain names its file and line, and CI never writes a stale baseline', SLOW, async () => {
    repo = await debtRepo({ 'src/pay.js': consoleModule(['charge', 'refund']) });
    const cwd = repo.dir;
    expect(runCli(['debt', 'check'], { cwd }).status).toBe(1); // no baseline yet
    const created = runCli(['debt', 'update'], { cwd });
    expect(created.status).toBe(0);
    expect(created.stdout).toContain(`created ${BASELINE} with 2 warning(s)`);
    repo.stage();
    repo.commit('lock');
    expect(runCli(['debt', 'check'], { cwd }).status).toBe(0);

    await repo.write('src/pay.js', `${consoleModule(['charge'])}\n${withoutConsole(['refund'])}\nexport function audit(v) {\n  console.warn(v);\n  return v;\n}\n`);
    const explain = runCli(['debt', 'explain'], { cwd });
    expect(explain.status).toBe(1);
    expect(explain.stdout).toMatch(/New warnings \(1\):\n {2}src\/pay\.js:11:3 +eslint\/no-console +Unexpected console statement\./);
    expect(explain.stdout).toMatch(/Fixed warnings \(1\):\n {2}src\/pay\.js:7 +eslint\/no-console +line as of [0-9a-f]{10}\n/);
    expect(explain.stdout).toMatch(/worse +src\/pay\.js +eslint\/no-console +2 → 2 +1 new, 1 fixed/);

    const before = await repo.read(BASELINE);
    const ci = runCli(['debt', 'check', '--format', 'json'], { cwd, env: { CI: 'true' } });
    expect(ci.status).toBe(1);
    const report = JSON.parse(ci.stdout) as { findings: { ruleId: string; message: string }[] };
    expect(report.findings.map((f) => f.ruleId).sort()).toEqual(['debt/new-warning', 'debt/stale-baseline']);
    expect(report.findings.find((f) => f.ruleId === 'debt/stale-baseline')!.message).toContain('`npx tollgate debt update`');
    expect((await repo.read(BASELINE)).equals(before)).toBe(true);

    // Locally the same run lowers the baseline (the new warning still fails).
    const local = runCli(['debt', 'check'], { cwd });
    expect(local.status).toBe(1);
    expect(local.stdout).toContain(`lowered ${BASELINE} from 2 to 1 warning(s)`);
    expect(await readJson(repo, BASELINE)).toMatchObject({ files: { 'src/pay.js': { 'eslint/no-console': { count: 1 } } } });

    const update = runCli(['debt', 'update'], { cwd });
    expect(update.status).toBe(1);
    expect(update.stdout).toContain('1 new warning(s) were not added');
    expect(runCli(['debt', 'update', '--accept-new'], { cwd }).status).toBe(0);
    expect(runCli(['debt', 'check'], { cwd, env: { CI: 'true' } }).status).toBe(0);
  });

  it('a corrupt or hand-edited baseline is a usage error naming the file and the key', SLOW, async () => {
    repo = await debtRepo({ 'src/pay.js': consoleModule(['charge']) });
    await repo.write(BASELINE, `${JSON.stringify({ files: { 'src/pay.js': { 'eslint/no-console': { count: 2, fingerprints: ['0a1b2c3d.4e5f6a7b'] } } }, version: 1 }, null, 2)}\n`);
    const edited = runCli(['debt', 'check'], { cwd: repo.dir });
    expect(edited.status).toBe(2);
    expect(edited.stderr).toContain(`${BASELINE} is not a valid debt baseline`);
    expect(edited.stderr).toContain('files["src/pay.js"]["eslint/no-console"].count: expected 1 (one per fingerprint), found 2');
    await repo.write(BASELINE, '{ "files": ');
    const broken = runCli(['validate-all'], { cwd: repo.dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`${BASELINE} is not valid JSON`);
  });
});

describe('tollgate debt merge (git merge driver)', () => {
  it('merges two branches that both changed the baseline without a conflict, to what a recompute gives', SLOW, async () => {
    const names = ['a1', 'a2', 'a3', 'a4'];
    repo = await debtRepo({ 'src/a.js': consoleModule(names) });
    const r = repo;
    const update = (acceptNew = false) => validate({ cwd: r.dir, mode: 'all', debt: { action: 'update', ci: false, acceptNew } });
    await update();
    r.stage();
    r.commit('lock');

    r.git('checkout', '-q', '-b', 'left');
    await r.write('src/a.js', `${withoutConsole(['a1'])}\n${consoleModule(['a2', 'a3', 'a4'])}`);
    await update();
    r.stage();
    r.commit('fix a1');

    r.git('checkout', '-q', '-b', 'right', 'main');
    await r.write('src/a.js', `${consoleModule(['a1', 'a2'])}\n${withoutConsole(['a3', 'a4'])}`);
    await r.write('src/b.js', consoleModule(['b1']));
    await update(true);
    r.stage();
    r.commit('fix a3 and a4, accept b1');

    r.git('checkout', '-q', 'left');
    // Without the driver git's line merge conflicts on the baseline …
    const plain = r.gitResult('merge', '--no-edit', 'right');
    expect(plain.status).not.toBe(0);
    expect(r.git('diff', '--name-only', '--diff-filter=U')).toContain(BASELINE);
    r.git('merge', '--abort');

    // … with it, the merge is clean.
    const installed = await installMergeDriver(r.dir, { command: `"${process.execPath}" "${PROJECT_ROOT}/src/cli/bin.ts" debt merge %O %A %B` });
    expect(installed).toEqual({ gitattributes: 'created', gitConfig: 'set' });
    expect((await r.read('.gitattributes')).toString()).toBe(`${BASELINE} merge=tollgate-debt\n`);
    r.stage('.gitattributes');
    r.commit('merge driver');
    const merged = r.gitResult('merge', '--no-edit', 'right');
    expect(merged.stderr + merged.stdout).not.toMatch(/CONFLICT/);
    expect(merged.status).toBe(0);

    const afterMerge = await r.read(BASELINE);
    expect(await readJson(r, BASELINE)).toMatchObject({
      files: { 'src/a.js': { 'eslint/no-console': { count: 1 } }, 'src/b.js': { 'eslint/no-console': { count: 1 } } },
    });
    // Recomputing on the merged code gives the same file, byte for byte.
    const recomputed = await update(true);
    expect(recomputed.debt?.wrote).toBeUndefined();
    expect((await r.read(BASELINE)).equals(afterMerge)).toBe(true);
  });

  it('a side that is not a valid baseline leaves the conflict to git (exit 2)', async () => {
    repo = await debtRepo({});
    await repo.write('o.json', '');
    await repo.write('a.json', `${JSON.stringify({ files: {}, version: 1 })}\n`);
    await repo.write('b.json', '<<<<<<< HEAD\n');
    const result = runCli(['debt', 'merge', 'o.json', 'a.json', 'b.json', BASELINE], { cwd: repo.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('their version');
  });
});
