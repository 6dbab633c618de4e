import { MIGRATE_RULES } from '../../../rules/migrate/index.ts';
import type { DraftFinding } from '../../findings/finding.ts';
import { ruleDocPath } from '../../rules/rule.ts';
import { splitStatements, SqlSyntaxError, type SqlStatement } from '../statements.ts';
import type { MigrateRule, MigrateRuleContext } from './rule-context.ts';
import { alterTableCommands, columnDef, createdTable, declaresDefault, sameTable } from './sql-shapes.ts';

export const MIGRATE_CHECK_ID = 'migrate';

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function givesDefault(statement: SqlStatement, table: string, column: string): boolean {
  return alterTableCommands(statement).some(({ table: t, cmd }) => {
    if (!sameTable(t, table)) return false;
    if (cmd.subtype === 'AT_ColumnDefault') return cmd.name === column && cmd.def !== undefined;
    const added = cmd.subtype === 'AT_AddColumn' ? columnDef(cmd) : undefined;
    return added?.colname === column && declaresDefault(added);
  });
}

/** Runs every blue-green rule over one migration's statements. */
export function lintStatements(
  path: string,
  statements: readonly SqlStatement[],
  rules: readonly MigrateRule[] = MIGRATE_RULES,
  syntaxError?: MigrateRuleContext['syntaxError'],
): DraftFinding[] {
  const created = statements.map(createdTable).filter((t): t is string => t !== undefined);
  const findings: DraftFinding[] = [];
  for (const rule of rules) {
    const context: MigrateRuleContext = {
      path,
      statements,
      syntaxError,
      isNewTable: (name) => created.some((t) => sameTable(t, name)),
      hasDefault: (table, column, upTo) => statements.slice(0, statements.indexOf(upTo) + 1).some((s) => givesDefault(s, table, column)),
      report: ({ statement, message }) => {
        findings.push({
          checkId: MIGRATE_CHECK_ID,
          ruleId: rule.meta.id,
          severity: rule.meta.severity,
          message,
          location: { path, line: statement.line, column: statement.column, endLine: statement.endLine, endColumn: statement.endColumn },
          fix: { description: rule.meta.fixHint },
          help: ruleDocPath(rule.meta.id),
          snippet: oneLine(statement.text, 120),
        });
      },
    };
    void rule.create(context);
  }
  return findings.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
}

/** Parses one migration's text and lints it; a file the parser rejects is reported by migrate/syntax-error. */
export async function lintSql(path: string, sql: string, rules: readonly MigrateRule[] = MIGRATE_RULES): Promise<DraftFinding[]> {
  try {
    return lintStatements(path, await splitStatements(sql, path), rules);
  } catch (error) {
    if (!(error instanceof SqlSyntaxError)) throw error;
    return lintStatements(path, [], rules, { line: error.line, column: error.column, reason: error.reason });
  }
}
