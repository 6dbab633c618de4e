import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/** A check run name a workflow job reports, as GitHub shows it in the checks list. */
export interface ProducedCheck {
  /** The name, or a readable pattern with `*` where an expression could not be resolved. */
  name: string;
  /** Matches the names this job can produce (exact unless an expression was left open). */
  matches: (context: string) => boolean;
  /** Repository-relative path of the workflow file (the caller, for reusable workflows). */
  workflow: string;
  line: number;
  jobId: string;
  /** The workflow runs for pull requests (pull_request, pull_request_target or merge_group). */
  onPullRequest: boolean;
  /** The job runs tollgate (an action or a `tollgate …` command). */
  runsTollgate: boolean;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);
const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;

type Json = unknown;
type Combo = Record<string, Json>;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: Json): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function triggers(on: Json): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(text);
  if (isRecord(on)) return Object.keys(on);
  return [];
}

/** Matrix combinations as GitHub builds them: the product of the lists, minus exclude, plus include. */
export function expandMatrix(matrix: Json): Combo[] | 'dynamic' {
  if (matrix === undefined || matrix === null) return [];
  if (!isRecord(matrix)) return 'dynamic';
  const keys = Object.keys(matrix).filter((k) => k !== 'include' && k !== 'exclude');
  let combos: Combo[] = [{}];
  for (const key of keys) {
    const values = matrix[key];
    if (!Array.isArray(values)) return 'dynamic';
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  if (keys.length === 0) combos = [];
  const excludes = Array.isArray(matrix.exclude) ? matrix.exclude.filter(isRecord) : [];
  combos = combos.filter((c) => !excludes.some((ex) => Object.entries(ex).every(([k, v]) => JSON.stringify(c[k]) === JSON.stringify(v))));
  const includes = matrix.include;
  if (includes !== undefined && !Array.isArray(includes)) return 'dynamic';
  for (const inc of (includes ?? []).filter(isRecord)) {
    const original = Object.entries(inc).filter(([k]) => keys.includes(k));
    const targets = combos.filter((c) => original.every(([k, v]) => JSON.stringify(c[k]) === JSON.stringify(v)));
    const added = Object.fromEntries(Object.entries(inc).filter(([k]) => !keys.includes(k)));
    if (targets.length > 0 && (original.length > 0 || keys.length === 0)) for (const t of targets) Object.assign(t, added);
    else combos.push({ ...inc });
  }
  return combos;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name with `${{ … }}` expressions left: a pattern where each expression matches anything. */
function nameMatcher(name: string): { name: string; matches: (c: string) => boolean } {
  if (!name.includes('${{')) return { name, matches: (c) => c === name };
  const parts = name.split(EXPRESSION).filter((_, i) => i % 2 === 0);
  const regex = new RegExp(`^${parts.map(escapeRegex).join('.*')}$`, 's');
  return { name: parts.join('*'), matches: (c) => regex.test(c) };
}

/** The check names one job reports (before a reusable workflow's own jobs are appended). */
export function jobNames(jobId: string, job: Record<string, Json>): string[] {
  const base = typeof job.name === 'string' ? job.name : jobId;
  const strategy = isRecord(job.strategy) ? job.strategy : {};
  const combos = expandMatrix(strategy.matrix);
  if (combos === 'dynamic') return [base.includes('${{') ? base : `${base} (\${{ matrix }})`];
  if (combos.length === 0) return [base];
  const usesMatrix = /\$\{\{\s*matrix\./.test(base);
  return combos.map((combo) =>
    usesMatrix
      ? base.replace(EXPRESSION, (whole: string, expr: string) => {
          const m = /^matrix\.([\w-]+)$/.exec(expr);
          return m && m[1]! in combo ? text(combo[m[1]!]) : whole;
        })
      : `${base} (${Object.values(combo).map(text).join(', ')})`,
  );
}

function runsTollgate(job: Record<string, Json>): boolean {
  if (typeof job.uses === 'string' && /tollgate/i.test(job.uses)) return true;
  const steps = Array.isArray(job.steps) ? job.steps.filter(isRecord) : [];
  return steps.some((s) => (typeof s.uses === 'string' && /tollgate/i.test(s.uses)) || (typeof s.run === 'string' && /\btollgate\s+(validate|check|audit|debt)/.test(s.run)));
}

interface ParsedWorkflow {
  doc: Document;
  lines: LineCounter;
  data: Record<string, Json>;
}

async function parseWorkflow(file: string): Promise<ParsedWorkflow | undefined> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines });
  if (doc.errors.length > 0) return undefined;
  const data = doc.toJS() as Json;
  return isRecord(data) ? { doc, lines, data } : undefined;
}

function jobLine(parsed: ParsedWorkflow, jobId: string): number {
  const jobs = parsed.doc.get('jobs', true);
  if (!isMap(jobs)) return 0;
  for (const pair of jobs.items) {
    if (isScalar(pair.key) && pair.key.value === jobId && pair.key.range) return parsed.lines.linePos(pair.key.range[0]).line;
  }
  return 0;
}

/** Check names of a reusable workflow's jobs (local ones are read; a remote one is a wildcard). */
async function calleeNames(root: string, uses: string, depth: number): Promise<string[]> {
  if (!uses.startsWith('./') || depth > 3) return ['${{ callee }}'];
  const parsed = await parseWorkflow(path.join(root, uses.split('@')[0]!));
  if (!parsed || !isRecord(parsed.data.jobs)) return ['${{ callee }}'];
  const names: string[] = [];
  for (const [id, job] of Object.entries(parsed.data.jobs)) {
    if (!isRecord(job)) continue;
    const own = jobNames(id, job);
    if (typeof job.uses === 'string') {
      const inner = await calleeNames(root, job.uses, depth + 1);
      for (const o of own) for (const i of inner) names.push(`${o} / ${i}`);
    } else names.push(...own);
  }
  return names;
}

/**
 * Every check name the workflows in .github/workflows produce: job `name:` (or the job id),
 * matrix combinations appended or substituted as GitHub does, and `caller / callee` for jobs
 * that call a reusable workflow. Workflow files that do not parse are skipped (hygiene
 * reports invalid YAML).
 */
export async function producedChecks(repoRoot: string): Promise<ProducedCheck[]> {
  const dir = path.join(repoRoot, '.github', 'workflows');
  let entries: string[];
  try {
    entries = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return [];
  }
  const produced: ProducedCheck[] = [];
  for (const file of entries) {
    const parsed = await parseWorkflow(path.join(dir, file));
    if (!parsed || !isRecord(parsed.data.jobs)) continue;
    const workflow = `.github/workflows/${file}`;
    // YAML 1.1 reads a bare `on:` key as true; the yaml package keeps it as the string "on".
    const events = triggers(parsed.data.on ?? parsed.data.true);
    // A workflow that only runs when called reports its jobs under the caller's name (above).
    if (events.length > 0 && events.every((t) => t === 'workflow_call')) continue;
    const onPullRequest = events.some((t) => PR_EVENTS.has(t));
    for (const [jobId, job] of Object.entries(parsed.data.jobs)) {
      if (!isRecord(job)) continue;
      const own = jobNames(jobId, job);
      const names = typeof job.uses === 'string' ? (await calleeNames(repoRoot, job.uses, 0)).flatMap((callee) => own.map((o) => `${o} / ${callee}`)) : own;
      for (const n of names) {
        produced.push({ ...nameMatcher(n), workflow, line: jobLine(parsed, jobId), jobId, onPullRequest, runsTollgate: runsTollgate(job) });
      }
    }
  }
  return produced;
}
