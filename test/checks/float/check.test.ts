import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../../src/validate.ts';
import { runCli, TempRepo } from '../../helpers/temp-repo.ts';
import { DECIMAL_STUBS } from './decimal-stubs.ts';

let repo: TempRepo;
afterEach(async () => repo?.remove());

const TSCONFIG = JSON.stringify({ compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', strict: true, noEmit: true, types: [] }, include: ['src', 'types'] });

/** A committed project: an Order type whose price is a Big, declared in a file that is not staged later. */
async function project(): Promise<TempRepo> {
  const r = await TempRepo.create();
  await r.write('tsconfig.json', TSCONFIG);
  await r.write('types/decimals.d.ts', DECIMAL_STUBS);
  await r.write('src/order.ts', ["import type Big from 'big.js';", '', 'export interface Order {', '  id: string;', '  price: Big;', '}', ''].join('\n'));
  await r.write('src/fine.ts', 'export const pages = (count: number) => Math.ceil(count / 20);\n');
  r.stage();
  r.commit('project');
  return r;
}

const BUGGY = ["import type { Order } from './order';", '', 'export function doubled(order: Order): number {', '  return order.price.toNumber() * 2;', '}', ''].join('\n');
const FIXED = ["import type Big from 'big.js';", "import type { Order } from './order';", '', 'export function doubled(order: Order): Big {', '  return order.price.times(2);', '}', ''].join('\n');

describe('float check through validate() and the CLI', () => {
  it('analyses the staged content in quick mode, with types from unstaged files of the project', async () => {
    repo = await project();
    await repo.write('src/total.ts', BUGGY);
    repo.stage('src/total.ts');
    await repo.write('src/total.ts', FIXED); // the working tree is fixed, the commit would not be

    const { report } = await validate({ cwd: repo.dir, mode: 'quick', checks: ['float'] });
    // `price` is a Big only through src/order.ts, which is not staged: the program resolved it.
    expect(report.findings.map((f) => `${f.location.path}:${f.location.line} ${f.ruleId}`)).toEqual(['src/total.ts:4 float/decimal-to-number']);
    expect(report.checks.find((c) => c.id === 'float')?.notes.join('\n')).toMatch(/1 file\(s\) analysed/);
  });

  it('passes when the staged content is fixed even though the working tree is not', async () => {
    repo = await project();
    await repo.write('src/total.ts', FIXED);
    repo.stage('src/total.ts');
    await repo.write('src/total.ts', BUGGY);

    const { report } = await validate({ cwd: repo.dir, mode: 'quick', checks: ['float'] });
    expect(report.findings).toEqual([]);
  });

  it('runs in validate-quick and validate-all by default and fails the CLI with exit 1', async () => {
    repo = await project();
    await repo.write('src/cart.ts', 'export const total = (items: { price: number }[]) => items.reduce((s, i) => s + i.price, 0);\n');
    repo.stage();
    const quick = await validate({ cwd: repo.dir, mode: 'quick' });
    expect(quick.report.checks.map((c) => c.id)).toContain('float');
    expect(quick.report.findings.filter((f) => f.checkId === 'float').map((f) => f.ruleId)).toEqual(['float/money-float-accumulate']);
    const all = runCli(['validate-all', '--format', 'json'], { cwd: repo.dir });
    const parsed = JSON.parse(all.stdout) as { findings: { ruleId: string }[] };
    expect(parsed.findings.map((f) => f.ruleId)).toContain('float/money-float-accumulate');
    expect(all.status).toBe(1);
  });

  it('prints why a value is money with --explain, and only with it', async () => {
    repo = await project();
    await repo.write('src/line.ts', ['export function lineTotal(unitPrice: number, qty: number): number {', '  const gross = unitPrice * qty;', '  return gross - 1;', '}', ''].join('\n'));
    const plain = runCli(['check', 'float', 'src/line.ts'], { cwd: repo.dir });
    expect(plain.stdout).not.toContain('why money');
    const explained = runCli(['check', 'float', 'src/line.ts', '--explain'], { cwd: repo.dir });
    expect(explained.status).toBe(1);
    expect(explained.stdout).toContain('why money: name word "price" (unitPrice)');
    expect(explained.stdout).toContain('why money: computed from unitPrice (line 2) ← name word "price" (unitPrice)');
  });

  it('honours suppressions with a reason and reports those without one', async () => {
    repo = await project();
    await repo.write(
      'src/ui.ts',
      [
        'export function label(price: number, qty: number): string {',
        '  // tollgate-ignore float/money-float-arith: display only, rounded by the formatter',
        '  const shown = price * qty;',
        '  const other = price * 2; // tollgate-ignore float/money-float-arith',
        '  return `${shown} ${other}`;',
        '}',
        '',
      ].join('\n'),
    );
    const { report } = await validate({ cwd: repo.dir, mode: 'paths', paths: ['src/ui.ts'], checks: ['float'] });
    expect(report.suppressed).toBe(1);
    expect(report.findings.map((f) => `${f.location.line} ${f.ruleId}`).sort()).toEqual(['4 float/money-float-arith', '4 tollgate/suppression-without-reason']);
  });

  it('applies per-path severities from overrides and turns the opt-in domain rule on only where named', async () => {
    repo = await project();
    await repo.write(
      'tollgate.config.json',
      JSON.stringify({
        overrides: [
          { files: ['src/ui/**'], rules: { float: 'off' } },
          { files: ['src/domain/**'], rules: { 'float/money-number-in-domain': 'error' } },
        ],
      }),
    );
    const model = 'export interface Account { balance: number }\nexport const fee = (amount: number) => amount * 0.01;\n';
    await repo.write('src/ui/view.ts', model);
    await repo.write('src/domain/account.ts', model);
    await repo.write('src/reports/account.ts', model);
    const { report } = await validate({ cwd: repo.dir, mode: 'all', checks: ['float'] });
    expect(report.findings.map((f) => `${f.location.path}:${f.location.line} ${f.ruleId}`).sort()).toEqual([
      'src/domain/account.ts:1 float/money-number-in-domain',
      'src/domain/account.ts:2 float/money-float-arith',
      'src/reports/account.ts:2 float/money-float-arith',
    ]);
  });

  it('falls back to the files in scope without a tsconfig, and says so', async () => {
    repo = await TempRepo.create();
    await repo.write('calc.ts', 'export const net = (gross: number, fee: number) => gross - fee;\n');
    const { report } = await validate({ cwd: repo.dir, mode: 'all', checks: ['float'] });
    expect(report.findings.map((f) => f.ruleId)).toEqual(['float/money-float-arith']);
    expect(report.checks[0]!.notes.join('\n')).toMatch(/no tsconfig\.json/);
  });

  it('reads configured money words and decimal types', async () => {
    repo = await TempRepo.create();
    await repo.write('tollgate.config.json', JSON.stringify({ checks: { float: { moneyWords: { add: ['premie'], remove: ['fee'] } } } }));
    await repo.write('calc.ts', 'export const a = (premie: number) => premie * 1.1;\nexport const b = (fee: number) => fee * 1.1;\n');
    const { report } = await validate({ cwd: repo.dir, mode: 'all', checks: ['float'] });
    expect(report.findings.map((f) => `${f.location.line} ${f.ruleId}`)).toEqual(['1 float/money-float-arith']);
  });

  it('rejects an unknown float config key with exit 2, naming the key', async () => {
    repo = await TempRepo.create();
    await repo.write('tollgate.config.json', JSON.stringify({ checks: { float: { moneyWordz: [] } } }));
    await repo.write('calc.ts', 'export const x = 1;\n');
    const result = runCli(['check', 'float'], { cwd: repo.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('moneyWordz');
  });

  it('skips quick mode without building a program when no TypeScript file is staged', async () => {
    repo = await project();
    await repo.write('README.md', '# notes\n');
    repo.stage();
    const { report } = await validate({ cwd: repo.dir, mode: 'quick', checks: ['float'] });
    expect(report.findings).toEqual([]);
    expect(report.checks[0]!.notes).toEqual(['no TypeScript files in scope']);
  });
});

describe('quick mode program', () => {
  it('keeps ambient type packages when a staged file imports a Node built-in', async () => {
    const { importsNodeBuiltin } = await import('../../../src/checks/float/program.ts');
    expect(importsNodeBuiltin("import { readFile } from 'node:fs/promises';")).toBe(true);
    expect(importsNodeBuiltin("import path from 'path';")).toBe(true);
    expect(importsNodeBuiltin('const n = process.hrtime.bigint();')).toBe(true);
    expect(importsNodeBuiltin("import Big from 'big.js';\nexport const p = new Big('1');")).toBe(false);
  });
});
