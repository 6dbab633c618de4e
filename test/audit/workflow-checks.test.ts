import { describe, expect, it } from 'vitest';
import { expandMatrix, jobNames, producedChecks } from '../../src/audit/workflow-checks.ts';
import { repoFromRemoteUrl } from '../../src/audit/target.ts';
import { TempRepo } from '../helpers/temp-repo.ts';

describe('check names of workflow jobs', () => {
  it('expands a matrix like GitHub: product, exclude, include that extends or adds', () => {
    const combos = expandMatrix({ os: ['linux', 'mac'], node: [20, 22], exclude: [{ os: 'mac', node: 20 }], include: [{ os: 'linux', experimental: true }, { os: 'windows', node: 24 }] });
    expect(combos).toEqual([
      { os: 'linux', node: 20, experimental: true },
      { os: 'linux', node: 22, experimental: true },
      { os: 'mac', node: 22 },
      { os: 'windows', node: 24 },
    ]);
  });

  it('appends matrix values, substitutes ${{ matrix.x }} in a name, and leaves a fromJSON matrix open', () => {
    expect(jobNames('test', { strategy: { matrix: { node: [20, 22] } } })).toEqual(['test (20)', 'test (22)']);
    expect(jobNames('test', { name: 'node ${{ matrix.node }}', strategy: { matrix: { node: [20] } } })).toEqual(['node 20']);
    expect(jobNames('test', { strategy: { matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}' } })).toEqual(['test (${{ matrix }})']);
  });

  it('names reusable workflow jobs "caller / callee" and matches open expressions as wildcards', async () => {
    const repo = await TempRepo.create();
    try {
      await repo.write('.github/workflows/ci.yml', 'on: pull_request\njobs:\n  checks:\n    name: Checks\n    uses: ./.github/workflows/checks.yml\n  remote:\n    uses: acme/shared/.github/workflows/lint.yml@v1\n');
      await repo.write('.github/workflows/checks.yml', "on: workflow_call\njobs:\n  unit:\n    name: unit ${{ inputs.suite }}\n    runs-on: ubuntu-latest\n    steps: [{ run: 'true' }]\n");
      await repo.write('.github/workflows/broken.yml', 'on: [pull_request\njobs: {');
      const produced = await producedChecks(repo.dir);
      expect(produced.map((p) => p.name)).toEqual(['Checks / unit *', 'remote / *']);
      expect(produced[0]!.matches('Checks / unit fast')).toBe(true);
      expect(produced[0]!.matches('Checks / lint')).toBe(false);
      expect(produced[1]!.matches('remote / eslint')).toBe(true);
      expect(produced.every((p) => p.onPullRequest)).toBe(true);
    } finally {
      await repo.remove();
    }
  });

  it('reads owner/name from GitHub remote URLs', () => {
    expect(repoFromRemoteUrl('https://github.com/acme/payments.git')).toBe('acme/payments');
    expect(repoFromRemoteUrl('git@github.com:acme/payments.git')).toBe('acme/payments');
    expect(repoFromRemoteUrl('ssh://git@github.example.com/acme/pay.ments')).toBe('acme/pay.ments');
  });
});
