/**
 * Runs float rules on code held in memory: one in-memory ts-morph project per batch, with the
 * decimal library declarations, one file per case. Used by the rule tables and fixture tests.
 */
import { Project } from 'ts-morph';
import { analyze } from '../../../src/checks/float/analyze.ts';
import { FloatConfigSchema } from '../../../src/checks/float/config.ts';
import { DEFAULT_COMPILER_OPTIONS } from '../../../src/checks/float/program.ts';
import type { FloatRule } from '../../../src/checks/float/rule-context.ts';
import type { DraftFinding } from '../../../src/findings/finding.ts';
import type { z } from 'zod';
import { DECIMAL_STUBS } from './decimal-stubs.ts';

export interface RunOptions {
  rules: readonly FloatRule[];
  config?: z.input<typeof FloatConfigSchema>;
  explain?: boolean;
  /** Run opt-in rules too (the rule tables test them alone). */
  optIn?: boolean;
}

/** Analyses several files at once; findings carry the file names given. */
export async function runOnFiles(files: Record<string, string>, options: RunOptions): Promise<DraftFinding[]> {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: DEFAULT_COMPILER_OPTIONS });
  project.createSourceFile('/types/decimals.d.ts', DECIMAL_STUBS);
  for (const [name, text] of Object.entries(files)) project.createSourceFile(`/${name}`, text);
  const program = project.getProgram().compilerObject;
  const targets = Object.keys(files).map((name) => ({ sourceFile: program.getSourceFile(`/${name}`)!, path: name }));
  return analyze({
    program,
    targets,
    rules: options.rules,
    config: FloatConfigSchema.parse(options.config ?? {}),
    explain: options.explain ?? false,
    ruleEnabled: (rule) => !rule.optIn || options.optIn === true,
  });
}

export interface InvalidCase {
  code: string;
  /** Expected findings, as `[line, ruleId]` pairs (the rule id without the "float/" prefix). */
  errors: { line: number; rule?: string }[];
  name?: string;
}

export interface RuleCases {
  valid: (string | { code: string; name?: string })[];
  invalid: InvalidCase[];
}

export interface CaseResult {
  code: string;
  name: string;
  expected: string[];
  actual: string[];
}

/** Runs one rule's table in one project and returns, per case, the expected and actual "line rule" lists. */
export async function runRuleCases(rule: FloatRule, cases: RuleCases, config?: z.input<typeof FloatConfigSchema>): Promise<{ valid: CaseResult[]; invalid: CaseResult[] }> {
  const files: Record<string, string> = {};
  const valid = cases.valid.map((c) => (typeof c === 'string' ? { code: c } : c));
  valid.forEach((c, i) => (files[`valid${i}.ts`] = c.code));
  cases.invalid.forEach((c, i) => (files[`invalid${i}.ts`] = c.code));
  const findings = await runOnFiles(files, { rules: [rule], optIn: true, ...(config ? { config } : {}) });
  const of = (file: string) =>
    findings
      .filter((f) => f.location.path === file)
      .map((f) => `${f.location.line} ${f.ruleId}`)
      .sort();
  return {
    valid: valid.map((c, i) => ({ code: c.code, name: c.name ?? firstLine(c.code), expected: [], actual: of(`valid${i}.ts`) })),
    invalid: cases.invalid.map((c, i) => ({
      code: c.code,
      name: c.name ?? firstLine(c.code),
      expected: c.errors.map((e) => `${e.line} float/${e.rule ?? rule.meta.id.slice('float/'.length)}`).sort(),
      actual: of(`invalid${i}.ts`),
    })),
  };
}

function firstLine(code: string): string {
  const line = code
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('import') && !l.startsWith('//'))
    .slice(-1)[0];
  return (line ?? code).slice(0, 90);
}

/** Code lines joined with newlines, so case line numbers are easy to count. */
export function lines(...l: string[]): string {
  return l.join('\n');
}
