import type { z } from 'zod';
import type { SourceFile } from '../check.ts';
import type { Rule } from '../../rules/rule.ts';
import type { ChangeStatus } from '../../git/diff-parse.ts';
import type { Repo } from '../../git/repo.ts';
import type { HygieneConfigSchema } from './config.ts';
import type { FileAttributes } from './attributes.ts';

export type HygieneOptions = z.output<typeof HygieneConfigSchema>;

export interface HygieneReport {
  message: string;
  /** 1-based; 0 for the whole file. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  snippet?: string;
}

/** What a per-file hygiene rule sees: the bytes checks agree on (index content in quick mode). */
export interface HygieneFileContext {
  path: string;
  mode: string | undefined;
  /** Staged status in quick mode ('A' added, 'M' modified, …); undefined for working-tree runs. */
  status: ChangeStatus | undefined;
  /** Where `content` came from: the index (quick mode) or the working tree. */
  source: 'index' | 'worktree';
  /** What .gitattributes (and core.autocrlf) say about this path. */
  attributes: FileAttributes;
  content: Buffer;
  /** UTF-8 text, or undefined when the file is binary. */
  text: string | undefined;
  options: HygieneOptions;
  report(report: HygieneReport): void;
}

/** What a repository-wide hygiene rule sees: every file in scope at once. */
export interface HygieneRepoContext {
  files: readonly SourceFile[];
  repo: Repo;
  /** validate-quick runs before a commit, so 'quick' means "about to commit". */
  mode: 'quick' | 'all' | 'paths';
  options: HygieneOptions;
  report(report: HygieneReport & { path: string }): void;
}

export type HygieneFileRule = Rule<HygieneFileContext> & {
  kind: 'file';
  /** Text rules skip binary files. */
  textOnly: boolean;
  /**
   * A pure, idempotent transform for --fix; only for rules marked fixable. It must be safe on
   * any version of the file (index or working tree), because quick-mode fixes apply it to both.
   */
  fix?: (content: Buffer, path: string) => Buffer;
};

export type HygieneRepoRule = Rule<HygieneRepoContext> & { kind: 'repository' };

export type HygieneRule = HygieneFileRule | HygieneRepoRule;
