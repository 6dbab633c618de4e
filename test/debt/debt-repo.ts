import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT, TempRepo } from '../helpers/temp-repo.ts';

/** ESLint rules at "warn" (the debt) and one at "error" (fails on its own). */
export const ESLINT_CONFIG = `export default [{
  files: ['**/*.js'],
  languageOptions: { sourceType: 'module' },
  rules: { 'no-console': 'warn', 'no-unused-vars': 'warn', 'no-debugger': 'error' },
}];
`;

/**
 * A real repository with the project's ESLint (node_modules symlinked) and an ESLint config
 * with warn rules; `files` are written and committed.
 */
export async function debtRepo(files: Record<string, string>, options: { commit?: boolean } = {}): Promise<TempRepo> {
  const repo = await TempRepo.create();
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), repo.path('node_modules'), 'dir');
  await repo.write('.gitignore', 'node_modules\n');
  await repo.write('eslint.config.js', ESLINT_CONFIG);
  for (const [rel, content] of Object.entries(files)) await repo.write(rel, content);
  if (options.commit !== false) {
    repo.stage();
    repo.commit('initial');
  }
  return repo;
}

/** A small module with `n` console calls (no-console warnings), one per function. */
export function consoleModule(names: string[]): string {
  return names.map((name) => `export function ${name}(value) {\n  console.log('${name}', value);\n  return value;\n}\n`).join('\n');
}

export async function readJson(repo: TempRepo, rel: string): Promise<unknown> {
  return JSON.parse((await repo.read(rel)).toString('utf8'));
}
