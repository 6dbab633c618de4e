import { afterEach, describe, expect, it } from 'vitest';
import { forgeFormat, run, seededRandom } from '../../../src/checks/secrets/token-format.ts';
import { validate } from '../../../src/validate.ts';
import { TempRepo, runCli } from '../../helpers/temp-repo.ts';

const random = seededRandom(99);
/** A fresh fake GitHub token (documented format, random body), never stored in the repository. */
const ghp = () => forgeFormat(['ghp_', run('alnum', 36)], random);
const stripe = () => forgeFormat(['sk_live_', run('alnum', 40)], random);

let repo: TempRepo;
afterEach(async () => repo?.remove());

async function secrets(options: { mode: 'quick' | 'all' | 'paths'; paths?: string[]; request?: { history?: string | true; updateBaseline?: boolean }; stdin?: Buffer }) {
  const result = await validate({ cwd: repo.dir, checks: ['secrets'], ...options });
  return { findings: result.report.findings, notes: result.report.checks.flatMap((c) => c.notes) };
}

function summary(findings: { ruleId: string; location: { path: string; line: number } }[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`);
}

describe('tollgate check secrets: staged changes', () => {
  it('reports a secret on a staged added line but not one already committed in the same file', async () => {
    repo = await TempRepo.create();
    await repo.write('config.ts', `export const old = '${ghp()}';\n`);
    repo.stage();
    repo.commit();
    await repo.write('config.ts', `export const old = '${(await repo.read('config.ts')).toString().split("'")[1]}';\nexport const added = '${stripe()}';\n`);
    repo.stage();
    const { findings } = await secrets({ mode: 'quick' });
    expect(summary(findings)).toEqual(['secrets/stripe-key config.ts:2']);
  });

  it('finds a secret staged in a file whose name has a space or non-ASCII letters', async () => {
    repo = await TempRepo.create();
    await repo.write('deploy notes.md', '# notes\n');
    repo.stage();
    repo.commit();
    await repo.write('deploy notes.md', `# notes\ntoken: ${ghp()}\n`);
    await repo.write('clés api.txt', `STRIPE=${stripe()}\n`);
    repo.stage();
    const { findings } = await secrets({ mode: 'quick' });
    expect(summary(findings).sort()).toEqual(['secrets/github-token deploy notes.md:2', 'secrets/stripe-key clés api.txt:1']);
  });

  it('scans the staged bytes, not the working tree', async () => {
    repo = await TempRepo.create();
    const token = ghp();
    await repo.write('a.env.txt', `TOKEN=${token}\n`);
    repo.stage();
    await repo.write('a.env.txt', 'TOKEN=${TOKEN}\n'); // cleaned on disk, not staged
    await repo.write('b.txt', `TOKEN=${ghp()}\n`); // on disk, never staged
    const { findings } = await secrets({ mode: 'quick' });
    expect(summary(findings)).toEqual(['secrets/github-token a.env.txt:1']);
  });

  it('reports only the new lines of a renamed file, under its new name', async () => {
    repo = await TempRepo.create();
    const lines = Array.from({ length: 12 }, (_, i) => `export const v${i} = ${i};`);
    await repo.write('old.ts', `${lines.join('\n')}\nexport const committed = '${ghp()}';\n`);
    repo.stage();
    repo.commit();
    repo.git('mv', 'old.ts', 'new.ts');
    const content = (await repo.read('new.ts')).toString();
    await repo.write('new.ts', `${content}export const fresh = '${ghp()}';\n`);
    repo.stage();
    const { findings } = await secrets({ mode: 'quick' });
    expect(summary(findings)).toEqual(['secrets/github-token new.ts:14']);
  });

  it('scans a staged file that .gitattributes marks binary as a whole, since git shows no lines for it', async () => {
    repo = await TempRepo.create();
    await repo.write('.gitattributes', '*.cfg binary\n');
    await repo.write('deploy.cfg', `token=${ghp()}\n`);
    repo.stage();
    const { findings } = await secrets({ mode: 'quick' });
    expect(summary(findings)).toEqual(['secrets/github-token deploy.cfg:1']);
  });

  it('blocks a staged .env and an .npmrc with a literal token, but not .env.example or an .npmrc with a reference', async () => {
    repo = await TempRepo.create();
    await repo.write('.env', 'PORT=3000\n');
    await repo.write('.env.example', 'STRIPE_SECRET_KEY=\n');
    await repo.write('packages/a/.npmrc', '//registry.npmjs.org/:_authToken=abc123def456\n');
    await repo.write('packages/b/.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n');
    await repo.write('deploy/id_rsa.pub', 'ssh-ed25519 AAAA… ci@acme\n');
    await repo.write('infra/terraform.tfstate', '{"version": 4}\n');
    repo.stage();
    const { findings } = await secrets({ mode: 'quick' });
    expect(summary(findings)).toEqual([
      'secrets/blocked-file .env:0',
      'secrets/blocked-file infra/terraform.tfstate:0',
      'secrets/blocked-file packages/a/.npmrc:0',
      'secrets/generic-secret packages/a/.npmrc:1',
    ]);
  });

  it('skips binary and oversized files with a note, and still blocks them by name', async () => {
    repo = await TempRepo.create();
    await repo.write('tollgate.config.json', JSON.stringify({ checks: { secrets: { maxFileSizeKb: 1 } } }));
    await repo.write('keystore.p12', Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.from(ghp())]));
    await repo.write('big.txt', `${'x'.repeat(2048)}\n${ghp()}\n`);
    repo.stage();
    const { findings, notes } = await secrets({ mode: 'quick' });
    expect(summary(findings)).toEqual(['secrets/blocked-file keystore.p12:0']);
    expect(notes.join('\n')).toMatch(/skipped 1 binary file \(keystore\.p12\)/);
    expect(notes.join('\n')).toMatch(/skipped 1 file larger than 1 KiB \(big\.txt\)/);
  });
});

describe('tollgate check secrets: tree, paths and stdin', () => {
  it('scans tracked and untracked files, respecting .gitignore', async () => {
    repo = await TempRepo.create();
    await repo.write('.gitignore', 'local/\n');
    await repo.write('tracked.yml', `token: ${ghp()}\n`);
    repo.stage();
    repo.commit();
    await repo.write('untracked.json', `{"key": "${stripe()}"}\n`);
    await repo.write('local/secret.txt', `${ghp()}\n`);
    const { findings } = await secrets({ mode: 'all' });
    expect(summary(findings)).toEqual(['secrets/github-token tracked.yml:1', 'secrets/stripe-key untracked.json:1']);
  });

  it('gives the same findings and notes on worker threads as on one thread', async () => {
    repo = await TempRepo.create();
    const secretsConfig = { threads: 1, maxFileSizeKb: 2, allowlist: { regexes: ['^sk_live_ALLOWED'] } };
    await repo.write('tollgate.config.json', JSON.stringify({ checks: { secrets: secretsConfig } }));
    await repo.write('.gitignore', 'ignored/\n');
    for (let i = 0; i < 60; i++) {
      const planted = i % 7 === 0 ? `const token = '${ghp()}';\n` : i % 11 === 0 ? `stripe: ${stripe()}\n` : '';
      await repo.write(`src/part-${i}.ts`, `export const n${i} = ${i};\n${planted}`);
    }
    await repo.write('src/encoded.ts', `const blob = '${Buffer.from(`token=${ghp()}`).toString('base64')}';\n`);
    await repo.write('src/allowed.ts', `const k = 'sk_live_ALLOWED${'a'.repeat(30)}';\n`);
    await repo.write('.env', `API_TOKEN=${ghp()}\n`);
    await repo.write('keystore.p12', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(ghp())]));
    await repo.write('big.txt', `${'x'.repeat(4096)}\n${ghp()}\n`);
    await repo.write('ignored/secret.txt', `${ghp()}\n`);
    const one = await secrets({ mode: 'all' });
    await repo.write('tollgate.config.json', JSON.stringify({ checks: { secrets: { ...secretsConfig, threads: 3 } } }));
    const three = await secrets({ mode: 'all' });

    expect(summary(one.findings)).toContain('secrets/github-token src/part-7.ts:2');
    expect(summary(one.findings)).toContain('secrets/blocked-file .env:0');
    expect(summary(one.findings).filter((s) => s.startsWith('secrets/github-token src/encoded.ts'))).toHaveLength(1);
    expect(summary(one.findings).some((s) => s.includes('allowed.ts') || s.includes('ignored/'))).toBe(false);
    expect(three.findings).toEqual(one.findings);
    expect(three.notes.filter((n) => !/ on 3 threads$/.test(n))).toEqual(one.notes);
    expect(three.notes).toContain('scanned 67 files on 3 threads');
    expect(one.notes.join('\n')).toMatch(/skipped 1 binary file \(keystore\.p12\)/);
  });

  it('honours an inline tollgate-ignore with a reason', async () => {
    repo = await TempRepo.create();
    await repo.write('fixture.ts', `// tollgate-ignore secrets: revoked test token kept for the parser test\nconst t = '${ghp()}';\nconst u = '${ghp()}';\n`);
    const { findings } = await secrets({ mode: 'all' });
    expect(summary(findings)).toEqual(['secrets/github-token fixture.ts:3']);
  });

  it('reads standard input as one file named (stdin)', async () => {
    repo = await TempRepo.create();
    const { findings } = await secrets({ mode: 'paths', paths: ['-'], stdin: Buffer.from(`line one\nsk = ${stripe()}\n`) });
    expect(summary(findings)).toEqual(['secrets/stripe-key (stdin):2']);
  });

  it('exits 2 with the config key named when an allowlist regex could backtrack catastrophically', async () => {
    repo = await TempRepo.create();
    await repo.write('tollgate.config.json', JSON.stringify({ checks: { secrets: { allowlist: { regexes: ['(a+)+$'] } } } }));
    const result = runCli(['check', 'secrets'], { cwd: repo.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/checks\.secrets\.allowlist\.regexes\.0/);
    expect(result.stderr).toMatch(/repeated group/);
  });
});

describe('tollgate check secrets --history', () => {
  async function historyRepo(): Promise<{ token: string; feature: string }> {
    repo = await TempRepo.create();
    await repo.write('app.ts', 'export const a = 1;\n');
    repo.stage();
    repo.commit('initial');
    const token = ghp();
    await repo.write('app.ts', `export const a = 1;\nconst leaked = '${token}';\n`);
    repo.stage();
    repo.git('commit', '-q', '--no-verify', '--author=Mallory Dev <mallory@example.com>', '-m', 'add token');
    await repo.write('app.ts', 'export const a = 1;\n');
    repo.stage();
    repo.commit('remove token');
    repo.git('checkout', '-q', '-b', 'feature');
    const feature = stripe();
    await repo.write('pay.ts', `export const key = '${feature}';\n`);
    repo.stage();
    repo.commit('feature key');
    repo.git('checkout', '-q', 'main');
    return { token, feature };
  }

  it('finds a secret that was added and later deleted, on every branch, with commit, author and date', async () => {
    const { token } = await historyRepo();
    const { findings, notes } = await secrets({ mode: 'all', request: { history: true } });
    expect(summary(findings)).toEqual(['secrets/github-token app.ts:2', 'secrets/stripe-key pay.ts:1']);
    const sha = repo.git('log', '--format=%H', '-1', '--author=Mallory').trim();
    expect(findings[0]!.message).toContain(`commit ${sha.slice(0, 12)} by Mallory Dev <mallory@example.com> on `);
    expect(findings[0]!.message).not.toContain(token);
    expect(notes.join('\n')).toMatch(/history: scanned 4 commits of every branch/);
  });

  it('scans only a revision range when one is given', async () => {
    await historyRepo();
    const { findings } = await secrets({ mode: 'all', request: { history: 'main..feature' } });
    expect(summary(findings)).toEqual(['secrets/stripe-key pay.ts:1']);
  });

  it('limits the history scan to the paths given, even a file gone from the tree', async () => {
    await historyRepo();
    await repo.write('docs/notes.md', `token: ${ghp()}\n`);
    repo.stage();
    repo.commit('notes');
    repo.git('rm', '-q', 'docs/notes.md');
    repo.commit('drop notes');
    const onlyApp = runCli(['check', 'secrets', '--history', '--format', 'json', 'app.ts'], { cwd: repo.dir });
    const report = JSON.parse(onlyApp.stdout) as { findings: { ruleId: string; location: { path: string; line: number } }[]; checks: { notes: string[] }[] };
    expect(summary(report.findings)).toEqual(['secrets/github-token app.ts:2']);
    expect(report.checks[0]!.notes.join('\n')).toMatch(/history: scanned 3 commits of every branch \(changes under app\.ts\)/);
    const gone = runCli(['check', 'secrets', '--history', 'main', '--format', 'json', 'docs'], { cwd: repo.dir });
    expect(summary((JSON.parse(gone.stdout) as typeof report).findings)).toEqual(['secrets/github-token docs/notes.md:1']);
    const stdin = runCli(['check', 'secrets', '--history', 'main', '-'], { cwd: repo.dir });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toMatch(/cannot be combined with "-"/);
  });

  it('fails, naming the range, for a range git does not know', async () => {
    await historyRepo();
    const result = runCli(['check', 'secrets', '--history', 'nope..main'], { cwd: repo.dir });
    // The runner turns any error thrown by a check into a failing finding (exit 1), UserErrors included.
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/Cannot scan history for nope\.\.main/);
  });

  it('refuses a range that looks like an option', async () => {
    await historyRepo();
    const result = runCli(['check', 'secrets', '--history=--output=x'], { cwd: repo.dir });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/expects a revision range/);
  });

  it('validate-all also scans the commits of the current branch, so a secret deleted before the push still fails', async () => {
    repo = await TempRepo.create();
    await repo.write('app.ts', 'export const a = 1;\n');
    repo.stage();
    repo.commit('initial');
    repo.git('checkout', '-q', '-b', 'feature');
    await repo.write('app.ts', `export const a = 1;\nconst k = '${stripe()}';\n`);
    repo.stage();
    repo.commit('oops');
    await repo.write('app.ts', 'export const a = 1;\n');
    repo.stage();
    repo.commit('fix');
    const { findings, notes } = await secrets({ mode: 'all' });
    expect(summary(findings)).toEqual(['secrets/stripe-key app.ts:2']);
    expect(notes.join('\n')).toMatch(/history: scanned 2 commits in [0-9a-f]{40}\.\.HEAD/);
  });
});

describe('the secrets baseline', () => {
  it('accepts baselined findings by content, reports new ones, and reports stale entries', async () => {
    repo = await TempRepo.create();
    const accepted = ghp();
    await repo.write('test/fixture.ts', `const t = '${accepted}';\n`);
    const update = runCli(['check', 'secrets', '--update-baseline'], { cwd: repo.dir });
    expect(update.status).toBe(0);
    const baseline = (await repo.read('.tollgate/secrets-baseline.json')).toString();
    expect(baseline).not.toContain(accepted);
    expect(JSON.parse(baseline).entries).toEqual([expect.objectContaining({ rule: 'secrets/github-token', path: 'test/fixture.ts', secret: expect.stringMatching(/^ghp_…[0-9a-f]{8}$/) })]);

    // Moving the line keeps it accepted; the baseline file does not change.
    await repo.write('test/fixture.ts', `// moved down\n\nconst t = '${accepted}';\n`);
    expect((await secrets({ mode: 'all' })).findings).toEqual([]);
    expect(runCli(['check', 'secrets', '--update-baseline'], { cwd: repo.dir }).stdout).toMatch(/kept \.tollgate\/secrets-baseline\.json: 1 entry \(\+0, -0\)/);
    expect((await repo.read('.tollgate/secrets-baseline.json')).toString()).toBe(baseline);

    // A new secret still fails; removing the accepted one makes its entry stale.
    await repo.write('test/fixture.ts', `const t = '${ghp()}';\n`);
    const { findings } = await secrets({ mode: 'all' });
    expect(summary(findings)).toEqual(['secrets/stale-baseline-entry .tollgate/secrets-baseline.json:5', 'secrets/github-token test/fixture.ts:1']);
  });

  it('fails as a usage error (exit 2) naming the file and the expected shape when the baseline is malformed', async () => {
    repo = await TempRepo.create();
    await repo.write('.tollgate/secrets-baseline.json', '{"version": 1, "entries": [{"rule": "secrets/jwt"}]}\n');
    await expect(secrets({ mode: 'all' })).rejects.toThrow(/\.tollgate\/secrets-baseline\.json: entries\.0\.fingerprint: .*--update-baseline/);
    const cli = runCli(['check', 'secrets'], { cwd: repo.dir });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/secrets-baseline\.json: entries\.0\.fingerprint/);
  });

  it('writes a deterministic, sorted baseline', async () => {
    repo = await TempRepo.create();
    await repo.write('z.ts', `const a = '${ghp()}';\n`);
    await repo.write('a.ts', `const b = '${stripe()}';\nconst c = '${ghp()}';\n`);
    runCli(['check', 'secrets', '--update-baseline'], { cwd: repo.dir });
    const first = (await repo.read('.tollgate/secrets-baseline.json')).toString();
    await repo.remove();
    const entries = JSON.parse(first).entries as { path: string; rule: string }[];
    expect(entries.map((e) => `${e.path} ${e.rule}`)).toEqual(['a.ts secrets/github-token', 'a.ts secrets/stripe-key', 'z.ts secrets/github-token']);
    expect(first.split('\n').filter((l) => l.includes('"fingerprint"'))).toHaveLength(3);
  });
});
