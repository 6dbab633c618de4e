// `tollgate demo deploy` is the README's try-it command for deploys: run it as written and check
// that it shows what it claims (two releases live without a failed request, then a broken one
// rolled back by the watch).
import { describe, expect, it } from 'vitest';
import { runDeployDemo } from '../../src/deploy/demo.ts';

describe('tollgate demo deploy', () => {
  it('deploys two releases under load without a failed request, then rolls a broken one back by itself', async () => {
    let output = '';
    const code = await runDeployDemo({ keep: false, write: (text) => (output += text) });
    expect(code, output).toBe(0);
    const summary = output.slice(output.indexOf('Summary'));
    expect(summary).toMatch(/1\.0\.0 \(first\)\s+succeeded/);
    expect(summary).toMatch(/1\.1\.0\s+succeeded .* (\d+) requests served during it, 0 failed/);
    expect(summary).toMatch(/1\.2\.0-broken-after-1000\s+rolled-back .* 0 failed/);
    const served = Number(/1\.1\.0\s+succeeded .* (\d+) requests served/.exec(summary)?.[1] ?? 0);
    expect(served).toBeGreaterThan(100);
    expect(output).toContain('traffic went back to 1.1.0 by itself');
  }, 120_000);
});
