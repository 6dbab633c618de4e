import { lintSql } from '../../src/migrate/lint/lint.ts';
import type { MigrateRule } from '../../src/migrate/lint/rule-context.ts';

export interface RuleCases {
  valid: { name: string; sql: string }[];
  invalid: { name: string; sql: string; lines: number[] }[];
}

/** Lints each case with one rule; `actual` and `expected` are the reported lines. */
export async function runMigrateRuleCases(rule: MigrateRule, cases: RuleCases) {
  const run = async (sql: string) => (await lintSql('migrations/0001_case.sql', sql, [rule])).map((f) => f.location.line);
  return {
    valid: await Promise.all(cases.valid.map(async (c) => ({ name: c.name, actual: await run(c.sql), expected: [] as number[] }))),
    invalid: await Promise.all(cases.invalid.map(async (c) => ({ name: c.name, actual: await run(c.sql), expected: c.lines }))),
  };
}
