import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UserError } from '../errors/user-error.ts';
import { addEntries, byCodeUnit, parseBaseline, serializeBaseline, type DebtMap } from './baseline-file.ts';
import { DEFAULT_BASELINE_PATH } from './config.ts';

/**
 * A git merge driver for the baseline, so that two branches that both changed their debt never
 * conflict on the file. Git runs it with the ancestor's, our and their version in temp files
 * (%O %A %B) and takes what it leaves in %A.
 *
 * Recomputing from the merged code is not possible here: git calls drivers while it builds the
 * merge, before the merged files are in the working tree. So the merge is three-way per
 * warning fingerprint: a warning fixed on either side stays fixed, a warning accepted on either
 * side stays accepted, and no fingerprint ever ends up with more warnings than the side that
 * has the most (the same warning accepted on both branches is counted once). The next
 * `debt check` on the merged code compares with reality and lowers the result if needed.
 */

const run = promisify(execFile);

export const MERGE_DRIVER_NAME = 'tollgate-debt';
export const MERGE_DRIVER_COMMAND = 'npx tollgate debt merge %O %A %B';

function counts(map: DebtMap, file: string, rule: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const fp of map.get(file)?.get(rule) ?? []) out.set(fp, (out.get(fp) ?? 0) + 1);
  return out;
}

/** The three-way merge of baselines: ancestor, ours (%A), theirs (%B). */
export function mergeBaselines(ancestor: DebtMap, ours: DebtMap, theirs: DebtMap): DebtMap {
  const keys = new Map<string, [string, string]>();
  for (const map of [ancestor, ours, theirs]) {
    for (const [file, rules] of map) for (const rule of rules.keys()) keys.set(`${file}\0${rule}`, [file, rule]);
  }
  const merged: DebtMap = new Map();
  for (const [file, rule] of keys.values()) {
    const o = counts(ancestor, file, rule);
    const a = counts(ours, file, rule);
    const b = counts(theirs, file, rule);
    const fingerprints: string[] = [];
    for (const fp of [...new Set([...o.keys(), ...a.keys(), ...b.keys()])].sort(byCodeUnit)) {
      const [co, ca, cb] = [o.get(fp) ?? 0, a.get(fp) ?? 0, b.get(fp) ?? 0];
      const n = Math.min(Math.max(ca, cb), Math.max(0, ca + cb - co));
      for (let i = 0; i < n; i++) fingerprints.push(fp);
    }
    addEntries(merged, file, rule, fingerprints);
  }
  return merged;
}

async function readSide(file: string, label: string, shownAs: string): Promise<DebtMap> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`debt merge: cannot read ${label} (${file}): ${(error as Error).message}`, { file, cause: error });
  }
  // Git passes an empty file as the ancestor when both branches added the baseline.
  if (text.trim() === '') return new Map();
  return parseBaseline(text, `${shownAs} (${label})`);
}

export interface MergeDriverFiles {
  /** %O: the common ancestor's version. */
  ancestor: string;
  /** %A: our version; the result is written here. */
  current: string;
  /** %B: their version. */
  other: string;
  /** %P: the path in the repository, for messages. */
  pathname?: string;
}

/** `tollgate debt merge %O %A %B`: merges and writes %A; a broken side is a UserError (git then reports a conflict). */
export async function runMergeDriver(files: MergeDriverFiles): Promise<{ warnings: number }> {
  const shown = files.pathname ?? DEFAULT_BASELINE_PATH;
  const [ancestor, ours, theirs] = await Promise.all([
    readSide(files.ancestor, 'ancestor version', shown),
    readSide(files.current, 'our version', shown),
    readSide(files.other, 'their version', shown),
  ]);
  const merged = mergeBaselines(ancestor, ours, theirs);
  await writeFile(files.current, serializeBaseline(merged));
  let warnings = 0;
  for (const rules of merged.values()) for (const fps of rules.values()) warnings += fps.length;
  return { warnings };
}

/** The .gitattributes line that routes the baseline through the driver. */
export function gitattributesLine(baselinePath: string = DEFAULT_BASELINE_PATH): string {
  return `${baselinePath} merge=${MERGE_DRIVER_NAME}`;
}

/** .gitattributes with the driver line added, or undefined when it is already there. */
export function withMergeAttribute(existing: string | undefined, baselinePath: string = DEFAULT_BASELINE_PATH): string | undefined {
  const text = existing ?? '';
  const has = text.split(/\r?\n/).some((line) => {
    const [pattern, ...attributes] = line.trim().split(/\s+/);
    return (pattern === baselinePath || pattern === `/${baselinePath}`) && attributes.includes(`merge=${MERGE_DRIVER_NAME}`);
  });
  if (has) return undefined;
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  return `${text}${separator}${gitattributesLine(baselinePath)}\n`;
}

export interface MergeDriverInstall {
  gitattributes: 'created' | 'updated' | 'unchanged';
  gitConfig: 'set' | 'unchanged';
}

/**
 * Installs the driver in a clone: the `.gitattributes` line (committed, shared) and the
 * `merge.tollgate-debt.*` git config (local to the clone, so every clone needs it: `tollgate
 * init` calls this). `command` replaces the default `npx tollgate debt merge %O %A %B`.
 */
export async function installMergeDriver(root: string, options: { baselinePath?: string; command?: string; dryRun?: boolean } = {}): Promise<MergeDriverInstall> {
  const baselinePath = options.baselinePath ?? DEFAULT_BASELINE_PATH;
  const command = options.command ?? MERGE_DRIVER_COMMAND;
  const attributesFile = path.join(root, '.gitattributes');
  const existing = await readFile(attributesFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const next = withMergeAttribute(existing, baselinePath);
  // Plain git, not simple-git: simple-git refuses to set merge drivers (they run commands), which is the point here.
  const git = (...args: string[]) => run('git', args, { cwd: root });
  const current = await git('config', '--local', '--get', `merge.${MERGE_DRIVER_NAME}.driver`).then(
    (r) => r.stdout,
    () => '', // exit 1: not set
  );
  const needsConfig = current.trim() !== command;
  if (!options.dryRun) {
    if (next !== undefined) await writeFile(attributesFile, next);
    if (needsConfig) {
      await git('config', '--local', `merge.${MERGE_DRIVER_NAME}.name`, 'tollgate warning-debt baseline');
      await git('config', '--local', `merge.${MERGE_DRIVER_NAME}.driver`, command);
    }
  }
  return {
    gitattributes: next === undefined ? 'unchanged' : existing === undefined ? 'created' : 'updated',
    gitConfig: needsConfig ? 'set' : 'unchanged',
  };
}
