import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, parseDocument, stringify } from 'yaml';
import { UserError } from '../errors/user-error.ts';
import { isJsonObject, parseJson, type JsonObject } from './json-style.ts';

/** Where lint-staged looks for its config, in its own order (lint-staged 16/17 `configFiles.js`). */
export const LINT_STAGED_FILES = [
  '.lintstagedrc',
  '.lintstagedrc.json',
  '.lintstagedrc.yaml',
  '.lintstagedrc.yml',
  '.lintstagedrc.mjs',
  '.lintstagedrc.mts',
  '.lintstagedrc.js',
  '.lintstagedrc.ts',
  '.lintstagedrc.cjs',
  '.lintstagedrc.cts',
  'lint-staged.config.mjs',
  'lint-staged.config.mts',
  'lint-staged.config.js',
  'lint-staged.config.ts',
  'lint-staged.config.cjs',
  'lint-staged.config.cts',
] as const;

/** The one task tollgate proposes, and only for a repository that has ESLint. */
export const ESLINT_TASK = { glob: '*.{ts,tsx,js,mjs,cjs}', command: 'eslint --fix' } as const;

/** Where the repository keeps its lint-staged config today. */
export type LintStagedSource =
  | { kind: 'none' }
  | { kind: 'package-json'; config: unknown }
  | { kind: 'json'; file: string; text: string; config: unknown }
  | { kind: 'yaml'; file: string; text: string; config: unknown }
  /** JavaScript/TypeScript configs, or package.yaml: code tollgate will not rewrite. */
  | { kind: 'unsupported'; file: string };

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseYamlConfig(file: string, text: string): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new UserError(`Could not parse ${file}: ${doc.errors[0]!.message.split('\n')[0]}`, { file });
  return doc.toJS() as unknown;
}

/** Finds the lint-staged config lint-staged itself would use (the first one in its order). */
export async function findLintStagedConfig(root: string, pkg: JsonObject): Promise<LintStagedSource> {
  if (pkg['lint-staged'] !== undefined) return { kind: 'package-json', config: pkg['lint-staged'] };
  for (const name of ['package.yaml', 'package.yml']) {
    const text = await readIfExists(path.join(root, name));
    if (text !== undefined && /^lint-staged\s*:/m.test(text)) return { kind: 'unsupported', file: name };
  }
  for (const file of LINT_STAGED_FILES) {
    const text = await readIfExists(path.join(root, file));
    if (text === undefined) continue;
    if (file === '.lintstagedrc.json') {
      try {
        return { kind: 'json', file, text, config: parseJson(text) };
      } catch (error) {
        throw new UserError(`Could not parse ${file}: ${error instanceof Error ? error.message : String(error)}`, { file, cause: error });
      }
    }
    if (file === '.lintstagedrc') {
      // lint-staged reads this one as JSON or YAML
      try {
        return { kind: 'json', file, text, config: parseJson(text) };
      } catch {
        return { kind: 'yaml', file, text, config: parseYamlConfig(file, text) };
      }
    }
    if (file.endsWith('.yaml') || file.endsWith('.yml')) return { kind: 'yaml', file, text, config: parseYamlConfig(file, text) };
    return { kind: 'unsupported', file };
  }
  return { kind: 'none' };
}

function mentionsEslint(task: unknown): boolean {
  if (typeof task === 'string') return /\beslint\b/.test(task);
  if (Array.isArray(task)) return task.some(mentionsEslint);
  return false;
}

/** Whether some task of a glob → task map runs ESLint. */
export function runsEslint(config: unknown): boolean {
  return isJsonObject(config) && Object.values(config).some(mentionsEslint);
}

/** The result of deciding what to add to a lint-staged config. */
export interface LintStagedDecision {
  /** Tasks to add (glob → command); empty when nothing should change. */
  add: Record<string, string>;
  notes: string[];
}

/**
 * Decides which of tollgate's tasks a config still lacks. Never touches a glob that is already
 * there, and adds no ESLint task when any task already runs ESLint (two `eslint --fix` runs on
 * the same file at once would race).
 */
export function decideLintStagedTasks(where: string, config: unknown, wanted: Record<string, string>): LintStagedDecision {
  if (Object.keys(wanted).length === 0) return { add: {}, notes: [] };
  if (config !== undefined && !isJsonObject(config)) {
    return { add: {}, notes: [`${where} is not a glob → task map; left as it is.`] };
  }
  const existing = config ?? {};
  const add: Record<string, string> = {};
  const notes: string[] = [];
  for (const [glob, command] of Object.entries(wanted)) {
    if (glob in existing) {
      if (existing[glob] === command) continue;
      notes.push(`${where} already has a task for "${glob}"; kept yours.`);
      continue;
    }
    const eslintGlob = /\beslint\b/.test(command) ? Object.keys(existing).find((g) => mentionsEslint(existing[g])) : undefined;
    if (eslintGlob !== undefined) {
      notes.push(`${where} already runs ESLint for "${eslintGlob}"; no second ESLint task added.`);
      continue;
    }
    add[glob] = command;
  }
  return { add, notes };
}

/** Adds tasks to a YAML lint-staged config, keeping its comments and layout. */
export function addYamlTasks(text: string, add: Record<string, string>): string {
  const doc = parseDocument(text);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    // an empty file (maybe only comments): keep what is there and append the map
    return text + (text === '' || text.endsWith('\n') ? '' : '\n') + stringify(add);
  }
  if (!isMap(doc.contents)) return text;
  for (const [glob, command] of Object.entries(add)) doc.set(glob, command);
  return doc.toString();
}
