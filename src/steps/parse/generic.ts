import { toInt, severityWord, type OutputParser, type ParsedProblem } from './problem.ts';

/**
 * `path:line[:col]: [severity:] message`, as compilers and many linters print. The path must
 * look like a file (it has a "/" or an extension); the caller keeps only paths that exist.
 */
const GENERIC = /^(?<file>[^\s:]*[/.\\][^\s:]*):(?<line>\d+)(?::(?<column>\d+))?:\s*(?:(?<severity>fatal error|error|warning|warn|note|info)\s*:?\s+)?(?<message>\S.*)$/i;

export const parseGeneric: OutputParser = (lines) => {
  const problems: ParsedProblem[] = [];
  for (const line of lines) {
    const g = GENERIC.exec(line.trim())?.groups;
    if (!g) continue;
    problems.push({ file: g.file!, line: toInt(g.line), column: toInt(g.column), severity: severityWord(g.severity, 'error'), message: g.message!.trim() });
  }
  return problems;
};
