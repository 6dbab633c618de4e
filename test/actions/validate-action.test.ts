// Runs the committed bundle actions/validate/dist/index.js the way the GitHub runner does: `node
// dist/index.js` with inputs in INPUT_* variables (defaults taken from action.yml, as the runner
// fills them in), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GITHUB_WORKSPACE as the
// working directory. The bundle is copied out of the project first, so that nothing in it can
// quietly resolve from tollgate's own node_modules: on a real runner it sits alone in _actions/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { forgeFormat, run, seededRandom } from '../../src/checks/secrets/token-format.ts';
import { createDemoRepository } from '../../src/demo/demo.ts';
import { PROJECT_ROOT, TempRepo, runCli } from '../helpers/temp-repo.ts';
import { validate } from '../../src/validate.ts';
import { consoleModule, debtRepo } from '../debt/debt-repo.ts';

const ACTION_DIR = path.join(PROJECT_ROOT, 'actions/validate');

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { description: string }>;
}

interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  outputs: Record<string, string>;
  summary: string;
}

let runnerDir: string;
let bundle: string;
let actionYml: ActionYml;
let repo: TempRepo | undefined;

beforeAll(async () => {
  if (!existsSync(path.join(ACTION_DIR, 'dist/index.js'))) {
    throw new Error('actions/validate/dist/index.js is missing: run `npm run build && npm run bundle` (the bundle is committed; CI checks it is fresh).');
  }
  actionYml = parseYaml(readFileSync(path.join(ACTION_DIR, 'action.yml'), 'utf8')) as ActionYml;
  runnerDir = await mkdtemp(path.join(os.tmpdir(), 'tollgate-runner-'));
  const actionCopy = path.join(runnerDir, '_actions/tollgate/validate');
  cpSync(path.join(ACTION_DIR, 'action.yml'), path.join(actionCopy, 'action.yml'));
  cpSync(path.join(ACTION_DIR, 'dist'), path.join(actionCopy, 'dist'), { recursive: true });
  bundle = path.join(actionCopy, actionYml.runs.main);
});

afterAll(async () => {
  if (runnerDir) await rm(runnerDir, { recursive: true, force: true });
});

afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

/** GitHub's file-command format: `name<<DELIMITER`, the value's lines, `DELIMITER` (or `name=value`). */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      if (i === lines.length) throw new Error(`output ${name}: delimiter ${delimiter} never closed`);
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

function jsonFile(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** The one line of the job summary's Markdown that contains `needle`. */
function summaryRow(summary: string, needle: string): string {
  const rows = summary.split('\n').filter((line) => line.includes(needle));
  expect(rows, `summary rows containing ${needle}`).toHaveLength(1);
  return rows[0] ?? '';
}

/** Undoes @actions/core's escaping of workflow-command data and properties. */
function unescape(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

/** The text printed between `::stop-commands::T` and `::T::` (reports quote repository content). */
function inertBody(stdout: string): string {
  const inert = /^::stop-commands::(\S+)\n([\s\S]*?)^::\1::$/m.exec(stdout);
  expect(inert, stdout).not.toBeNull();
  return inert?.[2] ?? '';
}

interface JsonReport {
  findings: { checkId: string; ruleId: string; severity: string; location: { path: string; line: number; column: number } }[];
}

function findingKey(f: JsonReport['findings'][number]): string {
  return `${f.severity} ${f.ruleId} ${f.location.path}:${f.location.line}:${f.location.column}`;
}

/** The workflow commands the runner would act on: not those between `::stop-commands::T` and `::T::`. */
function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  let resumeToken: string | undefined;
  for (const line of stdout.split('\n')) {
    if (resumeToken !== undefined) {
      if (line === `::${resumeToken}::`) resumeToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      resumeToken = stop[1];
      continue;
    }
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    annotations.push({ level: match[1] ?? '', properties, message: unescape(match[3] ?? '') });
  }
  return annotations;
}

/** Runs the bundle in `workspace` with action.yml's defaults overridden by `inputs`. */
async function runAction(workspace: string, inputs: Record<string, string> = {}, runnerEnv: Record<string, string> = {}): Promise<ActionRun> {
  const files = await mkdtemp(path.join(os.tmpdir(), 'tollgate-runner-files-'));
  try {
    const outputFile = path.join(files, 'output');
    const summaryFile = path.join(files, 'summary');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    // The test itself may run inside GitHub Actions: none of its own runner variables may leak in.
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !/^(?:INPUT_|GITHUB_|RUNNER_)/.test(key)) env[key] = value;
    }
    for (const [name, spec] of Object.entries(actionYml.inputs)) {
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
    }
    Object.assign(env, { GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, NO_COLOR: '1' }, runnerEnv);
    const result = spawnSync(process.execPath, [bundle], { cwd: workspace, env, encoding: 'utf8' });
    return {
      status: result.status ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
      annotations: parseAnnotations(result.stdout),
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
    };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[];
}

describe('the validate action bundle (actions/validate/dist)', () => {
  it('declares a node24 action whose main is the bundle, and leaves run-time imports of user files to Node', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(actionYml.inputs).sort()).toEqual(['config', 'debt-sarif', 'fail-on', 'format', 'mode', 'sarif-file', 'working-directory']);
    // An `import(expression)` that webpack could not leave alone becomes an empty context that
    // throws "Cannot find module" at run time: config files and the repository's ESLint would break.
    for (const file of readdirSync(path.join(ACTION_DIR, 'dist')).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(path.join(ACTION_DIR, 'dist', file), 'utf8'), file).not.toContain('webpackEmptyAsyncContext');
    }
  });

  it('annotates planted problems, writes every output, the job summary and SARIF, and fails the step', async () => {
    repo = await TempRepo.create();
    await repo.write('src/ledger.ts', 'export const ledger = [];\nexport const total = 0;   \n');
    await repo.write('docs/notes.txt', '# Notes  \n');
    await repo.write(
      'tollgate.config.json',
      jsonFile({ rules: { 'hygiene/trailing-whitespace': 'error' }, overrides: [{ files: ['docs/**'], rules: { 'hygiene/trailing-whitespace': 'warning' } }] }),
    );
    repo.stage();
    repo.commit();

    const run = await runAction(repo.dir);

    expect(run.status, run.stderr).toBe(1);
    const findings = run.annotations.filter((a) => a.properties.title);
    expect(findings).toHaveLength(2);
    expect(findings).toEqual(
      expect.arrayContaining([
        { level: 'error', properties: { title: 'hygiene/trailing-whitespace', file: 'src/ledger.ts', line: '2', endLine: '2', col: '24', endColumn: '27' }, message: expect.stringMatching(/^Trailing whitespace\.\nFix: /) },
        { level: 'warning', properties: { title: 'hygiene/trailing-whitespace', file: 'docs/notes.txt', line: '1', endLine: '1', col: '8', endColumn: '10' }, message: expect.stringMatching(/^Trailing whitespace\./) },
      ]),
    );
    // The step's own failure line comes last, after the report.
    expect(run.annotations.at(-1)).toEqual({ level: 'error', properties: {}, message: expect.stringMatching(/^tollgate: 1 error\(s\), 1 warning\(s\), 0 note\(s\); the step fails on error/) });

    const sarifPath = path.join(repo.dir, 'tollgate.sarif');
    expect(run.outputs).toEqual({ errors: '1', warnings: '1', notes: '0', findings: '2', 'sarif-file': sarifPath, passed: 'false' });
    expect(Object.keys(run.outputs).sort()).toEqual(Object.keys(actionYml.outputs).sort());

    expect(run.summary).toMatch(/^## tollgate.*❌ failed/m);
    expect(summaryRow(run.summary, '| hygiene |')).toContain('| 1 | 1 | 0 |');
    expect(summaryRow(run.summary, '`src/ledger.ts:2`')).toMatch(/error.*`hygiene\/trailing-whitespace`/);
    expect(summaryRow(run.summary, '`docs/notes.txt:1`')).toMatch(/warning.*`hygiene\/trailing-whitespace`/);

    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8')) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0]?.results.map((r) => ({ ruleId: r.ruleId, level: r.level, uri: r.locations?.[0]?.physicalLocation.artifactLocation.uri, line: r.locations?.[0]?.physicalLocation.region?.startLine }));
    expect(results).toHaveLength(2);
    expect(results).toEqual(
      expect.arrayContaining([
        { ruleId: 'hygiene/trailing-whitespace', level: 'error', uri: 'src/ledger.ts', line: 2 },
        { ruleId: 'hygiene/trailing-whitespace', level: 'warning', uri: 'docs/notes.txt', line: 1 },
      ]),
    );
    expect(sarif.runs[0]?.tool.driver.rules.map((r) => r.id)).toEqual(['hygiene/trailing-whitespace']);
  });

  it('shows warning debt per rule with its trend against the pull request base, and counts debt-sarif results', async () => {
    repo = await debtRepo({ 'src/pay.js': consoleModule(['charge', 'refund', 'settle']) }, { commit: false });
    await validate({ cwd: repo.dir, mode: 'all', debt: { action: 'update', ci: false } });
    repo.stage();
    repo.commit('main: three console warnings locked');
    repo.git('checkout', '-q', '-b', 'feature');
    await repo.write('src/pay.js', consoleModule(['charge']));
    const sarif = {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'othertool' } }, results: [{ ruleId: 'slow-query', level: 'warning', message: { text: 'slow' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/pay.js' }, region: { startLine: 2 } } }] }] }],
    };
    await writeFile(path.join(repo.dir, '..', `${path.basename(repo.dir)}-other.sarif`), JSON.stringify(sarif));
    const sarifFile = path.join(repo.dir, '..', `${path.basename(repo.dir)}-other.sarif`);
    await validate({ cwd: repo.dir, mode: 'all', debt: { action: 'update', acceptNew: true, sarif: [sarifFile], ci: false } });
    repo.stage();
    repo.commit('feature: two console calls fixed, the other tool\'s warning locked');

    try {
      const run = await runAction(repo.dir, { 'debt-sarif': sarifFile }, { GITHUB_BASE_REF: 'main' });
      expect(run.status, run.stdout).toBe(0);
      const table = run.summary.slice(run.summary.indexOf('### Warning debt'));
      expect(table).toContain('| rule | `main` | baseline | now | new | fixed | state | trend |');
      expect(table).toMatch(/\| `othertool\/slow-query` \| 0 \| 1 \| 1 \| 0 \| 0 \| same \| ▲ 1 \|/);
      expect(table).toMatch(/\| `eslint\/no-console` \| 3 \| 1 \| 1 \| 0 \| 0 \| same \| ▼ 2 \|/);

      // Without the SARIF input the other tool did not run: its entry is kept, not failed.
      const without = await runAction(repo.dir, {}, { GITHUB_BASE_REF: 'main' });
      expect(without.status, without.stdout).toBe(0);
      expect(without.summary).toContain('kept 1 baseline warning(s) of sources that did not run: othertool');
    } finally {
      await rm(sarifFile, { force: true });
    }
  });

  it('passes a clean repository with passed=true and no annotations', async () => {
    repo = await TempRepo.create();
    await repo.write('src/ledger.ts', 'export const total = 0;\n');
    repo.stage();
    repo.commit();

    const run = await runAction(repo.dir);

    expect(run.status, run.stdout).toBe(0);
    expect(run.annotations).toEqual([]);
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '0', notes: '0', findings: '0', passed: 'true' });
    expect(run.summary).toMatch(/^## tollgate.*✅ passed/m);
  });

  it('scans secrets on worker threads from the bundle, finding a secret in any file', async () => {
    repo = await TempRepo.create();
    await repo.write('tollgate.config.json', JSON.stringify({ checks: { secrets: { threads: 2 } } }));
    for (let i = 0; i < 30; i++) await repo.write(`src/part-${i}.ts`, `export const n${i} = ${i};\n`);
    const token = forgeFormat(['ghp_', run('alnum', 36)], seededRandom(7));
    await repo.write('src/part-17.ts', `export const token = '${token}';\n`);
    repo.stage();
    repo.commit();

    const result = await runAction(repo.dir);

    expect(result.summary).toMatch(/secrets: scanned \d+ files on 2 threads/);
    expect(result.annotations.map((a) => `${a.properties.title ?? ''} ${a.properties.file}:${a.properties.line}`).join('\n')).toMatch(/secrets\/github-token.* src\/part-17\.ts:1/);
    expect(`${result.stdout}${result.summary}`).not.toContain(token);
  });

  it('fails on a warning only when fail-on asks for it', async () => {
    repo = await TempRepo.create();
    await repo.write('notes.txt', 'draft  \n');
    repo.stage();
    repo.commit();

    const lenient = await runAction(repo.dir);
    expect(lenient.status).toBe(0);
    expect(lenient.outputs).toMatchObject({ warnings: '1', passed: 'true' });

    const strict = await runAction(repo.dir, { 'fail-on': 'warning' });
    expect(strict.status).toBe(1);
    expect(strict.outputs).toMatchObject({ warnings: '1', passed: 'false' });
    expect(strict.summary).toContain('fails on **warning** or worse');
  });

  it('with mode quick looks only at the staged content, as validate-quick does', async () => {
    // On a feature branch: on main, validate-quick also reports the commit to a protected branch.
    repo = await TempRepo.create({ branch: 'feature/refunds' });
    await repo.write('committed.txt', 'old  \n');
    repo.stage();
    repo.commit();
    await repo.write('staged.txt', 'new  \n');
    repo.stage('staged.txt');

    const quick = await runAction(repo.dir, { mode: 'quick' });
    const all = await runAction(repo.dir, { mode: 'all' });

    expect(quick.annotations.map((a) => a.properties.file)).toEqual(['staged.txt']);
    expect(quick.summary).toMatch(/staged/);
    expect(all.annotations.map((a) => a.properties.file).sort()).toEqual(['committed.txt', 'staged.txt']);
  });

  it('with format json prints the JSON report instead of annotations, and an empty sarif-file writes none', async () => {
    repo = await TempRepo.create();
    await repo.write('notes.txt', 'draft  \n');
    repo.stage();
    repo.commit();

    const run = await runAction(repo.dir, { format: 'json', 'sarif-file': '' });

    expect(run.status).toBe(0);
    expect(run.annotations).toEqual([]);
    // The report is printed between ::stop-commands:: markers, so nothing in it acts as a command.
    expect(run.stdout).toMatch(/^::stop-commands::/);
    const report = JSON.parse(inertBody(run.stdout)) as JsonReport;
    expect(report.findings.map((f) => [f.ruleId, f.location.path])).toEqual([['hygiene/trailing-whitespace', 'notes.txt']]);
    expect(run.outputs['sarif-file']).toBe('');
    expect(existsSync(path.join(repo.dir, 'tollgate.sarif'))).toBe(false);
    expect(run.summary).toBe('');
  });

  it("finds the config from working-directory and loads a tollgate.config.ts, the repository's ESLint and its TypeScript", async () => {
    repo = await TempRepo.create();
    await repo.write('.gitignore', 'node_modules/\n');
    await repo.write('packages/api/package.json', jsonFile({ name: 'api', private: true, type: 'module' }));
    // A typed config: the bundle must hand this import to Node, which strips the types.
    await repo.write('packages/api/tollgate.config.ts', "const config: { failOn: 'warning' | 'error' } = { failOn: 'warning' };\nexport default config;\n");
    await repo.write('eslint.config.js', "export default [{ files: ['**/*.js'], rules: { 'no-var': 'error' } }];\n");
    await repo.write('tsconfig.json', jsonFile({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext' }, include: ['src'] }));
    await repo.write('src/legacy.js', 'var total = 1;\nexport { total };\n');
    await repo.write('src/amount.ts', "export const amount: number = 'ten';\n");
    await repo.write('notes.txt', 'draft  \n');
    // The repository's own tools, as `npm ci` would have installed them before the action runs.
    await mkdir(repo.path('node_modules'));
    await symlink(path.join(PROJECT_ROOT, 'node_modules/eslint'), repo.path('node_modules/eslint'));
    await symlink(path.join(PROJECT_ROOT, 'node_modules/typescript'), repo.path('node_modules/typescript'));
    repo.stage();
    repo.commit();

    const run = await runAction(repo.dir, { 'working-directory': 'packages/api' });

    expect(run.status, run.stdout + run.stderr).toBe(1);
    const byRule = Object.fromEntries(run.annotations.filter((a) => a.properties.title).map((a) => [a.properties.title, a]));
    expect(byRule['eslint/no-var']).toMatchObject({ level: 'error', properties: { file: 'src/legacy.js', line: '1' } });
    expect(byRule['tsc/TS2322']).toMatchObject({ level: 'error', properties: { file: 'src/amount.ts', line: '1' } });
    expect(byRule['hygiene/trailing-whitespace']).toMatchObject({ level: 'warning', properties: { file: 'notes.txt' } });
    // failOn 'warning' came from packages/api/tollgate.config.ts.
    expect(run.summary).toContain('fails on **warning** or worse');
    expect(run.summary).toMatch(/eslint: ESLint [\d.]+ from the repository/);
    expect(run.summary).toMatch(/tsc: TypeScript [\d.]+ \(from the repository\)/);
  });

  it('gives the same findings and verdict as `tollgate validate-all` on the demo payments repository', async () => {
    const demo = await mkdtemp(path.join(os.tmpdir(), 'tollgate-demo-action-'));
    try {
      await createDemoRepository(demo);
      // The repository's TypeScript, as after `npm ci`, so that both run tsc with the same one.
      await mkdir(path.join(demo, 'node_modules'));
      await symlink(path.join(PROJECT_ROOT, 'node_modules/typescript'), path.join(demo, 'node_modules/typescript'));
      await writeFile(path.join(demo, '.git/info/exclude'), 'node_modules/\n');

      const cli = runCli(['validate-all', '--format', 'json'], { cwd: demo });
      const action = await runAction(demo, { format: 'json' });

      const cliReport = JSON.parse(cli.stdout) as JsonReport;
      const actionReport = JSON.parse(inertBody(action.stdout)) as JsonReport;
      expect(cliReport.findings.length).toBeGreaterThan(5);
      // The checks that load code at run time fired: float (ts-morph, bundled) and tsc (the repository's TypeScript).
      for (const check of ['hygiene', 'float', 'tsc']) expect(cliReport.findings.map((f) => f.checkId)).toContain(check);
      expect(actionReport.findings.map(findingKey)).toEqual(cliReport.findings.map(findingKey));
      expect(action.status).toBe(cli.status);
      expect(action.outputs.passed).toBe(cli.status === 0 ? 'true' : 'false');
    } finally {
      await rm(demo, { recursive: true, force: true });
    }
  });

  it('without TypeScript in the repository, reports tsc as not run instead of crashing', async () => {
    repo = await TempRepo.create();
    await repo.write('tsconfig.json', jsonFile({ compilerOptions: { strict: true }, include: ['src'] }));
    await repo.write('src/amount.ts', "export const amount: number = 'ten';\n");
    repo.stage();
    repo.commit();

    const run = await runAction(repo.dir);

    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ errors: '0', passed: 'true' });
    expect(summaryRow(run.summary, '| tsc |')).toContain('✅');
    expect(run.summary).toMatch(/- tsc: .*not run/);
  });

  it('fails the step with the config error message, not a stack trace, when the config is invalid', async () => {
    repo = await TempRepo.create();
    await repo.write('tollgate.config.json', jsonFile({ failOn: 'sometimes' }));
    repo.stage();
    repo.commit();

    const run = await runAction(repo.dir);

    expect(run.status).toBe(1);
    expect(run.annotations).toHaveLength(1);
    expect(run.annotations[0]?.level).toBe('error');
    expect(run.annotations[0]?.message).toMatch(/^tollgate: Invalid configuration in tollgate\.config\.json:\n {2}failOn: /);
    expect(run.annotations[0]?.message).toContain('sometimes');
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m);
    expect(run.outputs).toEqual({});
  });

  it('fails the step naming the input when an input has a value it does not know', async () => {
    repo = await TempRepo.create();
    const run = await runAction(repo.dir, { mode: 'sometimes' });
    expect(run.status).toBe(1);
    expect(run.annotations).toEqual([{ level: 'error', properties: {}, message: 'tollgate: Input "mode" must be one of quick, all; got "sometimes".' }]);
  });
});
