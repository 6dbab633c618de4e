import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEBT_RULES } from '../../rules/debt/index.ts';
import { validate } from '../../src/validate.ts';
import { PROJECT_ROOT, type TempRepo } from '../helpers/temp-repo.ts';
import { debtRepo } from './debt-repo.ts';

/** Every file under a fixture's input folder, by repository-relative path. */
function inputFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, abs).split(path.sep).join('/')] = readFileSync(abs, 'utf8');
  }
  return files;
}

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

// Each rule's fixture is a small repository (committed as it is) and what `debt check` in CI
// reports for it: the golden example its README shows.
describe('debt rules: golden fixtures', () => {
  it.each(DEBT_RULES.map((r) => r.meta.id))('%s reports what its fixture expects', async (id) => {
    const fixtures = path.join(PROJECT_ROOT, 'rules', id, 'fixtures');
    repo = await debtRepo(inputFiles(path.join(fixtures, 'input')));
    const result = await validate({ cwd: repo.dir, mode: 'all', debt: { action: 'check', required: true, ci: true } });
    const found = result.report.findings.filter((f) => f.ruleId === id).map((f) => ({ ruleId: f.ruleId, path: f.location.path, line: f.location.line }));
    const expected = JSON.parse(readFileSync(path.join(fixtures, 'expected.json'), 'utf8')) as unknown[];
    expect(expected.length).toBeGreaterThan(0);
    expect(found).toEqual(expected);
  });
});
