import { toInt, type OutputParser, type ParsedProblem } from './problem.ts';

/** ` FAIL  test/sum.test.ts > sum > adds`, or ` FAIL  test/x.test.ts [ test/x.test.ts ]` for a file that did not load. */
const FAIL = /^\s*FAIL\s+(?<file>\S+)(?:\s+>\s+(?<test>.+?)|\s+\[.*\])\s*$/;
/** A stack frame in vitest's error block: ` ❯ test/sum.test.ts:4:19` (optionally `❯ fn test/…`). */
const FRAME = /^\s*❯\s+(?:\S+\s+)?(?<file>[^\s:]+):(?<line>\d+):(?<column>\d+)\s*$/;
/** The rule between failures (`⎯⎯⎯[1/2]⎯`) and the closing summary end a block. */
const BLOCK_END = /^\s*(?:⎯{3,}|Test Files\s)/;

interface Block {
  file: string;
  test: string | undefined;
  message: string | undefined;
  frames: { file: string; line: number; column: number }[];
}

function toProblem(block: Block): ParsedProblem {
  // The frame in the failing test file itself, else the first outside node_modules.
  const frame = block.frames.find((f) => f.file === block.file) ?? block.frames.find((f) => !f.file.includes('node_modules'));
  const what = block.test ? `${block.test}: ` : '';
  return {
    file: frame?.file ?? block.file,
    line: frame?.line ?? 0,
    column: frame?.column ?? 0,
    severity: 'error',
    message: `${what}${block.message ?? 'failed'}`,
  };
}

/** vitest's default reporter: each failure as `FAIL file > test`, the error, then `❯ file:line:col`. */
export const parseVitest: OutputParser = (lines) => {
  const problems: ParsedProblem[] = [];
  let block: Block | undefined;
  const close = () => {
    if (block) problems.push(toProblem(block));
    block = undefined;
  };
  for (const line of lines) {
    const fail = FAIL.exec(line)?.groups;
    if (fail) {
      close();
      block = { file: fail.file!, test: fail.test?.replace(/\s+>\s+/g, ' > '), message: undefined, frames: [] };
      continue;
    }
    if (!block) continue;
    if (BLOCK_END.test(line)) {
      close();
      continue;
    }
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
