import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { argumentCost, commandLineBudget, environmentCost } from '../../src/steps/arg-chunks.ts';
import { invocation, planChunks } from '../../src/steps/command.ts';

const files = (n: number, length: number) => Array.from({ length: n }, (_, i) => `${String(i).padStart(6, '0')}-${'x'.repeat(length)}.ts`);

describe('step commands', () => {
  it('puts the files where {files} stands in an argv, and nowhere without it', () => {
    expect(invocation(['npx', 'eslint', '--fix', '{files}', '--quiet'], ['a.ts', 'b c.ts'], 'linux')).toEqual({ file: 'npx', args: ['eslint', '--fix', 'a.ts', 'b c.ts', '--quiet'], shell: false });
    expect(invocation(['npm', 'test'], ['a.ts'], 'linux')).toEqual({ file: 'npm', args: ['test'], shell: false });
  });

  it('passes files to a POSIX shell string as positional parameters, so no name is parsed by the shell', () => {
    const names = ['plain.ts', 'with space.ts', `quote'"s.ts`, '$(touch pwned).ts', '-dash.ts'];
    const inv = invocation('printf "%s\\n" {files}', names, 'linux');
    expect(inv.args.slice(0, 3)).toEqual(['-c', 'printf "%s\\n" "$@"', 'sh']);
    const printed = execFileSync(inv.file, inv.args, { encoding: 'utf8' });
    expect(printed.split('\n').slice(0, -1)).toEqual(names);
  });

  it('quotes files for cmd.exe in a Windows shell string', () => {
    expect(invocation('eslint {files}', ['a b.ts', 'c.ts'], 'win32')).toEqual({ file: 'eslint "a b.ts" "c.ts"', args: [], shell: true });
  });

  it('runs a command without {files} once, whatever the files', () => {
    expect(planChunks('npm test', files(10_000, 50), {}, 'linux')).toEqual([[]]);
  });

  it.each(['linux', 'darwin', 'win32'] as const)('splits thousands of files into chunks that fit the %s limit, in order, each file once', (platform) => {
    const list = files(20_000, 60);
    const env = { PATH: '/usr/bin', HOME: '/home/u' };
    for (const run of [['npx', 'eslint', '{files}'], 'npx eslint {files}']) {
      const chunks = planChunks(run, list, env, platform);
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.flat()).toEqual(list);
      const base = invocation(run, [], platform);
      for (const chunk of chunks) {
        const cost = [base.file, ...base.args, ...chunk].reduce((sum, a) => sum + argumentCost(a, platform), 0) + environmentCost(env, platform); // tollgate-ignore float: byte counts, not money
        expect(cost).toBeLessThanOrEqual(commandLineBudget(platform, typeof run === 'string'));
      }
    }
  });
});
