import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lilconfig, type Loader } from 'lilconfig';
import { UserError } from '../errors/user-error.ts';
import { formatIssue } from './format-issues.ts';
import { ConfigSchema, type TollgateConfig } from './schema.ts';

export const CONFIG_FILES = [
  'package.json',
  'tollgate.config.ts',
  'tollgate.config.mts',
  'tollgate.config.mjs',
  'tollgate.config.js',
  'tollgate.config.json',
  'tollgate.config.yaml',
  'tollgate.config.yml',
] as const;

export interface LoadedConfig {
  config: TollgateConfig;
  /** Absolute path of the file it came from, or undefined when defaults are used. */
  file: string | undefined;
}

/** Node 24 strips TypeScript types on import, so .ts configs need no extra loader. */
const importModule: Loader = async (filepath) => {
  // webpackIgnore: the action's ncc bundle must leave this import to Node (a user's file, known only at run time).
  const mod = (await import(/* webpackIgnore: true */ pathToFileURL(filepath).href)) as { default?: unknown };
  return mod.default ?? mod;
};

const loadYaml: Loader = async (_filepath, content) => (await import('yaml')).parse(content) as unknown;

/** lilconfig picks the "tollgate" key out of package.json itself. */
const loadJson: Loader = (_filepath, content) => JSON.parse(content) as unknown;

/** Wraps a loader so that a syntax or import error names the file it came from. */
function naming(loader: Loader): Loader {
  return async (filepath, content) => {
    try {
      return await loader(filepath, content);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UserError(`Could not read ${relative(filepath, process.cwd())}: ${reason}`, { file: filepath, cause: error });
    }
  };
}

const loaders = {
  '.ts': naming(importModule),
  '.mts': naming(importModule),
  '.mjs': naming(importModule),
  '.js': naming(importModule),
  '.json': naming(loadJson),
  '.yaml': naming(loadYaml),
  '.yml': naming(loadYaml),
};

function relative(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') ? file : rel || path.basename(file);
}

/** Validates raw config data; throws a UserError naming the file, the key and the expectation. */
export function parseConfig(raw: unknown, displayName: string): TollgateConfig {
  // jitless: zod would compile a parser for every object schema on the first parse (about 15 ms
  // of each command's start-up); a config is parsed once per run, so interpreting it is faster.
  const result = ConfigSchema.safeParse(raw ?? {}, { reportInput: true, jitless: true });
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${formatIssue(issue)}`);
  throw new UserError(`Invalid configuration in ${displayName}:\n${lines.join('\n')}`, { file: displayName });
}

/**
 * Finds and validates the config. With `explicitPath`, only that file is read; otherwise the
 * search runs from `cwd` up to `stopDir` (the repository root).
 */
export async function loadConfig(options: { cwd: string; stopDir: string; explicitPath?: string }): Promise<LoadedConfig> {
  const explorer = lilconfig('tollgate', {
    searchPlaces: [...CONFIG_FILES],
    loaders,
    stopDir: options.stopDir,
  });
  let found: { filepath: string; config: unknown; isEmpty?: boolean } | null;
  const displayPath = (p: string) => relative(p, options.cwd);
  try {
    if (options.explicitPath) {
      const abs = path.resolve(options.cwd, options.explicitPath);
      try {
        await readFile(abs);
      } catch {
        throw new UserError(`Config file not found: ${options.explicitPath}`, { file: options.explicitPath });
      }
      found = await explorer.load(abs);
    } else {
      found = await explorer.search(options.cwd);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    const file = (error as { filepath?: string }).filepath ?? options.explicitPath ?? 'config';
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`Could not read ${displayPath(file)}: ${reason.split('\n')[0]}`, { file, cause: error });
  }
  if (!found || found.config === null || found.config === undefined) {
    return { config: parseConfig({}, 'defaults'), file: undefined };
  }
  const name = displayPath(found.filepath);
  const display = path.basename(found.filepath) === 'package.json' ? `${name} ("tollgate" key)` : name;
  return { config: parseConfig(found.config, display), file: found.filepath };
}
