import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HYGIENE_RULES } from '../../../rules/hygiene/index.ts';
import type { FileAttributes } from '../../../src/checks/hygiene/attributes.ts';
import type { HygieneOptions } from '../../../src/checks/hygiene/rule-context.ts';
import type { ChangeStatus } from '../../../src/git/diff-parse.ts';
import { validate } from '../../../src/validate.ts';
import { PROJECT_ROOT, type TempRepo } from '../../helpers/temp-repo.ts';
import { runRule } from './rule-harness.ts';
import { buildRepo, type RepoSpec } from './repo-spec.ts';

/**
 * The golden fixtures: every hygiene rule runs on its `fixtures/` folder and must produce
 * exactly `fixtures/expected.json`; a fixable rule's fix must turn each reported input into
 * `fixtures/fixed/<same path>`. File rules read `fixtures/input/**` (per-file mode, status,
 * attributes and rule options in an optional `fixtures/fixture.json`); repository rules build
 * a temp repository from `fixtures/repo.json` and run the real hygiene check on it.
 */

interface Expected {
  path: string;
  ruleId: string;
  line: number;
  column: number;
}

interface FixtureSettings {
  options?: Partial<HygieneOptions>;
  files?: Record<string, { mode?: string; status?: ChangeStatus; source?: 'index' | 'worktree'; attributes?: Partial<FileAttributes> }>;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

function sortFindings(list: Expected[]): Expected[] {
  return [...list].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
}

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

describe('golden fixtures', () => {
  for (const rule of HYGIENE_RULES) {
    const fixtures = path.join(PROJECT_ROOT, 'rules', rule.meta.id, 'fixtures');

    if (rule.kind === 'file') {
      it(`${rule.meta.id} reports exactly expected.json on fixtures/input`, async () => {
        const settings = existsSync(path.join(fixtures, 'fixture.json')) ? await readJson<FixtureSettings>(path.join(fixtures, 'fixture.json')) : {};
        const inputDir = path.join(fixtures, 'input');
        const actual: Expected[] = [];
        const fixedExpected = new Set(rule.fix ? await listFiles(path.join(fixtures, 'fixed')) : []);
        const reported = new Set<string>();
        for (const rel of await listFiles(inputDir)) {
          const content = await readFile(path.join(inputDir, rel));
          const file = settings.files?.[rel] ?? {};
          const reports = await runRule(rule, { path: rel, content, ...file, ...(settings.options ? { options: settings.options } : {}) });
          for (const r of reports) actual.push({ path: rel, ruleId: rule.meta.id, line: r.line, column: r.column });
          if (reports.length > 0) reported.add(rel);
          if (rule.fix && reports.length > 0) {
            expect(fixedExpected.has(rel), `fixtures/fixed/${rel} exists for a reported input`).toBe(true);
            const fixed = rule.fix(content, rel);
            expect(fixed.equals(await readFile(path.join(fixtures, 'fixed', rel))), `fix of ${rel} equals fixtures/fixed/${rel}`).toBe(true);
            expect(rule.fix(fixed, rel).equals(fixed), `fix of ${rel} is idempotent`).toBe(true);
            const after = await runRule(rule, { path: rel, content: fixed, ...file, ...(settings.options ? { options: settings.options } : {}) });
            expect(after, `no findings left in fixed ${rel}`).toEqual([]);
          }
        }
        expect(sortFindings(actual)).toEqual(sortFindings(await readJson<Expected[]>(path.join(fixtures, 'expected.json'))));
        if (rule.fix) expect([...fixedExpected].sort(), 'fixtures/fixed holds exactly the reported inputs').toEqual([...reported].sort());
      });
    } else {
      it(`${rule.meta.id} reports exactly expected.json on the repository in fixtures/repo.json`, async () => {
        const spec = await readJson<RepoSpec>(path.join(fixtures, 'repo.json'));
        repo = await buildRepo(spec);
        const result = await validate({ cwd: repo.dir, mode: spec.mode, checks: ['hygiene'] });
        const actual = result.report.findings
          .filter((f) => f.ruleId === rule.meta.id)
          .map((f) => ({ path: f.location.path, ruleId: f.ruleId, line: f.location.line, column: f.location.column }));
        expect(sortFindings(actual)).toEqual(sortFindings(await readJson<Expected[]>(path.join(fixtures, 'expected.json'))));
      });
    }
  }
});
