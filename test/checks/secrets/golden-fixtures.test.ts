import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_BASELINE_RULE, SECRET_CONTENT_RULES, SECRET_PATH_RULES } from '../../../rules/secrets/index.ts';
import { compareWithBaseline, readBaseline } from '../../../src/checks/secrets/baseline.ts';
import type { Finding } from '../../../src/findings/finding.ts';
import { SecretsConfigSchema } from '../../../src/checks/secrets/config.ts';
import { SecretDetector } from '../../../src/checks/secrets/detector.ts';
import { PROJECT_ROOT } from '../../helpers/temp-repo.ts';
import { expandTemplate } from './fixture-template.ts';

/**
 * Golden fixtures: each content rule's `fixtures/input/*` templates are expanded (tokens forged
 * from the rule's formats, never stored) and scanned by the whole detector; the findings must
 * equal `fixtures/expected.json`. Set TOLLGATE_UPDATE_FIXTURES=1 to rewrite expected.json after
 * a deliberate change, then review the diff.
 */
interface Expected {
  path: string;
  ruleId: string;
  line: number;
  column: number;
  severity: string;
}

const detector = new SecretDetector(SECRET_CONTENT_RULES, SecretsConfigSchema.parse({}));

describe('golden fixtures of the secrets rules', () => {
  for (const rule of SECRET_CONTENT_RULES) {
    it(`${rule.meta.id}: finds exactly what fixtures/expected.json lists`, async () => {
      const dir = path.join(PROJECT_ROOT, 'rules', rule.meta.id, 'fixtures');
      const names = (await readdir(path.join(dir, 'input'))).sort();
      expect(names.length).toBeGreaterThan(0);
      const actual: Expected[] = [];
      for (const name of names) {
        const template = await readFile(path.join(dir, 'input', name), 'utf8');
        const { text, secrets } = expandTemplate(template, rule, name);
        const found = detector.scan({ path: name, text });
        for (const secret of secrets) {
          expect(found.some((f) => f.secret === secret), `${name}: a forged ${rule.meta.id} secret was not found`).toBe(true);
        }
        for (const f of found) actual.push({ path: name, ruleId: f.rule.meta.id, line: f.line, column: f.column, severity: f.severity });
      }
      const file = path.join(dir, 'expected.json');
      if (process.env.TOLLGATE_UPDATE_FIXTURES === '1' || !existsSync(file)) {
        if (process.env.TOLLGATE_UPDATE_FIXTURES !== '1') throw new Error(`${rule.meta.id}: fixtures/expected.json is missing (run with TOLLGATE_UPDATE_FIXTURES=1 and review it)`);
        await writeFile(file, `${JSON.stringify(actual, null, 2)}\n`);
      }
      const expected = JSON.parse(await readFile(file, 'utf8')) as Expected[];
      expect(actual).toEqual(expected);
      expect(actual.some((f) => f.ruleId === rule.meta.id)).toBe(true);
    });
  }
});

describe('golden fixtures of the path and baseline rules', () => {
  for (const rule of SECRET_PATH_RULES) {
    it(`${rule.meta.id}: blocks exactly the paths fixtures/expected.json lists`, async () => {
      const dir = path.join(PROJECT_ROOT, 'rules', rule.meta.id, 'fixtures');
      const cases = JSON.parse(await readFile(path.join(dir, 'cases.json'), 'utf8')) as { path: string; content: string }[];
      const options = SecretsConfigSchema.parse({});
      const actual: { path: string; ruleId: string }[] = [];
      for (const c of cases) rule.create({ path: c.path, content: Buffer.from(c.content), options, report: () => actual.push({ path: c.path, ruleId: rule.meta.id }) });
      actual.sort((a, b) => a.path.localeCompare(b.path, 'en'));
      expect(actual).toEqual(JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')));
    });
  }

  it(`${SECRET_BASELINE_RULE.meta.id}: reports exactly the stale entries fixtures/expected.json lists`, async () => {
    const dir = path.join(PROJECT_ROOT, 'rules', SECRET_BASELINE_RULE.meta.id, 'fixtures');
    const baseline = await readBaseline(dir, 'baseline.json');
    const current = JSON.parse(await readFile(path.join(dir, 'current.json'), 'utf8')) as { fingerprints: string[] };
    const findings = current.fingerprints.map((fingerprint) => ({ fingerprint }) as Finding);
    const { stale } = compareWithBaseline(baseline, findings);
    const actual: { path: string; ruleId: string; line: number }[] = [];
    SECRET_BASELINE_RULE.create({ baselinePath: '.tollgate/secrets-baseline.json', stale, report: (r) => actual.push({ path: '.tollgate/secrets-baseline.json', ruleId: SECRET_BASELINE_RULE.meta.id, line: r.line }) });
    expect(actual).toEqual(JSON.parse(await readFile(path.join(dir, 'expected.json'), 'utf8')));
  });
});
