import type { z } from 'zod';
import type { SourceFile } from '../check.ts';
import type { Rule } from '../../rules/rule.ts';
import type { Repo } from '../../git/repo.ts';
import type { HygieneConfigSchema } from './config.ts';

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
  /** A pure, idempotent transform for --fix; only for rules marked fixable. */
  fix?: (content: Buffer, path: string) => Buffer;
};

export type HygieneRepoRule = Rule<HygieneRepoContext> & { kind: 'repository' };

export type HygieneRule = HygieneFileRule | HygieneRepoRule;
