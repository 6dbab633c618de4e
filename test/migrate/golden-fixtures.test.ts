import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATE_RULES } from '../../rules/migrate/index.ts';
import { processFindings } from '../../src/findings/pipeline.ts';
import { Redactor } from '../../src/findings/redactor.ts';
import { lintSql } from '../../src/migrate/lint/lint.ts';
import { PROJECT_ROOT } from '../helpers/temp-repo.ts';

/** Each rule's fixtures: invalid.sql reports exactly expected.json, valid.sql reports nothing (after suppressions). */
async function lintFixture(file: string): Promise<{ line: number; ruleId: string }[]> {
  const sql = readFileSync(file, 'utf8');
  const rel = path.relative(PROJECT_ROOT, file);
  const drafts = await lintSql(rel, sql);
  const { findings } = await processFindings({
    findings: drafts,
    config: { rules: {}, overrides: [] },
    redactor: new Redactor(),
    readText: async () => sql,
  });
  return findings.map((f) => ({ line: f.location.line, ruleId: f.ruleId }));
}

describe('migrate rule fixtures', () => {
  for (const rule of MIGRATE_RULES) {
    const dir = path.join(PROJECT_ROOT, 'rules', rule.meta.id, 'fixtures');
    it(`${rule.meta.id}: invalid.sql reports what expected.json lists, with every rule on`, async () => {
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as unknown;
      expect(await lintFixture(path.join(dir, 'invalid.sql'))).toEqual(expected);
    });
    it(`${rule.meta.id}: valid.sql (the recommended way) reports nothing`, async () => {
      expect(await lintFixture(path.join(dir, 'valid.sql'))).toEqual([]);
    });
  }
});
