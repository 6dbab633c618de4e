import type { Rule } from '../../rules/rule.ts';
import type { Severity } from '../../findings/finding.ts';
import type { DocsConfig } from './config.ts';
import type { MarkdownDoc } from './markdown.ts';

export interface DocsReport {
  message: string;
  /** 1-based; 0 for the whole file. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  snippet?: string;
  /** Overrides the rule's default severity (a float example keeps the float rule's severity). */
  severity?: Severity;
}

/** The repository's files as the check sees them: the index in quick mode, else the working tree. */
export interface RepositoryFiles {
  /** A file or a directory (a folder holding at least one file) exists at this repository path. */
  exists(relPath: string): boolean;
  isDirectory(relPath: string): boolean;
  /** Every file path, for globs (required documents). */
  paths(): readonly string[];
  /** The anchors of another Markdown document, or undefined when it cannot be read. */
  anchorsOf(relPath: string): Promise<Set<string> | undefined>;
}

export interface DocsFileContext {
  path: string;
  text: string;
  doc: MarkdownDoc;
  options: DocsConfig;
  files: RepositoryFiles;
  report(report: DocsReport): void;
}

/** A float finding in a fenced ts block, already placed on the Markdown file's lines. */
export interface ExampleFinding {
  path: string;
  floatRuleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  snippet: string | undefined;
}

export interface DocsRepoContext {
  /** The Markdown files in scope, parsed. */
  documents: readonly { path: string; doc: MarkdownDoc }[];
  options: DocsConfig;
  files: RepositoryFiles;
  mode: 'quick' | 'all' | 'paths';
  /** Runs the fenced TypeScript blocks through the float check's rules (one program for all of them). */
  floatExamples(): Promise<ExampleFinding[]>;
  report(report: DocsReport & { path: string }): void;
}

export type DocsFileRule = Rule<DocsFileContext> & { kind: 'document' };
export type DocsRepoRule = Rule<DocsRepoContext> & { kind: 'repository' };
export type DocsRule = DocsFileRule | DocsRepoRule;
