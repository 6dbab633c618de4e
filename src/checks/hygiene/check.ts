import pLimit from 'p-limit';
import type { DraftFinding } from '../../findings/finding.ts';
import { RuleSettings } from '../../findings/rule-settings.ts';
import { ruleDocPath } from '../../rules/rule.ts';
import { HYGIENE_RULES } from '../../../rules/hygiene/index.ts';
import type { Check, CheckContext, CheckResult, SourceFile } from '../check.ts';
import { applyFixes, type FixOutcome, type FixRequest } from './apply-fixes.ts';
import { DEFAULT_ATTRIBUTES, readAttributes } from './attributes.ts';
import { planFileFix, type FileFixPlan } from './fix-plan.ts';
import type { HygieneFileRule, HygieneReport, HygieneRepoRule } from './rule-context.ts';
import { runFileRules, type FileRuleInput, type RuleHit } from './run-file-rules.ts';

const FILE_RULES = HYGIENE_RULES.filter((r): r is HygieneFileRule => r.kind === 'file');
const REPO_RULES = HYGIENE_RULES.filter((r): r is HygieneRepoRule => r.kind === 'repository');
const FIXABLE_RULES = FILE_RULES.filter((r) => r.meta.fixable && r.fix);

function toFinding(rule: HygieneFileRule | HygieneRepoRule, path: string, r: HygieneReport, fix?: DraftFinding['fix']): DraftFinding {
  return {
    checkId: 'hygiene',
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    message: r.message,
    location: {
      path,
      line: r.line,
      column: r.column,
      ...(r.endLine === undefined ? {} : { endLine: r.endLine }),
      ...(r.endColumn === undefined ? {} : { endColumn: r.endColumn }),
    },
    fix: fix ?? { description: rule.meta.fixHint },
    help: ruleDocPath(rule.meta.id),
    ...(r.snippet === undefined ? {} : { snippet: r.snippet }),
  };
}

interface Scanned {
  file: SourceFile;
  input: FileRuleInput;
  hits: RuleHit[];
  text: string | undefined;
  binary: boolean;
}

async function scanFiles(context: CheckContext, fromIndex: boolean): Promise<Scanned[]> {
  const options = context.config.checks.hygiene;
  const files = context.files.filter((f) => f.mode !== '120000'); // symlinks: the repository rules look at them
  const attributes = await readAttributes(context.repo.root, files.map((f) => f.path), { cached: fromIndex });
  const limit = pLimit(16);
  const scanned = await Promise.all(
    files.map((file) =>
      limit(async (): Promise<Scanned | undefined> => {
        const content = await file.read();
        if (content === undefined) return undefined;
        const input: FileRuleInput = {
          path: file.path,
          mode: file.mode,
          status: file.status,
          source: fromIndex ? 'index' : 'worktree',
          attributes: attributes.get(file.path) ?? DEFAULT_ATTRIBUTES,
          content,
          options,
        };
        const result = await runFileRules(FILE_RULES, input);
        return { file, input, ...result };
      }),
    ),
  );
  return scanned.filter((s) => s !== undefined);
}

/** Plans and applies the fixes; returns, per path, the plan and what happened. */
async function fixFiles(context: CheckContext, scanned: readonly Scanned[], fromIndex: boolean) {
  const settings = new RuleSettings(context.config);
  const plans = new Map<string, FileFixPlan>();
  const requests: FixRequest[] = [];
  for (const s of scanned) {
    const plan = await planFileFix({
      path: s.file.path,
      content: s.input.content,
      text: s.text,
      hits: s.hits,
      fixableRules: FIXABLE_RULES,
      settings,
      detect: async (content) => new Set((await runFileRules(FIXABLE_RULES, { ...s.input, content })).hits.map((h) => h.rule.meta.id)),
    });
    if (!plan) continue;
    plans.set(s.file.path, plan);
    if (plan.transform) requests.push({ path: s.file.path, transform: plan.transform, staged: fromIndex });
  }
  const outcomes = new Map<string, FixOutcome>();
  for (const outcome of await applyFixes(context.repo.root, requests)) outcomes.set(outcome.path, outcome);
  return { plans, outcomes };
}

function fixOf(rule: HygieneFileRule, plan: FileFixPlan | undefined, outcome: FixOutcome | undefined): DraftFinding['fix'] {
  const hint = rule.meta.fixHint;
  if (!plan || !rule.meta.fixable) return { description: hint };
  const blocked = plan.blocked.get(rule.meta.id);
  if (blocked) return { description: `Not fixed: ${blocked}. ${hint}` };
  if (!plan.included.has(rule.meta.id) || !outcome) return { description: hint };
  if (outcome.applied) return { description: hint, applied: true };
  return { description: `Not fixed: ${outcome.reason ?? 'unknown reason'}. ${hint}` };
}

async function run(context: CheckContext): Promise<CheckResult> {
  const options = context.config.checks.hygiene;
  // Staged runs read the index; attributes then come from the index too (what the commit holds).
  const fromIndex = context.mode === 'quick' || context.files.some((f) => f.status !== undefined);
  const repoFindings: DraftFinding[] = [];
  const repoRules = Promise.all(
    REPO_RULES.map((rule) =>
      Promise.resolve(
        rule.create({
          files: context.files,
          repo: context.repo,
          mode: context.mode,
          options,
          report: (r) => repoFindings.push(toFinding(rule, r.path, r)),
        }),
      ),
    ),
  );
  const [scanned] = await Promise.all([scanFiles(context, fromIndex), repoRules]);

  const fixes = context.fix ? await fixFiles(context, scanned, fromIndex) : undefined;
  const findings: DraftFinding[] = [];
  for (const s of scanned) {
    const plan = fixes?.plans.get(s.file.path);
    const outcome = fixes?.outcomes.get(s.file.path);
    for (const hit of s.hits) findings.push(toFinding(hit.rule, s.file.path, hit.report, fixOf(hit.rule, plan, outcome)));
  }
  findings.push(...repoFindings);

  const notes: string[] = [];
  const binaries = scanned.filter((s) => s.binary).length;
  if (binaries > 0) notes.push(`${binaries} binary file(s) skipped by the text rules`);
  if (fixes) {
    const fixed = [...fixes.outcomes.values()].filter((o) => o.applied).map((o) => o.path);
    if (fixed.length > 0) {
      notes.push(
        fromIndex
          ? `fixed the staged and working-tree versions of ${fixed.length} file(s): ${fixed.join(', ')} (review with \`git diff --cached\`, then commit again)`
          : `fixed ${fixed.length} file(s) in the working tree: ${fixed.join(', ')}`,
      );
    }
  }
  return { findings, notes };
}

export const hygieneCheck: Check = {
  id: 'hygiene',
  title: 'Repository hygiene: whitespace, line endings, conflict markers, syntax, sizes, names, links, modes',
  run,
};
