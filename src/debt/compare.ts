import type { Finding } from '../findings/finding.ts';
import { addEntries, byCodeUnit, type DebtMap } from './baseline-file.ts';
import { parseFingerprint } from './warning-fingerprint.ts';

/** One warning that counts as debt, with its fingerprint (`<line>.<context>`). */
export interface DebtWarning {
  finding: Finding;
  fingerprint: string;
}

/**
 * The state of one file and rule against the baseline (after betterer's names):
 * new: not in the baseline at all; obsolete: in the baseline, none left;
 * worse: at least one warning the baseline does not have (a same-count swap is worse: one new
 * plus one fixed, never "same"); better: some fixed and none new; same: exactly the baseline.
 */
export const DEBT_STATES = ['new', 'worse', 'same', 'better', 'obsolete'] as const;
export type DebtState = (typeof DEBT_STATES)[number];

export interface EntryComparison {
  path: string;
  ruleId: string;
  state: DebtState;
  /** Warnings in the baseline (after carrying renamed files over). */
  baseline: number;
  /** Warnings now. */
  current: number;
  /** Warnings that match a baseline fingerprint. */
  kept: DebtWarning[];
  /** Warnings the baseline does not have. */
  added: DebtWarning[];
  /** Baseline fingerprints that no warning matches any more. */
  fixed: string[];
  /** The path the baseline has these entries under, when git saw the file renamed. */
  renamedFrom?: string;
}

export interface Comparison {
  /** Sorted by path, then rule. */
  entries: EntryComparison[];
  /** Baseline entries of sources that did not run (a crashed check, a SARIF file not given): kept as they are. */
  carried: DebtMap;
  /** Renames applied: old path → new path. */
  renames: Map<string, string>;
}

/** The source of a rule id: its prefix, which is the check id ("eslint/no-console" → "eslint"). */
export function sourceOf(ruleId: string): string {
  const slash = ruleId.indexOf('/');
  return slash < 0 ? ruleId : ruleId.slice(0, slash);
}

/** Moves baseline entries of renamed files to their new path (merging with entries already there). */
export function applyRenames(baseline: DebtMap, renames: ReadonlyMap<string, string>): { map: DebtMap; renamedFrom: Map<string, string> } {
  const map: DebtMap = new Map();
  const renamedFrom = new Map<string, string>();
  for (const [file, rules] of baseline) {
    const target = renames.get(file) ?? file;
    if (target !== file) renamedFrom.set(target, file);
    for (const [rule, fps] of rules) addEntries(map, target, rule, fps);
  }
  return { map, renamedFrom };
}

type KeyOf = (fingerprint: string) => string;
/** Whole fingerprint first, then the context (the line itself changed), then the line (its neighbours changed). */
const MATCH_PASSES: KeyOf[] = [(fp) => fp, (fp) => `c:${parseFingerprint(fp).context}`, (fp) => `l:${parseFingerprint(fp).line}`];

function matchEntry(base: readonly string[], current: readonly DebtWarning[]): { kept: DebtWarning[]; added: DebtWarning[]; fixed: string[] } {
  let remaining = [...base];
  let unmatched = [...current];
  const kept: DebtWarning[] = [];
  for (const keyOf of MATCH_PASSES) {
    if (remaining.length === 0 || unmatched.length === 0) break;
    const pool = new Map<string, string[]>();
    for (const fp of remaining) {
      const key = keyOf(fp);
      const list = pool.get(key);
      if (list) list.push(fp);
      else pool.set(key, [fp]);
    }
    const next: DebtWarning[] = [];
    for (const warning of unmatched) {
      const list = pool.get(keyOf(warning.fingerprint));
      if (list && list.length > 0) {
        list.pop();
        kept.push(warning);
      } else {
        next.push(warning);
      }
    }
    remaining = [...pool.values()].flat();
    unmatched = next;
  }
  return { kept, added: unmatched, fixed: remaining.sort(byCodeUnit) };
}

function stateOf(baseline: number, current: number, added: number, fixed: number): DebtState {
  if (baseline === 0) return 'new';
  if (current === 0) return 'obsolete';
  if (added > 0) return 'worse';
  return fixed > 0 ? 'better' : 'same';
}

export interface CompareOptions {
  /** True when the source of a rule (its check, or a SARIF tool) ran in this run. */
  ran(ruleId: string): boolean;
  /** Renamed files since the baseline was written: old path → new path. */
  renames?: ReadonlyMap<string, string>;
}

/** Compares today's warnings with the baseline, per file and rule. */
export function compareDebt(baseline: DebtMap, warnings: readonly DebtWarning[], options: CompareOptions): Comparison {
  const renames = new Map(options.renames ?? []);
  const { map, renamedFrom } = applyRenames(baseline, renames);
  const carried: DebtMap = new Map();
  const grouped = new Map<string, { path: string; ruleId: string; base: string[]; current: DebtWarning[] }>();
  const slot = (file: string, ruleId: string) => {
    const key = `${file}\0${ruleId}`;
    let entry = grouped.get(key);
    if (!entry) {
      entry = { path: file, ruleId, base: [], current: [] };
      grouped.set(key, entry);
    }
    return entry;
  };
  for (const [file, rules] of map) {
    for (const [rule, fps] of rules) {
      if (options.ran(rule)) slot(file, rule).base.push(...fps);
      else addEntries(carried, file, rule, fps);
    }
  }
  for (const w of warnings) slot(w.finding.location.path, w.finding.ruleId).current.push(w);

  const entries: EntryComparison[] = [];
  for (const { path, ruleId, base, current } of grouped.values()) {
    const { kept, added, fixed } = matchEntry(base, current);
    const from = renamedFrom.get(path);
    entries.push({
      path,
      ruleId,
      state: stateOf(base.length, current.length, added.length, fixed.length),
      baseline: base.length,
      current: current.length,
      kept,
      added,
      fixed,
      ...(from === undefined ? {} : { renamedFrom: from }),
    });
  }
  entries.sort((a, b) => byCodeUnit(a.path, b.path) || byCodeUnit(a.ruleId, b.ruleId));
  return { entries, carried, renames };
}

export interface DebtTotals {
  baseline: number;
  current: number;
  added: number;
  fixed: number;
}

export function totalsOf(comparison: Comparison): DebtTotals {
  const counts: DebtTotals = { baseline: 0, current: 0, added: 0, fixed: 0 };
  for (const e of comparison.entries) {
    counts.baseline += e.baseline;
    counts.current += e.current;
    counts.added += e.added.length;
    counts.fixed += e.fixed.length;
  }
  return counts;
}

/** The baseline after a ratchet: what is still there (with today's fingerprints), nothing new. */
export function ratchetedBaseline(comparison: Comparison): DebtMap {
  const map: DebtMap = new Map();
  for (const [file, rules] of comparison.carried) for (const [rule, fps] of rules) addEntries(map, file, rule, fps);
  for (const e of comparison.entries) addEntries(map, e.path, e.ruleId, e.kept.map((w) => w.fingerprint));
  return map;
}

/** The baseline that accepts today's debt as it is, new warnings included. */
export function acceptedBaseline(comparison: Comparison): DebtMap {
  const map = ratchetedBaseline(comparison);
  for (const e of comparison.entries) addEntries(map, e.path, e.ruleId, e.added.map((w) => w.fingerprint));
  return map;
}

/** Per rule over all files: baseline and current counts and a state, for the summary. */
export function byRule(comparison: Comparison): { ruleId: string; baseline: number; current: number; added: number; fixed: number; state: DebtState }[] {
  const rules = new Map<string, DebtTotals>();
  for (const e of comparison.entries) {
    const t = rules.get(e.ruleId) ?? { baseline: 0, current: 0, added: 0, fixed: 0 };
    t.baseline += e.baseline;
    t.current += e.current;
    t.added += e.added.length;
    t.fixed += e.fixed.length;
    rules.set(e.ruleId, t);
  }
  return [...rules.entries()]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([ruleId, t]) => ({ ruleId, ...t, state: stateOf(t.baseline, t.current, t.added, t.fixed) }));
}
