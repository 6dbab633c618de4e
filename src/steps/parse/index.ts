import type { OutputFormat, StepFormat } from '../config.ts';
import { parseEslintCompact, parseEslintStylish } from './eslint.ts';
import { parseGeneric } from './generic.ts';
import { parseJest } from './jest.ts';
import type { OutputParser, ParsedProblem } from './problem.ts';
import { parseTsc } from './tsc.ts';
import { userPatternParser } from './user-pattern.ts';
import { parseVitest } from './vitest.ts';

export { plainLines, type ParsedProblem } from './problem.ts';

export const PARSERS: Record<OutputFormat, OutputParser> = {
  tsc: parseTsc,
  'eslint-stylish': parseEslintStylish,
  'eslint-compact': parseEslintCompact,
  vitest: parseVitest,
  jest: parseJest,
  generic: parseGeneric,
};

/** The formats "auto" tries; generic only when none of these found anything. */
const SPECIFIC: readonly OutputFormat[] = ['tsc', 'eslint-stylish', 'eslint-compact', 'vitest', 'jest'];

export interface ParsedOutput {
  problems: ParsedProblem[];
  /** The formats that found something, for the note ("read from its tsc output"). */
  formats: string[];
  /** Generic matches are kept only for files that exist (a "host:5432:" line is not a file). */
  needsExistingFile: boolean;
}

/** Reads the problems out of output lines in the step's format. */
export function parseOutput(format: Exclude<StepFormat, 'none'>, lines: readonly string[]): ParsedOutput {
  if (typeof format === 'object') return { problems: userPatternParser(format)(lines), formats: ['pattern'], needsExistingFile: false };
  if (format !== 'auto') return { problems: PARSERS[format](lines), formats: [format], needsExistingFile: format === 'generic' };
  const problems: ParsedProblem[] = [];
  const formats: string[] = [];
  for (const name of SPECIFIC) {
    const found = PARSERS[name](lines);
    if (found.length === 0) continue;
    problems.push(...found);
    formats.push(name);
  }
  if (problems.length > 0) return { problems, formats, needsExistingFile: false };
  const generic = parseGeneric(lines);
  return { problems: generic, formats: generic.length > 0 ? ['generic'] : [], needsExistingFile: true };
}
