import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forgeFormat, run, seededRandom } from '../../src/checks/secrets/token-format.ts';
import { validate } from '../../src/validate.ts';
import { PROJECT_ROOT, TempRepo, runCli } from '../helpers/temp-repo.ts';

const NODE = process.execPath;
const TSC = path.join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc');
const ESLINT = path.join(PROJECT_ROOT, 'node_modules/eslint/bin/eslint.js');
const VITEST = path.join(PROJECT_ROOT, 'node_modules/vitest/vitest.mjs');

/** Appends one JSON line per run to runs.jsonl: the step, its arguments and when it ran. */
const RECORD = `
import { appendFileSync } from 'node:fs';
const [name, ms = '0', ...args] = process.argv.slice(2);
const start = Date.now();
await new Promise((r) => setTimeout(r, Number(ms)));
appendFileSync(new URL('./runs.jsonl', import.meta.url), JSON.stringify({ name, args, cwd: process.cwd(), start, end: Date.now() }) + '\\n');
`;

interface RunRecord {
  name: string;
  args: string[];
  cwd: string;
  start: number;
  end: number;
}

let repo: TempRepo;
afterEach(async () => repo?.remove());

/** A repository whose config runs no checks: only the steps given. */
async function repoWithSteps(steps: unknown[], extra: Record<string, unknown> = {}): Promise<TempRepo> {
  repo = await TempRepo.create();
  await repo.write('tollgate.config.json', JSON.stringify({ pipelines: { quick: [], all: [] }, debt: { enabled: false }, steps, ...extra }));
  await repo.write('record.mjs', RECORD);
  return repo;
}

function records(): RunRecord[] {
  try {
    return readFileSync(repo.path('runs.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RunRecord);
  } catch {
    return [];
  }
}

const recordStep = (name: string, extra: Record<string, unknown> = {}, ms = 0) => ({ name, run: [NODE, 'record.mjs', name, String(ms)], ...extra });

async function runAll(mode: 'quick' | 'all', listener?: (step: string, line: string) => void) {
  return validate({ cwd: repo.dir, mode, steps: { ci: false }, ...(listener ? { stepOutput: listener } : {}) });
}

/** Alive and not a zombie (a killed process whose parent died may linger unreaped in a container). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('command steps', () => {
  it('runs a glob step only when a staged file matches, with the matched files relative to its cwd', async () => {
    await repoWithSteps([
      recordStep('ts', { run: [NODE, '../record.mjs', 'ts', '0', '{files}'], glob: 'src/**/*.ts', pipelines: ['quick'], cwd: 'src' }),
      recordStep('py', { run: [NODE, 'record.mjs', 'py', '0', '{files}'], glob: ['**/*.py'], pipelines: ['quick'] }),
      recordStep('always', { pipelines: ['quick'] }),
      recordStep('push-only'),
    ]);
    await repo.write('src/a.ts', 'export const a = 1;\n');
    await repo.write('src/b.ts', 'export const b = 1;\n');
    await repo.write('docs/x.md', '# x\n');
    repo.stage('src/a.ts', 'docs/x.md');
    // An unstaged edit: the step sees the working tree, and a note says so.
    await repo.write('src/a.ts', 'export const a = 2;\n');

    const result = await runAll('quick');
    expect(records().map((r) => [r.name, r.args])).toEqual(
      expect.arrayContaining([
        ['ts', ['a.ts']],
        ['always', []],
      ]),
    );
    expect(records()).toHaveLength(2);
    expect(records().find((r) => r.name === 'ts')!.cwd).toBe(repo.path('src'));
    const py = result.report.checks.find((c) => c.id === 'steps/py')!;
    expect(py.notes).toEqual(['skipped: no staged file matches **/*.py']);
    expect(result.report.checks.map((c) => c.id)).toEqual(['steps/ts', 'steps/py', 'steps/always']);
    const unstagedNote = '1 of its files have unstaged edits (src/a.ts): it ran on the working tree, not on what the commit records';
    expect(result.report.checks[0]!.notes).toEqual([unstagedNote]);
    // A step without files runs on the whole working tree: the same holds for it.
    expect(result.report.checks[2]!.notes).toEqual([unstagedNote]);
    expect(result.report.findings).toEqual([]);
  });

  it('passes 4,000 long paths (2.5 MB) in chunks under the OS argument limit, each file exactly once', async () => {
    await repoWithSteps([{ name: 'count', run: [NODE, 'count.mjs', '{files}'], glob: 'data/**' }]);
    await repo.write('count.mjs', "import { appendFileSync } from 'node:fs';\nappendFileSync('counts.txt', process.argv.slice(2).join('\\n') + '\\n');\n");
    const dir = `data/${'d'.repeat(200)}/${'e'.repeat(200)}/${'f'.repeat(200)}`;
    await mkdir(repo.path(dir), { recursive: true });
    const names = Array.from({ length: 4_000 }, (_, i) => `${dir}/file-${String(i).padStart(5, '0')}.txt`);
    // Synchronously: thousands of parallel writes only queue up on the thread pool.
    for (const n of names) writeFileSync(repo.path(n), '');

    // Without chunking the kernel refuses the command line.
    const unchunked = spawnSync(NODE, ['-e', '0', ...names], { cwd: repo.dir });
    expect((unchunked.error as NodeJS.ErrnoException | undefined)?.code).toBe('E2BIG');

    const result = await runAll('all');
    expect(result.report.findings).toEqual([]);
    const passed = readFileSync(repo.path('counts.txt'), 'utf8').trim().split('\n');
    expect(passed.sort()).toEqual([...names].sort());
    const note = result.report.checks[0]!.notes.find((n) => n.startsWith('passed'))!;
    expect(note).toMatch(/^passed 4000 files in (\d+) of \1 chunks/);
    expect(Number(/in (\d+) of/.exec(note)![1])).toBeGreaterThan(1);
  }, 60_000);

  it('kills the whole process tree at the timeout, even processes that ignore SIGTERM', async () => {
    await repoWithSteps([{ name: 'hang', run: `"${NODE}" tree.mjs`, timeout: 1 }]);
    await repo.write(
      'tree.mjs',
      `import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
process.on('SIGTERM', () => {});
const kids = [spawn('sh', ['-c', 'trap "" TERM; sleep 60; :'], { stdio: 'inherit' }), spawn('sleep', ['60'], { stdio: 'inherit' })];
writeFileSync('pids.txt', [process.pid, ...kids.map((k) => k.pid)].join('\\n'));
console.log('started');
setInterval(() => {}, 1000);
`,
    );
    const t0 = Date.now();
    const result = await runAll('all');
    const elapsed = Date.now() - t0;
    const pids = readFileSync(repo.path('pids.txt'), 'utf8').split('\n').map(Number);
    expect(pids).toHaveLength(3);
    expect(pids.filter(alive)).toEqual([]);
    expect(elapsed).toBeLessThan(8_000);
    expect(result.report.findings).toMatchObject([
      { checkId: 'steps', ruleId: 'steps/hang', severity: 'error', location: { path: '', line: 0 }, message: expect.stringContaining('timed out after 1 s; tollgate killed its whole process tree') },
    ]);
    expect(result.report.findings[0]!.message).toContain('started');
  }, 20_000);

  it('stops waiting for output held open by a process that left the group (setsid), and says so', async () => {
    await repoWithSteps([{ name: 'escaper', run: `setsid sh -c 'echo $$ > escaped.pid; exec sleep 20' & echo started; sleep 30`, timeout: 1 }]);
    const t0 = Date.now();
    const result = await runAll('all');
    try {
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(result.report.findings).toMatchObject([{ ruleId: 'steps/escaper', message: expect.stringContaining('timed out after 1 s') }]);
      expect(result.report.checks[0]!.notes).toContain('a process that left its process group kept the output open; tollgate stopped reading it');
    } finally {
      const escaped = Number(readFileSync(repo.path('escaped.pid'), 'utf8'));
      if (escaped > 0 && alive(escaped)) process.kill(escaped, 'SIGKILL');
    }
  }, 20_000);

  it('passes Ctrl-C (SIGINT) to the step process tree when tollgate is interrupted', async () => {
    await repoWithSteps([{ name: 'long', run: `"${NODE}" tree.mjs` }]);
    await repo.write(
      'tree.mjs',
      `import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
const kid = spawn('sleep', ['60'], { stdio: 'inherit' });
writeFileSync('pids.txt', [process.pid, kid.pid].join('\\n'));
setInterval(() => {}, 1000);
`,
    );
    const cli = spawn(NODE, [path.join(PROJECT_ROOT, 'src/cli/bin.ts'), 'validate-all'], { cwd: repo.dir, stdio: 'ignore', env: { ...process.env, CI: '' } });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => cli.on('exit', (_code, signal) => resolve(signal)));
    const pidsFile = repo.path('pids.txt');
    await waitFor(() => existsSync(pidsFile) && readFileSync(pidsFile, 'utf8').includes('\n'));
    const pids = readFileSync(pidsFile, 'utf8').split('\n').map(Number);
    expect(pids.every(alive)).toBe(true);
    cli.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    await waitFor(() => !pids.some(alive));
    expect(pids.filter(alive)).toEqual([]);
  }, 30_000);

  it('gives a failing step the same fingerprint run after run, whatever it printed', async () => {
    await repoWithSteps([{ name: 'flaky', run: 'date +%s%N; exit 1' }]);
    const first = await runAll('all');
    const second = await runAll('all');
    expect(first.report.findings[0]!.message).not.toBe(second.report.findings[0]!.message);
    expect(first.report.findings[0]!.fingerprint).toBe(second.report.findings[0]!.fingerprint);
  });

  it('does not wait for a background process that keeps the output open after the command exits', async () => {
    await repoWithSteps([{ name: 'leaves', run: 'sleep 30 & echo done' }]);
    const t0 = Date.now();
    const result = await runAll('all');
    expect(Date.now() - t0).toBeLessThan(6_000);
    expect(result.report.findings).toEqual([]);
    expect(result.report.checks[0]!.notes).toContain('it exited but left processes holding its output open; tollgate stopped them');
  }, 20_000);

  it('runs consecutive parallel steps together and each serial step alone, in config order', async () => {
    await repoWithSteps(
      [
        recordStep('p1', { parallel: true }, 400),
        recordStep('p2', { parallel: true }, 400),
        recordStep('s1', {}, 200),
        recordStep('s2', {}, 200),
        recordStep('p3', { parallel: true }, 400),
        recordStep('p4', { parallel: true }, 400),
      ],
      { concurrency: 4 },
    );
    const result = await runAll('all');
    const by = new Map(records().map((r) => [r.name, r]));
    const r = (name: string) => by.get(name)!;
    const overlap = (a: RunRecord, b: RunRecord) => a.start < b.end && b.start < a.end;
    expect(overlap(r('p1'), r('p2'))).toBe(true);
    expect(overlap(r('p3'), r('p4'))).toBe(true);
    expect(r('s1').start).toBeGreaterThanOrEqual(Math.max(r('p1').end, r('p2').end));
    expect(r('s2').start).toBeGreaterThanOrEqual(r('s1').end);
    expect(Math.min(r('p3').start, r('p4').start)).toBeGreaterThanOrEqual(r('s2').end);
    // Each step is timed on its own row.
    for (const check of result.report.checks) expect(check.durationMs).toBeGreaterThanOrEqual(150);
  }, 30_000);

  it('turns tsc errors into located findings, with paths from the step cwd made repository-relative', async () => {
    await repoWithSteps([{ name: 'types', run: [NODE, TSC, '-p', '.'], cwd: 'packages/api' }]);
    await repo.write('packages/api/tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['src'] }));
    await repo.write('packages/api/src/a.ts', 'export const a: number = "x";\nexport const ok = 1;\nexport const c: string = 2;\n');
    const result = await runAll('all');
    expect(result.report.findings).toMatchObject([
      { checkId: 'steps', ruleId: 'steps/types', severity: 'error', location: { path: 'packages/api/src/a.ts', line: 1, column: 14 }, message: expect.stringMatching(/^TS2322: Type 'string' is not assignable/) },
      { ruleId: 'steps/types', location: { path: 'packages/api/src/a.ts', line: 3, column: 14 }, message: expect.stringMatching(/^TS2322: /) },
    ]);
    expect(result.report.checks[0]).toMatchObject({ id: 'steps/types', findingCount: 2 });
    expect(result.report.checks[0]!.notes).toEqual(expect.arrayContaining(['read 2 problems from its tsc output']));
  }, 60_000);

  it('turns ESLint stylish output into located errors and warnings', async () => {
    await repoWithSteps([{ name: 'lint', run: [NODE, ESLINT, '{files}'], glob: 'src/**/*.js' }]);
    await repo.write('eslint.config.mjs', 'export default [{ files: ["**/*.js"], rules: { "no-unused-vars": "error", "no-console": "warn" } }];\n');
    await repo.write('src/b.js', 'const foo = 1;\nconsole.log("x");\n');
    const result = await runAll('all');
    expect(result.report.findings).toEqual([
      expect.objectContaining({ ruleId: 'steps/lint', severity: 'error', location: { path: 'src/b.js', line: 1, column: 7 }, message: "'foo' is assigned a value but never used (no-unused-vars)" }),
      expect.objectContaining({ ruleId: 'steps/lint', severity: 'warning', location: { path: 'src/b.js', line: 2, column: 1 }, message: 'Unexpected console statement (no-console)' }),
    ]);
    expect(result.report.checks[0]!.notes).toEqual(expect.arrayContaining([expect.stringMatching(/failed with exit code 1 after .*; the findings above say why$/)]));
  }, 60_000);

  it('turns real vitest failures into findings at the failing line of the test file', async () => {
    await repoWithSteps([{ name: 'unit', run: [NODE, VITEST, 'run', '--root', '.'] }]);
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), repo.path('node_modules'), 'dir');
    await repo.write('.gitignore', 'node_modules\n');
    await repo.write('package.json', '{ "type": "module" }\n');
    await repo.write('vitest.config.mjs', 'export default { test: { include: ["test/**/*.test.mjs"] } };\n');
    await repo.write(
      'test/fee.test.mjs',
      "import { describe, expect, test } from 'vitest';\ndescribe('fee', () => {\n  test('rounds', () => {\n    expect(0.1 + 0.2).toBe(0.3);\n  });\n  test('passes', () => expect(1).toBe(1));\n});\n",
    );
    const result = await runAll('all');
    expect(result.report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'steps/unit',
        severity: 'error',
        location: { path: 'test/fee.test.mjs', line: 4, column: 23 },
        message: expect.stringMatching(/^fee > rounds: AssertionError: expected 0\.30000000000000004 to be 0\.3/),
      }),
    ]);
    expect(result.report.checks[0]!.notes).toEqual(expect.arrayContaining(['read 1 problem from its vitest output']));
  }, 60_000);

  it('masks a secret a step prints: in the finding, the notes and the live output', async () => {
    const token = forgeFormat(['ghp_', run('alnum', 36)], seededRandom(11));
    await repoWithSteps([{ name: 'leaky', run: `echo "deploying with GITHUB_TOKEN=${token}"; echo "second line"; exit 3` }]);
    const live: string[] = [];
    const result = await runAll('all', (step, line) => live.push(`[${step}] ${line}`));
    expect(live).toEqual(['[leaky] deploying with GITHUB_TOKEN=ghp_…', '[leaky] second line']);
    const serialized = JSON.stringify(result.report);
    expect(serialized).not.toContain(token);
    expect(serialized).not.toContain(token.slice(4, 20));
    expect(result.report.findings).toMatchObject([{ ruleId: 'steps/leaky', severity: 'error', message: expect.stringContaining('GITHUB_TOKEN=ghp_…') }]);
    expect(result.report.findings[0]!.message).toMatch(/failed with exit code 3 after/);
  });

  it('masks secrets the step carries: in its command (the report row title) and in secret-named env values', async () => {
    const token = forgeFormat(['ghp_', run('alnum', 36)], seededRandom(12));
    await repoWithSteps([
      { name: 'quiet', run: `test -n "${token}"` },
      { name: 'env', run: 'echo "connecting with $DB_PASSWORD"', env: { DB_PASSWORD: 'correct-horse-battery', REGION: 'eu-west-1' } },
    ]);
    const live: string[] = [];
    const result = await runAll('all', (step, line) => live.push(`[${step}] ${line}`));
    expect(live).toEqual(['[env] connecting with corr…']);
    expect(result.report.checks.map((c) => c.title)).toEqual(['test -n "ghp_…"', 'echo "connecting with $DB_PASSWORD"']);
    expect(JSON.stringify(result.report)).not.toContain(token);
  });

  it('reports a command that does not exist as an error finding, not a crash', async () => {
    await repoWithSteps([{ name: 'missing', run: ['tollgate-no-such-command-xyz', '--help'] }]);
    const result = await runAll('all');
    expect(result.report.checks[0]!.crashed).toBeUndefined();
    expect(result.report.findings).toMatchObject([{ ruleId: 'steps/missing', severity: 'error', message: expect.stringContaining('could not start: command not found (ENOENT)') }]);
  });

  it('refuses a cwd that does not exist as a config error', async () => {
    await repoWithSteps([{ name: 'x', run: 'true', cwd: 'nope' }]);
    await expect(runAll('all')).rejects.toThrow(/Step "x": cwd "nope" is not a directory in the repository/);
  });

  it('fails validate-all (exit 1) with the captured output when a step fails, and passes (exit 0) when it passes', async () => {
    await repoWithSteps([{ name: 'unit', run: 'echo "1 test failed: adds"; exit 1' }, { name: 'build', run: 'echo built' }]);
    const failing = runCli(['validate-all'], { cwd: repo.dir });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('`echo "1 test failed: adds"; exit 1` failed with exit code 1');
    expect(failing.stdout).toContain('1 test failed: adds');
    expect(failing.stdout).toMatch(/steps\/unit\s+1 finding/);
    expect(failing.stdout).toMatch(/steps\/build\s+ok/);
    // Not a terminal: nothing was streamed.
    expect(failing.stderr).not.toContain('[unit]');

    await repo.write('tollgate.config.json', JSON.stringify({ pipelines: { quick: [], all: [] }, debt: { enabled: false }, steps: [{ name: 'build', run: 'echo built' }] }));
    expect(runCli(['validate-all'], { cwd: repo.dir }).status).toBe(0);
  }, 30_000);

  it('streams output live with a [name] prefix when stderr is a terminal', async () => {
    await repoWithSteps([{ name: 'unit', run: 'echo first; echo second' }]);
    const bin = path.join(PROJECT_ROOT, 'src/cli/bin.ts');
    // script(1) gives the CLI a pseudo-terminal.
    const result = spawnSync('script', ['-qec', `"${NODE}" "${bin}" validate-all`, '/dev/null'], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('[unit] first\r\n[unit] second');
  }, 30_000);
});
