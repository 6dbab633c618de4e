// Rewrites rules/secrets/<name>/README.md from each rule (node rules/secrets/write-readmes.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRuleReadme } from '../../src/checks/secrets/rule-docs.ts';
import { SECRET_RULES } from './index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
for (const rule of SECRET_RULES) {
  const file = path.join(root, 'rules', rule.meta.id, 'README.md');
  writeFileSync(file, renderRuleReadme(rule));
}
console.log(`wrote ${SECRET_RULES.length} README files under rules/secrets/`);
