import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCS_RULES } from '../../../rules/docs/index.ts';
import { validate } from '../../../src/validate.ts';
import { PROJECT_ROOT, TempRepo } from '../../helpers/temp-repo.ts';

/**
 * Each docs rule's fixtures/input folder is committed as a repository of its own and checked
 * with `check docs`; the rule's findings must be exactly fixtures/expected.json. The same files
 * are the examples of the rule's README.
 */
let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

describe('docs rule fixtures', () => {
  for (const rule of DOCS_RULES) {
    const id = rule.meta.id;
    const dir = path.join(PROJECT_ROOT, 'rules', id, 'fixtures');
    it(`${id}: the fixture files give the expected findings`, async () => {
      repo = await TempRepo.create();
      await cp(path.join(dir, 'input'), repo.dir, { recursive: true });
      repo.stage();
      repo.commit('fixture');
      const { report } = await validate({ cwd: repo.dir, mode: 'all', checks: ['docs'] });
      const actual = report.findings.filter((f) => f.ruleId === id).map((f) => ({ path: f.location.path, line: f.location.line, ruleId: f.ruleId }));
      const expected = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')) as unknown[];
      expect(actual).toEqual(expected);
      // Each fixture shows its own rule: no other docs rule fires on it.
      expect(report.findings.filter((f) => f.ruleId !== id && f.checkId === 'docs').map((f) => `${f.ruleId} ${f.location.path}:${f.location.line}`)).toEqual([]);
    }, 30_000);
  }
});
