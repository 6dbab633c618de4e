import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTRIBUTES, type FileAttributes } from '../../../src/checks/hygiene/attributes.ts';
import type { HygieneFileRule, HygieneOptions, HygieneReport } from '../../../src/checks/hygiene/rule-context.ts';
import { runFileRules } from '../../../src/checks/hygiene/run-file-rules.ts';
import { parseConfig } from '../../../src/config/load.ts';
import type { ChangeStatus } from '../../../src/git/diff-parse.ts';

/** The hygiene options a user gets without a config file. */
export const DEFAULT_OPTIONS: HygieneOptions = parseConfig({}, 'test').checks.hygiene;

/** One file as a rule test describes it; everything but the content has a default. */
export interface FileCase {
  /** What the case shows, used as the test name. */
  name: string;
  path?: string;
  content: string | Buffer;
  mode?: string;
  status?: ChangeStatus;
  source?: 'index' | 'worktree';
  attributes?: Partial<FileAttributes>;
  options?: Partial<HygieneOptions>;
}

export interface InvalidCase extends FileCase {
  /** The findings expected, in order: line, and column/message when given. */
  errors: { line: number; column?: number; message?: RegExp }[];
}

/** Runs one file rule on one file, through the same runner the check uses. */
export async function runRule(rule: HygieneFileRule, c: Omit<FileCase, 'name'>): Promise<HygieneReport[]> {
  const result = await runFileRules([rule], {
    path: c.path ?? 'file.txt',
    mode: c.mode ?? '100644',
    status: c.status,
    source: c.source ?? 'worktree',
    attributes: { ...DEFAULT_ATTRIBUTES, ...c.attributes },
    content: typeof c.content === 'string' ? Buffer.from(c.content, 'utf8') : c.content,
    options: { ...DEFAULT_OPTIONS, ...c.options },
  });
  return result.hits.map((h) => h.report);
}

/** valid/invalid tables, after typescript-eslint's RuleTester. */
export function ruleTable(rule: HygieneFileRule, table: { valid: FileCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of table.valid) {
      it(`accepts: ${c.name}`, async () => {
        expect(await runRule(rule, c)).toEqual([]);
      });
    }
    for (const c of table.invalid) {
      it(`reports: ${c.name}`, async () => {
        const reports = await runRule(rule, c);
        expect(reports.map((r) => r.line)).toEqual(c.errors.map((e) => e.line));
        c.errors.forEach((e, i) => {
          if (e.column !== undefined) expect(reports[i]!.column, `column of finding ${i}`).toBe(e.column);
          if (e.message) expect(reports[i]!.message).toMatch(e.message);
        });
      });
    }
  });
}

/** The rule's fix, on a string, as a string (latin1 keeps bytes exact). */
export function applyFix(rule: HygieneFileRule, content: string | Buffer, path = 'file.txt'): Buffer {
  return rule.fix!(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, path);
}
