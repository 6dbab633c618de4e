import { cp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COVERAGE_RULES } from '../../../rules/coverage/index.ts';
import { validate } from '../../../src/validate.ts';
import { PROJECT_ROOT, TempRepo } from '../../helpers/temp-repo.ts';
import { touch } from './coverage-project.ts';

/**
 * Each coverage rule's fixture folder is a small repository: `base/` (optional) is committed on
 * main, `repo/` on a feature branch on top of it (sources, tollgate.config.json and the coverage
 * report), the paths in `newer.txt` are touched after the report was written, and
 * `expected.json` lists the rule's findings.
 */
let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

describe('coverage rule fixtures', () => {
  for (const rule of COVERAGE_RULES) {
    const id = rule.meta.id;
    const dir = path.join(PROJECT_ROOT, 'rules', id, 'fixtures');
    it(`${id}: the fixture repository gives the expected findings`, async () => {
      repo = await TempRepo.create();
      if (existsSync(path.join(dir, 'base'))) {
        await cp(path.join(dir, 'base'), repo.dir, { recursive: true });
        repo.stage();
        repo.commit('base');
      } else {
        repo.commit('empty base');
      }
      repo.git('checkout', '-q', '-b', 'feature');
      await cp(path.join(dir, 'repo'), repo.dir, { recursive: true });
      repo.stage();
      repo.commit('feature');
      // Sources an hour old, the report just written, then whatever the fixture says is newer.
      for (const rel of repo.git('ls-files').split('\n').filter((p) => p && !p.startsWith('coverage/'))) await touch(repo, rel, -3600);
      if (existsSync(path.join(dir, 'newer.txt'))) {
        for (const rel of (await readFile(path.join(dir, 'newer.txt'), 'utf8')).split('\n').filter(Boolean)) await touch(repo, rel, 300);
      }
      const { report } = await validate({ cwd: repo.dir, mode: 'all', checks: ['coverage'] });
      const actual = report.findings
        .filter((f) => f.ruleId === id)
        .map((f) => ({ path: f.location.path, line: f.location.line, message: f.message.replace(/merge-base [0-9a-f]{7}/, 'merge-base <sha>') }));
      const expected = JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')) as unknown[];
      expect(actual).toEqual(expected);
    });
  }
});
