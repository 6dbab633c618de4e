import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../../src/validate.ts';
import type { Finding } from '../../../src/findings/finding.ts';
import { runCli, TempRepo } from '../../helpers/temp-repo.ts';

let repo: TempRepo;
afterEach(async () => repo?.remove());

const at = (f: Finding) => `${f.ruleId} ${f.location.path}:${f.location.line}:${f.location.column}`;

async function docsFindings(mode: 'all' | 'quick' = 'all'): Promise<Finding[]> {
  const { report } = await validate({ cwd: repo.dir, mode, checks: ['docs'] });
  return report.findings;
}

describe('docs check on a repository', () => {
  it('reports a broken link and bad YAML at their lines, and stays silent on good docs', async () => {
    repo = await TempRepo.create();
    await repo.write('docs/setup.md', '# Setup\n\n## Install the CLI\n');
    await repo.write(
      'README.md',
      ['# Payments', '', 'Read [setup](docs/setup.md#install-the-cli) and [deploys](docs/deploy.md).', '', '```yaml', 'on: push', 'jobs:', '  test:', '\truns-on: ubuntu-latest', '```', ''].join('\n'),
    );
    repo.stage();
    repo.commit('docs');
    expect((await docsFindings()).map(at)).toEqual(['docs/broken-link README.md:3:49', 'docs/invalid-code-block README.md:9:1']);
  });

  it('places a float finding of a ts example on the Markdown line and column, with the float rule named', async () => {
    repo = await TempRepo.create();
    await repo.write('docs/pricing.md', ['# Pricing', '', '- A list item with an example:', '', '  ```ts', '  declare const price: number, qty: number;', '  export const total = price * qty;', '  ```', ''].join('\n'));
    repo.stage();
    repo.commit('docs');
    const findings = await docsFindings();
    expect(findings.map(at)).toEqual(['docs/float-in-example docs/pricing.md:7:24']);
    expect(findings[0]!.message).toMatch(/^Example teaches money as a float \(float\/money-float-arith\): /);
    expect(findings[0]!.snippet).toBe('price * qty');
  });

  it('resolves the decimal packages an example imports, so a Big turned into a number is named as such', async () => {
    repo = await TempRepo.create();
    // A stand-in for the published big.js typings, installed in the repository.
    await repo.write('node_modules/big.js/package.json', JSON.stringify({ name: 'big.js', version: '6.2.2', types: 'index.d.ts' }));
    await repo.write('node_modules/big.js/index.d.ts', 'declare class Big { constructor(v: string | number); times(n: number): Big; toNumber(): number; }\nexport default Big;\n');
    await repo.write('.gitignore', 'node_modules\n');
    await repo.write('docs/big.md', ['```ts', "import Big from 'big.js';", 'declare const price: Big;', 'export const doubled = price.toNumber() * 2;', '```', ''].join('\n'));
    repo.stage();
    repo.commit('docs');
    expect((await docsFindings()).map((f) => f.message.slice(0, 60))).toEqual([expect.stringContaining('(float/decimal-to-number)')]);
  });

  it('honours the float rules\' own settings at the Markdown path', async () => {
    repo = await TempRepo.create();
    await repo.write('tollgate.config.json', JSON.stringify({ overrides: [{ files: ['docs/**'], rules: { 'float/money-float-arith': 'off' } }] }));
    await repo.write('docs/pricing.md', ['```ts', 'declare const price: number, qty: number;', 'export const total = price * qty;', '```', ''].join('\n'));
    repo.stage();
    repo.commit('docs');
    expect(await docsFindings()).toEqual([]);
  });

  it('lets a tollgate-ignore comment inside an example suppress the float rule it names, with its reason', async () => {
    repo = await TempRepo.create();
    const example = (reason: string) => ['```ts', 'declare const price: number;', `// tollgate-ignore float/money-float-arith${reason}`, 'export const shown = price * 1.2;', '```', ''].join('\n');
    await repo.write('docs/a.md', example(': display only'));
    await repo.write('docs/b.md', example(''));
    repo.stage();
    repo.commit('docs');
    // Without a reason nothing is suppressed, and the comment itself is reported by the pipeline.
    expect((await docsFindings()).map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`)).toEqual([
      'tollgate/suppression-without-reason docs/b.md:3',
      'docs/float-in-example docs/b.md:4',
    ]);
  });

  it('skips a Markdown file over 1 MiB with a note instead of parsing it for seconds', async () => {
    repo = await TempRepo.create();
    await repo.write('CHANGELOG.md', `# Changelog\n\n${'- [x](missing.md) a line of a generated changelog\n'.repeat(25_000)}`);
    repo.stage();
    repo.commit('changelog');
    const { report } = await validate({ cwd: repo.dir, mode: 'all', checks: ['docs'] });
    expect(report.findings).toEqual([]);
    expect(report.checks[0]!.notes).toContain('skipped 1 Markdown file(s) over 1 MiB: CHANGELOG.md');
  });

  it('checks only staged Markdown in quick mode, against what the commit will hold', async () => {
    repo = await TempRepo.create();
    await repo.write('README.md', '# Project\n');
    repo.stage();
    repo.commit('init');
    await repo.write('docs/guide.md', '# Guide\n\nSee the [runbook](runbook.md).\n');
    await repo.write('docs/runbook.md', '# Runbook\n'); // in the working tree, not staged
    await repo.write('docs/unstaged.md', '[nowhere](nowhere.md)\n');
    repo.stage('docs/guide.md');
    expect((await docsFindings('quick')).map(at)).toEqual(['docs/broken-link docs/guide.md:3:9']);
    repo.stage('docs/runbook.md');
    expect(await docsFindings('quick')).toEqual([]);
  });

  it('fails from the CLI with exit 1 and passes once the link is fixed', async () => {
    repo = await TempRepo.create();
    await repo.write('README.md', '# Project\n\n[Security](SECURITY.md#reporting)\n');
    await repo.write('SECURITY.md', '# Security\n\n## Reports\n');
    repo.stage();
    repo.commit('init');
    const failing = runCli(['check', 'docs'], { cwd: repo.dir });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('docs/broken-anchor');
    await repo.write('README.md', '# Project\n\n[Security](SECURITY.md#reports)\n');
    expect(runCli(['check', 'docs'], { cwd: repo.dir }).status).toBe(0);
  });

  it('runs in validate-quick on staged Markdown and in validate-all with coverage, by default', async () => {
    repo = await TempRepo.create();
    await repo.write('README.md', '# Project\n\nSee [the guide](docs/guide.md).\n');
    repo.stage();
    const quick = await validate({ cwd: repo.dir, mode: 'quick' });
    expect(quick.report.checks.map((c) => c.id)).toContain('docs');
    expect(quick.report.findings.filter((f) => f.checkId === 'docs').map(at)).toEqual(['docs/broken-link README.md:3:5']);
    repo.commit('readme');
    const all = await validate({ cwd: repo.dir, mode: 'all', debt: false });
    expect(all.report.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['docs', 'coverage']));
    // No coverage configured and none written: a note, not a failure.
    expect(all.report.findings.filter((f) => f.checkId === 'coverage')).toEqual([]);
    expect(all.report.findings.filter((f) => f.checkId === 'docs').map(at)).toEqual(['docs/broken-link README.md:3:5']);
  }, 60_000);
});
