import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TollgateConfig } from '../config/schema.ts';
import { UserError } from '../errors/user-error.ts';
import type { DraftFinding, Finding } from '../findings/finding.ts';
import { processFindings, sortFindings } from '../findings/pipeline.ts';
import { Redactor } from '../findings/redactor.ts';
import type { Repo } from '../git/repo.ts';
import { belongsTo, type CheckRun, type RunReport } from '../runner/run.ts';
import { countWarnings, readBaseline, serializeBaseline, writeBaseline, type DebtMap } from './baseline-file.ts';
import { acceptedBaseline, compareDebt, ratchetedBaseline, sourceOf, totalsOf, type Comparison, type DebtTotals, type DebtWarning } from './compare.ts';
import { locateFixed } from './locate-fixed.ts';
import { debtNotes } from './notes.ts';
import { detectRenames } from './renames.ts';
import { baseBranchName, debtTrend } from './trend.ts';
import type { DebtRuleContext } from './rule-context.ts';
import { DEBT_RULES } from '../../rules/debt/index.ts';
import { readSarifFile, type SarifRunInput } from './sarif-input.ts';
import { formatFingerprint, splitLines, warningFingerprint } from './warning-fingerprint.ts';

export { ACCEPT_COMMAND, UPDATE_COMMAND } from './rule-context.ts';

/** The debt stage shows in reports as one more row beside the checks (CheckRun.id allows it). */
const DEBT_ROW_ID = 'debt';

/** check: compare and ratchet (validate-all, `debt check`); update: write the baseline; explain: compare only. */
export type DebtAction = 'check' | 'update' | 'explain';

export interface DebtRequest {
  action?: DebtAction;
  /** --sarif files (relative to the caller's cwd); a missing one is an error. */
  sarif?: readonly string[];
  /** update: add new warnings to the baseline too. */
  acceptNew?: boolean;
  /** Treat a missing baseline as a failure (`debt check`), whatever debt.required says. */
  required?: boolean;
  /** Read-only CI mode; default: the CI environment variable is set and not "false"/"0". */
  ci?: boolean;
}

export interface DebtOutcome {
  action: DebtAction;
  /** Repository-relative path of the baseline file. */
  baselinePath: string;
  baselineExisted: boolean;
  comparison: Comparison;
  totals: DebtTotals;
  /** What this run wrote to the baseline file, if anything. */
  wrote?: { kind: 'created' | 'lowered' | 'updated'; from: number; to: number };
  /** The baseline lists warnings that are gone and was not lowered (CI, or ratchet off). */
  stale: boolean;
  /** Sources with baseline entries that reported nothing at all this run (did the check run?). */
  silentSources: string[];
  /** explain: per `path\0rule`, the line each fixed warning was on in the baseline's commit (aligned with `fixed`). */
  fixedLines?: Map<string, (number | undefined)[]>;
  /** explain: the commit the baseline file was last changed in. */
  baselineCommit?: string;
  notes: string[];
}

export interface DebtStageInput {
  repo: Repo;
  config: TollgateConfig;
  report: RunReport;
  /** The text the checks saw for a path (the working tree in validate-all). */
  readText(relPath: string): Promise<string | undefined>;
  /** Where relative --sarif paths start. */
  cwd: string;
  request: DebtRequest;
}

export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

function findingKey(f: Pick<Finding, 'ruleId' | 'location' | 'message'>): string {
  return [f.ruleId, f.location.path, f.location.line, f.location.column, f.message].join('\0');
}

function sarifNote(runs: SarifRunInput[], file: string, notes: string[]): SarifRunInput[] {
  notes.push(`${file}: ${runs.map((r) => `${r.findings.length} result(s) of ${r.tool}`).join(', ') || 'no runs'}`);
  return runs;
}

async function loadSarif(input: DebtStageInput, notes: string[]): Promise<SarifRunInput[]> {
  const runs: SarifRunInput[] = [];
  for (const file of input.request.sarif ?? []) {
    const abs = path.resolve(input.cwd, file);
    if (!existsSync(abs)) throw new UserError(`--sarif ${file}: no such file.`, { file });
    runs.push(...sarifNote(await readSarifFile(abs, file, input.repo.root), file, notes));
  }
  for (const [i, file] of input.config.debt.sarif.entries()) {
    const abs = input.repo.abs(file);
    if (!existsSync(abs)) {
      notes.push(`SARIF file ${file} (debt.sarif[${i}]) not found: its tool's baseline entries were left as they are`);
      continue;
    }
    runs.push(...sarifNote(await readSarifFile(abs, file, input.repo.root), file, notes));
  }
  return runs;
}

async function fingerprintWarnings(findings: readonly Finding[], readText: (p: string) => Promise<string | undefined>): Promise<DebtWarning[]> {
  const lines = new Map<string, string[] | undefined>();
  const out: DebtWarning[] = [];
  for (const f of findings) {
    const p = f.location.path;
    if (!lines.has(p)) {
      const text = await readText(p);
      lines.set(p, text === undefined ? undefined : splitLines(text));
    }
    out.push({ finding: f, fingerprint: formatFingerprint(warningFingerprint(f.ruleId, lines.get(p), f.location.line, f.snippet)) });
  }
  return out;
}

/** Runs the debt rules on what the stage decided: their findings, with the rule's id and severity. */
function debtRuleFindings(decided: Omit<DebtRuleContext, 'report'>): DraftFinding[] {
  const findings: DraftFinding[] = [];
  for (const rule of DEBT_RULES) {
    void rule.create({
      ...decided,
      report: (finding) => findings.push({ ...finding, checkId: 'debt', ruleId: rule.meta.id, severity: rule.meta.severity }),
    });
  }
  return findings;
}

/** Sources that have baseline entries but reported no finding of any severity in this run. */
function silentSourcesOf(comparison: Comparison, findings: readonly Finding[]): string[] {
  const reporting = new Set(findings.map((f) => sourceOf(f.ruleId)));
  const listed = new Set(comparison.entries.filter((e) => e.baseline > 0).map((e) => sourceOf(e.ruleId)));
  return [...listed].filter((s) => !reporting.has(s)).sort();
}

/** Writes the map unless the file already holds exactly those bytes; true when it wrote. */
async function writeIfChanged(abs: string, map: DebtMap): Promise<boolean> {
  const onDisk = await readFile(abs, 'utf8').catch(() => undefined);
  if (onDisk === serializeBaseline(map)) return false;
  await writeBaseline(abs, map);
  return true;
}

/**
 * The warning-debt stage, after the checks: collects the warnings (every check's findings of
 * the debt severities plus SARIF files), compares them with the baseline per file and rule,
 * and returns the report with baselined warnings taken out, new ones turned into
 * `debt/new-warning` errors and a `debt` row with the summary. Returns no outcome when there
 * is no baseline and none is required (the stage is then off).
 */
export async function applyDebtStage(input: DebtStageInput): Promise<{ report: RunReport; outcome: DebtOutcome | undefined }> {
  const started = performance.now();
  const action = input.request.action ?? 'check';
  const debtConfig = input.config.debt;
  const baselinePath = debtConfig.baseline;
  const baselineAbs = input.repo.abs(baselinePath);
  const baseline = await readBaseline(baselineAbs, baselinePath);
  const required = input.request.required ?? debtConfig.required;
  if (!baseline && action === 'check' && !required) return { report: input.report, outcome: undefined };

  const notes: string[] = [];
  const sarifRuns = await loadSarif(input, notes);
  const known = new Set(input.report.findings.map(findingKey));
  const sarifProcessed = await processFindings({
    findings: sarifRuns.flatMap((r) => r.findings).filter((f) => !known.has(findingKey(f))),
    config: input.config,
    redactor: new Redactor(),
    readText: input.readText,
  });

  const ran = new Set<string>(['tollgate', ...sarifRuns.map((r) => r.tool)]);
  for (const check of input.report.checks) if (!check.crashed) ran.add(check.id);
  const all = [...input.report.findings, ...sarifProcessed.findings];
  const severities = new Set(debtConfig.severities);
  const isDebt = (f: Finding) => severities.has(f.severity) && f.location.path !== '' && f.checkId !== 'debt';
  const warnings = await fingerprintWarnings(all.filter(isDebt), input.readText);

  const base = baseline ?? new Map();
  const isRan = (ruleId: string) => ran.has(sourceOf(ruleId));
  const missing: string[] = [];
  for (const [file, rules] of base) if ([...rules.keys()].some(isRan) && !existsSync(input.repo.abs(file))) missing.push(file);
  const renames = await detectRenames(input.repo, baselinePath, missing);
  const comparison = compareDebt(base, warnings, { ran: isRan, renames });
  const totals = totalsOf(comparison);
  const silentSources = silentSourcesOf(comparison, all);
  const ci = input.request.ci ?? isCi();

  const outcome: DebtOutcome = { action, baselinePath, baselineExisted: baseline !== undefined, comparison, totals, stale: false, silentSources, notes };
  const decided: Omit<DebtRuleContext, 'report'> = { baselinePath, missing: false, added: [], stale: undefined };
  const added = comparison.entries.flatMap((e) => e.added);
  const previous = baseline ? countWarnings(baseline) : 0;

  if (action === 'update') {
    const accept = !baseline || input.request.acceptNew === true;
    const next = accept ? acceptedBaseline(comparison) : ratchetedBaseline(comparison);
    if (await writeIfChanged(baselineAbs, next)) {
      outcome.wrote = { kind: baseline ? (countWarnings(next) < previous ? 'lowered' : 'updated') : 'created', from: previous, to: countWarnings(next) };
    }
    if (!accept) decided.added = added;
  } else if (!baseline) {
    decided.missing = true;
  } else {
    decided.added = added;
    if (totals.fixed > 0) {
      const mayWrite = action === 'check' && !ci && debtConfig.ratchet && silentSources.length === 0;
      if (mayWrite) {
        const next = ratchetedBaseline(comparison);
        await writeBaseline(baselineAbs, next);
        outcome.wrote = { kind: 'lowered', from: previous, to: countWarnings(next) };
      } else {
        outcome.stale = true;
        decided.stale = { totals, comparison, silentSources };
      }
    }
    if (action === 'explain') {
      const located = await locateFixed(input.repo, baselinePath, comparison);
      outcome.fixedLines = located.lines;
      if (located.commit) outcome.baselineCommit = located.commit;
    }
  }

  const debtProcessed = await processFindings({ findings: debtRuleFindings(decided), config: input.config, redactor: new Redactor(), readText: input.readText });
  // Without a baseline (and not creating one) the warnings stay what they are: nothing is locked yet.
  const consumed = new Set<Finding>(baseline || action === 'update' ? warnings.map((w) => w.finding) : []);
  const remaining = all.filter((f) => !consumed.has(f));
  const findings = sortFindings([...remaining, ...debtProcessed.findings]);
  const trend = await debtTrend(input.repo, baselinePath, comparison, baseBranchName(debtConfig.baseBranch));
  const durationMs = Math.round(performance.now() - started);
  outcome.notes = [...debtNotes(outcome, ci), ...notes];

  const checks: CheckRun[] = input.report.checks.map((c) => ({ ...c, findingCount: findings.filter((f) => belongsTo(f, c)).length }));
  checks.push({
    id: DEBT_ROW_ID,
    title: `Warning-debt baseline (${baselinePath})`,
    durationMs,
    findingCount: findings.filter((f) => f.checkId === 'debt').length,
    notes: outcome.notes,
  });
  return {
    report: {
      ...input.report,
      findings,
      checks,
      suppressed: input.report.suppressed + sarifProcessed.suppressed + debtProcessed.suppressed,
      durationMs: input.report.durationMs + durationMs,
      debt: trend,
    },
    outcome,
  };
}
