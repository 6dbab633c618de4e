import { stripVTControlCharacters } from 'node:util';
import type { Severity } from '../../findings/finding.ts';

/** One problem read from a tool's output, with the path as the tool printed it. */
export interface ParsedProblem {
  /** As printed: relative to the step's working directory, or absolute. */
  file: string;
  /** 1-based; 0 when the tool named only the file. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  message: string;
}

/** Reads problems out of a command's output lines (colour codes already removed). */
export type OutputParser = (lines: readonly string[]) => ParsedProblem[];

/** Output lines without colour and cursor escapes, and without a trailing carriage return. */
export function plainLines(text: string): string[] {
  return stripVTControlCharacters(text).split('\n').map((line) => line.replace(/\r$/, ''));
}

export function toInt(value: string | undefined): number {
  const n = value === undefined ? 0 : Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** error/warning/note from the words tools use ("Error", "warn", "info", "message"). */
export function severityWord(word: string | undefined, fallback: Severity): Severity {
  const w = word?.toLowerCase() ?? '';
  if (w.startsWith('err') || w === 'fatal' || w === 'fatal error') return 'error';
  if (w.startsWith('warn')) return 'warning';
  if (w === 'note' || w === 'info' || w === 'message' || w === 'hint') return 'note';
  return fallback;
}
