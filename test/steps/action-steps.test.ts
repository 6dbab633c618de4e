// The validate action (actions/validate/main.ts, from source: the committed bundle is rebuilt by
// the maintainers) runs the config's steps through the same engine, as the GitHub runner would
// start it: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, CI=true.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TempRepo } from '../helpers/temp-repo.ts';

const NODE = process.execPath;
const TSC = path.join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc');

let repo: TempRepo;
afterEach(async () => repo?.remove());

function runAction(workspace: string): { status: number; stdout: string; outputs: string; summary: string } {
  const outputFile = path.join(workspace, '.gh-output');
  const summaryFile = path.join(workspace, '.gh-summary');
  const entry = `import(${JSON.stringify(path.join(PROJECT_ROOT, 'actions/validate/main.ts'))}).then((m) => m.run())`;
  const result = spawnSync(NODE, ['--input-type=module', '-e', entry], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      ...process.env,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      INPUT_MODE: 'all',
      INPUT_FORMAT: 'github',
      'INPUT_SARIF-FILE': '',
      'INPUT_FAIL-ON': '',
      'INPUT_WORKING-DIRECTORY': '.',
      INPUT_CONFIG: '',
    },
  });
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  return { status: result.status ?? -1, stdout: result.stdout, outputs: read(outputFile), summary: read(summaryFile) };
}

describe('steps in the validate action', () => {
  it('runs the CI steps, annotates the tsc errors at their lines, fails the step and lists each step in the summary', async () => {
    repo = await TempRepo.create();
    await repo.write('.gh-output', '');
    await repo.write('.gh-summary', '');
    await repo.write(
      'tollgate.config.json',
      JSON.stringify({
        pipelines: { quick: [], all: [] },
        debt: { enabled: false },
        steps: [
          { name: 'types', run: [NODE, TSC, '-p', '.'], where: ['ci'] },
          { name: 'local-only', run: 'exit 1', where: ['local'] },
          { name: 'smoke', run: 'echo smoke ok' },
        ],
      }),
    );
    await repo.write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['src'] }));
    await repo.write('src/a.ts', 'export const a: number = "x";\n');

    const result = runAction(repo.dir);
    expect(result.status, result.stdout).toBe(1);
    expect(result.stdout).toMatch(/^::error title=steps\/types,file=src\/a\.ts,line=1,.*::TS2322: Type 'string' is not assignable to type 'number'\./m);
    expect(result.outputs).toMatch(/passed<<[^\n]*\nfalse/);
    expect(result.summary).toMatch(/\| steps\/types \| ❌ fails \| 1 \| 0 \| 0 \|/);
    expect(result.summary).toMatch(/\| steps\/smoke \| ✅ ok \| 0 \| 0 \| 0 \|/);
    expect(result.summary).not.toContain('local-only');
  }, 60_000);
});
