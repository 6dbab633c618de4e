/** Syntax errors of YAML and JSON text, with 1-based lines and columns inside the text. */
import { parseAllDocuments } from 'yaml';

export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

/** The first error of each YAML document (later ones usually follow from it); duplicate keys are errors. */
export function yamlProblems(text: string): SyntaxProblem[] {
  const parsed = parseAllDocuments(text, { merge: true, uniqueKeys: true, prettyErrors: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  const problems: SyntaxProblem[] = [];
  for (const doc of documents) {
    const error = doc.errors[0];
    if (!error) continue;
    const pos = error.linePos?.[0];
    problems.push({ message: firstLine(error.message).replace(/ at line \d+, column \d+:?$/, ''), line: pos?.line ?? 1, column: pos?.col ?? 1 });
  }
  return problems;
}

export function jsonProblem(text: string): SyntaxProblem | undefined {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8: "… in JSON at position 12 (line 2 column 3)"; older: "at position 12" only.
    const lineCol = /\(line (\d+) column (\d+)\)/.exec(message);
    if (lineCol) return { message: message.replace(/\s*\(line \d+ column \d+\)/, ''), line: Number(lineCol[1]), column: Number(lineCol[2]) };
    const position = /at position (\d+)/.exec(message);
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const lines = before.split('\n');
      return { message, line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
    }
    return { message, line: text.split('\n').length, column: 1 };
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
