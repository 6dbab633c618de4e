import type { UserPattern } from '../config.ts';
import { toInt, severityWord, type OutputParser, type ParsedProblem } from './problem.ts';

/** A parser from the user's regular expression with named groups (validated in the config). */
export function userPatternParser(spec: UserPattern): OutputParser {
  const regex = new RegExp(spec.pattern, spec.flags.replace(/[gy]/g, ''));
  return (lines) => {
    const problems: ParsedProblem[] = [];
    for (const line of lines) {
      const g = regex.exec(line)?.groups;
      if (!g?.file || g.message === undefined) continue;
      const code = g.code ? `${g.code}: ` : '';
      problems.push({
        file: g.file,
        line: toInt(g.line),
        column: toInt(g.column),
        ...(g.endLine ? { endLine: toInt(g.endLine) } : {}),
        ...(g.endColumn ? { endColumn: toInt(g.endColumn) } : {}),
        severity: severityWord(g.severity, spec.severity),
        message: `${code}${g.message.trim()}`,
      });
    }
    return problems;
  };
}
