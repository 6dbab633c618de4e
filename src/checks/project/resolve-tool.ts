import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ResolvedTool<T> {
  module: T;
  /** True when the repository has its own copy; false when tollgate's bundled one is used. */
  fromRepository: boolean;
  version: string | undefined;
}

/**
 * Loads a tool (eslint, typescript) the way the repository itself would: from its own
 * node_modules first, so that its config runs with its own version. Returns undefined when
 * the repository does not have it and `fallback` is not given.
 */
export async function resolveRepositoryTool<T>(root: string, name: string, fallback?: () => Promise<T>): Promise<ResolvedTool<T> | undefined> {
  const requireFromRepo = createRequire(path.join(root, 'package.json'));
  let entry: string | undefined;
  try {
    entry = requireFromRepo.resolve(name);
  } catch {
    entry = undefined;
  }
  if (entry) {
    // webpackIgnore: the action's ncc bundle must leave this import to Node (the repository's own copy).
    const module = (await import(/* webpackIgnore: true */ pathToFileURL(entry).href)) as T & { default?: T };
    let version: string | undefined;
    try {
      version = (requireFromRepo(`${name}/package.json`) as { version?: string }).version;
    } catch {
      version = undefined;
    }
    return { module: (module.default && typeof module.default === 'object' ? { ...module.default, ...module } : module) as T, fromRepository: true, version };
  }
  if (!fallback) return undefined;
  return { module: await fallback(), fromRepository: false, version: undefined };
}
