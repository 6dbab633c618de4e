import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors/user-error.ts';

/**
 * The baseline file: per file → rule → the fingerprint of each warning (their number is the
 * count). Written deterministically: sorted keys and lists, two-space indent, no timestamps,
 * a trailing newline, so that two runs on the same code write the same bytes.
 */

/** path → rule id → one fingerprint per warning (a multiset: repeats allowed). */
export type DebtMap = Map<string, Map<string, string[]>>;

export const BASELINE_VERSION = 1;

/** `<line hash>.<context hash>`: see warning-fingerprint.ts. */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{8}\.[0-9a-f]{8}$/;

const EntrySchema = z
  .object({
    count: z.number().int().min(1),
    fingerprints: z.array(z.string().regex(FINGERPRINT_PATTERN, 'a fingerprint such as "0a1b2c3d.4e5f6a7b"')).min(1),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.count !== entry.fingerprints.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: `expected ${entry.fingerprints.length} (one per fingerprint), found ${entry.count}: a hand edit, or a git merge without the tollgate-debt merge driver?`,
      });
    }
  });

const BaselineSchema = z
  .object({
    files: z.record(z.string().min(1), z.record(z.string().regex(/^[^/\s]+\/.+$/, 'a rule id such as "eslint/no-console"'), EntrySchema)),
    version: z.literal(BASELINE_VERSION),
  })
  .strict();

type BaselineJson = z.output<typeof BaselineSchema>;

/** How to get out of a broken baseline, appended to every error about one. */
function remedy(relPath: string): string {
  return `Restore it with \`git checkout -- ${relPath}\`, or rewrite it from today's code with \`npx tollgate debt update --accept-new\`.`;
}

function keyPath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return '(top level)';
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : /^[A-Za-z_$][\w$]*$/.test(String(s)) ? `.${String(s)}` : `[${JSON.stringify(String(s))}]`))
    .join('');
}

function found(issue: z.core.$ZodIssue): string {
  if (!('input' in issue) || issue.input === undefined) return '';
  const text = JSON.stringify(issue.input) ?? String(issue.input);
  return `, found ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  if (issue.code === 'invalid_key') return issue.path.length >= 3 ? 'expected a rule id such as "eslint/no-console" as key' : 'expected a repository-relative path as key';
  if (issue.code === 'invalid_value' && issue.path.join('.') === 'version') return `expected ${BASELINE_VERSION} (the baseline format this tollgate reads)${found(issue)}`;
  if (issue.code === 'invalid_format') return `expected ${issue.message}${found(issue)}`;
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}${found(issue)}`;
  if (issue.code === 'too_small') return `expected ${issue.origin === 'array' ? `at least ${String(issue.minimum)} item(s)` : `>= ${String(issue.minimum)}`}${found(issue)}`;
  return `${issue.message.replace(/^Invalid input: /, '')}${found(issue)}`;
}

/** Parses the text of a baseline; `relPath` names the file in errors. */
export function parseBaseline(text: string, relPath: string): DebtMap {
  if (/^(?:<{7}|>{7})(?: |$)|^={7}$/m.test(text)) {
    throw new UserError(
      `${relPath} has git conflict markers. Set up the merge driver (\`.tollgate/debt.json merge=tollgate-debt\` in .gitattributes and \`git config merge.tollgate-debt.driver "npx tollgate debt merge %O %A %B"\`), then ${remedy(relPath).replace(/^R/, 'r')}`,
      { file: relPath },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${relPath} is not valid JSON (${reason}). ${remedy(relPath)}`, { file: relPath, cause: error });
  }
  const parsed = BaselineSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `  ${keyPath(issue.path)}: ${describeIssue(issue)}`);
    const more = parsed.error.issues.length > 5 ? [`  … and ${parsed.error.issues.length - 5} more`] : [];
    throw new UserError(`${relPath} is not a valid debt baseline:\n${[...issues, ...more].join('\n')}\n${remedy(relPath)}`, { file: relPath });
  }
  return fromJson(parsed.data);
}

function fromJson(data: BaselineJson): DebtMap {
  const map: DebtMap = new Map();
  for (const [file, rules] of Object.entries(data.files)) {
    const byRule = new Map<string, string[]>();
    for (const [rule, entry] of Object.entries(rules)) byRule.set(rule, [...entry.fingerprints].sort());
    if (byRule.size > 0) map.set(file, byRule);
  }
  return map;
}

/** Code-unit order, the same on every machine and locale. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file's exact bytes for a map: sorted, stable, newline-terminated. */
export function serializeBaseline(map: DebtMap): string {
  const files: Record<string, Record<string, { count: number; fingerprints: string[] }>> = {};
  for (const file of [...map.keys()].sort(byCodeUnit)) {
    const rules = map.get(file)!;
    const out: Record<string, { count: number; fingerprints: string[] }> = {};
    for (const rule of [...rules.keys()].sort(byCodeUnit)) {
      const fps = rules.get(rule)!;
      if (fps.length === 0) continue;
      out[rule] = { count: fps.length, fingerprints: [...fps].sort(byCodeUnit) };
    }
    if (Object.keys(out).length > 0) files[file] = out;
  }
  return `${JSON.stringify({ files, version: BASELINE_VERSION }, null, 2)}\n`;
}

/** Reads and validates the baseline; undefined when the file does not exist. */
export async function readBaseline(absPath: string, relPath: string): Promise<DebtMap | undefined> {
  let text: string;
  try {
    text = await readFile(absPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`Cannot read ${relPath}: ${(error as Error).message}`, { file: relPath, cause: error });
  }
  return parseBaseline(text, relPath);
}

/** Writes through a temp file and a rename, so an interrupted write never leaves half a baseline. */
export async function writeBaseline(absPath: string, map: DebtMap): Promise<void> {
  await mkdir(path.dirname(absPath), { recursive: true });
  const temp = `${absPath}.${process.pid}.tmp`;
  await writeFile(temp, serializeBaseline(map));
  await rename(temp, absPath);
}

export function countWarnings(map: DebtMap): number {
  let n = 0;
  for (const rules of map.values()) for (const fps of rules.values()) n += fps.length;
  return n;
}

/** Adds fingerprints under path → rule. */
export function addEntries(map: DebtMap, file: string, rule: string, fingerprints: readonly string[]): void {
  if (fingerprints.length === 0) return;
  let rules = map.get(file);
  if (!rules) {
    rules = new Map();
    map.set(file, rules);
  }
  rules.set(rule, [...(rules.get(rule) ?? []), ...fingerprints]);
}
