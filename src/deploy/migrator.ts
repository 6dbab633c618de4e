/**
 * What the deploy needs from migrations: apply what is pending (after a backup) or throw, leaving
 * nothing of a failed migration behind. Implemented by src/migrate through migrate-step.ts; the
 * tests and `--skip-migrate` can pass another.
 */
export interface Migrator {
  up(log: (line: string) => void, signal?: AbortSignal): Promise<MigratorResult>;
}

export interface MigratorResult {
  applied: { version: string; name: string; durationMs: number }[];
  backup?: { file: string; restoreCommand: string } | undefined;
}
