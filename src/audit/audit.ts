import path from 'node:path';
import { CRITERION_RULES, CROSS_CHECK_RULES } from '../../rules/branch-protection/index.ts';
import type { DraftFinding } from '../findings/finding.ts';
import type { GitHubClient } from '../github/client.ts';
import { ruleDocPath } from '../rules/rule.ts';
import type { BranchProtectionConfig } from './config.ts';
import { judge, type Verdict } from './criterion.ts';
import { crossCheckInputs, runCrossCheck, type CrossCheckResult } from './cross-check.ts';
import { effectiveProtection, type EffectiveProtection } from './effective.ts';
import { planFix, type FixPlan, type PlannedRequest } from './fix-plan.ts';
import { resolvePolicy, type Policy } from './policy.ts';
import { readProtection, type AuditTarget, type Readout } from './read.ts';
import { scorecardTierOf, type TierResult } from './scorecard.ts';
import { producedChecks } from './workflow-checks.ts';

export const AUDIT_CHECK_ID = 'branch-protection';

export interface AuditInput {
  client: GitHubClient;
  token: string;
  target: AuditTarget;
  config: BranchProtectionConfig;
  /** The local checkout whose .github/workflows are cross-checked; undefined skips it. */
  repoRoot: string | undefined;
}

export interface AuditResult {
  readout: Readout;
  protection: EffectiveProtection;
  policy: Policy;
  verdicts: Verdict[];
  crossCheck: CrossCheckResult[];
  tier: TierResult;
  plan: FixPlan;
  findings: DraftFinding[];
}

const META = new Map([...CRITERION_RULES, ...CROSS_CHECK_RULES].map((r) => [r.meta.id, r.meta]));

function finding(ruleId: string, status: 'fail' | 'unknown', message: string, location: { path: string; line: number }): DraftFinding {
  const meta = META.get(ruleId);
  return {
    checkId: AUDIT_CHECK_ID,
    ruleId,
    // An unknown is never a pass, but it is not a proven failure either: a warning with the reason.
    severity: status === 'unknown' ? 'warning' : (meta?.severity ?? 'error'),
    message,
    location: { path: location.path, line: location.line, column: 0 },
    ...(meta ? { fix: { description: meta.fixHint } } : {}),
    help: ruleDocPath(ruleId),
  };
}

/** Verdicts and cross-check results as findings for the shared pipeline and reporters. */
export function auditFindings(owner: string, repo: string, verdicts: Verdict[], crossCheck: CrossCheckResult[]): DraftFinding[] {
  const where = `${owner}/${repo}`;
  const out: DraftFinding[] = [];
  for (const v of verdicts) {
    if (v.status === 'pass') continue;
    const message =
      v.status === 'fail' ? `${where}: "${v.requirement}" is not met: ${v.reason}.` : `${where}: "${v.requirement}" is unknown: ${v.reason}`;
    out.push(finding(v.ruleId, v.status, message, { path: '', line: 0 }));
  }
  for (const c of crossCheck) out.push(finding(c.ruleId, c.status, c.message, { path: c.path, line: c.line }));
  return out;
}

/** Everything after the read: effective view, verdicts, tier, cross-check, fix plan, findings. */
export async function evaluate(readout: Readout, config: BranchProtectionConfig, repoRoot: string | undefined): Promise<Omit<AuditResult, 'readout'>> {
  const policy = resolvePolicy(config.preset, config.policy);
  const protection = effectiveProtection(readout);
  const verdicts = judge(CRITERION_RULES, policy, protection);
  let crossCheck: CrossCheckResult[] = [];
  if (config.workflowCrossCheck && repoRoot !== undefined) {
    const produced = await producedChecks(path.resolve(repoRoot));
    crossCheck = runCrossCheck(CROSS_CHECK_RULES, {
      branch: readout.branch,
      ...crossCheckInputs(protection),
      produced,
      externalChecks: config.externalChecks,
      gateJobs: config.gateJobs,
    });
  }
  const tier = scorecardTierOf(protection);
  const plan = planFix(readout, policy, verdicts);
  return { protection, policy, verdicts, crossCheck, tier, plan, findings: auditFindings(readout.owner, readout.repo, verdicts, crossCheck) };
}

/** Reads the branch's protection through the API and audits it against the configured policy. */
export async function auditBranchProtection(input: AuditInput): Promise<AuditResult> {
  const readout = await readProtection(input.client, input.target, input.token);
  return { readout, ...(await evaluate(readout, input.config, input.repoRoot)) };
}

/** A request of the fix plan that GitHub refused, and what it answered. */
export class ApplyError extends Error {
  readonly request: PlannedRequest;
  constructor(request: PlannedRequest, cause: unknown) {
    super(`${request.method} ${request.path} was refused`, { cause });
    this.request = request;
  }
}

/** Sends a fix plan's requests in order (GraphQL ones to the GraphQL endpoint); stops at the first refusal and says which. */
export async function applyPlan(client: GitHubClient, plan: FixPlan): Promise<void> {
  for (const request of plan.requests) {
    try {
      if (request.api === 'graphql') {
        const { query, variables } = request.body as { query: string; variables: Record<string, unknown> };
        await client.graphql(query, variables);
      } else await client.request(`${request.method} ${request.path}`, request.body === undefined ? {} : { data: request.body });
    } catch (error) {
      throw new ApplyError(request, error);
    }
  }
}
