import { describe, expect, it } from 'vitest';
import type { TollgateConfig } from '../../src/config/schema.ts';
import type { DraftFinding } from '../../src/findings/finding.ts';
import { fingerprint } from '../../src/findings/fingerprint.ts';
import { processFindings, SUPPRESSION_RULE } from '../../src/findings/pipeline.ts';
import { Redactor } from '../../src/findings/redactor.ts';
import { parseSuppressions } from '../../src/findings/suppressions.ts';

const base: Pick<TollgateConfig, 'rules' | 'overrides'> = { rules: {}, overrides: [] };

function draft(over: Partial<DraftFinding> & { line?: number; path?: string }): DraftFinding {
  return {
    checkId: 'float',
    ruleId: 'float/money-float-arith',
    severity: 'error',
    message: 'money in a float',
    location: { path: over.path ?? 'src/a.ts', line: over.line ?? 1, column: 1 },
    ...over,
  };
}

async function run(findings: DraftFinding[], texts: Record<string, string> = {}, config = base, redactor = new Redactor()) {
  return processFindings({ findings, config, redactor, readText: async (p) => texts[p] });
}

describe('suppressions', () => {
  it('drops a finding on the line after a reasoned tollgate-ignore comment', async () => {
    const text = '// tollgate-ignore float/money-float-arith: display only\nconst x = price * 1.1;\n';
    const out = await run([draft({ line: 2 })], { 'src/a.ts': text });
    expect(out.findings).toHaveLength(0);
    expect(out.suppressed).toBe(1);
  });

  it('suppresses on the same line, and by whole check id', async () => {
    const text = 'const x = price * 1.1; // tollgate-ignore float: rounding happens in the view\n';
    const out = await run([draft({ line: 1 })], { 'src/a.ts': text });
    expect(out.findings).toHaveLength(0);
  });

  it('turns a suppression without a reason into an error and keeps the finding', async () => {
    const text = '// tollgate-ignore float/money-float-arith\nconst x = price * 1.1;\n';
    const out = await run([draft({ line: 2 })], { 'src/a.ts': text });
    expect(out.findings.map((f) => f.ruleId).sort()).toEqual(['float/money-float-arith', SUPPRESSION_RULE].sort());
    expect(out.suppressed).toBe(0);
  });

  it('does not let a suppression for one rule hide another', async () => {
    const text = '// tollgate-ignore secrets/aws: test key\nconst x = price * 1.1;\n';
    const out = await run([draft({ line: 2 })], { 'src/a.ts': text });
    expect(out.findings).toHaveLength(1);
  });

  it('parses several rules and hash comments', () => {
    const [s] = parseSuppressions('key = 1 # tollgate-ignore secrets/generic, hygiene: fixture data\n');
    expect(s).toMatchObject({ rules: ['secrets/generic', 'hygiene'], reason: 'fixture data', line: 1, ownLine: false });
  });
});

describe('rule settings', () => {
  it('turns a rule off, changes severity, and applies path overrides in order', async () => {
    const config: Pick<TollgateConfig, 'rules' | 'overrides'> = {
      rules: { 'float/money-float-arith': 'warning' as const, 'hygiene/large-file': 'off' as const },
      overrides: [{ files: ['src/ui/**'], rules: { float: 'note' as const } }],
    };
    const out = await run(
      [draft({}), draft({ path: 'src/ui/view.ts' }), draft({ ruleId: 'hygiene/large-file', checkId: 'hygiene' })],
      {},
      config,
    );
    expect(out.findings.map((f) => [f.location.path, f.severity])).toEqual([
      ['src/a.ts', 'warning'],
      ['src/ui/view.ts', 'note'],
    ]);
  });
});

describe('fingerprints, dedupe, redaction, order', () => {
  it('keeps the fingerprint when the same line moves', () => {
    const a = fingerprint({ ruleId: 'r/x', path: 'a.ts', content: 'const total = a + b;' });
    const b = fingerprint({ ruleId: 'r/x', path: 'a.ts', content: '  const total =  a + b;  ' });
    expect(a).toBe(b);
    expect(fingerprint({ ruleId: 'r/x', path: 'a.ts', content: 'const total = a + b;', occurrence: 1 })).not.toBe(a);
  });

  it('removes exact duplicates and sorts by path, line, column, rule', async () => {
    const out = await run([draft({ path: 'b.ts', line: 3 }), draft({ path: 'a.ts', line: 9 }), draft({ path: 'a.ts', line: 2 }), draft({ path: 'a.ts', line: 2 })]);
    expect(out.findings.map((f) => `${f.location.path}:${f.location.line}`)).toEqual(['a.ts:2', 'a.ts:9', 'b.ts:3']);
  });

  it('masks registered secrets in message, snippet and fix text', async () => {
    const redactor = new Redactor();
    const secret = 'sk_live_51HxExampleExampleExample00';
    redactor.add(secret);
    const out = await run([draft({ message: `found ${secret}`, snippet: `key = "${secret}"`, fix: { description: `rotate ${secret}` } })], {}, base, redactor);
    const text = JSON.stringify(out.findings);
    expect(text).not.toContain(secret);
    expect(out.findings[0]!.message).toBe('found sk_l…');
  });
});
