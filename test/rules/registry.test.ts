import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../src/findings/finding.ts';
import { ALL_RULES, ruleMeta } from '../../src/rules/catalog.ts';
import { PROJECT_ROOT } from '../helpers/temp-repo.ts';

/**
 * The rule registry against the rules/ tree, for every check's rules (hygiene, float,
 * secrets, …): each registered rule lives in rules/<id>/ with a README and fixtures, and each
 * rule folder on disk is registered. A rule folder is rules/<check>/<name>/ with a rule.ts.
 */
const RULES_DIR = path.join(PROJECT_ROOT, 'rules');

function ruleFoldersOnDisk(): string[] {
  const ids: string[] = [];
  for (const check of readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!check.isDirectory()) continue;
    for (const rule of readdirSync(path.join(RULES_DIR, check.name), { withFileTypes: true })) {
      if (rule.isDirectory() && existsSync(path.join(RULES_DIR, check.name, rule.name, 'rule.ts'))) ids.push(`${check.name}/${rule.name}`);
    }
  }
  return ids.sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

describe('rule registry', () => {
  it('has unique ids of the form <check>/<name>', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
  });

  it('registers every rule folder under rules/ (none is forgotten in src/rules/catalog.ts)', () => {
    const registered = new Set(ALL_RULES.map((r) => r.meta.id));
    const unregistered = ruleFoldersOnDisk().filter((id) => !registered.has(id));
    expect(unregistered, 'rules/<check>/<name>/rule.ts exists but the rule is not in the catalog').toEqual([]);
  });

  for (const rule of ALL_RULES) {
    const { id } = rule.meta;
    describe(id, () => {
      const folder = path.join(RULES_DIR, id);

      it('lives in rules/<id>/, its folder named as its id', () => {
        expect(existsSync(path.join(folder, 'rule.ts')), `rules/${id}/rule.ts`).toBe(true);
      });

      it('has a README.md that names it and explains it', () => {
        const readme = path.join(folder, 'README.md');
        expect(existsSync(readme), `rules/${id}/README.md`).toBe(true);
        const text = readFileSync(readme, 'utf8');
        expect(text).toContain(id);
        expect(text.length).toBeGreaterThan(200);
      });

      it('has a fixtures folder with at least one file', () => {
        const fixtures = path.join(folder, 'fixtures');
        expect(existsSync(fixtures) && statSync(fixtures).isDirectory(), `rules/${id}/fixtures/`).toBe(true);
        expect(filesUnder(fixtures).length).toBeGreaterThan(0);
      });

      it('has complete metadata, found through the catalog', () => {
        expect(SEVERITIES).toContain(rule.meta.severity);
        expect(rule.meta.description.length).toBeGreaterThan(10);
        expect(rule.meta.fixHint.length).toBeGreaterThan(10);
        expect(ruleMeta(id)).toBe(rule.meta);
      });
    });
  }
});
