import { UserError } from '../errors/user-error.ts';
import type { MigrationFile } from './files.ts';
import { statementsForExecution, type ExecStatement } from './statements.ts';

/** A migration file with its statements, checked before anything touches the database. */
export interface ParsedMigration {
  file: MigrationFile;
  statements: ExecStatement[];
}

const TRANSACTION_CONTROL = new Set(['BEGIN', 'START', 'COMMIT', 'END', 'ROLLBACK', 'ABORT', 'SAVEPOINT', 'RELEASE']);

function startsWith(words: readonly string[], ...expected: string[]): boolean {
  return expected.every((word, i) => words[i] === word);
}

/** Statements PostgreSQL refuses inside a transaction block, by their leading keywords. */
export function needsNoTransaction(statement: Pick<ExecStatement, 'words' | 'concurrently'>): string | undefined {
  const { words, concurrently } = statement;
  const index = words[1] === 'UNIQUE' ? 2 : 1;
  if (words[0] === 'CREATE' && words[index] === 'INDEX' && words[index + 1] === 'CONCURRENTLY') return 'CREATE INDEX CONCURRENTLY';
  if (startsWith(words, 'DROP', 'INDEX', 'CONCURRENTLY')) return 'DROP INDEX CONCURRENTLY';
  if (words[0] === 'REINDEX' && concurrently) return 'REINDEX CONCURRENTLY';
  if (words[0] === 'ALTER' && words[1] === 'TABLE' && concurrently) return 'ALTER TABLE … DETACH PARTITION CONCURRENTLY';
  if (words[0] === 'VACUUM') return 'VACUUM';
  if (startsWith(words, 'CREATE', 'DATABASE') || startsWith(words, 'DROP', 'DATABASE')) return `${words[0]} DATABASE`;
  if (startsWith(words, 'CREATE', 'TABLESPACE') || startsWith(words, 'DROP', 'TABLESPACE')) return `${words[0]} TABLESPACE`;
  if (startsWith(words, 'ALTER', 'SYSTEM')) return 'ALTER SYSTEM';
  return undefined;
}

/**
 * Splits every migration and refuses, before anything changes, what cannot work: its own
 * BEGIN/COMMIT (tollgate owns the transaction, which also holds the history row) and statements
 * that cannot run in a transaction in a file without `-- tollgate:no-transaction`.
 */
export async function parseMigrations(files: MigrationFile[]): Promise<ParsedMigration[]> {
  const parsed: ParsedMigration[] = [];
  for (const file of files) {
    const statements = await statementsForExecution(file.sql, file.path, { validate: file.directives.noTransaction });
    for (const statement of statements) {
      const where = `${file.path}:${statement.line}:${statement.column}`;
      const first = statement.words[0] ?? '';
      if (TRANSACTION_CONTROL.has(first) || startsWith(statement.words, 'PREPARE', 'TRANSACTION')) {
        throw new UserError(
          `${where}: remove this transaction statement (\`${statement.text.slice(0, 40)}\`). tollgate runs each migration in its own transaction together with its history row; a file that must not run in a transaction starts with \`-- tollgate:no-transaction\`.`,
          { file: file.path },
        );
      }
      const what = file.directives.noTransaction ? undefined : needsNoTransaction(statement);
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
