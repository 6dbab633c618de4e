import type { Node } from 'libpg-query';
import { UserError } from '../errors/user-error.ts';
import type { MigrationFile } from './files.ts';
import { splitStatements, statementKind, type SqlStatement } from './statements.ts';

/** A migration file with its statements, checked before anything touches the database. */
export interface ParsedMigration {
  file: MigrationFile;
  statements: SqlStatement[];
}

/** Statements PostgreSQL refuses inside a transaction block, by what they look like in the parse tree. */
function needsNoTransaction(node: Node): string | undefined {
  const kind = statementKind(node);
  const body = (node as unknown as Record<string, Record<string, unknown> | undefined>)[kind] ?? {};
  if (kind === 'IndexStmt' && body.concurrent) return 'CREATE INDEX CONCURRENTLY';
  if (kind === 'DropStmt' && body.concurrent) return 'DROP INDEX CONCURRENTLY';
  if (kind === 'ReindexStmt' && JSON.stringify(body.params ?? []).includes('"concurrently"')) return 'REINDEX CONCURRENTLY';
  if (kind === 'VacuumStmt') return body.is_vacuumcmd === false ? 'ANALYZE' : 'VACUUM';
  if (kind === 'CreatedbStmt') return 'CREATE DATABASE';
  if (kind === 'DropdbStmt') return 'DROP DATABASE';
  if (kind === 'AlterSystemStmt') return 'ALTER SYSTEM';
  if (kind === 'AlterTableStmt' && JSON.stringify(body.cmds ?? []).includes('"AT_DetachPartition"') && JSON.stringify(body.cmds).includes('"concurrent":true')) {
    return 'DETACH PARTITION CONCURRENTLY';
  }
  return undefined;
}

/**
 * Parses every migration and refuses, before connecting, what cannot work: its own BEGIN/COMMIT
 * (tollgate owns the transaction, which also holds the history row) and statements that cannot run
 * in a transaction in a file without `-- tollgate:no-transaction`.
 */
export async function parseMigrations(files: MigrationFile[]): Promise<ParsedMigration[]> {
  const parsed: ParsedMigration[] = [];
  for (const file of files) {
    const statements = await splitStatements(file.sql, file.path);
    for (const statement of statements) {
      const where = `${file.path}:${statement.line}:${statement.column}`;
      if (statementKind(statement.node) === 'TransactionStmt') {
        throw new UserError(
          `${where}: remove this transaction statement (\`${statement.text.slice(0, 40)}\`). tollgate runs each migration in its own transaction together with its history row; a file that must not run in a transaction starts with \`-- tollgate:no-transaction\`.`,
          { file: file.path },
        );
      }
      const what = file.directives.noTransaction ? undefined : needsNoTransaction(statement.node);
      if (what) {
        throw new UserError(
          `${where}: ${what} cannot run inside a transaction. Put it in its own migration that starts with \`-- tollgate:no-transaction\` (see the README on writing such migrations so that a retry is safe).`,
          { file: file.path },
        );
      }
    }
    parsed.push({ file, statements });
  }
  return parsed;
}
