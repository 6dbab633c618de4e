import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRITERIA_WITH_DOCS, CROSS_CHECK_RULES } from '../../rules/branch-protection/index.ts';
import type { BranchRuleBody, ClassicProtectionBody, RulesetBody } from '../../src/audit/api-shapes.ts';
import { parseClassicRule, type ClassicRuleGraphql } from '../../src/audit/classic-graphql.ts';
import { judge } from '../../src/audit/criterion.ts';
import { crossCheckInputs, runCrossCheck } from '../../src/audit/cross-check.ts';
import { effectiveProtection } from '../../src/audit/effective.ts';
import { resolvePolicy, type Policy } from '../../src/audit/policy.ts';
import type { Read, Readout } from '../../src/audit/read.ts';
import { producedChecks } from '../../src/audit/workflow-checks.ts';
import { PROJECT_ROOT } from '../helpers/temp-repo.ts';

/**
 * Every criterion's golden fixtures (rules/branch-protection/<name>/fixtures/*.json): the API
 * bodies GitHub would return and the verdict they must get, with only that criterion in the
 * policy. The same files are the examples in each rule's README.
 */
interface CriterionFixture {
  policy: Partial<Policy>;
  /** Classic protection body, null for 404 "Branch not protected", "hidden" for a 403. */
  classic: ClassicProtectionBody | null | 'hidden';
  rules: BranchRuleBody[];
  rulesets: Record<string, RulesetBody>;
  /** The `data` GitHub's GraphQL API returns for the classic rule (CLASSIC_RULE_QUERY), or "hidden" for a refusal; absent: not asked. */
  classicGraphql?: unknown;
  /** Rulesets in evaluate mode that target the branch (full GET /rulesets/{id} bodies). */
  evaluateMode?: RulesetBody[];
  expected: 'pass' | 'fail' | 'unknown';
}

function classicRuleOf(f: CriterionFixture): Read<ClassicRuleGraphql> | undefined {
  if (f.classicGraphql === undefined) return undefined;
  if (f.classicGraphql === 'hidden') return { state: 'hidden', reason: 'GitHub refused to show who may force push despite classic protection to this token' };
  const rule = parseClassicRule(f.classicGraphql);
  return rule ? { state: 'ok', value: rule } : { state: 'hidden', reason: 'GitHub returned no branch protection rule' };
}

function readoutOf(f: CriterionFixture): Readout {
  const classic: Read<ClassicProtectionBody> =
    f.classic === null ? { state: 'absent', reason: 'not protected' } : f.classic === 'hidden' ? { state: 'hidden', reason: 'GitHub shows it to repository admins only' } : { state: 'ok', value: f.classic };
  const rulesets = new Map<number, Read<RulesetBody>>(Object.entries(f.rulesets).map(([id, body]) => [Number(id), { state: 'ok', value: body }]));
  return {
    owner: 'acme',
    repo: 'payments',
    branch: 'main',
    repository: {},
    branchInfo: { protected: f.classic !== null },
    classic,
    rules: { state: 'ok', value: f.rules },
    rulesets,
    classicRule: classicRuleOf(f),
    evaluateMode: { rulesets: f.evaluateMode ?? [], notes: [] },
    token: 'classic-pat',
  };
}

const dir = (id: string) => path.join(PROJECT_ROOT, 'rules', id, 'fixtures');

describe('branch-protection criteria against their golden fixtures', () => {
  for (const { rule } of CRITERIA_WITH_DOCS) {
    it(`${rule.meta.id}: pass, fail and unknown as each fixture expects`, async () => {
      const files = (await readdir(dir(rule.meta.id))).filter((f) => f.endsWith('.json')).sort();
      expect(files.length).toBeGreaterThanOrEqual(4);
      for (const file of files) {
        const fixture = JSON.parse(await readFile(path.join(dir(rule.meta.id), file), 'utf8')) as CriterionFixture;
        const verdicts = judge([rule], resolvePolicy('none', fixture.policy), effectiveProtection(readoutOf(fixture)));
        expect(verdicts.map((v) => v.status), `${rule.meta.id} ${file}`).toEqual([fixture.expected]);
        expect(verdicts[0]!.reason.length, 'every verdict says why').toBeGreaterThan(10);
      }
    });
  }
});

interface CrossFixture {
  required: string[];
  externalChecks: string[];
  gateJobs: string[];
  findings: { ruleId: string; status: string; path: string; line: number; mentions: string }[];
}

describe('workflow cross-check against its golden fixtures', () => {
  for (const rule of CROSS_CHECK_RULES) {
    it(`${rule.meta.id}: reports exactly the expected findings for the fixture workflows`, async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), 'tollgate-xcheck-'));
      try {
        await cp(path.join(dir(rule.meta.id), 'workflows'), path.join(root, '.github', 'workflows'), { recursive: true });
        const fixture = JSON.parse(await readFile(path.join(dir(rule.meta.id), 'expected.json'), 'utf8')) as CrossFixture;
        const readout = readoutOf({ policy: {}, classic: { required_status_checks: { strict: true, contexts: fixture.required } }, rules: [], rulesets: {}, expected: 'pass' });
        const results = runCrossCheck([rule], {
          branch: 'main',
          ...crossCheckInputs(effectiveProtection(readout)),
          produced: await producedChecks(root),
          externalChecks: fixture.externalChecks,
          gateJobs: fixture.gateJobs,
        });
        expect(results.map((r) => ({ ruleId: r.ruleId, status: r.status, path: r.path, line: r.line }))).toEqual(fixture.findings.map(({ mentions: _m, ...rest }) => rest));
        results.forEach((r, i) => expect(r.message).toContain(fixture.findings[i]!.mentions));
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    });
  }
});
