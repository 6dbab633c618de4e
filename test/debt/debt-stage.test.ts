import { afterEach, describe, expect, it } from 'vitest';
import type { DebtRequest } from '../../src/debt/stage.ts';
import { validate } from '../../src/validate.ts';
import type { TempRepo } from '../helpers/temp-repo.ts';
import { consoleModule, debtRepo, readJson } from './debt-repo.ts';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

const BASELINE = '.tollgate/debt.json';

async function run(r: TempRepo, request: DebtRequest) {
  return validate({ cwd: r.dir, mode: 'all', debt: { ci: false, ...request } });
}
const check = (r: TempRepo, request: DebtRequest = {}) => run(r, { action: 'check', required: true, ...request });
const update = (r: TempRepo, request: DebtRequest = {}) => run(r, { action: 'update', ...request });

function newWarnings(result: Awaited<ReturnType<typeof validate>>): [string, number][] {
  return result.report.findings.filter((f) => f.ruleId === 'debt/new-warning').map((f) => [f.location.path, f.location.line]);
}

async function lockedRepo(files: Record<string, string>): Promise<TempRepo> {
  const r = await debtRepo(files);
  await update(r);
  r.stage();
  r.commit('lock the debt');
  return r;
}

describe('debt stage on a real repository with real ESLint', () => {
  it('locks today\'s warnings, passes on them, and fails on a new one at its file and line', async () => {
    repo = await lockedRepo({ 'src/pay.js': consoleModule(['charge', 'refund']) });
    expect(await readJson(repo, BASELINE)).toMatchObject({ files: { 'src/pay.js': { 'eslint/no-console': { count: 2 } } }, version: 1 });

    const clean = await check(repo);
    expect(clean.report.findings).toEqual([]);
    expect(clean.debt?.totals).toEqual({ baseline: 2, current: 2, added: 0, fixed: 0 });

    await repo.write('src/pay.js', `${consoleModule(['charge', 'refund'])}\nexport function capture(v) {\n  console.info('capture', v);\n  return v;\n}\n`);
    const dirty = await check(repo);
    expect(newWarnings(dirty)).toEqual([['src/pay.js', 12]]);
    const finding = dirty.report.findings.find((f) => f.ruleId === 'debt/new-warning')!;
    expect(finding).toMatchObject({ checkId: 'debt', severity: 'error' });
    expect(finding.message).toContain('eslint/no-console');
    // The original warning is replaced, not shown twice.
    expect(dirty.report.findings.filter((f) => f.ruleId === 'eslint/no-console')).toEqual([]);
    expect(dirty.debt?.comparison.entries.map((e) => e.state)).toEqual(['worse']);
  });

  it('lowers the baseline by itself locally when a warning is fixed', async () => {
    repo = await lockedRepo({ 'src/pay.js': consoleModule(['charge', 'refund', 'settle']) });
    await repo.write('src/pay.js', consoleModule(['charge', 'settle']) + 'export function refund(v) {\n  return v;\n}\n');
    const result = await check(repo);
    expect(result.report.findings).toEqual([]);
    expect(result.debt?.wrote).toEqual({ kind: 'lowered', from: 3, to: 2 });
    expect(await readJson(repo, BASELINE)).toMatchObject({ files: { 'src/pay.js': { 'eslint/no-console': { count: 2 } } } });
    expect(result.report.checks.find((c) => c.id === ('debt' as string))?.notes.join('\n')).toMatch(/lowered \.tollgate\/debt\.json from 3 to 2/);
  });

  it('in CI never writes, and a stale baseline fails with the command to run', async () => {
    repo = await lockedRepo({ 'src/pay.js': consoleModule(['charge', 'refund']) });
    const before = await repo.read(BASELINE);
    await repo.write('src/pay.js', consoleModule(['charge']));
    const result = await check(repo, { ci: true });
    expect((await repo.read(BASELINE)).equals(before)).toBe(true);
    expect(result.debt?.wrote).toBeUndefined();
    const stale = result.report.findings.filter((f) => f.ruleId === 'debt/stale-baseline');
    expect(stale).toHaveLength(1);
    expect(stale[0]!.message).toContain('`npx tollgate debt update`');
    expect(stale[0]!.location.path).toBe(BASELINE);
  });

  it('keeps the baseline when code moves inside a file and other lines are reformatted', async () => {
    const original = consoleModule(['charge', 'refund', 'settle']);
    repo = await lockedRepo({ 'src/pay.js': original });
    const before = await repo.read(BASELINE);
    // settle() moves to the top, a header comment is added, refund's signature is reformatted.
    const [charge, refund, settle] = original.split('\n\n');
    const moved = `// payments\n// (moved around)\n\n${settle}\n\n${charge}\n\n${refund!.replace('export function refund(value) {', 'export function refund(  value  ) {').trimEnd()}\n`;
    await repo.write('src/pay.js', moved);
    const result = await check(repo);
    expect(result.report.findings).toEqual([]);
    expect(result.debt?.totals).toEqual({ baseline: 3, current: 3, added: 0, fixed: 0 });
    expect((await repo.read(BASELINE)).equals(before)).toBe(true);
  });

  it('follows a file renamed with git mv, staged or committed', async () => {
    repo = await lockedRepo({ 'src/pay.js': consoleModule(['charge', 'refund']) });
    repo.git('mv', 'src/pay.js', 'src/payments.js');
    const staged = await check(repo);
    expect(staged.report.findings).toEqual([]);
    expect(staged.debt?.comparison.entries.map((e) => [e.path, e.renamedFrom, e.state])).toEqual([['src/payments.js', 'src/pay.js', 'same']]);
    repo.commit('rename');
    expect((await check(repo)).report.findings).toEqual([]);
    // `debt update` rewrites the entries under the new path.
    await update(repo);
    expect(Object.keys(((await readJson(repo, BASELINE)) as { files: object }).files)).toEqual(['src/payments.js']);
  });

  it('detects a same-count swap: one warning fixed and another added is one new plus one fixed', async () => {
    repo = await lockedRepo({ 'src/pay.js': consoleModule(['charge', 'refund']) });
    await repo.write('src/pay.js', consoleModule(['charge']) + '\nexport function refund(v) {\n  return v;\n}\n\nexport function audit(v) {\n  console.warn("audit", v);\n  return v;\n}\n');
    const result = await check(repo, { ci: true });
    expect(result.debt?.totals).toEqual({ baseline: 2, current: 2, added: 1, fixed: 1 });
    expect(newWarnings(result)).toEqual([['src/pay.js', 11]]);
    expect(result.report.findings.map((f) => f.ruleId).sort()).toEqual(['debt/new-warning', 'debt/stale-baseline']);
  });

  it('update drops fixed warnings but adds new ones only with acceptNew', async () => {
    repo = await lockedRepo({ 'src/pay.js': consoleModule(['charge', 'refund']) });
    await repo.write('src/pay.js', consoleModule(['charge', 'audit', 'trace']));
    const refused = await update(repo);
    expect(newWarnings(refused)).toHaveLength(2);
    expect(await readJson(repo, BASELINE)).toMatchObject({ files: { 'src/pay.js': { 'eslint/no-console': { count: 1 } } } });
    const accepted = await update(repo, { acceptNew: true });
    expect(newWarnings(accepted)).toEqual([]);
    expect(accepted.debt?.wrote).toEqual({ kind: 'updated', from: 1, to: 3 });
    expect((await check(repo)).report.findings).toEqual([]);
  });

  it('baselines tsc diagnostics set to warning in the config, with real TypeScript', { timeout: 240_000 }, async () => {
    const tsconfig = JSON.stringify({ compilerOptions: { strict: true, noEmit: true, noUnusedLocals: true, module: 'nodenext', target: 'es2022', types: [] }, include: ['src'] });
    repo = await lockedRepo({
      'tsconfig.json': `${tsconfig}\n`,
      'tollgate.config.json': `${JSON.stringify({ rules: { 'tsc/TS6133': 'warning' } })}\n`,
      'src/money.ts': 'export function total(cents: number): number {\n  const unused = 1;\n  return cents;\n}\n',
    });
    expect(await readJson(repo, BASELINE)).toMatchObject({ files: { 'src/money.ts': { 'tsc/TS6133': { count: 1 } } } });
    expect((await check(repo)).report.findings).toEqual([]);
    await repo.write('src/money.ts', 'export function total(cents: number): number {\n  const unused = 1;\n  const alsoUnused = 2;\n  return cents;\n}\n');
    expect(newWarnings(await check(repo))).toEqual([['src/money.ts', 3]]);
  });

  it('counts SARIF results given with --sarif, and leaves their entries alone when the file is not given', async () => {
    repo = await debtRepo({ 'src/pay.js': 'export const fee = 1;\n' });
    const sarif = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Semgrep OSS', rules: [{ id: 'float-money', defaultConfiguration: { level: 'warning' } }] } },
          results: [
            { ruleId: 'float-money', message: { text: 'float used for money' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/pay.js' }, region: { startLine: 1 } } }] },
            { ruleId: 'float-money', level: 'error', message: { text: 'an error, not debt' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/pay.js' }, region: { startLine: 1 } } }] },
          ],
        },
      ],
    };
    await repo.write('scan.sarif', `${JSON.stringify(sarif)}\n`);
    const created = await update(repo, { sarif: ['scan.sarif'] });
    expect(created.debt?.wrote?.kind).toBe('created');
    expect(await readJson(repo, BASELINE)).toMatchObject({ files: { 'src/pay.js': { 'semgrep-oss/float-money': { count: 1 } } } });
    const withSarif = await check(repo, { sarif: ['scan.sarif'] });
    expect(withSarif.report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['semgrep-oss/float-money', 'error']]);
    const without = await check(repo);
    expect(without.report.findings).toEqual([]);
    expect(without.debt?.wrote).toBeUndefined();
    expect(await readJson(repo, BASELINE)).toMatchObject({ files: { 'src/pay.js': { 'semgrep-oss/float-money': { count: 1 } } } });
  });
});

describe('debt stage inside validate-all', () => {
  it('applies the baseline in validate-all when the file exists, and not for a single check', async () => {
    repo = await lockedRepo({ 'src/pay.js': consoleModule(['charge']) });
    await repo.write('src/pay.js', consoleModule(['charge', 'audit']));
    const all = await validate({ cwd: repo.dir, mode: 'all' });
    expect(newWarnings(all)).toEqual([['src/pay.js', 7]]);
    expect(all.report.checks.map((c) => c.id)).toContain('debt');
    const single = await validate({ cwd: repo.dir, mode: 'all', checks: ['eslint'] });
    expect(single.debt).toBeUndefined();
    expect(single.report.findings.map((f) => f.ruleId)).toEqual(['eslint/no-console', 'eslint/no-console']);
  });

  it('skips the stage when there is no baseline, unless debt.required is set', async () => {
    repo = await debtRepo({ 'src/pay.js': consoleModule(['charge']) });
    const skipped = await validate({ cwd: repo.dir, mode: 'all' });
    expect(skipped.debt).toBeUndefined();
    expect(skipped.report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['eslint/no-console', 'warning']]);
    await repo.write('tollgate.config.json', `${JSON.stringify({ debt: { required: true } })}\n`);
    const required = await validate({ cwd: repo.dir, mode: 'all' });
    expect(required.report.findings.map((f) => f.ruleId)).toEqual(['debt/missing-baseline', 'eslint/no-console']);
  });
});
