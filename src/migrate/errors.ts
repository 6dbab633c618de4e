import { UserError } from '../errors/user-error.ts';

/**
 * A migration that failed on the server. Nothing it did remains (its transaction was rolled back),
 * except the statements of a `-- tollgate:no-transaction` migration that ran before the failing one.
 */
export class MigrationFailedError extends UserError {
  readonly version: string;
  /** The statement that failed, as written in the file. */
  readonly statement: string;
  /** Where the error points in the migration file (1-based), when the server said. */
  readonly position: { line: number; column: number } | undefined;
  /** PostgreSQL's SQLSTATE ("55P03" lock_not_available, "57014" query_canceled, …). */
  readonly sqlState: string | undefined;

  constructor(
    message: string,
    details: { file: string; version: string; statement: string; position: { line: number; column: number } | undefined; sqlState: string | undefined; cause?: unknown },
  ) {
    super(message, { file: details.file, cause: details.cause });
    this.version = details.version;
    this.statement = details.statement;
    this.position = details.position;
    this.sqlState = details.sqlState;
  }
}

/** Another migrator held the lock past the deadline. */
export class MigrationLockTimeoutError extends UserError {}
