/**
 * A validating JSON scanner that says where the first syntax error is (JSON.parse only says
 * that there is one). One pass, no recursion (an explicit stack, so deep nesting cannot
 * overflow), linear in the input. With `jsonc` it accepts what tsconfig.json and VS Code
 * settings accept: // and block comments, trailing commas, an empty file.
 */
export interface JsonSyntaxError {
  message: string;
  /** Offset in UTF-16 code units into the text. */
  offset: number;
  line: number;
  column: number;
}

export interface JsonSyntaxOptions {
  jsonc: boolean;
}

class Failure {
  readonly message: string;
  readonly offset: number;
  constructor(message: string, offset: number) {
    this.message = message;
    this.offset = offset;
  }
}

export function findJsonSyntaxError(text: string, options: JsonSyntaxOptions): JsonSyntaxError | undefined {
  try {
    scan(text, options.jsonc);
    return undefined;
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return { message: error.message, offset: error.offset, ...lineAndColumn(text, error.offset) };
  }
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function describe(text: string, i: number): string {
  if (i >= text.length) return 'end of file';
  const ch = text[i]!;
  return /[\x20-\x7e]/.test(ch) ? `'${ch}'` : `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function scan(text: string, jsonc: boolean): void {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // the byte-order-mark rule reports a BOM
  /** '{' or '[' for each open container. */
  const stack: string[] = [];

  const skipSpace = (): void => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        i++;
      } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
        if (!jsonc) throw new Failure('Comments are not allowed in JSON (tsconfig-style files are listed in checks.hygiene.jsoncFiles)', i);
        if (text[i + 1] === '/') {
          const end = text.indexOf('\n', i);
          i = end === -1 ? n : end + 1;
        } else {
          const end = text.indexOf('*/', i + 2);
          if (end === -1) throw new Failure('Unterminated block comment', i);
          i = end + 2;
        }
      } else {
        return;
      }
    }
  };

  const scanString = (): void => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= n) throw new Failure('Unterminated string', start);
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return;
      }
      if (code === 0x5c) {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Failure('Invalid \\u escape: expected four hex digits', i);
          i += 6;
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) {
          i += 2;
        } else {
          throw new Failure(`Invalid escape \\${esc ?? ''} in string`, i);
        }
        continue;
      }
      if (code < 0x20) throw new Failure('Control character in string (write it as an escape such as \\n)', i);
      i++;
    }
  };

  const scanNumber = (): void => {
    if (text[i] === '-') i++;
    if (text[i] === '0') {
      i++;
      if (isDigit(text[i])) throw new Failure('Invalid number: leading zeros are not allowed', i - 1);
    } else if (isDigit(text[i])) {
      while (isDigit(text[i])) i++;
    } else {
      throw new Failure(`Invalid number: expected a digit, found ${describe(text, i)}`, i);
    }
    if (text[i] === '.') {
      i++;
      if (!isDigit(text[i])) throw new Failure('Invalid number: expected a digit after the decimal point', i);
      while (isDigit(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text[i])) throw new Failure('Invalid number: expected a digit in the exponent', i);
      while (isDigit(text[i])) i++;
    }
  };

  const scanLiteral = (): void => {
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    throw new Failure(`Unexpected ${describe(text, i)}: expected a value`, i);
  };

  skipSpace();
  if (i >= n) {
    if (jsonc) return;
    throw new Failure('Empty file: a JSON document needs a value', 0);
  }

  // state: 'value' expects a value, 'key' a property name, 'after' a separator or a close
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipSpace();
    const c = text[i];
    if (state === 'value') {
      if (c === '{') {
        stack.push('{');
        i++;
        skipSpace();
        if (text[i] === '}') {
          stack.pop();
          i++;
          state = 'after';
        } else {
          state = 'key';
        }
      } else if (c === '[') {
        stack.push('[');
        i++;
        skipSpace();
        if (text[i] === ']') {
          stack.pop();
          i++;
          state = 'after';
        }
      } else if (c === '"') {
        scanString();
        state = 'after';
      } else if (c === '-' || isDigit(c)) {
        scanNumber();
        state = 'after';
      } else if (c === undefined) {
        throw new Failure('Unexpected end of file: expected a value', i);
      } else if ((c === ']' || c === '}') && stack.length > 0) {
        throw new Failure(`Unexpected ${describe(text, i)}: expected a value${jsonc ? '' : ' (trailing commas are not allowed in JSON)'}`, i);
      } else {
        scanLiteral();
        state = 'after';
      }
    } else if (state === 'key') {
      if (c !== '"') {
        if (c === '}' && !jsonc) throw new Failure('Trailing comma before \'}\' (not allowed in JSON)', i);
        throw new Failure(`Unexpected ${describe(text, i)}: expected a property name in double quotes`, i);
      }
      scanString();
      skipSpace();
      if (text[i] !== ':') throw new Failure(`Unexpected ${describe(text, i)}: expected ':' after the property name`, i);
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (i < n) throw new Failure(`Unexpected ${describe(text, i)} after the end of the document`, i);
        return;
      }
      const close = top === '{' ? '}' : ']';
      if (c === ',') {
        i++;
        skipSpace();
        if (jsonc && text[i] === close) continue; // trailing comma: the close is handled next round
        state = top === '{' ? 'key' : 'value';
      } else if (c === close) {
        stack.pop();
        i++;
      } else {
        throw new Failure(`Unexpected ${describe(text, i)}: expected ',' or '${close}'`, i);
      }
    }
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
