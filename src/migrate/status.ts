import { compareVersions, type MigrationFile } from './files.ts';
import type { AppliedMigration } from './history.ts';

/**
 * applied: recorded, file unchanged. pending: file not yet applied. edited: applied, but the file's
 * checksum changed since. missing: recorded, but no file. out-of-order: not applied, yet numbered
 * below a migration that is (a branch merged late).
 */
export type MigrationState = 'applied' | 'pending' | 'edited' | 'missing' | 'out-of-order';

export interface MigrationEntry {
  version: string;
  name: string;
  state: MigrationState;
  /** The file, when there is one. */
  file?: MigrationFile | undefined;
  /** The history row, when it was applied. */
  applied?: AppliedMigration | undefined;
}

export interface MigrationStatus {
  /** Where: "postgres://app:***@db/app" or "embedded PGlite in .tollgate/pgdata". */
  database: string;
  table: string;
  /** Every migration known to the files or the history, by version. */
  entries: MigrationEntry[];
  /** What `up` would apply, in order. */
  pending: MigrationFile[];
  /** Sentences for each edited, missing and out-of-order migration; `up` refuses while there are any. */
  problems: string[];
}

export function compareState(files: MigrationFile[], history: AppliedMigration[], where: { database: string; table: string }): MigrationStatus {
  const byVersion = new Map(history.map((h) => [h.version, h]));
  const fileVersions = new Set(files.map((f) => f.version));
  const highestApplied = history.reduce<string | undefined>((max, h) => (max === undefined || compareVersions(h.version, max) > 0 ? h.version : max), undefined);
  const entries: MigrationEntry[] = [];
  const problems: string[] = [];
  const pending: MigrationFile[] = [];
  for (const file of files) {
    const applied = byVersion.get(file.version);
    if (applied) {
      const edited = applied.checksum !== file.checksum;
      entries.push({ version: file.version, name: file.name, state: edited ? 'edited' : 'applied', file, applied });
      if (edited) {
        problems.push(
          `${file.path} was edited after it was applied (on ${applied.appliedAt.toISOString()} by ${applied.appliedBy}): the database ran a different text. Restore the file as applied, and put the change in a new migration.`,
        );
      }
      continue;
    }
    const late = highestApplied !== undefined && compareVersions(file.version, highestApplied) < 0;
    entries.push({ version: file.version, name: file.name, state: late ? 'out-of-order' : 'pending', file });
    if (late) {
      problems.push(
        `${file.path} is not applied, but ${highestApplied} already is: applying it now would run migrations out of order. Renumber it above ${highestApplied}.`,
      );
    } else {
      pending.push(file);
    }
  }
  for (const applied of history) {
    if (fileVersions.has(applied.version)) continue;
    entries.push({ version: applied.version, name: applied.name, state: 'missing', applied });
    problems.push(`Migration ${applied.version}_${applied.name} is recorded as applied but its file is missing: restore it (migrations are never deleted once applied).`);
  }
  entries.sort((a, b) => compareVersions(a.version, b.version));
  return { ...where, entries, pending, problems };
}
