import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputOptions } from '../cli/options.ts';
import { loadConfig } from '../config/load.ts';
import type { TollgateConfig } from '../config/schema.ts';
import { UserError } from '../errors/user-error.ts';
import { processFindings } from '../findings/pipeline.ts';
import { Redactor } from '../findings/redactor.ts';
import { createGitHubClient, DEFAULT_API_URL, type GitHubClient } from '../github/client.ts';
import { classifyGitHubError, isGitHubRequestError, missingPermissionHint } from '../github/errors.ts';
import { resolveToken } from '../github/token.ts';
import { colorAllowed } from '../reporters/color.ts';
import { failsAt } from '../reporters/counts.ts';
import type { ReportContext } from '../reporters/reporter.ts';
import { writeReport } from '../reporters/write.ts';
import { ruleMetaFor } from '../rules/catalog-loader.ts';
import type { RunReport } from '../runner/run.ts';
import { VERSION } from '../version.ts';
import { ApplyError, applyPlan, AUDIT_CHECK_ID, auditBranchProtection, type AuditResult } from './audit.ts';
import { auditNotes, renderPlan } from './report.ts';
import { resolveRepo } from './target.ts';

export interface AuditCommandOptions extends OutputOptions {
  repo?: string;
  branch?: string;
  tokenEnv?: string;
  apiUrl?: string;
  fix: boolean;
  apply: boolean;
}

/** What the CLI and the action share: where to look, with which token, and what to do. */
export interface AuditRun {
  cwd: string;
  configPath?: string | undefined;
  repo?: string | undefined;
  branch?: string | undefined;
  tokenEnv?: string | undefined;
  apiUrl?: string | undefined;
  apply: boolean;
  env: NodeJS.ProcessEnv;
  /** Test knob: milliseconds per second of GitHub back-off (see ClientOptions.msPerSecond). */
  msPerSecond?: number | undefined;
  log?: ((message: string) => void) | undefined;
}

export interface AuditOutcome {
  /** The verdicts before --apply (the only ones without it). */
  before: AuditResult;
  /** The verdicts after --apply re-read the branch. */
  after: AuditResult | undefined;
  report: RunReport;
  config: TollgateConfig;
  apiUrl: string;
}

async function findRepoRoot(cwd: string): Promise<string | undefined> {
  try {
    const { Repo } = await import('../git/repo.ts');
    const repo = await Repo.open(cwd);
    repo.close();
    return repo.root;
  } catch {
    return undefined;
  }
}

async function applyOrExplain(client: GitHubClient, result: AuditResult): Promise<void> {
  try {
    await applyPlan(client, result.plan);
  } catch (error) {
    if (!(error instanceof ApplyError) || !isGitHubRequestError(error.cause)) throw error;
    const failure = classifyGitHubError(error.cause);
    const hint = missingPermissionHint(failure);
    const answer = error.request.api === 'graphql' ? `GitHub's GraphQL API refused with "${failure.message}"` : `GitHub answered ${failure.status} "${failure.message}"`;
    throw new UserError(
      `--apply stopped at ${error.request.method} ${error.request.path}: ${answer}${hint ? ` (${hint})` : ''}. Changing branch protection needs a token with admin access (fine-grained: Administration read and write).`,
    );
  }
}

/** Reads, audits, optionally applies the fix plan and re-reads; returns the report to print. */
export async function runAudit(run: AuditRun): Promise<AuditOutcome> {
  const started = performance.now();
  const repoRoot = await findRepoRoot(run.cwd);
  const { config } = await loadConfig({ cwd: run.cwd, stopDir: path.dirname(repoRoot ?? run.cwd), ...(run.configPath ? { explicitPath: run.configPath } : {}) });
  const settings = config.branchProtection;
  const { token, source } = resolveToken(run.env, run.tokenEnv);
  const apiUrl = run.apiUrl || run.env.GITHUB_API_URL || DEFAULT_API_URL;
  const target = { ...(await resolveRepo({ flag: run.repo, config: settings.repo, env: run.env, cwd: run.cwd })), branch: run.branch ?? settings.branch };
  const client = createGitHubClient({ token, apiUrl, msPerSecond: run.msPerSecond, log: run.log });
  const input = { client, token, target, config: settings, repoRoot };
  const before = await auditBranchProtection(input);
  let after: AuditResult | undefined;
  if (run.apply && before.plan.requests.length > 0) {
    await applyOrExplain(client, before);
    after = await auditBranchProtection({ ...input, target: { ...target, branch: before.readout.branch } });
  }
  const final = after ?? before;

  const redactor = new Redactor();
  redactor.add(token);
  const processed = await processFindings({
    findings: final.findings,
    config,
    redactor,
    readText: async (p) => (repoRoot ? readFile(path.join(repoRoot, p), 'utf8').catch(() => undefined) : undefined),
  });
  const notes = auditNotes(final, source).map((n) => redactor.apply(n));
  if (after) notes.unshift(`--apply sent ${before.plan.requests.length} request(s); the verdicts below are from reading the branch again.`);
  const durationMs = performance.now() - started;
  const report: RunReport = {
    mode: 'all',
    findings: processed.findings,
    checks: [{ id: AUDIT_CHECK_ID, title: 'Branch-protection audit', durationMs, findingCount: processed.findings.length, notes }],
    suppressed: processed.suppressed,
    durationMs,
    filesInScope: 0,
  };
  return { before, after, report, config, apiUrl };
}

/** `tollgate audit branch-protection`: the report, the fix plan with --fix, exit 1 on findings. */
export async function runAuditCommand(options: AuditCommandOptions): Promise<number> {
  const outcome = await runAudit({
    cwd: options.cwd,
    configPath: options.config,
    repo: options.repo,
    branch: options.branch,
    tokenEnv: options.tokenEnv,
    apiUrl: options.apiUrl,
    apply: options.apply,
    env: process.env,
    log: process.stderr.isTTY ? (m) => process.stderr.write(`[github] ${m}\n`) : undefined,
  });
  const failOn = options.failOn ?? outcome.config.failOn;
  const ruleMeta = await ruleMetaFor(options.format, options.output);
  const color = options.format === 'text' && colorAllowed({ env: process.env, isTTY: process.stdout.isTTY, toFile: Boolean(options.output) });
  const context: ReportContext = { toolVersion: VERSION, color, failOn, ruleMeta, timings: options.timings };
  await writeReport(outcome.report, options.format, context, options.output);
  if (options.fix || options.apply) {
    const plan = renderPlan(outcome.before.plan, outcome.apiUrl);
    // The plan goes beside a text report; machine formats keep stdout to themselves.
    if (options.format === 'text' && !options.output) process.stdout.write(`\n${plan}`);
    else process.stderr.write(plan);
  }
  return failsAt(outcome.report.findings, failOn) ? 1 : 0;
}
