import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../../errors/user-error.ts';
import type { Finding } from '../../findings/finding.ts';
import type { StaleBaselineEntry } from './rule-context.ts';

/**
 * The secrets baseline: findings a team has accepted (a test key that must stay, a secret
 * already rotated), keyed by fingerprint = rule + hash of the secret + path. Line numbers are
 * not part of it, so moving code does not churn it. The file is sorted, one entry per line,
 * with no timestamps: two branches that accept different findings merge cleanly.
 */
export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  path: string;
  /** The masked secret (first characters and a hash), so a reviewer can recognise it. */
  secret: string;
}

const EntrySchema = z
  .object({
    fingerprint: z.string().regex(/^[0-9a-f]{16,64}$/, 'a hex fingerprint'),
    rule: z.string().min(1),
    path: z.string(),
    secret: z.string(),
  })
  .strict();

const FileSchema = z
  .object({
    version: z.literal(1),
    about: z.string().optional(),
    entries: z.array(EntrySchema),
  })
  .strict();

const ABOUT = 'Accepted secrets findings (tollgate check secrets --update-baseline). Keyed by rule + secret hash + path; never holds a secret.';

export interface LoadedBaseline {
  entries: BaselineEntry[];
  /** 1-based line of each entry in the file, by fingerprint. */
  lines: Map<string, number>;
  exists: boolean;
}

/** Reads the baseline; a missing file is an empty baseline, a malformed one a UserError. */
export async function readBaseline(root: string, relPath: string): Promise<LoadedBaseline> {
  const file = path.resolve(root, relPath);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], lines: new Map(), exists: false };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${relPath} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Fix it or delete it and run \`tollgate check secrets --update-baseline\`.`, { file: relPath, cause: error });
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new UserError(`${relPath}: ${where}: ${issue?.message ?? 'invalid'}. Expected {"version": 1, "entries": [{"fingerprint", "rule", "path", "secret"}]}; regenerate it with \`tollgate check secrets --update-baseline\`.`, { file: relPath });
  }
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const m = /"fingerprint":\s*"([0-9a-f]+)"/.exec(line);
    if (m?.[1] && !lines.has(m[1])) lines.set(m[1], i + 1);
  });
  return { entries: parsed.data.entries, lines, exists: true };
}

export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const by = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return by(a.path, b.path) || by(a.rule, b.rule) || by(a.fingerprint, b.fingerprint);
}

/** Deterministic text: sorted entries, one per line, keys in a fixed order, trailing newline. */
export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const unique = new Map<string, BaselineEntry>();
  for (const e of entries) unique.set(e.fingerprint, e);
  const sorted = [...unique.values()].sort(compareEntries);
  const body = sorted.map((e) => `    ${JSON.stringify({ fingerprint: e.fingerprint, rule: e.rule, path: e.path, secret: e.secret })}`);
  return `{\n  "version": 1,\n  "about": ${JSON.stringify(ABOUT)},\n  "entries": [${body.length > 0 ? `\n${body.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** Writes atomically (temp file + rename), creating the folder. */
export async function writeBaseline(root: string, relPath: string, entries: readonly BaselineEntry[]): Promise<void> {
  const file = path.resolve(root, relPath);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, serializeBaseline(entries));
  await rename(temp, file);
}

export interface BaselineComparison {
  /** Findings the baseline does not accept. */
  fresh: Finding[];
  /** How many findings the baseline accepted. */
  accepted: number;
  /** Entries no finding matched. */
  stale: StaleBaselineEntry[];
}

/** Splits findings into new and accepted, and lists the entries nothing matched. */
export function compareWithBaseline(baseline: LoadedBaseline, findings: readonly Finding[]): BaselineComparison {
  const known = new Set(baseline.entries.map((e) => e.fingerprint));
  const matched = new Set<string>();
  const fresh: Finding[] = [];
  let accepted = 0;
  for (const f of findings) {
    if (known.has(f.fingerprint)) {
      matched.add(f.fingerprint);
      accepted++;
    } else {
      fresh.push(f);
    }
  }
  const stale = baseline.entries
    .filter((e) => !matched.has(e.fingerprint))
    .map((e) => ({ fingerprint: e.fingerprint, rule: e.rule, path: e.path, line: baseline.lines.get(e.fingerprint) ?? 0 }));
  return { fresh, accepted, stale };
}
