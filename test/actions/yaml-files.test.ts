import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { PROJECT_ROOT } from '../helpers/temp-repo.ts';

/** Every action.yml and workflow we ship: the Actions runner refuses the whole file on a YAML error. */
function shippedYaml(): string[] {
  const found: string[] = [];
  for (const dir of ['actions', '.github/workflows', 'examples']) {
    for (const entry of readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })) {
      const rel = path.relative(PROJECT_ROOT, path.join(entry.parentPath, entry.name));
      if (entry.isFile() && /\.ya?ml$/.test(entry.name) && !rel.split(path.sep).includes('dist') && !rel.split(path.sep).includes('node_modules')) found.push(rel);
    }
  }
  return found.sort();
}

describe('shipped action and workflow files', () => {
  it('include every action.yml', () => {
    expect(shippedYaml().filter((f) => f.endsWith('action.yml'))).toEqual(['actions/audit/action.yml', 'actions/deploy/action.yml', 'actions/validate/action.yml']);
  });

  it.each(shippedYaml())('%s is valid YAML', (file) => {
    const doc = parseDocument(readFileSync(path.join(PROJECT_ROOT, file), 'utf8'));
    expect(doc.errors.map((e) => e.message)).toEqual([]);
  });
});
