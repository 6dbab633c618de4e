import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_CONTENT_RULES, SECRET_RULES } from '../../../rules/secrets/index.ts';
import { SecretsConfigSchema } from '../../../src/checks/secrets/config.ts';
import { SecretDetector } from '../../../src/checks/secrets/detector.ts';
import { renderRuleReadme } from '../../../src/checks/secrets/rule-docs.ts';
import { ALL_RULES } from '../../../src/rules/catalog.ts';
import { PROJECT_ROOT } from '../../helpers/temp-repo.ts';

const RULES_DIR = path.join(PROJECT_ROOT, 'rules', 'secrets');

describe('the secrets rule registry', () => {
  it('lists every rule folder exactly once, and every rule is in the catalog', async () => {
    const folders = (await readdir(RULES_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(SECRET_RULES.map((r) => r.meta.id.replace(/^secrets\//, '')).sort()).toEqual(folders);
    const catalog = new Set(ALL_RULES.map((r) => r.meta.id));
    for (const rule of SECRET_RULES) expect(catalog.has(rule.meta.id), rule.meta.id).toBe(true);
  });

  it.each(SECRET_RULES.map((r) => [r.meta.id, r] as const))('%s: id equals its folder, README is current, fixtures exist', async (id, rule) => {
    const dir = path.join(PROJECT_ROOT, 'rules', id);
    expect(existsSync(path.join(dir, 'rule.ts'))).toBe(true);
    const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
    expect(readme, 'stale README: run node rules/secrets/write-readmes.ts').toBe(renderRuleReadme(rule));
    if (rule.kind === 'content') {
      expect(existsSync(path.join(dir, 'fixtures', 'expected.json'))).toBe(true);
      expect(rule.examples.length).toBeGreaterThan(0);
      expect(rule.keywords.length).toBeGreaterThan(0);
      for (const k of rule.keywords) expect(k).toBe(k.toLowerCase());
    }
  });

  it('stores no live-looking secret in any rule folder (READMEs and fixture templates)', async () => {
    const detector = new SecretDetector(SECRET_CONTENT_RULES, SecretsConfigSchema.parse({}));
    const entries = await readdir(RULES_DIR, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && !e.name.endsWith('.ts') && !e.name.endsWith('.json')).map((e) => path.join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(SECRET_RULES.length);
    for (const file of files) {
      const found = detector.scan({ path: file, text: await readFile(file) });
      expect(found.map((f) => `${path.relative(RULES_DIR, file)}:${f.line} ${f.rule.meta.id}`)).toEqual([]);
    }
  });
});
