import { toInt, type OutputParser, type ParsedProblem } from './problem.ts';

/** ` FAIL  test/sum.test.js` or ` FAIL  test/sum.test.js (5.2 s)`: the file of the failures below. */
const FILE = /^\s*(?<status>FAIL|PASS)\s+(?<file>[^\s>]+)(?:\s+\([\d.]+\s*m?s\))?\s*$/;
/** `  ● sum › adds`: one failure. */
const TITLE = /^\s*●\s+(?<title>.+?)\s*$/;
/** `      at Object.toBe (test/sum.test.js:4:19)` or `at test/sum.test.js:4:19`. */
const FRAME = /^\s*at\s+(?:.*?\()?(?<file>[^\s()]+?):(?<line>\d+):(?<column>\d+)\)?\s*$/;
const SUMMARY = /^\s*(?:Test Suites|Tests|Snapshots|Time):\s/;

interface Block {
  file: string;
  title: string;
  message: string | undefined;
  frames: { file: string; line: number; column: number }[];
}

function samePath(frame: string, file: string): boolean {
  return frame === file || frame.endsWith(`/${file}`) || file.endsWith(`/${frame}`);
}

function toProblem(block: Block): ParsedProblem {
  const frame = block.frames.find((f) => samePath(f.file, block.file)) ?? block.frames.find((f) => !f.file.includes('node_modules') && !f.file.startsWith('node:'));
  return {
    file: frame?.file ?? block.file,
    line: frame?.line ?? 0,
    column: frame?.column ?? 0,
    severity: 'error',
    message: `${block.title}: ${block.message ?? 'failed'}`,
  };
}

/** jest's default reporter: `FAIL file`, then `● suite › test` blocks with the error and its stack. */
export const parseJest: OutputParser = (lines) => {
  const problems: ParsedProblem[] = [];
  let file: string | undefined;
  let block: Block | undefined;
  const close = () => {
    if (block) problems.push(toProblem(block));
    block = undefined;
  };
  for (const line of lines) {
    const header = FILE.exec(line)?.groups;
    if (header) {
      close();
      file = header.status === 'FAIL' ? header.file : undefined;
      continue;
    }
    if (SUMMARY.test(line)) {
      close();
      file = undefined;
      continue;
    }
    const title = TITLE.exec(line)?.groups;
    if (title && file !== undefined) {
      close();
      // "● Console" groups console output; it is not a failure.
      if (title.title !== 'Console') block = { file, title: title.title!, message: undefined, frames: [] };
      continue;
    }
    if (!block) continue;
    const frame = FRAME.exec(line)?.groups;
    if (frame) {
      block.frames.push({ file: frame.file!, line: toInt(frame.line), column: toInt(frame.column) });
      continue;
    }
    if (block.message === undefined && line.trim() !== '') block.message = line.trim();
  }
  close();
  return problems;
};
