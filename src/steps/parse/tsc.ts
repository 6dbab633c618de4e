import { toInt, severityWord, type OutputParser, type ParsedProblem } from './problem.ts';

/** `src/a.ts(3,7): error TS2322: …` (plain, the default when piped). */
const PLAIN = /^(?<file>[^\s(][^(]*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|message) (?<code>TS\d+): (?<message>.*)$/;
/** `src/a.ts:3:7 - error TS2322: …` (--pretty). */
const PRETTY = /^(?<file>\S.*?):(?<line>\d+):(?<column>\d+) - (?<severity>error|warning|message) (?<code>TS\d+): (?<message>.*)$/;

/**
 * tsc diagnostics in both layouts. The indented lines right after a diagnostic (the chain
 * "Type 'X' is not assignable… / Property 'y' is missing…") belong to its message.
 */
export const parseTsc: OutputParser = (lines) => {
  const problems: ParsedProblem[] = [];
  let current: ParsedProblem | undefined;
  for (const line of lines) {
    const match = PLAIN.exec(line) ?? PRETTY.exec(line);
    if (match?.groups) {
      const g = match.groups;
      current = { file: g.file!, line: toInt(g.line), column: toInt(g.column), severity: severityWord(g.severity, 'error'), message: `${g.code}: ${g.message}` };
      problems.push(current);
      continue;
    }
    if (current && /^ {2,}\S/.test(line) && !/^[\s~]*$/.test(line)) {
      current.message += `\n${line.trim()}`;
      continue;
    }
    current = undefined;
  }
  return problems;
};
