import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { detectSteps } from '../../src/steps/detect.ts';
import { selectSteps } from '../../src/steps/units.ts';
import { TempRepo, runCli } from '../helpers/temp-repo.ts';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

describe('steps offered by tollgate init', () => {
  it.each([
    {
      name: 'fast tests locally before a push, the full suite in CI, and the build',
      scripts: { test: 'vitest run --coverage', 'test:fast': 'vitest run --project unit', build: 'tsc -p .' },
      pm: 'npm',
      expected: [
        { name: 'test-fast', run: 'npm run test:fast', pipelines: ['all'], where: ['local'], enabled: false },
        { name: 'test', run: 'npm test', pipelines: ['all'], where: ['ci'], enabled: false },
        { name: 'build', run: 'npm run build', pipelines: ['all'], enabled: false },
      ],
    },
    { name: 'the suite everywhere when there are no fast tests', scripts: { test: 'jest' }, pm: 'pnpm', expected: [{ name: 'test', run: 'pnpm test', pipelines: ['all'], enabled: false }] },
    { name: 'bun scripts through bun run (bun test is another runner)', scripts: { test: 'vitest' }, pm: 'bun', expected: [{ name: 'test', run: 'bun run test', pipelines: ['all'], enabled: false }] },
    { name: "nothing for npm init's placeholder test script", scripts: { test: 'echo "Error: no test specified" && exit 1', lint: 'eslint .' }, pm: 'npm', expected: [] },
  ])('detects $name', ({ scripts, pm, expected }) => {
    expect(detectSteps(scripts, pm)).toEqual(expected);
  });

  it('writes detected steps into the starter config switched off, and says so', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', JSON.stringify({ name: 'pay', scripts: { test: 'vitest run', 'test:fast': 'vitest run unit', build: 'tsc' } }, null, 2));
    const result = runCli(['init'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(0);
    const config = parseConfig(JSON.parse((await repo.read('tollgate.config.json')).toString('utf8')), 'tollgate.config.json');
    expect(config.steps.map((s) => [s.name, s.run, s.enabled])).toEqual([
      ['test-fast', 'npm run test:fast', false],
      ['test', 'npm test', false],
      ['build', 'npm run build', false],
    ]);
    // Nothing runs until the user turns a step on.
    expect(selectSteps(config.steps, { mode: 'all', ci: false })).toEqual([]);
    expect(result.stdout).toContain('lists command steps found in package.json scripts (test-fast, test, build), switched off');
  });

  it('leaves an existing config alone and suggests the steps in a note', async () => {
    repo = await TempRepo.create();
    await repo.write('package.json', JSON.stringify({ name: 'pay', scripts: { build: 'tsc' } }, null, 2));
    await repo.write('tollgate.config.json', '{ "failOn": "warning" }\n');
    const result = runCli(['init', '--dry-run'], { cwd: repo.dir });
    expect(result.status, result.stderr).toBe(0);
    expect((await repo.read('tollgate.config.json')).toString('utf8')).toBe('{ "failOn": "warning" }\n');
    expect(result.stdout).toContain('package.json scripts suggest command steps (build). Add them under "steps" in tollgate.config.json');
    expect(result.stdout).toContain('\n      {"name":"build","run":"npm run build","pipelines":["all"]}\n');
  });
});
