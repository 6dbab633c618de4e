import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { selectSteps } from '../../src/steps/units.ts';

describe('steps config', () => {
  it('fills the defaults: validate-all only, local and CI, serial, 600 s, auto format, enabled', () => {
    const config = parseConfig({ steps: [{ name: 'test', run: 'npm test' }] }, 'tollgate.config.json');
    expect(config.steps).toEqual([
      { name: 'test', run: 'npm test', pipelines: ['all'], where: ['local', 'ci'], cwd: '.', env: {}, timeout: 600, parallel: false, format: 'auto', enabled: true },
    ]);
  });

  it('takes one glob or a list, an argv array and a pattern format', () => {
    const config = parseConfig(
      {
        steps: [
          { name: 'lint', run: ['npx', 'eslint', '{files}'], glob: '**/*.ts' },
          { name: 'ruff', run: 'ruff check {files}', glob: ['**/*.py', '**/*.pyi'], format: { pattern: '^(?<file>[^:]+):(?<line>\\d+): (?<message>.+)$' } },
        ],
      },
      'tollgate.config.json',
    );
    expect(config.steps[0]!.glob).toEqual(['**/*.ts']);
    expect(config.steps[1]!.glob).toEqual(['**/*.py', '**/*.pyi']);
    expect(config.steps[1]!.format).toMatchObject({ flags: '', severity: 'error' });
  });

  it.each([
    { name: 'a duplicate name', steps: [{ name: 'test', run: 'a' }, { name: 'test', run: 'b' }], error: /steps\.1\.name: duplicate step name "test" \(also steps\.0\.name\)/ },
    { name: 'a name with a space', steps: [{ name: 'unit tests', run: 'a' }], error: /steps\.0\.name: expected a name of letters/ },
    { name: 'a cwd outside the repository', steps: [{ name: 't', run: 'a', cwd: '../other' }], error: /steps\.0\.cwd: a directory inside the repository/ },
    { name: 'an absolute cwd', steps: [{ name: 't', run: 'a', cwd: '/srv/app' }], error: /steps\.0\.cwd/ },
    { name: 'an empty argv', steps: [{ name: 't', run: [] }], error: /steps\.0\.run/ },
    { name: 'a pattern that does not compile', steps: [{ name: 't', run: 'a', format: { pattern: '(?<file>' } }], error: /steps\.0\.format\.pattern: not a valid regular expression/ },
    { name: 'a pattern without a message group', steps: [{ name: 't', run: 'a', format: { pattern: '(?<file>\\S+)' } }], error: /needs a named group \(\?<message>…\)/ },
    { name: 'an unknown key', steps: [{ name: 't', run: 'a', paralel: true }], error: /unknown key "paralel"/ },
    { name: 'a zero timeout', steps: [{ name: 't', run: 'a', timeout: 0 }], error: /steps\.0\.timeout/ },
  ])('refuses $name, naming the key', ({ steps, error }) => {
    expect(() => parseConfig({ steps }, 'tollgate.config.json')).toThrow(error);
  });

  it('selects the enabled steps of the pipeline and the place, in config order', () => {
    const { steps } = parseConfig(
      {
        steps: [
          { name: 'fast', run: 'npm run test:fast', pipelines: ['quick', 'all'], where: ['local'] },
          { name: 'full', run: 'npm test', where: ['ci'] },
          { name: 'build', run: 'npm run build' },
          { name: 'off', run: 'npm run x', enabled: false },
        ],
      },
      'tollgate.config.json',
    );
    const names = (mode: 'quick' | 'all' | 'paths', ci: boolean) => selectSteps(steps, { mode, ci }).map((s) => s.name);
    expect(names('quick', false)).toEqual(['fast']);
    expect(names('all', false)).toEqual(['fast', 'build']);
    expect(names('all', true)).toEqual(['full', 'build']);
    expect(names('quick', true)).toEqual([]);
    expect(names('paths', false)).toEqual([]);
  });
});
