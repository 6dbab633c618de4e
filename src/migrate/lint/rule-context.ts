import type { Rule } from '../../rules/rule.ts';
import type { SqlStatement } from '../statements.ts';

/** What a blue-green compatibility rule sees: one migration file, parsed. */
export interface MigrateRuleContext {
  /** Repository-relative path of the migration. */
  path: string;
  statements: readonly SqlStatement[];
  /**
   * True when the table was created earlier in this same migration: nothing live reads it yet,
   * so changing it breaks no running version.
   */
  isNewTable(name: string): boolean;
  /** True when an earlier statement of this migration (or `statement` itself) gives the column a default. */
  hasDefault(table: string, column: string, upTo: SqlStatement): boolean;
  /** Set when PostgreSQL's parser rejected the file (then `statements` is empty). */
  syntaxError?: { line: number; column: number; reason: string } | undefined;
  /** `statement` locates the finding (a statement, or the syntax error's place). */
  report(report: { statement: Pick<SqlStatement, 'line' | 'column' | 'endLine' | 'endColumn' | 'text'>; message: string }): void;
}

export type MigrateRule = Rule<MigrateRuleContext>;
