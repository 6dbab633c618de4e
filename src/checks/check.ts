import type { TollgateConfig } from '../config/schema.ts';
import type { DraftFinding } from '../findings/finding.ts';
import type { Redactor } from '../findings/redactor.ts';
import type { ChangeStatus, LineRange } from '../git/diff-parse.ts';
import type { Repo } from '../git/repo.ts';
import type { CheckId } from './ids.ts';

/** `quick`: staged content only. `all`: the whole repository. `paths`: what the user named. */
export type Mode = 'quick' | 'all' | 'paths';

/** One file as a check sees it. In quick mode `read()` returns the staged (index) bytes. */
export interface SourceFile {
  /** Repository-relative POSIX path. */
  path: string;
  /** Git mode ('100644', '100755', '120000' symlink, '160000' submodule); undefined if unknown. */
  mode: string | undefined;
  /** Staged status in quick mode. */
  status?: ChangeStatus;
  /** Old path of a staged rename. */
  oldPath?: string;
  /** Added line ranges of the staged diff (quick mode only). */
  addedLines?: LineRange[];
  /** Where the content is on disk, when it is read from the working tree (lets a check read it on another thread). */
  absPath?: string;
  /** The content, or undefined when it cannot be read (a deleted file, a dangling symlink). */
  read(): Promise<Buffer | undefined>;
}

/**
 * Flags of `tollgate check <id>` that only some checks understand. The CLI refuses a flag for
 * a check that does not list it in `Check.accepts`, so no flag is ever silently ignored.
 */
export interface CheckRequest {
  /** --explain: show the evidence behind each finding (float: why a value is money). */
  explain?: boolean;
  /** --history [range]: scan git history instead of files; true = every commit of every branch. */
  history?: string | true;
  /** Paths given with --history: only their changes are scanned (absolute paths, used as git pathspecs). */
  historyPaths?: string[];
  /** --update-baseline: accept today's findings into the check's baseline file. */
  updateBaseline?: boolean;
}

/** What a check knows before the files are listed: enough to start slow set-up early. */
export interface CheckPlan {
  config: TollgateConfig;
  mode: Mode;
  request: CheckRequest;
}

/** Set-up a check started early (threads): released by the caller after run(), used or not. */
export interface PreparedWork {
  release(): void;
}

export interface CheckContext {
  repo: Repo;
  config: TollgateConfig;
  mode: Mode;
  /** The files in scope, after `ignore` globs. Project-wide checks (tsc) may ignore it. */
  files: readonly SourceFile[];
  /** Apply safe fixes (hygiene --fix). */
  fix: boolean;
  /** Register secret values here; every output masks them. */
  redactor: Redactor;
  signal: AbortSignal;
  /** A progress line for long work (shown on stderr on a TTY). */
  progress(message: string): void;
  /** Check-specific flags from the command line (empty in pipelines). */
  request: CheckRequest;
  /** What this check's prepare() returned for this run, if anything. */
  prepared?: PreparedWork;
}

/** Figures a check shows as a table in the job summary (coverage per path); plain text cells. */
export interface SummaryTable {
  title: string;
  columns: string[];
  rows: string[][];
}

export interface CheckResult {
  findings: DraftFinding[];
  /** Things the user should know that are not findings: "skipped 2 binary files". */
  notes?: string[];
  table?: SummaryTable;
}

export interface Check {
  id: CheckId;
  /** One line for --help and the job summary. */
  title: string;
  run(context: CheckContext): Promise<CheckResult>;
  /** The CheckRequest flags this check understands. */
  accepts?: readonly (keyof CheckRequest)[];
  /**
   * Starts set-up that does not need the file list (worker threads) as soon as the check's
   * module is loaded, while git lists the files; run() finds it in `context.prepared`.
   */
  prepare?(plan: CheckPlan): PreparedWork | undefined;
}
