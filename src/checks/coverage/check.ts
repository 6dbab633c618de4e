import { COVERAGE_RULES } from '../../../rules/coverage/index.ts';
import type { DraftFinding } from '../../findings/finding.ts';
import type { LineRange } from '../../git/diff-parse.ts';
import type { Repo } from '../../git/repo.ts';
import { UserError } from '../../errors/user-error.ts';
import { globMatcher } from '../../runner/glob-matcher.ts';
import { ruleDocPath } from '../../rules/rule.ts';
import type { Check, CheckContext, CheckResult, SummaryTable } from '../check.ts';
import { isConfigured, METRICS, type CoverageConfig } from './config.ts';
import { patchResult, percent, thresholdResults } from './figures.ts';
import { locateReport, newerSource } from './locate.ts';
import type { CoverageRuleContext, PatchResult, ReportState, ThresholdResult, UntestedExport } from './rule-context.ts';

async function run(context: CheckContext): Promise<CheckResult> {
  const options = context.config.checks.coverage;
  const configured = isConfigured(options);
  const isSource = sourceMatcher(options);
  const notes: string[] = [];
  const located = await locateReport(context.repo.root, options.reports);
  let state: ReportState = located.state;
  let thresholds: ThresholdResult[] = [];
  let patch: PatchResult | undefined;
  let untested: UntestedExport[] = [];
  let table: SummaryTable | undefined;

  if (state.kind === 'missing' && !configured) {
    return { findings: [], notes: [`no coverage report (${options.reports.join(', ')}): nothing to check. Set checks.coverage.thresholds, patch.threshold or mustTest to require one.`] };
  }
  const report = located.report;
  if (report && state.kind === 'ok') {
    // Stale means a file the report is about changed after it; a new file missing from it is
    // coverage/uncovered-change's "not in the report".
    const covered = new Set(report.paths());
    const sources = context.files.filter((f) => covered.has(f.path) && isSource(f.path));
    const newer = options.staleness && located.mtimeMs !== undefined ? newerSource(context.repo.root, located.mtimeMs, sources) : undefined;
    if (newer) {
      state = { kind: 'stale', file: report.file, newer: newer.path, minutesNewer: newer.minutesNewer };
    } else {
      context.progress(`reading ${report.file}`);
      thresholds = thresholdResults(report, options.thresholds);
      const wantsLines = report.format !== 'summary';
      if (!wantsLines && (options.patch.threshold !== undefined || options.mustTest.length > 0)) {
        state = { kind: 'summary-only', file: report.file, needs: options.patch.threshold !== undefined ? 'patch coverage' : 'mustTest' };
      }
      if (wantsLines && context.mode !== 'paths') {
        const change = await changedLines(context.repo, context.mode, options);
        if (change) patch = patchResult({ report, added: change.added, isSource, against: change.against, threshold: options.patch.threshold });
        else notes.push('patch coverage skipped: no base branch found (set checks.coverage.patch.base)');
      }
      if (wantsLines && options.mustTest.length > 0) {
        const { untestedExports } = await import('./must-test.ts');
        untested = untestedExports({ report, files: await mustTestFiles(context, options, isSource) });
      }
      notes.push(...figureNotes(report.file, thresholds, patch));
      table = figureTable(report.file, thresholds, patch);
      if (report.outside.length > 0) {
        notes.push(`${report.outside.length} file(s) of ${report.file} are outside this repository and were left out (e.g. ${report.outside[0]}): a report written on another machine or checkout?`);
      }
    }
  }

  const findings: DraftFinding[] = [];
  const ruleContext: Omit<CoverageRuleContext, 'report'> = { options, configured, state, thresholds, patch, untested };
  for (const rule of COVERAGE_RULES) {
    await rule.create({
      ...ruleContext,
      report: (r) =>
        findings.push({
          checkId: 'coverage',
          ruleId: rule.meta.id,
          severity: r.severity ?? rule.meta.severity,
          message: r.message,
          location: { path: r.path, line: r.line, column: r.column ?? 0, ...(r.endLine !== undefined ? { endLine: r.endLine } : {}) },
          fix: { description: rule.meta.fixHint },
          help: ruleDocPath(rule.meta.id),
          ...(r.snippet !== undefined ? { snippet: r.snippet } : {}),
        }),
    });
  }
  return { findings, notes, ...(table ? { table } : {}) };
}

function sourceMatcher(options: CoverageConfig): (path: string) => boolean {
  const include = globMatcher(options.sources);
  const exclude = globMatcher(options.exclude);
  return (p) => include(p) && !exclude(p);
}

/** The added lines of the change: the staged diff in quick mode, else against the merge-base with the base branch. */
async function changedLines(repo: Repo, mode: CheckContext['mode'], options: CoverageConfig): Promise<{ added: Map<string, LineRange[]>; against: string } | undefined> {
  if (mode === 'quick') return { added: await repo.stagedAddedLines(), against: 'the staged diff' };
  if (!(await repo.hasHead())) return undefined;
  const base = await baseBranch(repo, options.patch.base);
  if (!base) return undefined;
  const mergeBase = await repo.mergeBase(base, 'HEAD');
  return { added: await repo.addedLinesSince(mergeBase), against: `${base} (merge-base ${mergeBase.slice(0, 7)})` };
}

async function baseBranch(repo: Repo, configured: string | undefined): Promise<string | undefined> {
  if (configured) {
    if (await repo.refExists(configured)) return configured;
    if (await repo.refExists(`origin/${configured}`)) return `origin/${configured}`;
    throw new UserError(`checks.coverage.patch.base: "${configured}" is not a branch or commit in this repository (in CI, fetch it first: actions/checkout with fetch-depth: 0).`);
  }
  const pullRequestBase = process.env.GITHUB_BASE_REF;
  if (pullRequestBase) {
    for (const candidate of [`origin/${pullRequestBase}`, pullRequestBase]) if (await repo.refExists(candidate)) return candidate;
  }
  return repo.defaultBranch();
}

async function mustTestFiles(context: CheckContext, options: CoverageConfig, isSource: (p: string) => boolean): Promise<{ path: string; text: string; glob: string }[]> {
  const globs = options.mustTest.map((glob) => ({ glob, match: globMatcher([glob]) }));
  const result: { path: string; text: string; glob: string }[] = [];
  for (const file of context.files) {
    if (!isSource(file.path)) continue;
    const hit = globs.find((g) => g.match(file.path));
    if (!hit) continue;
    const content = await file.read();
    if (content !== undefined) result.push({ path: file.path, text: content.toString('utf8'), glob: hit.glob });
  }
  return result;
}

function figureNotes(file: string, thresholds: readonly ThresholdResult[], patch: PatchResult | undefined): string[] {
  const notes = thresholds.map((t) => {
    const figures = t.metrics.map((m) => `${m.metric} ${m.pct.toFixed(1)}% (min ${m.min}%) ${m.pct >= m.min ? 'ok' : 'FAIL'}`).join(', ');
    return `${t.files.join(', ')}: ${t.matched} file(s), ${figures}`;
  });
  if (patch) {
    const share = patch.total === 0 ? 'no changed executable line' : `${percent(patch).toFixed(1)}% of ${patch.total} changed executable line(s) covered (${patch.covered}/${patch.total})`;
    const missing = patch.missing.length > 0 ? `; ${patch.missing.length} changed file(s) not in the report` : '';
    notes.push(`patch against ${patch.against}: ${share}${patch.threshold !== undefined ? ` (min ${patch.threshold}%)` : ''}${missing}`);
  }
  return [`read ${file}`, ...notes];
}

/** Coverage per configured path, and of the change, for the job summary. */
function figureTable(file: string, thresholds: readonly ThresholdResult[], patch: PatchResult | undefined): SummaryTable | undefined {
  if (thresholds.length === 0 && !patch) return undefined;
  const cell = (pct: number, min: number | undefined) => `${pct.toFixed(1)}%${min === undefined ? '' : ` (min ${min}%)`}`;
  const rows = thresholds.map((t) => {
    const byMetric = new Map(t.metrics.map((m) => [m.metric, m]));
    const failed = t.matched === 0 || t.metrics.some((m) => m.pct < m.min);
    return [
      t.files.join(', '),
      String(t.matched),
      ...METRICS.map((metric) => {
        const m = byMetric.get(metric);
        return m ? cell(m.pct, m.min) : '';
      }),
      failed ? '❌' : '✅',
    ];
  });
  if (patch) {
    const pct = percent(patch);
    const failed = patch.threshold !== undefined && pct < patch.threshold;
    rows.push([`changed lines (against ${patch.against})`, String(patch.total), patch.total === 0 ? '—' : `${cell(pct, patch.threshold)}, ${patch.covered}/${patch.total}`, '', '', '', failed ? '❌' : '✅']);
  }
  return { title: `Coverage (${file})`, columns: ['path', 'files / lines', ...METRICS, 'result'], rows };
}

export const coverageCheck: Check = {
  id: 'coverage',
  title: 'Coverage: thresholds per path, patch coverage of changed lines, exported functions that must be tested',
  run,
};
