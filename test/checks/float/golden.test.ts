import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOAT_RULES } from '../../../rules/float/index.ts';
import { PROJECT_ROOT } from '../../helpers/temp-repo.ts';
import { runOnFiles } from './harness.ts';

/**
 * Each rule's fixtures folder is its documentation example: invalid.ts (the README's wrong
 * example) must produce exactly the findings in expected.json, valid.ts (the right one) none.
 * Every rule runs on its own fixtures, alone.
 */
for (const rule of FLOAT_RULES) {
  const folder = path.join(PROJECT_ROOT, 'rules', rule.meta.id, 'fixtures');
  describe(`${rule.meta.id} golden fixtures`, async () => {
    const files = Object.fromEntries(readdirSync(folder).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(path.join(folder, f), 'utf8')]));
    const expected = (JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as { line: number; ruleId: string }[]).map((e) => `${e.line} ${e.ruleId}`).sort();
    const findings = await runOnFiles(files, { rules: [rule], optIn: true });
    const of = (file: string) => findings.filter((f) => f.location.path === file).map((f) => `${f.location.line} ${f.ruleId}`).sort();

    it('reports exactly the expected findings in invalid.ts', () => expect(of('invalid.ts')).toEqual(expected));
    it('stays silent on valid.ts', () => expect(of('valid.ts')).toEqual([]));
    it('reports findings with the rule metadata: severity, fix hint and help link', () => {
      const first = findings.find((f) => f.location.path === 'invalid.ts');
      expect(first).toMatchObject({ checkId: 'float', ruleId: rule.meta.id, severity: rule.meta.severity, help: `rules/${rule.meta.id}/README.md`, fix: { description: rule.meta.fixHint } });
    });
  });
}
