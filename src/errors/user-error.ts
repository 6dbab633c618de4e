/**
 * A problem the user can cause and fix (bad config, bad flag, not a git repository).
 * The CLI prints `message` without a stack trace and exits 2. Anything else is a bug.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** The file the problem is in, when there is one. */
  readonly file: string | undefined;

  constructor(message: string, options: { file?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.file = options.file;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
