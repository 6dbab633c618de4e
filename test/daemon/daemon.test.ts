// The validate-quick daemon with real processes: bin/tollgate.js (the hook's command, from the
// build) against a real git repository with a real ESLint config and a tsconfig.
import { spawnSync } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findGitDir } from '../../src/daemon/location.ts';
import { PROJECT_ROOT, TempRepo } from '../helpers/temp-repo.ts';

const BIN = path.join(PROJECT_ROOT, 'bin/tollgate.js');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function tollgate(repo: TempRepo, args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: { ...process.env, CI: '', GITHUB_ACTIONS: '', NO_COLOR: '1', TOLLGATE_DAEMON: '1', TOLLGATE_DAEMON_IDLE_MS: '120000', ...env },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The verdict of a JSON report: exit code and rule@path:line of every finding. */
function verdict(run: Run): { status: number; findings: string[] } {
  const report = JSON.parse(run.stdout) as { findings: { ruleId: string; location: { path: string; line: number } }[] };
  return { status: run.status, findings: report.findings.map((f) => `${f.ruleId}@${f.location.path}:${f.location.line}`) };
}

function served(repo: TempRepo): number | undefined {
  const status = tollgate(repo, ['daemon', 'status']);
  const match = /(\d+) request\(s\) served/.exec(status.stdout);
  return match ? Number(match[1]) : undefined;
}

async function paymentsRepo(): Promise<TempRepo> {
  const repo = await TempRepo.create();
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), repo.path('node_modules'), 'dir');
  await repo.write('.gitignore', 'node_modules\n');
  await repo.write('eslint.config.js', "export default [{ files: ['**/*.js'], rules: { 'no-debugger': 'error' } }];\n");
  await repo.write('package.json', '{ "name": "pay", "type": "module" }\n');
  await repo.write('tsconfig.json', '{ "compilerOptions": { "strict": true, "module": "nodenext", "target": "es2022", "noEmit": true, "types": [] }, "include": ["src"] }\n');
  await repo.write('src/money.ts', 'export type Cents = number & { readonly __brand: "Cents" };\n');
  await repo.write('src/fees.ts', 'import type { Cents } from "./money.js";\nexport function fee(amount: Cents): Cents {\n  return amount;\n}\n');
  repo.stage();
  repo.commit('initial');
  repo.git('checkout', '-q', '-b', 'feature/checkout');
  return repo;
}

const FLOAT_BUG = 'export function total(amountDollars: number, taxRate: number): number {\n  return amountDollars * (1 + taxRate);\n}\n';
const FLOAT_OK = 'export function total(amountCents: bigint): bigint {\n  return amountCents;\n}\n';

let repo: TempRepo | undefined;
afterEach(async () => {
  if (repo) tollgate(repo, ['daemon', 'stop']);
  await repo?.remove();
  repo = undefined;
});

describe('the validate-quick daemon', { timeout: 120_000 }, () => {
  it('gives the same verdicts as an in-process run, commit after commit, from warm state', async () => {
    repo = await paymentsRepo();
    expect(tollgate(repo, ['daemon', 'start']).status).toBe(0);
    expect(served(repo)).toBe(0);

    const steps: [string, string][] = [
      ['src/checkout.ts', FLOAT_BUG],
      ['src/checkout.ts', FLOAT_OK],
      ['src/debug.js', 'export function pause() {\n  debugger;\n}\n'],
      ['src/checkout.ts', `${FLOAT_OK}  \n`],
    ];
    for (const [file, content] of steps) {
      await repo.write(file, content);
      repo.stage(file);
      const inProcess = verdict(tollgate(repo, ['validate-quick', '--format', 'json'], { TOLLGATE_DAEMON: '0' }));
      const viaDaemon = verdict(tollgate(repo, ['validate-quick', '--format', 'json']));
      expect(viaDaemon).toEqual(inProcess);
    }
    expect(served(repo)).toBe(steps.length);
    // The steps really differ: a float bug, a clean commit, an ESLint error, trailing whitespace.
    const last = verdict(tollgate(repo, ['validate-quick', '--format', 'json']));
    expect(last.findings.some((f) => f.startsWith('eslint/no-debugger@src/debug.js'))).toBe(true);
    expect(last.findings.some((f) => f.startsWith('hygiene/trailing-whitespace@src/checkout.ts'))).toBe(true);
  });

  it('reports a float bug through the daemon and passes once it is fixed (warm TypeScript project)', async () => {
    repo = await paymentsRepo();
    expect(tollgate(repo, ['daemon', 'start']).status).toBe(0);
    await repo.write('src/checkout.ts', FLOAT_BUG);
    repo.stage('src/checkout.ts');
    const bad = tollgate(repo, ['validate-quick', '--format', 'json']);
    expect(bad.status).toBe(1);
    expect(verdict(bad).findings.some((f) => f.startsWith('float/'))).toBe(true);
    await repo.write('src/checkout.ts', FLOAT_OK);
    repo.stage('src/checkout.ts');
    const good = tollgate(repo, ['validate-quick', '--format', 'json']);
    expect(verdict(good)).toEqual({ status: 0, findings: [] });
    expect(served(repo)).toBe(2);
  });

  it('steps aside when a config file changed: the run is in-process with the new config, and a fresh daemon starts', async () => {
    repo = await paymentsRepo();
    expect(tollgate(repo, ['daemon', 'start']).status).toBe(0);
    await repo.write('src/checkout.ts', `${FLOAT_OK}  \n`);
    repo.stage('src/checkout.ts');
    expect(verdict(tollgate(repo, ['validate-quick', '--format', 'json'])).findings).toEqual(['hygiene/trailing-whitespace@src/checkout.ts:4']);
    const before = tollgate(repo, ['daemon', 'status']).stdout;

    await repo.write('tollgate.config.json', '{ "rules": { "hygiene/trailing-whitespace": "off" } }\n');
    expect(verdict(tollgate(repo, ['validate-quick', '--format', 'json']))).toEqual({ status: 0, findings: [] });
    // The old daemon stopped; the run started a new one, which has the new config.
    let after = '';
    for (let i = 0; i < 100 && !/running/.test(after); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = tollgate(repo, ['daemon', 'status']).stdout;
    }
    expect(after).toMatch(/running \(pid \d+\)/);
    expect(after.match(/pid \d+/)?.[0]).not.toBe(before.match(/pid \d+/)?.[0]);
    expect(verdict(tollgate(repo, ['validate-quick', '--format', 'json']))).toEqual({ status: 0, findings: [] });
  });

  it('is never used or started in CI, nor with TOLLGATE_DAEMON=0', async () => {
    repo = await paymentsRepo();
    expect(tollgate(repo, ['validate-quick'], { CI: 'true' }).status).toBe(0);
    expect(tollgate(repo, ['validate-quick'], { TOLLGATE_DAEMON: '0' }).status).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(tollgate(repo, ['daemon', 'status']).status).toBe(1);
  });

  it('starts by itself after an in-process run, listens on a socket only this user can reach, and stops on request', async () => {
    repo = await paymentsRepo();
    expect(tollgate(repo, ['validate-quick']).status).toBe(0);
    let status = tollgate(repo, ['daemon', 'status']);
    for (let i = 0; i < 150 && status.status !== 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = tollgate(repo, ['daemon', 'status']);
    }
    expect(status.stdout).toMatch(/running \(pid \d+\)/);
    const socket = /socket (\S+)$/m.exec(status.stdout)?.[1] ?? '';
    // The socket is named for the repository's git directory (and this build).
    expect(path.basename(socket)).toMatch(/^[0-9a-f]{16}\.sock$/);
    expect(findGitDir(path.join(repo.dir, 'src'))).toBe(realpathSync(repo.path('.git')));
    expect(statSync(path.dirname(socket)).mode & 0o777).toBe(0o700);
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    expect(tollgate(repo, ['daemon', 'stop']).stdout).toContain('stopped');
    expect(tollgate(repo, ['daemon', 'status']).status).toBe(1);
  });
});
