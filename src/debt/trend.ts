import type { Repo } from '../git/repo.ts';
import { byCodeUnit, parseBaseline, type DebtMap } from './baseline-file.ts';
import { byRule, type Comparison, type DebtState } from './compare.ts';

/** One rule's debt for the job summary: the base branch's baseline, this branch's, and today. */
export interface DebtRuleTrend {
  ruleId: string;
  /** The count in the base branch's baseline file; undefined when the base could not be read. */
  base: number | undefined;
  baseline: number;
  current: number;
  added: number;
  fixed: number;
  state: DebtState;
}

/** The debt part of a run report: per rule, and against which base branch. */
export interface DebtTrend {
  baselinePath: string;
  /** The ref the base counts come from ('origin/main'); undefined when there is none. */
  baseRef: string | undefined;
  /** Why there is no base column, or what is odd about it (base not fetched, no baseline there). */
  baseNote: string | undefined;
  rules: DebtRuleTrend[];
}

/** Counts per rule over every file of a baseline. */
export function countsByRule(map: DebtMap): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rules of map.values()) {
    for (const [rule, fingerprints] of rules) counts.set(rule, (counts.get(rule) ?? 0) + fingerprints.length);
  }
  return counts;
}

/**
 * The base branch to compare with: the config's `debt.baseBranch`, else the pull request's base
 * (`GITHUB_BASE_REF`, set by GitHub Actions on pull_request events). Undefined: no trend.
 */
export function baseBranchName(configured: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = configured ?? env.GITHUB_BASE_REF;
  return name?.trim() || undefined;
}

interface BaseCounts {
  ref: string | undefined;
  counts: Map<string, number> | undefined;
  note: string | undefined;
}

/** Reads the baseline file as the base branch has it: the remote-tracking branch first, then a local one. */
async function readBaseCounts(repo: Repo, branch: string, baselinePath: string): Promise<BaseCounts> {
  const candidates = branch.startsWith('origin/') ? [branch] : [`origin/${branch}`, branch];
  let ref: string | undefined;
  for (const candidate of candidates) {
    if (await repo.refExists(candidate)) {
      ref = candidate;
      break;
    }
  }
  if (!ref) {
    return {
      ref: undefined,
      counts: undefined,
      note: `base branch ${branch} is not in this clone, so there is no trend: fetch it (actions/checkout with \`fetch-depth: 0\`, or \`git fetch origin ${branch}\`)`,
    };
  }
  const text = (await repo.readObject(`${ref}:${baselinePath}`))?.toString('utf8');
  if (text === undefined) return { ref, counts: new Map(), note: `${ref} has no ${baselinePath}: its counts are taken as 0` };
  try {
    return { ref, counts: countsByRule(parseBaseline(text, `${ref}:${baselinePath}`)), note: undefined };
  } catch (error) {
    // A broken baseline on the base branch is that branch's problem; here it only costs the trend.
    return { ref, counts: undefined, note: `${ref}:${baselinePath} could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

/**
 * Debt per rule with its trend against the base branch. Rules the base branch has but this
 * branch no longer reports are listed too (their debt went to 0).
 */
export async function debtTrend(repo: Repo, baselinePath: string, comparison: Comparison, baseBranch: string | undefined): Promise<DebtTrend> {
  const base: BaseCounts = baseBranch ? await readBaseCounts(repo, baseBranch, baselinePath) : { ref: undefined, counts: undefined, note: undefined };
  const rows = byRule(comparison);
  const rules: DebtRuleTrend[] = rows.map((r) => ({ ...r, base: base.counts ? (base.counts.get(r.ruleId) ?? 0) : undefined }));
  const listed = new Set(rows.map((r) => r.ruleId));
  for (const [ruleId, count] of base.counts ?? []) {
    if (!listed.has(ruleId)) rules.push({ ruleId, base: count, baseline: 0, current: 0, added: 0, fixed: 0, state: 'obsolete' });
  }
  rules.sort((a, b) => byCodeUnit(a.ruleId, b.ruleId));
  return { baselinePath, baseRef: base.ref, baseNote: base.note, rules };
}
