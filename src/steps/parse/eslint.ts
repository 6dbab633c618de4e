import { toInt, severityWord, type OutputParser, type ParsedProblem } from './problem.ts';

/** `  12:5  error  'x' is defined but never used  no-unused-vars` under a file line. */
const STYLISH_PROBLEM = /^\s+(?<line>\d+):(?<column>\d+)\s+(?<severity>error|warning)\s+(?<message>.*?)(?:\s{2,}(?<rule>[@\w][\w@/.-]*))?\s*$/;
/** The closing summary: `✖ 3 problems (2 errors, 1 warning)`. */
const STYLISH_SUMMARY = /^[✖✔×]\s/;

/** ESLint's default "stylish" formatter: a file path line, then its indented problems. */
export const parseEslintStylish: OutputParser = (lines) => {
  const problems: ParsedProblem[] = [];
  let file: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      file = STYLISH_SUMMARY.test(line) ? undefined : line.trim();
      continue;
    }
    const g = file === undefined ? undefined : STYLISH_PROBLEM.exec(line)?.groups;
    if (!g || file === undefined) continue;
    problems.push({
      file,
      line: toInt(g.line),
      column: toInt(g.column),
      severity: severityWord(g.severity, 'error'),
      message: g.rule ? `${g.message} (${g.rule})` : g.message!,
    });
  }
  return problems;
};

/** `/abs/a.js: line 1, col 7, Error - 'foo' is assigned a value but never used. (no-unused-vars)` */
const COMPACT = /^(?<file>\S.*?): line (?<line>\d+), col (?<column>\d+), (?<severity>Error|Warning) - (?<message>.*?)(?: \((?<rule>[@\w][\w@/.-]*)\))?$/;

/** ESLint's "compact" formatter (eslint-formatter-compact), one problem per line. */
export const parseEslintCompact: OutputParser = (lines) => {
  const problems: ParsedProblem[] = [];
  for (const line of lines) {
    const g = COMPACT.exec(line)?.groups;
    if (!g) continue;
    problems.push({
      file: g.file!,
      line: toInt(g.line),
      column: toInt(g.column),
      severity: severityWord(g.severity, 'error'),
      message: g.rule ? `${g.message} (${g.rule})` : g.message!,
    });
  }
  return problems;
};
