import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(16);
const utils = __nccwpck_require__(59);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(595);
const utils = __nccwpck_require__(59);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 16:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(781);
const parse = __nccwpck_require__(265);
const utils = __nccwpck_require__(59);
const constants = __nccwpck_require__(595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(59);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 59:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./build/src/checks/secrets/token-format.js
/**
 * Token formats as data: a list of literal parts and random character runs. A format serves
 * three purposes: it documents a rule (`ghp_<36 letters or digits>`), and it forges a fresh
 * fake token for tests, the demo and the benchmark, so no realistic token is ever stored in
 * the repository (every scanner, GitHub push protection included, would flag it).
 */
const CHARSETS = {
    alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
    upperAlnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    lowerAlnum: 'abcdefghijklmnopqrstuvwxyz0123456789',
    hex: '0123456789abcdef',
    upperHex: '0123456789ABCDEF',
    base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
    base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
    base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
    digits: '0123456789',
    lower: 'abcdefghijklmnopqrstuvwxyz',
    alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
};
const CHARSET_WORDS = {
    alnum: 'letters or digits',
    upperAlnum: 'upper-case letters or digits',
    lowerAlnum: 'lower-case letters or digits',
    hex: 'hex digits',
    upperHex: 'upper-case hex digits',
    base64: 'base64 characters',
    base64url: 'base64url characters',
    base32: 'characters A-Z, 2-7',
    digits: 'digits',
    lower: 'lower-case letters',
    alpha: 'letters',
};
/** Shorthand for a random run in a format: `run('alnum', 36)`. */
function run(charset, length) {
    return { charset, length };
}
/** A deterministic random source (mulberry32), so forged fixtures are the same on every run. */
function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function randomString(charset, length, random) {
    const chars = CHARSETS[charset];
    let out = '';
    for (let i = 0; i < length; i++)
        out += chars[Math.floor(random() * chars.length)];
    return out;
}
function forgeFormat(format, random) {
    return format.map((part) => (typeof part === 'string' ? part : randomString(part.charset, part.length, random))).join('');
}
function describeFormat(format) {
    return format.map((part) => (typeof part === 'string' ? part : `<${part.length} ${CHARSET_WORDS[part.charset]}>`)).join('');
}
function isCustomSecret(secret) {
    return !Array.isArray(secret);
}
function forgeSecret(sample, random) {
    return isCustomSecret(sample.secret) ? sample.secret.forge(random) : forgeFormat(sample.secret, random);
}
function describeSecret(sample) {
    return isCustomSecret(sample.secret) ? sample.secret.shape : describeFormat(sample.secret);
}
/** The forged secret and the line(s) it sits on. */
function forgeSample(sample, random) {
    const secret = forgeSecret(sample, random);
    return { secret, text: `${sample.before ?? ''}${secret}${sample.after ?? ''}` };
}
/** The sample as documentation: `token = "ghp_<36 letters or digits>"`. */
function describeSample(sample) {
    return `${sample.before ?? ''}${describeSecret(sample)}${sample.after ?? ''}`;
}
//# sourceMappingURL=token-format.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/entropy.js
/** Shannon entropy of a string in bits per character (0 for the empty string). */
function shannonEntropy(text) {
    if (text.length === 0)
        return 0;
    const counts = new Map();
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let bits = 0;
    for (const count of counts.values()) {
        const p = count / text.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}
/** How many of lower case, upper case, digits and other characters a string uses. */
function characterClasses(text) {
    let lower = 0;
    let upper = 0;
    let digit = 0;
    let other = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 97 && c <= 122)
            lower = 1;
        else if (c >= 65 && c <= 90)
            upper = 1;
        else if (c >= 48 && c <= 57)
            digit = 1;
        else
            other = 1;
    }
    return lower + upper + digit + other;
}
//# sourceMappingURL=entropy.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/token-rule.js

function withFlags(regex, flags) {
    const all = new Set([...regex.flags, ...flags]);
    return new RegExp(regex.source, [...all].join(''));
}
/** Runs one pattern over the context text and reports what passes its checks. */
function reportMatches(context, pattern, compiled, allow) {
    const group = pattern.group ?? 0;
    // exec with lastIndex rather than matchAll, which clones the regex on every call (once per window).
    compiled.lastIndex = 0;
    for (let match = compiled.exec(context.text); match; match = compiled.exec(context.text)) {
        if (match[0].length === 0)
            compiled.lastIndex++;
        const secret = match[group];
        const span = match.indices?.[group];
        if (secret === undefined || span === undefined)
            continue;
        if (pattern.minEntropy !== undefined && shannonEntropy(secret) < pattern.minEntropy)
            continue;
        if (pattern.verify && !pattern.verify(secret))
            continue;
        if (allow.some((a) => a.test(secret)))
            continue;
        context.report({ secret, index: span[0], label: pattern.label, ...(pattern.severity ? { severity: pattern.severity } : {}) });
    }
}
/** A content rule from data: keywords, patterns with their samples, and docs. */
function defineTokenRule(spec) {
    const compiled = spec.patterns.map((p) => withFlags(p.regex, 'gd'));
    const allow = spec.allow ?? [];
    return {
        kind: 'content',
        meta: spec.meta,
        keywords: spec.keywords,
        scope: spec.scope ?? 'window',
        window: spec.window ?? 160,
        priority: spec.priority ?? 10,
        patterns: spec.patterns.map((p) => p.regex),
        examples: spec.patterns.map((p) => ({ label: p.label, ...(p.severity ? { severity: p.severity } : {}), sample: p.sample })),
        docs: spec.docs,
        create(context) {
            spec.patterns.forEach((pattern, i) => reportMatches(context, pattern, compiled[i], allow));
        },
    };
}
//# sourceMappingURL=token-rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/adyen-key/rule.js


const adyenKey = defineTokenRule({
    meta: {
        id: 'secrets/adyen-key',
        description: 'Adyen API keys (AQE…, with dash-separated parts).',
        severity: 'error',
        fixable: false,
        fixHint: 'Generate a new API key for the web-service user in the Adyen Customer Area (Developers → API credentials) and revoke the old one.',
    },
    keywords: ['aqe'],
    window: 400,
    patterns: [
        {
            label: 'Adyen API key',
            regex: /(?<![A-Za-z0-9+/_-])(AQE[A-Za-z0-9+/]{30,250}={0,2}-[A-Za-z0-9+/]{20,80}={0,2})(?:-[^\s"'`]{1,40})?(?![A-Za-z0-9+/=_-])/,
            group: 1,
            minEntropy: 4,
            sample: { before: 'ADYEN_API_KEY=', secret: ['AQE', run('base64', 120), '-', run('base64', 43), '='] },
        },
    ],
    docs: {
        why: 'An Adyen API key authorises payments, refunds and payouts for the merchant accounts of its web-service user.',
        good: 'const client = new Client({ apiKey: process.env.ADYEN_API_KEY, environment: "LIVE" });',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/pattern-parts.js
/**
 * Building blocks for rule patterns, as regex source text. Every quantifier is bounded so each
 * match attempt costs a bounded number of steps; the ReDoS test checks the assembled patterns.
 */
/** Not preceded by a token character (so `xghp_…` inside a longer word does not match). */
const START = String.raw `(?<![A-Za-z0-9_])`;
/** Not followed by a token character. */
const END = String.raw `(?![A-Za-z0-9_])`;
/** Like START/END for formats whose alphabet includes `-`. */
const START_DASH = String.raw `(?<![A-Za-z0-9_-])`;
const END_DASH = String.raw `(?![A-Za-z0-9_-])`;
/**
 * An assignment after a key name, in the shapes config and code use: `= "`, `: '`, `=> `,
 * `:= `, `"key": "`, with optional quotes.
 */
const ASSIGN = String.raw `["'\x60]?\s{0,4}(?::=|=>|=|:)\s{0,4}["'\x60]?`;
/** Builds a regex from parts; flags default to none. */
function pattern(parts, flags = '') {
    return new RegExp(parts.join(''), flags);
}
//# sourceMappingURL=pattern-parts.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/ai-provider-key/rule.js



const prefixed = (label, prefix, body, env, format) => ({
    label,
    regex: new RegExp(`${START_DASH}(${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${body})${END_DASH}`),
    group: 1,
    minEntropy: 3.8,
    sample: { before: `${env}=`, secret: [prefix, ...format] },
});
const aiProviderKey = defineTokenRule({
    meta: {
        id: 'secrets/ai-provider-key',
        description: 'API keys of other AI providers with documented prefixes: Hugging Face (hf_), Groq (gsk_), Replicate (r8_), Perplexity (pplx-), xAI (xai-), OpenRouter (sk-or-v1-).',
        severity: 'error',
        fixable: false,
        fixHint: "Revoke the key in the provider's console, create a new one, and read it from the environment.",
    },
    keywords: ['hf_', 'gsk_', 'r8_', 'pplx-', 'xai-', 'sk-or-v1-'],
    window: 120,
    patterns: [
        prefixed('Hugging Face access token', 'hf_', '[A-Za-z]{34}', 'HF_TOKEN', [run('alpha', 34)]),
        prefixed('Groq API key', 'gsk_', '[A-Za-z0-9]{52}', 'GROQ_API_KEY', [run('alnum', 52)]),
        prefixed('Replicate API token', 'r8_', '[A-Za-z0-9]{37}', 'REPLICATE_API_TOKEN', [run('alnum', 37)]),
        prefixed('Perplexity API key', 'pplx-', '[A-Za-z0-9]{48}', 'PERPLEXITY_API_KEY', [run('alnum', 48)]),
        prefixed('xAI API key', 'xai-', '[A-Za-z0-9]{80}', 'XAI_API_KEY', [run('alnum', 80)]),
        prefixed('OpenRouter API key', 'sk-or-v1-', '[a-f0-9]{64}', 'OPENROUTER_API_KEY', [run('hex', 64)]),
    ],
    docs: {
        why: 'AI provider keys are spent by whoever holds them, and several also reach private models, datasets or conversation logs.',
        good: 'HF_TOKEN=${{ secrets.HF_TOKEN }}',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/anthropic-key/rule.js


const anthropicKey = defineTokenRule({
    meta: {
        id: 'secrets/anthropic-key',
        description: 'Anthropic API and admin keys (sk-ant-api03-…, sk-ant-admin01-…).',
        severity: 'error',
        fixable: false,
        fixHint: 'Disable the key in the Claude Console (Settings → API keys), create a new one, and read it from the environment.',
    },
    keywords: ['sk-ant-'],
    window: 160,
    patterns: [
        {
            label: 'Anthropic API key',
            regex: /(?<![A-Za-z0-9_-])(sk-ant-(?:api|admin|oat|ort)[0-9]{2}-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])/,
            group: 1,
            minEntropy: 4,
            sample: { before: 'ANTHROPIC_API_KEY=', secret: ['sk-ant-api03-', run('base64url', 93), 'AA'] },
        },
    ],
    docs: {
        why: 'An Anthropic key spends your organisation\'s credit and, for admin keys, manages its members and other keys.',
        good: 'const anthropic = new Anthropic(); // reads ANTHROPIC_API_KEY from the environment',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/aws-access-key/rule.js


/** Access key ids: a documented 4-letter prefix and 16 base32 characters. */
const KEY_ID = /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/g;
/** A secret access key: 40 base64 characters, not part of a longer run. */
const SECRET = /(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;
/** How many lines around a key id are searched for its secret. */
const NEARBY_LINES = 5;
const LABELS = {
    AKIA: 'AWS access key id (long-term)',
    ASIA: 'AWS access key id (temporary, STS)',
    ABIA: 'AWS STS service bearer token id',
    ACCA: 'AWS context-specific credential id',
};
/** A 40-character value that looks random: mixed classes and high entropy. */
function looksLikeSecretKey(value) {
    return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) && shannonEntropy(value) >= 4.2;
}
/** At most this many characters on each side of a key id are searched for its secret. */
const NEARBY_CHARS = 2000;
/** Key ids past this many in one text are reported without looking for their secret. */
const MAX_PAIRED = 200;
/** The span of `lines` lines above and below the line of `at`, never more than NEARBY_CHARS away. */
function nearbySpan(text, at, lines) {
    const lower = Math.max(0, at - NEARBY_CHARS);
    const upper = Math.min(text.length, at + NEARBY_CHARS);
    const before = text.slice(lower, at);
    let from = before.length;
    for (let i = 0; i <= lines && from > 0; i++)
        from = Math.max(0, before.lastIndexOf('\n', from - 1));
    const after = text.slice(at, upper);
    let to = 0;
    for (let i = 0; i <= lines && to < after.length; i++) {
        const nl = after.indexOf('\n', to + 1);
        to = nl < 0 ? after.length : nl;
    }
    return [lower + from, at + to];
}
function newlinesBetween(text, a, b) {
    let count = 0;
    for (let i = Math.min(a, b); i < Math.max(a, b); i++)
        if (text.charCodeAt(i) === 10)
            count++;
    return count;
}
const awsAccessKey = {
    kind: 'content',
    meta: {
        id: 'secrets/aws-access-key',
        description: 'AWS access key ids (AKIA, ASIA, ABIA, ACCA), and the secret access key when it sits within a few lines.',
        severity: 'error',
        fixable: false,
        fixHint: 'Deactivate and delete the access key in IAM (and check CloudTrail for its use), then use roles, SSO or environment credentials instead of keys in code.',
    },
    keywords: ['akia', 'asia', 'abia', 'acca'],
    scope: 'file',
    window: 0,
    priority: 10,
    patterns: [KEY_ID, SECRET],
    examples: [
        { label: LABELS.AKIA, sample: { before: 'aws_access_key_id = ', secret: ['AKIA', run('base32', 16)] } },
        { label: LABELS.ASIA, sample: { before: 'AWS_ACCESS_KEY_ID=', secret: ['ASIA', run('base32', 16)] } },
    ],
    docs: {
        why: 'An access key id identifies an IAM credential; together with its secret access key it signs any AWS API call the user or role may make, from reading S3 buckets to launching machines. Keys committed to public repositories are found by attackers within minutes.',
        good: '# use an IAM role, SSO (aws sso login) or AWS_PROFILE; never literal keys',
        notes: [
            'When a 40-character secret access key appears within 5 lines of a key id, it is reported too, as a second finding that names the line of its key id.',
            'The AWS documentation key `AKIAIOSFODNN7EXAMPLE` and similar values are ignored as placeholders.',
        ],
    },
    create(context) {
        const { text } = context;
        let seen = 0;
        for (const match of text.matchAll(KEY_ID)) {
            const keyId = match[1];
            const at = match.index;
            let paired;
            const [from, to] = seen++ < MAX_PAIRED ? nearbySpan(text, at, NEARBY_LINES) : [at, at];
            for (const s of text.slice(from, to).matchAll(SECRET)) {
                if (looksLikeSecretKey(s[1])) {
                    paired = { secret: s[1], index: from + s.index };
                    break;
                }
            }
            const label = LABELS[keyId.slice(0, 4)] ?? 'AWS access key id';
            if (!paired) {
                context.report({ secret: keyId, index: at, label });
                continue;
            }
            const distance = newlinesBetween(text, at, paired.index);
            const where = distance === 0 ? 'on the same line' : `${distance} line(s) ${paired.index > at ? 'below' : 'above'}`;
            context.report({ secret: keyId, index: at, label, detail: `its secret access key is ${where}` });
            context.report({ secret: paired.secret, index: paired.index, label: 'AWS secret access key', detail: `next to access key id ${keyId.slice(0, 4)}…` });
        }
    },
};
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/aws-secret-key/rule.js



const awsSecretKey = defineTokenRule({
    meta: {
        id: 'secrets/aws-secret-key',
        description: 'AWS secret access keys assigned to a name that says so (aws_secret_access_key, secretAccessKey, …).',
        severity: 'error',
        fixable: false,
        fixHint: 'Deactivate and delete the access key in IAM (and check CloudTrail for its use), then use roles, SSO or environment credentials.',
    },
    keywords: ['secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_secret_key', 'aws_secret', 'awssecret'],
    window: 120,
    patterns: [
        {
            label: 'AWS secret access key',
            regex: new RegExp(`(?:aws)?[_.-]?secret[_.-]?(?:access)?[_.-]?key(?:_id)?${ASSIGN}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`, 'i'),
            group: 1,
            minEntropy: 4,
            sample: { before: 'aws_secret_access_key = ', secret: [run('base64', 40)] },
        },
    ],
    docs: {
        why: 'The secret access key is the half of an AWS credential that signs requests. With it and the key id (often in the same file or in logs), anyone can act as the IAM user.',
        good: 'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}',
        notes: ['A 40-character secret next to an access key id is reported by secrets/aws-access-key as well; this rule finds the secret when it stands alone.'],
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/aws-session-token/rule.js



const awsSessionToken = defineTokenRule({
    meta: {
        id: 'secrets/aws-session-token',
        description: 'AWS STS session tokens (temporary credentials), by their documented encoding prefix or by the name they are assigned to.',
        severity: 'error',
        fixable: false,
        fixHint: 'Revoke the role session (IAM → Roles → Revoke active sessions) and stop copying temporary credentials into files; use a credential process or SSO.',
    },
    keywords: ['fwogzxivyxdz', 'iqojb3jpz2lux2vj', 'session_token', 'sessiontoken', 'security_token', 'securitytoken', 'security-token'],
    window: 1500,
    patterns: [
        {
            label: 'AWS session token',
            regex: /(?<![A-Za-z0-9/+])((?:FwoGZXIvYXdz|IQoJb3JpZ2luX2Vj)[A-Za-z0-9/+]{100,1400}={0,2})(?![A-Za-z0-9/+=])/,
            group: 1,
            minEntropy: 4,
            sample: { before: 'aws_session_token = ', secret: ['IQoJb3JpZ2luX2Vj', run('base64', 300)] },
        },
        {
            label: 'AWS session token',
            regex: new RegExp(`(?:session|security)[_-]?token${ASSIGN}([A-Za-z0-9/+]{100,1400}={0,2})(?![A-Za-z0-9/+=])`, 'i'),
            group: 1,
            minEntropy: 4,
            sample: { before: 'AWS_SESSION_TOKEN=', secret: [run('base64', 240)] },
        },
    ],
    docs: {
        why: 'Temporary credentials expire, but within their lifetime (up to 36 hours) they carry the full permissions of the assumed role, and they are often pasted into files while debugging.',
        good: 'credential_process = aws-vault exec prod --json',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/azure-client-secret/rule.js


const azureClientSecret = defineTokenRule({
    meta: {
        id: 'secrets/azure-client-secret',
        description: 'Microsoft Entra ID (Azure AD) application client secrets in the current format (with "Q~" at position 5).',
        severity: 'error',
        fixable: false,
        fixHint: 'Delete the secret in Entra ID (App registrations → Certificates & secrets), then use a certificate, a managed identity or workload identity federation.',
    },
    keywords: ['q~'],
    window: 60,
    patterns: [
        {
            label: 'Microsoft Entra ID client secret',
            regex: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'AZURE_CLIENT_SECRET=', secret: [run('alnum', 3), run('digits', 1), 'Q~', run('alnum', 34)] },
        },
    ],
    docs: {
        why: 'A client secret lets anyone sign in as the application and call every API it was granted, often Microsoft Graph with tenant-wide permissions.',
        good: 'AZURE_CLIENT_SECRET=${{ secrets.AZURE_CLIENT_SECRET }}',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/azure-storage-key/rule.js


const azureStorageKey = defineTokenRule({
    meta: {
        id: 'secrets/azure-storage-key',
        description: 'Azure storage account keys and Service Bus / Event Hubs shared access keys, usually inside a connection string.',
        severity: 'error',
        fixable: false,
        fixHint: 'Rotate the key in the Azure portal (Access keys → Rotate), then use a managed identity or Key Vault reference instead of a connection string in code.',
    },
    keywords: ['accountkey=', 'sharedaccesskey='],
    window: 140,
    patterns: [
        {
            label: 'Azure storage account key',
            regex: /AccountKey=([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/i,
            group: 1,
            minEntropy: 4,
            sample: { before: 'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmepayments;AccountKey=', secret: [run('base64', 86), '=='], after: ';EndpointSuffix=core.windows.net"' },
        },
        {
            label: 'Azure shared access key',
            regex: /SharedAccessKey=([A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/i,
            group: 1,
            minEntropy: 4,
            sample: { before: 'SERVICEBUS="Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=', secret: [run('base64', 43), '='], after: '"' },
        },
    ],
    docs: {
        why: 'A storage account key gives full control of every blob, queue, table and file share in the account; a Service Bus root key can read and send every message.',
        good: 'const client = new BlobServiceClient(url, new DefaultAzureCredential());',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/well-known-passwords.js
/**
 * Passwords that tutorials, docker-compose files and local setups use on purpose. A URL with
 * one of these is a local default, not a leak.
 */
const WELL_KNOWN_PASSWORDS = /^(?:password|passwd|pass|pwd|pw|secret|postgres|postgresql|mysql|mariadb|mongo|mongodb|redis|rabbitmq|guest|root|admin|administrator|test|testing|tester|dev|development|local|localhost|user|username|changeme|changeit|default|demo|example|sample|qwerty|letmein|welcome|123456|12345678|123456789|foobar|foo|bar|token|apikey|api_key|x-oauth-basic)$/i;
//# sourceMappingURL=well-known-passwords.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/basic-auth-url/rule.js



const SCHEMES = ['http', 'https', 'ftp', 'ftps', 'sftp', 'ssh', 'git', 'smtp', 'smtps', 'ldap', 'ldaps', 'ws', 'wss'];
const basicAuthUrl = defineTokenRule({
    meta: {
        id: 'secrets/basic-auth-url',
        description: 'URLs with credentials in them (https://user:password@host, ftp://, smtp://, ssh://, …).',
        severity: 'error',
        fixable: false,
        fixHint: 'Change the password or token, and pass credentials separately (an Authorization header, a credential helper, netrc from a secret).',
    },
    keywords: SCHEMES.map((s) => `${s}://`),
    window: 200,
    // a host:port pair followed by @ in a path is not a password
    allow: [WELL_KNOWN_PASSWORDS, /^[0-9]{1,5}$/],
    patterns: [
        {
            label: 'URL with embedded credentials',
            regex: /(?<![A-Za-z0-9+.-])(?:https?|ftps?|sftp|ssh|git|smtps?|ldaps?|wss?):\/\/([^\s:@/"'`<>]{1,64}):([^\s@/"'`<>]{3,128})@[A-Za-z0-9.[\]_-]{1,253}/,
            group: 2,
            sample: { before: 'registry=https://deploy:', secret: [run('alnum', 24)], after: '@npm.acme.internal/' },
        },
    ],
    docs: {
        why: 'Credentials in a URL travel everywhere the URL does: logs, error messages, proxies, browser history and shell history.',
        good: 'git clone https://github.com/acme/payments.git   # with a credential helper',
        notes: ['Well-known dummy passwords and placeholders such as `${TOKEN}` are not reported. Database schemes are covered by secrets/database-url.'],
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/bitbucket-token/rule.js



const bitbucketToken = defineTokenRule({
    meta: {
        id: 'secrets/bitbucket-token',
        description: 'Bitbucket app passwords and Atlassian API / repository access tokens.',
        severity: 'error',
        fixable: false,
        fixHint: 'Revoke the app password or access token in Bitbucket (Personal settings → App passwords, or the repository/workspace access tokens), then read it from the environment.',
    },
    keywords: ['atbb', 'atatt', 'atctt'],
    window: 300,
    patterns: [
        {
            label: 'Bitbucket app password',
            regex: new RegExp(`${START_DASH}(ATBB[A-Za-z0-9_=.-]{28,60})${END_DASH}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'BITBUCKET_APP_PASSWORD=', secret: ['ATBB', run('alnum', 32)] },
        },
        {
            label: 'Atlassian API or access token',
            regex: new RegExp(`${START_DASH}((?:ATATT|ATCTT)[A-Za-z0-9_=.-]{100,250})${END_DASH}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'ATLASSIAN_TOKEN=', secret: ['ATATT3x', run('base64url', 180)] },
        },
    ],
    docs: {
        why: 'A Bitbucket app password or access token can clone and push to every repository its scopes allow; Atlassian API tokens also open Jira and Confluence.',
        good: 'BITBUCKET_APP_PASSWORD=${BITBUCKET_APP_PASSWORD}',
    },
});
//# sourceMappingURL=rule.js.map
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(6);
;// CONCATENATED MODULE: ./build/src/runner/glob-matcher.js
/**
 * One test for "does this repository path match any of these globs", with picomatch's meaning
 * (`dot: true`) but one regular expression per list instead of one picomatch matcher per glob.
 * A tree scan asks it once per file and per glob list, on every thread: with picomatch's own
 * matchers that was about 50 ms for 5,000 files and the default blocked-file globs, against
 * about 10 ms here.
 *
 * Globs of the form `**∕<name>` (no further `/`, no `**`: `**∕.env`, `**∕*.pem`) only look at the
 * last path segment, so they are tested on it alone, which is both simpler to match and what
 * most configured globs are. The rest are picomatch's own regular expressions, joined.
 */

const OPTIONS = { dot: true };
const never = () => false;
/** The part after `**∕` when a glob looks only at the last segment, else undefined. */
function nameGlob(glob) {
    if (!glob.startsWith('**/'))
        return undefined;
    const name = glob.slice(3);
    return name === '' || name.includes('/') || name.includes('**') || name.startsWith('!') ? undefined : name;
}
function joined(globs) {
    if (globs.length === 0)
        return undefined;
    return new RegExp(globs.map((g) => picomatch.makeRe(g, OPTIONS).source).join('|'));
}
/** A matcher for repository-relative, `/`-separated paths; true when any glob matches. */
function globMatcher(globs) {
    if (globs.length === 0)
        return never;
    // picomatch also takes a path equal to the glob itself (`a[1].ts` names a file, not a class).
    const literal = new Set(globs);
    const names = globs.map(nameGlob);
    const nameRe = joined(names.filter((n) => n !== undefined));
    const pathRe = joined(globs.filter((_, i) => names[i] === undefined));
    return (path) => literal.has(path) || (nameRe !== undefined && nameRe.test(path.slice(path.lastIndexOf('/') + 1))) || (pathRe !== undefined && pathRe.test(path));
}
//# sourceMappingURL=glob-matcher.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/blocked-file/rule.js

/** Registry config files are blocked only when they hold credentials, not `${ENV}` references. */
const NPMRC_AUTH = /^\s*(?:\/\/[^\s=]*:)?_(?:authToken|auth|password)\s*=\s*(?!\$\{)\S/m;
const PYPIRC_AUTH = /^\s*password\s*[=:]\s*(?!\$\{|%\()\S/m;
const cache = new WeakMap();
function matchers(options) {
    let m = cache.get(options);
    if (!m) {
        m = { blocked: globMatcher(options.blockedFiles), allowed: globMatcher(options.allowedFiles) };
        cache.set(options, m);
    }
    return m;
}
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
const blockedFile = {
    kind: 'path',
    meta: {
        id: 'secrets/blocked-file',
        description: 'Files that hold secrets by their nature (.env, private keys, keystores, credentials.json, Terraform state, .npmrc/.pypirc with credentials), whatever their content looks like.',
        severity: 'error',
        fixable: false,
        fixHint: 'Unstage the file (git rm --cached <file>), add it to .gitignore, and rotate whatever it held if it was ever pushed. Commit a template such as .env.example instead.',
    },
    docs: {
        why: 'Some files are secrets by definition: a `.env` file, a keystore, a Terraform state with every output in clear text. Scanning their content is not enough (a keystore is binary, a state file holds secrets no pattern knows), so they are blocked by name.',
        bad: 'git add .env deploy/id_rsa infra/terraform.tfstate',
        good: '.env.example with KEY= lines and no values; .npmrc with //registry.npmjs.org/:_authToken=${NPM_TOKEN}',
        notes: [
            'Defaults: `.env` and `.env.*` (except `.env.example`, `.env.template`, `.env.sample`), `*.pem`, `id_rsa*`, `id_dsa`, `id_ecdsa`, `id_ed25519*` (never `*.pub`), `*.p12`, `*.pfx`, `*.jks`, `*.keystore`, `credentials.json`, `.git-credentials`, `*.tfstate`, `*.tfstate.backup`.',
            'Configure with `checks.secrets.blockedFiles` and `checks.secrets.allowedFiles` (globs).',
            '`.npmrc` and `.pypirc` are blocked only when they contain a literal credential (`_authToken=`, `_auth=`, `_password=`, `password =`), not an `${ENV}` reference.',
        ],
    },
    create(context) {
        const { path, options } = context;
        const m = matchers(options);
        if (m.allowed(path))
            return;
        if (m.blocked(path)) {
            context.report({ message: `${baseName(path)} must not be committed: files of this kind hold secrets whatever their content.` });
            return;
        }
        const name = baseName(path);
        if (name === '.npmrc' || name === '.pypirc') {
            const text = context.content?.toString('utf8') ?? '';
            if ((name === '.npmrc' ? NPMRC_AUTH : PYPIRC_AUTH).test(text)) {
                context.report({ message: `${name} holds a registry credential; reference an environment variable (\${NPM_TOKEN}) instead of the value.` });
            }
        }
    },
};
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/database-url/rule.js



const rule_SCHEMES = ['postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'amqp', 'amqps', 'mssql', 'sqlserver', 'cockroachdb', 'clickhouse'];
const databaseUrl = defineTokenRule({
    meta: {
        id: 'secrets/database-url',
        description: 'Database and broker connection URLs with a password (postgres://user:password@host, mongodb+srv://, redis://, amqp://, …).',
        severity: 'error',
        fixable: false,
        fixHint: 'Change the database password, and build the URL at runtime from DATABASE_URL or separate environment variables.',
    },
    keywords: rule_SCHEMES.map((s) => `${s}://`),
    window: 200,
    allow: [WELL_KNOWN_PASSWORDS],
    patterns: [
        {
            label: 'Database URL with a password',
            regex: /(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse):\/\/([^\s:@/"'`<>]{0,64}):([^\s@/"'`<>]{1,128})@[A-Za-z0-9.[\]_-]{1,253}/,
            group: 2,
            sample: { before: 'DATABASE_URL=postgres://payments:', secret: [run('alnum', 20)], after: '@db.acme.internal:5432/payments' },
        },
    ],
    docs: {
        why: 'A connection URL with a password opens the database to anyone who can reach it; for a payments service that is the ledger, the customers and their payment methods.',
        good: 'DATABASE_URL=postgres://payments@db.acme.internal/payments   # password from PGPASSWORD or a secret store',
        notes: ['Local-development defaults (postgres, password, root, secret, changeme, …) and placeholders such as `${DB_PASSWORD}` are not reported.'],
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/datadog-key/rule.js



const datadogKey = defineTokenRule({
    meta: {
        id: 'secrets/datadog-key',
        description: 'Datadog API keys (32 hex) and application keys (40 hex) assigned to a name that says so (DD_API_KEY, datadog_app_key, DD-APPLICATION-KEY, …).',
        severity: 'error',
        fixable: false,
        fixHint: 'Revoke the key in Datadog (Organization settings → API keys / Application keys) and keep the new one in a secret.',
    },
    keywords: ['datadog', 'dd_api', 'dd-api', 'dd_app', 'dd-app', 'ddapi', 'ddapp'],
    window: 120,
    patterns: [
        {
            label: 'Datadog API key',
            regex: new RegExp(`(?:datadog|dd)[_-]?api[_-]?key${ASSIGN}([a-f0-9]{32})(?![a-f0-9])`, 'i'),
            group: 1,
            minEntropy: 3,
            sample: { before: 'DD_API_KEY=', secret: [run('hex', 32)] },
        },
        {
            label: 'Datadog application key',
            regex: new RegExp(`(?:datadog|dd)[_-]?app(?:lication)?[_-]?key${ASSIGN}([a-f0-9]{40})(?![a-f0-9])`, 'i'),
            group: 1,
            minEntropy: 3,
            sample: { before: 'DD_APP_KEY=', secret: [run('hex', 40)] },
        },
    ],
    docs: {
        why: 'An API key submits metrics and logs billed to you; an application key reads dashboards, logs and monitors, which often hold customer data.',
        good: 'DD_API_KEY=${DD_API_KEY}',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/digitalocean-token/rule.js



const digitaloceanToken = defineTokenRule({
    meta: {
        id: 'secrets/digitalocean-token',
        description: 'DigitalOcean personal access, OAuth and refresh tokens (dop_v1_, doo_v1_, dor_v1_).',
        severity: 'error',
        fixable: false,
        fixHint: 'Revoke the token in the DigitalOcean control panel (API → Tokens) and keep the new one in a secret.',
    },
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    window: 90,
    patterns: [
        {
            label: 'DigitalOcean personal access token',
            regex: new RegExp(`${START}(dop_v1_[a-f0-9]{64})${END}`),
            group: 1,
            minEntropy: 3,
            sample: { before: 'DIGITALOCEAN_TOKEN=', secret: ['dop_v1_', run('hex', 64)] },
        },
        {
            label: 'DigitalOcean OAuth token',
            regex: new RegExp(`${START}(do[or]_v1_[a-f0-9]{64})${END}`),
            group: 1,
            minEntropy: 3,
            sample: { before: 'DO_OAUTH_TOKEN=', secret: ['doo_v1_', run('hex', 64)] },
        },
    ],
    docs: {
        why: 'A DigitalOcean token creates and destroys droplets, databases and volumes, and reads their credentials.',
        good: 'DIGITALOCEAN_TOKEN=${DIGITALOCEAN_TOKEN}',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/dockerhub-token/rule.js



const dockerhubToken = defineTokenRule({
    meta: {
        id: 'secrets/dockerhub-token',
        description: 'Docker Hub personal and organization access tokens (dckr_pat_, dckr_oat_).',
        severity: 'error',
        fixable: false,
        fixHint: 'Delete the token in Docker Hub (Account settings → Personal access tokens) and keep the new one in a CI secret.',
    },
    keywords: ['dckr_pat_', 'dckr_oat_'],
    window: 80,
    patterns: [
        {
            label: 'Docker Hub personal access token',
            regex: new RegExp(`${START_DASH}(dckr_pat_[A-Za-z0-9_-]{27,40})${END_DASH}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'DOCKERHUB_TOKEN=', secret: ['dckr_pat_', run('base64url', 27)] },
        },
        {
            label: 'Docker Hub organization access token',
            regex: new RegExp(`${START_DASH}(dckr_oat_[A-Za-z0-9_-]{27,40})${END_DASH}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'DOCKERHUB_TOKEN=', secret: ['dckr_oat_', run('base64url', 32)] },
        },
    ],
    docs: {
        why: 'A Docker Hub token pushes images to your repositories: the next deploy pulls whatever the attacker pushed.',
        good: 'echo "$DOCKERHUB_TOKEN" | docker login -u acme --password-stdin',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/exchange-api-key/rule.js



const EXCHANGES = ['binance', 'coinbase', 'kraken', 'bitfinex', 'bybit', 'kucoin', 'bitstamp', 'okx.com', 'okex', 'huobi', 'gate.io', 'bitmex', 'deribit', 'ccxt'];
const exchangeApiKey = defineTokenRule({
    meta: {
        id: 'secrets/exchange-api-key',
        description: 'Crypto-exchange API keys, secrets and passphrases (Binance, Coinbase, Kraken, Bitfinex, Bybit, KuCoin, OKX, …) in files that mention an exchange.',
        severity: 'error',
        fixable: false,
        fixHint: 'Delete the API key on the exchange now (funds can be traded away or withdrawn), create a new one without withdrawal rights and with an IP allowlist, and read it from a secret store.',
    },
    keywords: EXCHANGES,
    scope: 'file',
    // Any provider rule that matches the same value knows better what it is.
    priority: 50,
    patterns: [
        {
            label: 'Crypto-exchange API key or secret',
            regex: new RegExp(`(?:api[_-]?(?:key|secret)|secret[_-]?key|private[_-]?key|passphrase|secret)${ASSIGN}([A-Za-z0-9+/_-]{32,128}={0,2})(?![A-Za-z0-9+/=_-])`, 'i'),
            group: 1,
            minEntropy: 3.8,
            sample: { before: "const binance = new ccxt.binance({ secret: '", secret: [run('alnum', 64)], after: "' });" },
        },
    ],
    docs: {
        why: 'An exchange API key with its secret trades, and often withdraws, the funds of the account; key/secret pairs are the first thing bots look for in leaked code.',
        good: "const binance = new ccxt.binance({ apiKey: process.env.BINANCE_KEY, secret: process.env.BINANCE_SECRET });",
        notes: ['Exchange keys have no prefix, so this rule only looks at files that mention an exchange (or ccxt).', 'A value that a provider rule recognises (a GitHub token assigned to `api_key`) is reported by that rule instead.'],
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/gcp-api-key/rule.js



const gcpApiKey = defineTokenRule({
    meta: {
        id: 'secrets/gcp-api-key',
        description: 'Google API keys (AIza…): Google Cloud, Maps, Firebase and Gemini.',
        severity: 'error',
        fixable: false,
        fixHint: 'Delete or regenerate the key in Google Cloud Console (APIs & Services → Credentials) and restrict the new one by API and by referrer or IP.',
    },
    keywords: ['aiza'],
    window: 60,
    patterns: [
        {
            label: 'Google API key',
            regex: new RegExp(`${START_DASH}(AIza[0-9A-Za-z_-]{35})${END_DASH}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'GOOGLE_API_KEY=', secret: ['AIza', run('base64url', 35)] },
        },
    ],
    docs: {
        why: 'An unrestricted Google API key bills your project for every call made with it (Maps and Gemini calls add up fast) and may read data of APIs that accept keys. Keys meant for browsers must be restricted by referrer; server keys must not be in code at all.',
        good: 'const key = process.env.GOOGLE_API_KEY;',
        notes: ['Firebase web config keys are designed to be public but still bill your project: restrict them by referrer and allowlist the file if that is deliberate.'],
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/gcp-service-account/rule.js


/** The private key of a service-account JSON, with its `\n` escapes. */
const PRIVATE_KEY = /"private_key"\s{0,4}:\s{0,4}"(-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----[A-Za-z0-9+/=\\\s]{64,8000}-----END [A-Z ]{0,20}PRIVATE KEY-----(?:\\n)?)"/;
function forgeKeyJson(random) {
    const lines = [];
    for (let i = 0; i < 12; i++)
        lines.push(randomString('base64', 64, random));
    return `-----BEGIN PRIVATE KEY-----\\n${lines.join('\\n')}\\n-----END PRIVATE KEY-----\\n`;
}
const gcpServiceAccount = defineTokenRule({
    meta: {
        id: 'secrets/gcp-service-account',
        description: 'Google Cloud service-account key files (JSON with "type": "service_account" and a private key).',
        severity: 'error',
        fixable: false,
        fixHint: 'Delete the key in Google Cloud Console (IAM → Service accounts → Keys) and use workload identity federation or the metadata server instead of key files.',
    },
    keywords: ['service_account'],
    scope: 'file',
    priority: 5,
    patterns: [
        {
            label: 'Google Cloud service-account private key',
            regex: PRIVATE_KEY,
            group: 1,
            sample: {
                before: `{\n  "type": "service_account",\n  "project_id": "acme-payments",\n  "private_key_id": "${'0'.repeat(8)}",\n  "private_key": "`,
                secret: { shape: '-----BEGIN PRIVATE KEY-----\\n<PKCS#8 key in base64>\\n-----END PRIVATE KEY-----\\n', forge: forgeKeyJson },
                after: '",\n  "client_email": "ci@acme-payments.iam.gserviceaccount.com"\n}',
            },
        },
    ],
    docs: {
        why: 'A service-account key file is a long-lived credential for everything the account may do in Google Cloud; it does not expire until someone deletes it.',
        good: '# authenticate with workload identity federation (google-github-actions/auth) instead of a key file',
        notes: ['`credentials.json` files are also blocked by name (secrets/blocked-file).', 'The same key outside a service-account file is reported by secrets/private-key.'],
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/generic-secret/rule.js


/** Words that make a name a secret's name; the prefilter finds them (case-insensitive) and hands over each one. */
const KEYWORDS = ['secret', 'token', 'passw', 'pwd', 'api_key', 'apikey', 'api-key', 'credential', 'private_key', 'privatekey', 'access_key', 'accesskey', 'auth_key', 'authkey', 'signing_key', 'encryption_key', 'client_key', 'master_key'];
/**
 * After the name: an assignment and a value, quoted (any file) or bare (config files only), on
 * the same line (`[^\S\n]`: white space but a line break).
 */
const VALUE = /["'`]?[^\S\n]{0,5}(?::=|=>|=|:)[^\S\n]{0,5}(?:"([^"\s\\]{6,200})"|'([^'\s\\]{6,200})'|`([^`\s\\$]{6,200})`|([^\s"'`,;)\]}<>]{6,200}))/y;
/** A name ending in one of these holds something about a secret, not the secret. */
const NOT_A_SECRET_NAME = /(?:url|uri|endpoint|path|file|filename|dir|name|type|id|ids|len|length|size|count|min|max|ttl|expiry|expires|expiration|timeout|header|field|prefix|suffix|regex|pattern|format|env|policy|hash|hashed|hint|label|placeholder|message|msg|error|prompt|version|kind|mode|enabled|required|rotation|strength|validator|validation|provider|store|manager|service|class|factory|schema|key_?id|ref|reference|arn|location|source|mask|masked)$/i;
const IDENTIFIER_CHAR = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-')
    IDENTIFIER_CHAR[ch.charCodeAt(0)] = 1;
const isIdentifierChar = (code) => code < 128 && IDENTIFIER_CHAR[code] === 1;
/**
 * What VALUE's start demands, checked by hand: an optional closing quote, at most five spaces,
 * then `=` or `:` (which `:=` and `=>` start with). A non-ASCII character where a space may be
 * is left to the regex (`\s` knows Unicode spaces).
 */
function assignmentFollows(text, at) {
    let i = at;
    const quote = text.charCodeAt(i);
    if (quote === 34 || quote === 39 || quote === 96)
        i++;
    for (let spaces = 0; spaces < 5; spaces++) {
        const c = text.charCodeAt(i);
        if (c > 127)
            return true;
        if (c !== 32 && (c < 9 || c > 13 || c === 10))
            break;
        i++;
    }
    const c = text.charCodeAt(i);
    return c === 61 || c === 58;
}
/** Files where a secret is a string literal; elsewhere (.env, YAML, INI) bare values count too. */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|go|java|kt|kts|scala|rb|rs|c|cc|cpp|h|hpp|cs|swift|php|dart|lua|ex|exs|clj|groovy|vue|svelte|astro)$/i;
/** The last path asked about, since one text's names all come from one path. */
let lastPath;
let lastBareAllowed = false;
function bareValuesAllowed(path) {
    if (path !== lastPath) {
        lastPath = path;
        lastBareAllowed = !CODE_FILE.test(path);
    }
    return lastBareAllowed;
}
/** Values that are references or code, not literals. */
const NOT_A_LITERAL = /^(?:process\.env|import\.meta|os\.environ|env\.|secrets\.|vars\.|config\.|settings\.|self\.|this\.|\$|%|@|&|\*|!|#|\/\/|https?:\/\/|file:|arn:|projects\/)|\(/i;
/** A dotted member access such as `config.auth.token`. */
const MEMBER_ACCESS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
/** A plain word or identifier in one case style: `production`, `MY_TOKEN`, `refreshToken`. */
const WORDLIKE = /^(?:[a-z]+(?:[_-][a-z]+)*|[A-Z]+(?:[_-][A-Z]+)*|[a-z]+(?:[A-Z][a-z]+)+|[A-Z][a-z]+(?:[A-Z][a-z]+)+)$/;
/** UUIDs are identifiers far more often than secrets when nothing else marks them. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Values that start like a provider token but did not match that provider's rule are
 * truncated or made-up examples (`ghp_abc123`); the provider rule is the authority on them.
 */
const PROVIDER_PREFIX = /^(?:gh[pousr]_|github_pat_|gl[a-z]{1,5}-|sk_(?:live|test)_|rk_(?:live|test)_|pk_(?:live|test)_|whsec_|xox[a-z]-|xapp-|npm_|pypi-|A(?:KIA|SIA|BIA|CCA)|AIza|SG\.|dckr_|do[por]_v1_|shp[a-z]{2}_|hf_|gsk_|r8_|pplx-|xai-|sk-|HRKU-|eyJ)/;
/** Why a value is not reported, or undefined when it looks like a real secret. */
function genericValueVerdict(value, minEntropy) {
    if (NOT_A_LITERAL.test(value) || MEMBER_ACCESS.test(value))
        return 'a reference, not a literal';
    // Trailing punctuation does not make a word random: `history:` in "secrets: history: …" is a label.
    if (WORDLIKE.test(value.replace(/[:.,;!?]+$/, '')))
        return 'a plain word';
    if (UUID.test(value))
        return 'a UUID';
    if (PROVIDER_PREFIX.test(value))
        return 'a provider token format (left to its own rule)';
    if (value.length < 8)
        return 'too short';
    if (characterClasses(value) < 2)
        return 'a single character class';
    const needed = value.length < 16 ? minEntropy - 0.5 : minEntropy;
    if (shannonEntropy(value) < needed)
        return 'low entropy';
    return undefined;
}
const genericSecret = {
    kind: 'content',
    meta: {
        id: 'secrets/generic-secret',
        description: 'A random-looking value assigned to a name such as password, secret, token or api_key, when no provider rule recognises it.',
        severity: 'error',
        fixable: false,
        fixHint: 'Move the value to the environment or a secret store and rotate it; if it is not a secret (a test value, a public id), add it to checks.secrets.allowlist or mark the line with `tollgate-ignore secrets/generic-secret: <reason>`.',
    },
    keywords: KEYWORDS,
    scope: 'keyword',
    window: 0,
    priority: 100,
    patterns: [VALUE, NOT_A_SECRET_NAME, NOT_A_LITERAL, MEMBER_ACCESS, WORDLIKE, UUID, PROVIDER_PREFIX],
    examples: [
        { label: 'Hard-coded secret in "dbPassword" (in code: a string literal)', sample: { before: 'const dbPassword = "', secret: [run('alnum', 12), '!', run('alnum', 7)], after: '";' } },
        { label: 'Hard-coded secret in "WEBHOOK_SIGNING_SECRET" (in .env and config files: a bare value)', sample: { before: 'WEBHOOK_SIGNING_SECRET=', secret: [run('base64', 40)] } },
        { label: 'Hard-coded secret in "api_key" (YAML)', sample: { before: '  api_key: ', secret: [run('hex', 40)] } },
    ],
    docs: {
        why: 'Most leaked secrets have no recognisable prefix: an internal service password, a partner API key, an HMAC secret. The name they are assigned to is the best clue, and their randomness separates them from ordinary strings.',
        good: 'const dbPassword = process.env.DB_PASSWORD; // and: password: "changeme" in a template',
        notes: [
            'The value must be a string literal in code files; bare values count in .env, YAML, INI, properties and similar files.',
            'Names that hold something about a secret rather than the secret (`token_url`, `password_min_length`, `secret_name`, `key_id`) are skipped, as are references (`process.env.X`, `${VAR}`, `config.auth.token`), plain words, UUIDs, placeholders and values under the entropy threshold (`checks.secrets.genericMinEntropy`, 3.5 bits per character; 0.5 less below 16 characters).',
            'Any provider rule that matches the same text wins over this one.',
        ],
    },
    create(context) {
        const { text, keyword } = context;
        const at = keyword.start;
        // The whole name around the keyword, bounded so a hostile run of letters stays linear.
        let start = at;
        while (start > 0 && at - start < 60 && isIdentifierChar(text.charCodeAt(start - 1)))
            start--;
        let end = keyword.end;
        while (end < text.length && end - at < 60 && isIdentifierChar(text.charCodeAt(end)))
            end++;
        context.skipHitsBefore(end); // the name's other keywords (`SECRET_TOKEN`) would find the same value
        // Most names are not assigned to (`session.token}`, `(password)`): no regex for those.
        if (!assignmentFollows(text, end))
            return;
        VALUE.lastIndex = end;
        const v = VALUE.exec(text);
        if (!v)
            return;
        const name = text.slice(start, end);
        if (NOT_A_SECRET_NAME.test(name))
            return;
        const quoted = v[1] ?? v[2] ?? v[3];
        const value = quoted ?? v[4];
        if (value === undefined || (quoted === undefined && !bareValuesAllowed(context.path)))
            return;
        if (genericValueVerdict(value, context.options.genericMinEntropy) !== undefined)
            return;
        const index = v.index + v[0].lastIndexOf(value);
        // A bare value cut short by a template marker (`prefix-<id>`, `key_${env}`) is a placeholder.
        if (quoted === undefined && /[<{$]/.test(text.charAt(index + value.length)))
            return;
        context.report({ secret: value, index, label: `Hard-coded secret in "${name}"`, detail: `entropy ${shannonEntropy(value).toFixed(1)} bits/char` });
        context.skipHitsBefore(index + value.length);
    },
};
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/github-token/rule.js



const classic = (prefix, label) => ({
    label,
    regex: new RegExp(`${START}(${prefix}_[A-Za-z0-9]{36,251})${END}`),
    group: 1,
    minEntropy: 3.5,
    sample: { before: 'GITHUB_TOKEN=', secret: [`${prefix}_`, run('alnum', 36)] },
});
const githubToken = defineTokenRule({
    meta: {
        id: 'secrets/github-token',
        description: 'GitHub tokens: classic and fine-grained personal access tokens, OAuth, app (user-to-server, installation) and refresh tokens.',
        severity: 'error',
        fixable: false,
        fixHint: 'Revoke the token at github.com/settings/tokens (or the app/OAuth settings), then read it from the environment or a secret store.',
    },
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    window: 260,
    patterns: [
        classic('ghp', 'GitHub personal access token (classic)'),
        classic('gho', 'GitHub OAuth access token'),
        classic('ghu', 'GitHub app user-to-server token'),
        classic('ghs', 'GitHub app installation (server-to-server) token'),
        classic('ghr', 'GitHub refresh token'),
        {
            label: 'GitHub fine-grained personal access token',
            regex: new RegExp(`${START}(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})${END}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'token: ', secret: ['github_pat_', run('alnum', 22), '_', run('alnum', 59)] },
        },
    ],
    docs: {
        why: 'A GitHub token acts as its owner: it can read private repositories, push code, change settings or publish packages, depending on its scopes. GitHub documents the prefixes (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`) so that scanners can recognise them reliably.',
        good: 'const token = process.env.GITHUB_TOKEN;',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/gitlab-token/rule.js



const rule_prefixed = (prefix, body, label, sampleBody) => ({
    label,
    regex: new RegExp(`${START_DASH}(${prefix}${body})${END_DASH}`),
    group: 1,
    minEntropy: 3,
    sample: { before: 'GITLAB_TOKEN=', secret: [prefix, sampleBody] },
});
const gitlabToken = defineTokenRule({
    meta: {
        id: 'secrets/gitlab-token',
        description: 'GitLab tokens: personal, project and group access tokens, deploy, runner, pipeline-trigger, agent and OAuth application secrets.',
        severity: 'error',
        fixable: false,
        fixHint: 'Revoke the token in GitLab (User settings → Access tokens, or the project/group/runner settings), then read it from the environment or CI variables.',
    },
    keywords: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'gloas-', 'glagent-', 'gr1348941'],
    window: 120,
    patterns: [
        {
            label: 'GitLab personal/project/group access token',
            regex: new RegExp(`${START_DASH}(glpat-[A-Za-z0-9_-]{20,64}(?:\\.[A-Za-z0-9_-]{2,16}){0,2})${END_DASH}`),
            group: 1,
            minEntropy: 3,
            sample: { before: 'GITLAB_TOKEN=', secret: ['glpat-', run('alnum', 20)] },
        },
        rule_prefixed('gldt-', '[A-Za-z0-9_-]{20,64}', 'GitLab deploy token', run('alnum', 20)),
        rule_prefixed('glrt-', '[A-Za-z0-9_-]{20,64}', 'GitLab runner authentication token', run('alnum', 20)),
        rule_prefixed('GR1348941', '[A-Za-z0-9_-]{20,64}', 'GitLab runner registration token', run('alnum', 20)),
        rule_prefixed('glptt-', '[0-9a-f]{40}', 'GitLab pipeline trigger token', run('hex', 40)),
        rule_prefixed('gloas-', '[0-9a-f]{64}', 'GitLab OAuth application secret', run('hex', 64)),
        rule_prefixed('glagent-', '[A-Za-z0-9_-]{50,64}', 'GitLab agent for Kubernetes token', run('alnum', 50)),
    ],
    docs: {
        why: 'GitLab tokens grant API, repository and registry access for their user, project or group; runner tokens let anyone register a machine that receives your CI jobs and their variables. GitLab prefixes its tokens (`glpat-`, `gldt-`, `glrt-`, …) precisely so they can be detected.',
        good: 'GITLAB_TOKEN=${CI_JOB_TOKEN}',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/heroku-key/rule.js



const herokuKey = defineTokenRule({
    meta: {
        id: 'secrets/heroku-key',
        description: 'Heroku API keys: the HRKU- format, and legacy UUID keys assigned to a name mentioning Heroku.',
        severity: 'error',
        fixable: false,
        fixHint: 'Regenerate the API key (heroku authorizations:rotate, or Account settings) and keep the new one in a CI secret.',
    },
    keywords: ['hrku-', 'heroku'],
    window: 140,
    patterns: [
        {
            label: 'Heroku API key',
            regex: /(?<![A-Za-z0-9_-])(HRKU-[A-Za-z0-9_-]{40,80})(?![A-Za-z0-9_-])/,
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'HEROKU_API_KEY=', secret: ['HRKU-AA', run('base64url', 58)] },
        },
        {
            label: 'Heroku API key (legacy)',
            regex: new RegExp(`heroku[A-Za-z0-9_.-]{0,20}(?:api[_-]?key|token|secret)${ASSIGN}([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![0-9a-fA-F])`, 'i'),
            group: 1,
            minEntropy: 3,
            sample: { before: 'HEROKU_API_KEY=', secret: [run('hex', 8), '-', run('hex', 4), '-', run('hex', 4), '-', run('hex', 4), '-', run('hex', 12)] },
        },
    ],
    docs: {
        why: 'A Heroku API key deploys code, reads config vars (every other secret of your apps) and scales or deletes apps.',
        good: 'HEROKU_API_KEY=${{ secrets.HEROKU_API_KEY }}',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/jwt/rule.js

/** Characters of base64url, by char code. */
const B64URL = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')
    B64URL[ch.charCodeAt(0)] = 1;
function isB64url(code) {
    return code < 128 && B64URL[code] === 1;
}
function runEnd(text, from) {
    let i = from;
    while (i < text.length && isB64url(text.charCodeAt(i)))
        i++;
    return i;
}
function decodeJson(segment) {
    try {
        const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function base64url(text) {
    return Buffer.from(text, 'utf8').toString('base64url');
}
/** Forges a signed-looking JWT whose signature is random bytes. */
function forgeJwt(random) {
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify({ sub: randomString('digits', 10, random), name: 'Ada', iat: 1_700_000_000, exp: 4_102_444_800 }));
    return `${header}.${payload}.${randomString('base64url', 43, random)}`;
}
/**
 * JWTs are found by a linear scan instead of a regex: a hostile line of `eyJeyJeyJ…` would make
 * a backtracking pattern retry every start position; here each character is visited once.
 */
const jwt = {
    kind: 'content',
    meta: {
        id: 'secrets/jwt',
        description: 'Signed JSON Web Tokens (header.payload.signature) whose header decodes to JSON with an "alg".',
        severity: 'error',
        fixable: false,
        fixHint: 'Treat the token as leaked: revoke the session or rotate the signing key if it is still valid, and load tokens at runtime instead of committing them.',
    },
    keywords: ['eyj'],
    scope: 'window',
    window: 12_000,
    priority: 10,
    patterns: [/eyJ/g],
    examples: [{ label: 'JSON Web Token', sample: { before: 'Authorization: Bearer ', secret: { shape: 'eyJ<base64url header>.eyJ<base64url payload>.<base64url signature>', forge: forgeJwt } } }],
    docs: {
        why: 'A bearer token is accepted by any server that trusts its signature until it expires, so a committed JWT is a working login for its subject. Tokens without an expiry never stop working.',
        good: 'const token = await auth.getAccessToken(); // fetched at runtime',
        notes: ['Tokens whose `exp` claim is in the past are reported as warnings. Unsigned tokens (`alg: none`, empty signature) are not reported.'],
    },
    create(context) {
        const { text } = context;
        let from = 0;
        for (;;) {
            const at = text.indexOf('eyJ', from);
            if (at < 0)
                return;
            const e1 = runEnd(text, at);
            from = e1 + 1;
            if (at > 0 && isB64url(text.charCodeAt(at - 1)))
                continue;
            if (text.charCodeAt(e1) !== 46 || e1 - at < 12 || !text.startsWith('eyJ', e1 + 1))
                continue;
            const e2 = runEnd(text, e1 + 1);
            from = e2 + 1;
            if (text.charCodeAt(e2) !== 46 || e2 - e1 < 6)
                continue;
            const e3 = runEnd(text, e2 + 1);
            from = e3 + 1;
            if (e3 - e2 - 1 < 16)
                continue;
            const header = decodeJson(text.slice(at, e1));
            const payload = decodeJson(text.slice(e1 + 1, e2));
            if (!header || typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none' || !payload)
                continue;
            const token = text.slice(at, e3);
            const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
            if (exp !== undefined && exp * 1000 < Date.now()) {
                context.report({ secret: token, index: at, label: 'JSON Web Token', severity: 'warning', detail: `expired ${new Date(exp * 1000).toISOString().slice(0, 10)}` });
            }
            else {
                context.report({ secret: token, index: at, label: 'JSON Web Token', ...(exp === undefined ? { detail: 'no expiry' } : {}) });
            }
        }
    },
};
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/mailgun-key/rule.js



const mailgunKey = defineTokenRule({
    meta: {
        id: 'secrets/mailgun-key',
        description: 'Mailgun API keys: the legacy key-<32 hex> format, and private API keys assigned to a name mentioning Mailgun.',
        severity: 'error',
        fixable: false,
        fixHint: 'Delete the key in Mailgun (API Security), create a new one and read it from the environment.',
    },
    keywords: ['key-', 'mailgun'],
    window: 120,
    patterns: [
        {
            label: 'Mailgun API key',
            regex: /(?<![A-Za-z0-9_-])(key-[0-9a-f]{32})(?![A-Za-z0-9_-])/,
            group: 1,
            minEntropy: 3,
            sample: { before: "const mg = mailgun.client({ username: 'api', key: '", secret: ['key-', run('hex', 32)], after: "' });" },
        },
        {
            label: 'Mailgun private API key',
            regex: new RegExp(`mailgun[A-Za-z0-9_.-]{0,30}${ASSIGN}([0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![0-9a-f])`, 'i'),
            group: 1,
            minEntropy: 3,
            sample: { before: 'MAILGUN_API_KEY=', secret: [run('hex', 32), '-', run('hex', 8), '-', run('hex', 8)] },
        },
    ],
    docs: {
        why: 'A Mailgun key sends email from your domains and reads delivery logs full of customer addresses.',
        good: 'MAILGUN_API_KEY=${MAILGUN_API_KEY}',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/npm-token/rule.js



const npmToken = defineTokenRule({
    meta: {
        id: 'secrets/npm-token',
        description: 'npm access tokens (npm_…): classic, granular and automation tokens.',
        severity: 'error',
        fixable: false,
        fixHint: 'Revoke the token (npm token revoke, or npmjs.com → Access Tokens) and use trusted publishing or an NPM_TOKEN secret in CI.',
    },
    keywords: ['npm_'],
    window: 60,
    patterns: [
        {
            label: 'npm access token',
            regex: new RegExp(`${START}(npm_[A-Za-z0-9]{36})${END}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: '//registry.npmjs.org/:_authToken=', secret: ['npm_', run('alnum', 36)] },
        },
    ],
    docs: {
        why: 'An npm token publishes new versions of your packages: a supply-chain attack on everyone who installs them.',
        good: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/openai-key/rule.js


const openaiKey = defineTokenRule({
    meta: {
        id: 'secrets/openai-key',
        description: 'OpenAI API keys (user, project, service-account and admin keys), which all embed the marker T3BlbkFJ.',
        severity: 'error',
        fixable: false,
        fixHint: 'Revoke the key at platform.openai.com (API keys), create a project key with the least permissions, and read it from the environment.',
    },
    keywords: ['t3blbkfj'],
    window: 260,
    patterns: [
        {
            label: 'OpenAI API key',
            regex: /(?<![A-Za-z0-9_-])(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200})(?![A-Za-z0-9_-])/,
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'OPENAI_API_KEY=', secret: ['sk-proj-', run('base64url', 74), 'T3BlbkFJ', run('base64url', 74)] },
        },
    ],
    docs: {
        why: 'Leaked OpenAI keys are harvested from public code within minutes and used until the spending limit is reached; the key also reads your files, assistants and fine-tuned models.',
        good: 'const openai = new OpenAI(); // reads OPENAI_API_KEY from the environment',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/paypal-braintree/rule.js



const paypalBraintree = defineTokenRule({
    meta: {
        id: 'secrets/paypal-braintree',
        description: 'PayPal/Braintree access tokens (access_token$production$…), Braintree private keys and PayPal REST client secrets assigned to a name that says so.',
        severity: 'error',
        fixable: false,
        fixHint: 'Regenerate the credential in the PayPal developer dashboard or the Braintree control panel (API keys), then read it from the environment.',
    },
    keywords: ['access_token$', 'braintree', 'paypal'],
    window: 160,
    patterns: [
        {
            label: 'PayPal/Braintree production access token',
            regex: /(access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})(?![0-9a-f])/,
            group: 1,
            sample: { before: 'BRAINTREE_ACCESS_TOKEN=', secret: ['access_token$production$', run('lowerAlnum', 16), '$', run('hex', 32)] },
        },
        {
            label: 'PayPal/Braintree sandbox access token',
            regex: /(access_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32})(?![0-9a-f])/,
            group: 1,
            severity: 'warning',
            sample: { before: 'BRAINTREE_ACCESS_TOKEN=', secret: ['access_token$sandbox$', run('lowerAlnum', 16), '$', run('hex', 32)] },
        },
        {
            label: 'Braintree private key',
            regex: new RegExp(`braintree[A-Za-z0-9_.-]{0,20}private[_.-]?key${ASSIGN}([0-9a-f]{32})(?![0-9a-f])`, 'i'),
            group: 1,
            minEntropy: 3,
            sample: { before: 'BRAINTREE_PRIVATE_KEY=', secret: [run('hex', 32)] },
        },
        {
            label: 'PayPal REST client secret',
            regex: new RegExp(`paypal[A-Za-z0-9_.-]{0,20}(?:client[_.-]?)?secret${ASSIGN}([A-Za-z0-9_-]{60,90})(?![A-Za-z0-9_-])`, 'i'),
            group: 1,
            minEntropy: 4,
            sample: { before: 'PAYPAL_CLIENT_SECRET=', secret: ['E', run('base64url', 79)] },
        },
    ],
    docs: {
        why: 'These credentials charge cards, refund payments and read transaction and customer data in your PayPal or Braintree account.',
        good: 'const gateway = new braintree.BraintreeGateway({ accessToken: process.env.BRAINTREE_ACCESS_TOKEN });',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/plaid-token/rule.js



const rule_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const uuidFormat = [run('hex', 8), '-', run('hex', 4), '-', run('hex', 4), '-', run('hex', 4), '-', run('hex', 12)];
const plaidToken = defineTokenRule({
    meta: {
        id: 'secrets/plaid-token',
        description: 'Plaid access tokens (access-production-…, access-development-…, access-sandbox-…) and Plaid secrets assigned to a name that says so.',
        severity: 'error',
        fixable: false,
        fixHint: 'Rotate the secret in the Plaid dashboard (Team settings → Keys) or remove the Item (/item/remove) for a leaked access token.',
    },
    keywords: ['access-production-', 'access-development-', 'access-sandbox-', 'plaid'],
    window: 120,
    patterns: [
        {
            label: 'Plaid access token',
            regex: new RegExp(`(?<![A-Za-z0-9-])(access-(?:production|development)-${rule_UUID})(?![0-9a-f])`),
            group: 1,
            sample: { before: 'PLAID_ACCESS_TOKEN=', secret: ['access-production-', ...uuidFormat] },
        },
        {
            label: 'Plaid sandbox access token',
            regex: new RegExp(`(?<![A-Za-z0-9-])(access-sandbox-${rule_UUID})(?![0-9a-f])`),
            group: 1,
            severity: 'warning',
            sample: { before: 'PLAID_ACCESS_TOKEN=', secret: ['access-sandbox-', ...uuidFormat] },
        },
        {
            label: 'Plaid secret',
            regex: new RegExp(`plaid[A-Za-z0-9_.-]{0,20}secret${ASSIGN}([0-9a-f]{30})(?![0-9a-f])`, 'i'),
            group: 1,
            minEntropy: 3,
            sample: { before: 'PLAID_SECRET=', secret: [run('hex', 30)] },
        },
    ],
    docs: {
        why: "A Plaid access token with the client id and secret reads a user's bank balances, transactions and identity, and can start transfers.",
        good: 'PLAID_SECRET=${PLAID_SECRET}',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/private-key/rule.js

const PEM_HEADER = /-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY( BLOCK)?-----/g;
const PUTTY_HEADER = /PuTTY-User-Key-File-[23]: ?[a-z0-9-]{3,40}/g;
/** How far past a header the end of the key is looked for. */
const MAX_KEY = 20_000;
/** Fewer base64 characters than this between the markers is a doc example, not a key. */
const MIN_BODY = 64;
/** Headers past this many in one text are ignored: no real file holds that many keys. */
const MAX_HEADERS = 500;
function base64Chars(text) {
    let count = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47)
            count++;
    }
    return count;
}
/**
 * Base64 characters in runs that look like key lines (16+ base64 characters between
 * whitespace, quotes or escaped line breaks), so that prose after a documentation example's
 * header never adds up to a key body.
 */
function keyLineChars(text) {
    let count = 0;
    for (const token of text.split(/\\[rn]|\s|["'`,;()]/)) {
        if (token.length >= 16 && base64Chars(token) >= token.length - 2)
            count += token.length;
    }
    return count;
}
/** indexOf that looks no further than `limit`, so many unterminated headers stay linear. */
function indexWithin(text, needle, from, limit) {
    const at = text.slice(from, limit).indexOf(needle);
    return at < 0 ? -1 : from + at;
}
function forgePem(kind) {
    return (random) => {
        const lines = [];
        for (let i = 0; i < 12; i++)
            lines.push(randomString('base64', 64, random));
        return `-----BEGIN ${kind}PRIVATE KEY-----\n${lines.join('\n')}\n-----END ${kind}PRIVATE KEY-----`;
    };
}
const privateKey = {
    kind: 'content',
    meta: {
        id: 'secrets/private-key',
        description: 'Private keys: PEM (RSA, EC, DSA, PKCS#8, encrypted), OpenSSH, PGP private key blocks and PuTTY key files.',
        severity: 'error',
        fixable: false,
        fixHint: 'Consider the key compromised: revoke or replace it wherever it is trusted (servers, certificates, deploy keys, signing), and keep keys in a secret store.',
    },
    keywords: ['-----begin', 'putty-user-key-file-'],
    scope: 'file',
    window: 0,
    priority: 10,
    patterns: [PEM_HEADER, PUTTY_HEADER],
    examples: [
        { label: 'RSA private key', sample: { secret: { shape: '-----BEGIN RSA PRIVATE KEY-----\n<base64 lines>\n-----END RSA PRIVATE KEY-----', forge: forgePem('RSA ') } } },
        { label: 'OPENSSH private key', sample: { secret: { shape: '-----BEGIN OPENSSH PRIVATE KEY-----\n<base64 lines>\n-----END OPENSSH PRIVATE KEY-----', forge: forgePem('OPENSSH ') } } },
        { label: 'encrypted private key', severity: 'warning', sample: { secret: { shape: '-----BEGIN ENCRYPTED PRIVATE KEY-----\n<base64 lines>\n-----END ENCRYPTED PRIVATE KEY-----', forge: forgePem('ENCRYPTED ') } } },
    ],
    docs: {
        why: 'Whoever has a private key can log in to the servers that trust it, impersonate the TLS site, sign releases or decrypt data meant for its owner. Unlike a token, a key often has no expiry and no central revocation.',
        good: '-----BEGIN PUBLIC KEY-----  (public keys and certificates are fine)',
        notes: [
            'A header with fewer than 64 base64 characters after it (a documentation example such as `-----BEGIN RSA PRIVATE KEY-----\\n...`) is not reported.',
            'Encrypted keys are reported as warnings: the passphrase is all that protects them.',
            'Files such as `id_rsa` and `*.pem` are also blocked by name (secrets/blocked-file).',
        ],
    },
    create(context) {
        const { text } = context;
        let headers = 0;
        /** No '-----END' occurs before this offset (from an earlier failed search). */
        let noEndUntil = 0;
        for (const m of text.matchAll(PEM_HEADER)) {
            if (++headers > MAX_HEADERS)
                break;
            const bodyStart = m.index + m[0].length;
            const limit = Math.min(text.length, bodyStart + MAX_KEY);
            const endAt = indexWithin(text, '-----END', Math.max(bodyStart, noEndUntil), limit);
            if (endAt < 0)
                noEndUntil = Math.max(bodyStart, limit - 8);
            let blockEnd;
            if (endAt >= 0) {
                const close = indexWithin(text, '-----', endAt + 8, endAt + 80);
                blockEnd = close >= 0 ? close + 5 : endAt + 8;
            }
            else {
                blockEnd = Math.min(limit, bodyStart + 4000);
            }
            const body = text.slice(bodyStart, endAt >= 0 ? endAt : blockEnd);
            if (keyLineChars(body) < MIN_BODY)
                continue;
            const kind = (m[1] ?? '').trim();
            const encrypted = kind.includes('ENCRYPTED') || body.includes('Proc-Type: 4,ENCRYPTED');
            const label = m[2] ? 'PGP private key block' : `${kind ? `${kind} ` : ''}private key`.replace(/^ENCRYPTED /, '');
            context.report({
                secret: text.slice(m.index, blockEnd),
                index: m.index,
                label: encrypted ? `encrypted ${label}` : label,
                ...(encrypted ? { severity: 'warning' } : {}),
            });
        }
        headers = 0;
        for (const m of text.matchAll(PUTTY_HEADER)) {
            if (++headers > MAX_HEADERS)
                break;
            const limit = Math.min(text.length, m.index + MAX_KEY);
            const lines = indexWithin(text, 'Private-Lines:', m.index, limit);
            if (lines < 0)
                continue;
            const mac = indexWithin(text, 'Private-MAC:', lines, limit);
            const macEnd = mac >= 0 ? indexWithin(text, '\n', mac, limit) : -1;
            const blockEnd = mac >= 0 ? (macEnd < 0 ? limit : macEnd) : Math.min(limit, lines + 4000);
            if (base64Chars(text.slice(lines, blockEnd)) < MIN_BODY)
                continue;
            const encrypted = /Encryption: (?!none)/.test(text.slice(m.index, lines));
            context.report({
                secret: text.slice(m.index, blockEnd).replace(/\r$/, ''),
                index: m.index,
                label: encrypted ? 'encrypted PuTTY private key' : 'PuTTY private key',
                ...(encrypted ? { severity: 'warning' } : {}),
            });
        }
    },
};
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/pypi-token/rule.js


const pypiToken = defineTokenRule({
    meta: {
        id: 'secrets/pypi-token',
        description: 'PyPI and TestPyPI API tokens (pypi-AgEIcHlwaS5vcmc…).',
        severity: 'error',
        fixable: false,
        fixHint: 'Delete the token in PyPI account settings (API tokens) and use trusted publishing from CI.',
    },
    keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
    window: 400,
    patterns: [
        {
            label: 'PyPI API token',
            regex: /(?<![A-Za-z0-9_-])(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300})(?![A-Za-z0-9_-])/,
            group: 1,
            minEntropy: 4,
            sample: { before: 'password = ', secret: ['pypi-AgEIcHlwaS5vcmc', run('base64url', 160)] },
        },
        {
            label: 'TestPyPI API token',
            regex: /(?<![A-Za-z0-9_-])(pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,300})(?![A-Za-z0-9_-])/,
            group: 1,
            minEntropy: 4,
            severity: 'warning',
            sample: { before: 'password = ', secret: ['pypi-AgENdGVzdC5weXBpLm9yZw', run('base64url', 160)] },
        },
    ],
    docs: {
        why: 'A PyPI token uploads releases of your projects: whoever holds it can ship malware under your name.',
        good: '# publish with trusted publishing (pypa/gh-action-pypi-publish) instead of a token',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/sendgrid-key/rule.js



const sendgridKey = defineTokenRule({
    meta: {
        id: 'secrets/sendgrid-key',
        description: 'SendGrid API keys (SG.<id>.<secret>).',
        severity: 'error',
        fixable: false,
        fixHint: 'Delete the key in SendGrid (Settings → API Keys), create one with the least scopes needed, and read it from the environment.',
    },
    keywords: ['sg.'],
    window: 90,
    patterns: [
        {
            label: 'SendGrid API key',
            regex: new RegExp(`${START_DASH}(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})${END_DASH}`),
            group: 1,
            minEntropy: 4,
            sample: { before: 'SENDGRID_API_KEY=', secret: ['SG.', run('base64url', 22), '.', run('base64url', 43)] },
        },
    ],
    docs: {
        why: 'A SendGrid key sends email from your verified domains: phishing that passes SPF and DKIM as you, and a suspended account when it is abused.',
        good: 'sgMail.setApiKey(process.env.SENDGRID_API_KEY!);',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/shopify-token/rule.js



const shopifyToken = defineTokenRule({
    meta: {
        id: 'secrets/shopify-token',
        description: 'Shopify access tokens (shpat_, shpca_, shppa_) and shared secrets (shpss_).',
        severity: 'error',
        fixable: false,
        fixHint: 'Uninstall and reinstall the app or rotate its credentials in the Shopify admin / Partner dashboard, then read them from the environment.',
    },
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    window: 60,
    patterns: [
        {
            label: 'Shopify access token',
            regex: new RegExp(`${START}(shp(?:at|ca|pa)_[a-fA-F0-9]{32})${END}`),
            group: 1,
            minEntropy: 3,
            sample: { before: 'SHOPIFY_ACCESS_TOKEN=', secret: ['shpat_', run('hex', 32)] },
        },
        {
            label: 'Shopify shared secret',
            regex: new RegExp(`${START}(shpss_[a-fA-F0-9]{32})${END}`),
            group: 1,
            minEntropy: 3,
            sample: { before: 'SHOPIFY_API_SECRET=', secret: ['shpss_', run('hex', 32)] },
        },
    ],
    docs: {
        why: "A Shopify admin token reads and changes the store's orders, customers and products; the shared secret forges webhook signatures.",
        good: 'const token = process.env.SHOPIFY_ACCESS_TOKEN;',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/slack-token/rule.js


const BOUNDARY_BEFORE = '(?<![A-Za-z0-9_.-])';
const BOUNDARY_AFTER = '(?![A-Za-z0-9_-])';
const slackToken = defineTokenRule({
    meta: {
        id: 'secrets/slack-token',
        description: 'Slack bot, user, app-level, configuration and legacy tokens (xoxb-, xoxp-, xapp-, xoxe-, xoxa-, xoxo-, xoxr-, xoxs-).',
        severity: 'error',
        fixable: false,
        fixHint: 'Revoke the token (api.slack.com/apps → OAuth & Permissions → Revoke, or auth.revoke), reinstall the app, and read the new token from the environment.',
    },
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxr-', 'xoxs-', 'xoxe', 'xapp-'],
    window: 280,
    patterns: [
        {
            label: 'Slack bot token',
            regex: new RegExp(`${BOUNDARY_BEFORE}(xoxb-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{20,40})${BOUNDARY_AFTER}`),
            group: 1,
            minEntropy: 3,
            sample: { before: 'SLACK_BOT_TOKEN=', secret: ['xoxb-', run('digits', 12), '-', run('digits', 13), '-', run('alnum', 24)] },
        },
        {
            label: 'Slack user token',
            regex: new RegExp(`${BOUNDARY_BEFORE}(xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{28,40})${BOUNDARY_AFTER}`),
            group: 1,
            minEntropy: 3,
            sample: { before: 'SLACK_USER_TOKEN=', secret: ['xoxp-', run('digits', 12), '-', run('digits', 12), '-', run('digits', 13), '-', run('hex', 32)] },
        },
        {
            label: 'Slack app-level token',
            regex: new RegExp(`${BOUNDARY_BEFORE}(xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{8,16}-[A-Za-z0-9]{40,80})${BOUNDARY_AFTER}`),
            group: 1,
            minEntropy: 3,
            sample: { before: 'SLACK_APP_TOKEN=', secret: ['xapp-1-', run('upperAlnum', 11), '-', run('digits', 13), '-', run('hex', 64)] },
        },
        {
            label: 'Slack configuration token',
            regex: new RegExp(`${BOUNDARY_BEFORE}(xoxe(?:\\.xox[bp])?-[0-9]-[A-Za-z0-9]{100,250})${BOUNDARY_AFTER}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'SLACK_CONFIG_TOKEN=', secret: ['xoxe.xoxp-1-', run('alnum', 160)] },
        },
        {
            label: 'Slack legacy token',
            regex: new RegExp(`${BOUNDARY_BEFORE}(xox[aors]-[0-9]{1,14}-[A-Za-z0-9-]{10,200}[A-Za-z0-9])${BOUNDARY_AFTER}`),
            group: 1,
            minEntropy: 3,
            sample: { before: 'SLACK_TOKEN=', secret: ['xoxs-', run('digits', 12), '-', run('digits', 12), '-', run('digits', 12), '-', run('hex', 64)] },
        },
    ],
    docs: {
        why: 'A Slack token reads and posts messages, lists channels and users, and downloads files with the permissions of the bot or the user who installed the app.',
        good: 'const slack = new WebClient(process.env.SLACK_BOT_TOKEN);',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/slack-webhook/rule.js


const slackWebhook = defineTokenRule({
    meta: {
        id: 'secrets/slack-webhook',
        description: 'Slack incoming-webhook and workflow-trigger URLs.',
        severity: 'error',
        fixable: false,
        fixHint: 'Remove the webhook in the Slack app settings (Incoming Webhooks) or the workflow, create a new one and keep its URL in a secret.',
    },
    keywords: ['hooks.slack.com'],
    window: 200,
    patterns: [
        {
            label: 'Slack incoming webhook URL',
            regex: /(https?:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24})(?![A-Za-z0-9])/,
            group: 1,
            sample: { before: 'SLACK_WEBHOOK_URL=', secret: ['https://hooks.slack.com/services/T', run('upperAlnum', 10), '/B', run('upperAlnum', 10), '/', run('alnum', 24)] },
        },
        {
            label: 'Slack workflow webhook URL',
            regex: /(https?:\/\/hooks\.slack\.com\/(?:workflows|triggers)\/T[A-Z0-9]{8,12}\/A[A-Z0-9]{8,12}\/[0-9]{12,20}\/[A-Za-z0-9]{32})(?![A-Za-z0-9])/,
            group: 1,
            sample: { before: 'const hook = "', secret: ['https://hooks.slack.com/triggers/T', run('upperAlnum', 10), '/A', run('upperAlnum', 10), '/', run('digits', 15), '/', run('alnum', 32)], after: '";' },
        },
    ],
    docs: {
        why: 'Anyone with a webhook URL can post to the channel as your app: phishing links that look like they come from your own tooling.',
        good: 'await fetch(process.env.SLACK_WEBHOOK_URL!, { method: "POST", body });',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/square-token/rule.js



const squareToken = defineTokenRule({
    meta: {
        id: 'secrets/square-token',
        description: 'Square access tokens (EAAA…, sq0atp-) and application secrets (sq0csp-).',
        severity: 'error',
        fixable: false,
        fixHint: 'Revoke the token or replace the application secret in the Square Developer Dashboard, then read it from the environment.',
    },
    keywords: ['eaaa', 'sq0atp-', 'sq0csp-'],
    window: 100,
    patterns: [
        {
            label: 'Square access token',
            regex: new RegExp(`${START_DASH}(EAAA[A-Za-z0-9_-]{60})${END_DASH}`),
            group: 1,
            minEntropy: 4,
            sample: { before: 'SQUARE_ACCESS_TOKEN=', secret: ['EAAA', run('base64url', 60)] },
        },
        {
            label: 'Square access token (legacy)',
            regex: new RegExp(`${START_DASH}(sq0atp-[A-Za-z0-9_-]{22})${END_DASH}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'SQUARE_TOKEN=', secret: ['sq0atp-', run('base64url', 22)] },
        },
        {
            label: 'Square application secret',
            regex: new RegExp(`${START_DASH}(sq0csp-[A-Za-z0-9_-]{43})${END_DASH}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'SQUARE_APP_SECRET=', secret: ['sq0csp-', run('base64url', 43)] },
        },
    ],
    docs: {
        why: 'A Square access token takes payments, issues refunds and reads the orders and customers of the seller account; the application secret mints new OAuth tokens.',
        good: 'const client = new Client({ accessToken: process.env.SQUARE_ACCESS_TOKEN });',
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/stale-baseline-entry/rule.js
const staleBaselineEntry = {
    kind: 'baseline',
    meta: {
        id: 'secrets/stale-baseline-entry',
        description: 'An entry of the secrets baseline that no finding matches any more (the secret was removed or its file moved).',
        severity: 'warning',
        fixable: false,
        fixHint: 'Run `tollgate check secrets --update-baseline` and commit the smaller baseline.',
    },
    docs: {
        why: 'A baseline accepts known findings so a team can adopt the scanner without fixing everything first. An entry that matches nothing is debt already paid: dropping it keeps the baseline honest, and keeps a re-added secret from slipping in silently under the old entry.',
        bad: '.tollgate/secrets-baseline.json:5: an entry for src/legacy.ts whose secret was removed last week',
        good: 'A baseline whose entries all match current findings.',
        notes: ['Only a scan of the whole tree (`tollgate check secrets` or `validate-all`) can call an entry stale; staged, path and stdin scans see too little and never report this rule.'],
    },
    create(context) {
        for (const entry of context.stale) {
            context.report({ line: entry.line, message: `Baseline entry for ${entry.rule} in ${entry.path} (fingerprint ${entry.fingerprint.slice(0, 12)}) matches no finding any more.` });
        }
    },
};
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/stripe-key/rule.js



const stripeKey = defineTokenRule({
    meta: {
        id: 'secrets/stripe-key',
        description: 'Stripe secret and restricted API keys (live and test) and webhook signing secrets.',
        severity: 'error',
        fixable: false,
        fixHint: 'Roll the key in the Stripe dashboard (Developers → API keys, or the webhook endpoint), then read it from the environment. Publishable keys (pk_) are safe to ship.',
    },
    keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'whsec_'],
    window: 260,
    patterns: [
        {
            label: 'Stripe live secret key',
            regex: new RegExp(`${START}(sk_live_[A-Za-z0-9]{24,247})${END}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'STRIPE_SECRET_KEY=', secret: ['sk_live_', run('alnum', 99)] },
        },
        {
            label: 'Stripe live restricted key',
            regex: new RegExp(`${START}(rk_live_[A-Za-z0-9]{24,247})${END}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: "const stripe = new Stripe('", secret: ['rk_live_', run('alnum', 99)], after: "');" },
        },
        {
            label: 'Stripe test secret key',
            regex: new RegExp(`${START}((?:sk|rk)_test_[A-Za-z0-9]{24,247})${END}`),
            group: 1,
            minEntropy: 3.5,
            severity: 'warning',
            sample: { before: 'stripeKey: "', secret: ['sk_test_', run('alnum', 99)], after: '",' },
        },
        {
            label: 'Stripe webhook signing secret',
            regex: new RegExp(`${START}(whsec_[A-Za-z0-9]{32,64})${END}`),
            group: 1,
            minEntropy: 3.5,
            sample: { before: 'STRIPE_WEBHOOK_SECRET=', secret: ['whsec_', run('alnum', 32)] },
        },
    ],
    docs: {
        why: 'A live secret key moves money: it can create charges, issue refunds and payouts, and read every customer record. A webhook signing secret lets anyone forge Stripe events to your endpoint. Test keys (`sk_test_`) cannot move real money, so they are reported as warnings; they still expose your test data.',
        good: "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!); // pk_live_… publishable keys are fine",
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/twilio-key/rule.js



const twilioKey = defineTokenRule({
    meta: {
        id: 'secrets/twilio-key',
        description: 'Twilio auth tokens and API key secrets (in files that mention Twilio), and API key SIDs (SK…).',
        severity: 'error',
        fixable: false,
        fixHint: 'Rotate the auth token (Console → Account → API keys & tokens) or delete the API key, then read credentials from the environment.',
    },
    keywords: ['twilio'],
    scope: 'file',
    // Any provider rule that matches the same value knows better what it is.
    priority: 50,
    patterns: [
        {
            label: 'Twilio auth token or API key secret',
            regex: new RegExp(`(?:auth[_-]?token|api[_-]?secret|api[_-]?key[_-]?secret)${ASSIGN}([A-Za-z0-9]{32})(?![A-Za-z0-9])`, 'i'),
            group: 1,
            minEntropy: 3.2,
            sample: { before: 'TWILIO_AUTH_TOKEN=', secret: [run('hex', 32)] },
        },
        {
            label: 'Twilio API key SID',
            regex: /(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])/,
            group: 1,
            minEntropy: 3,
            severity: 'warning',
            sample: { before: 'TWILIO_API_KEY=', secret: ['SK', run('hex', 32)] },
        },
    ],
    docs: {
        why: 'A Twilio auth token sends SMS and places calls billed to your account (toll fraud is the usual abuse) and reads message logs with customer phone numbers.',
        good: 'const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);',
        notes: ['Twilio secrets have no prefix, so this rule only looks at files that mention "twilio". An API key SID alone is a warning: it names a key but cannot authenticate without its secret.'],
    },
});
//# sourceMappingURL=rule.js.map
;// CONCATENATED MODULE: ./build/rules/secrets/index.js






































/** Rules that read file content, most specific first; secrets/generic-secret comes last. */
const secrets_SECRET_CONTENT_RULES = [
    privateKey,
    gcpServiceAccount,
    awsAccessKey,
    awsSecretKey,
    awsSessionToken,
    gcpApiKey,
    azureStorageKey,
    azureClientSecret,
    githubToken,
    gitlabToken,
    bitbucketToken,
    stripeKey,
    paypalBraintree,
    squareToken,
    adyenKey,
    plaidToken,
    slackToken,
    slackWebhook,
    twilioKey,
    sendgridKey,
    mailgunKey,
    openaiKey,
    anthropicKey,
    aiProviderKey,
    npmToken,
    pypiToken,
    dockerhubToken,
    herokuKey,
    digitaloceanToken,
    shopifyToken,
    datadogKey,
    jwt,
    databaseUrl,
    basicAuthUrl,
    exchangeApiKey,
    genericSecret,
];
const SECRET_PATH_RULES = [blockedFile];
const SECRET_BASELINE_RULE = staleBaselineEntry;
/** Every secrets rule, for the catalog (SARIF metadata, docs tests). */
const SECRET_RULES = [...secrets_SECRET_CONTENT_RULES, ...SECRET_PATH_RULES, SECRET_BASELINE_RULE];
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/allowlist.js

/**
 * Markers of values that stand in for a secret in docs, templates and tests. A secret holding
 * one (case-insensitive) is not reported. Random tokens contain these with negligible odds.
 */
const BUILT_IN_PLACEHOLDERS = [
    'example',
    'sample',
    'dummy',
    'placeholder',
    'changeme',
    'change_me',
    'change-me',
    'your_',
    'your-',
    'yourkey',
    'yoursecret',
    'yourtoken',
    'yourpassword',
    'xxxx',
    '****',
    '....',
    '…',
    '<',
    '>',
    '${',
    '{{',
    '}}',
    '%s',
    'redacted',
    'replace_me',
    'replaceme',
    'insert_',
    'notreal',
    'not_real',
    'not-a-real',
    'fake_',
    'lorem',
    '0123456789',
    '1234567890',
    'abcdefghij',
];
/** Why a value looks like a placeholder, or undefined when it does not. */
function placeholderReason(secret, extra = []) {
    const lower = secret.toLowerCase();
    for (const marker of BUILT_IN_PLACEHOLDERS)
        if (lower.includes(marker))
            return `placeholder marker "${marker}"`;
    for (const marker of extra)
        if (lower.includes(marker.toLowerCase()))
            return `placeholder marker "${marker}"`;
    // `postgres://app:***@db` in a doc comment: any run of mask characters, however short.
    if (/^[*•x#]+$/i.test(secret))
        return 'a mask (only *, •, x or #)';
    if (secret.length >= 8 && new Set(secret).size <= 3)
        return 'too few distinct characters';
    return undefined;
}
/** The lines an allowlist line regex sees are cut to this length, so a user pattern stays cheap. */
const LINE_LIMIT = 4096;
/** The user's allowlist plus the built-in placeholders, compiled once per run. */
class SecretAllowlist {
    pathMatch;
    regexes;
    lineRegexes;
    stopwords;
    placeholders;
    constructor(options) {
        const { allowlist } = options;
        this.pathMatch = globMatcher(allowlist.paths);
        this.regexes = allowlist.regexes.map((r) => new RegExp(r));
        this.lineRegexes = allowlist.lineRegexes.map((r) => new RegExp(r));
        this.stopwords = allowlist.stopwords.map((w) => w.toLowerCase());
        this.placeholders = allowlist.placeholders;
    }
    /** True when the content rules must skip this path. */
    pathAllowed(path) {
        return this.pathMatch(path);
    }
    /** Why this secret is allowed, or undefined when it must be reported. */
    secretAllowed(secret, lineText) {
        const placeholder = placeholderReason(secret, this.placeholders);
        if (placeholder)
            return placeholder;
        const lower = secret.toLowerCase();
        const stopword = this.stopwords.find((w) => lower.includes(w));
        if (stopword)
            return `stopword "${stopword}"`;
        if (this.regexes.some((r) => r.test(secret)))
            return 'allowlist regex';
        if (this.lineRegexes.length > 0) {
            const line = lineText.slice(0, LINE_LIMIT);
            if (this.lineRegexes.some((r) => r.test(line)))
                return 'allowlist line regex';
        }
        return undefined;
    }
}
//# sourceMappingURL=allowlist.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/decode.js
/**
 * Decoding of blobs that may hide a secret: base64 (standard or URL-safe), hex and percent
 * encoding. A decoding counts only when it yields mostly printable text; binary results (an
 * image, a compiled key) are not scanned.
 */
const MIN_DECODED = 12;
/** A percent escape. */
const PERCENT = /%[0-9A-Fa-f]{2}/;
/** The patterns decoding runs on blob text of any length, for the catastrophic-backtracking test. */
const DECODE_PATTERNS = [PERCENT];
const EQUALS = 61;
const PERCENT_SIGN = 37;
function mostlyPrintable(bytes) {
    if (bytes.length < MIN_DECODED)
        return false;
    let printable = 0;
    for (const b of bytes)
        if ((b >= 0x20 && b < 0x7f) || b === 9 || b === 10 || b === 13)
            printable++;
    return printable / bytes.length >= 0.95;
}
function decodePercent(run) {
    if (!PERCENT.test(run))
        return undefined;
    try {
        const text = decodeURIComponent(run);
        return text !== run && mostlyPrintable(Buffer.from(text, 'utf8')) ? text : undefined;
    }
    catch {
        return undefined;
    }
}
const HEX_DIGIT = new Uint8Array(256);
for (const ch of '0123456789abcdefABCDEF')
    HEX_DIGIT[ch.charCodeAt(0)] = 1;
/**
 * Cheap rejections before decoding, on the bytes of a piece. Printable ASCII bytes are below
 * 0x80, so in base64 the first character of every 4-character group encodes a value below 32
 * (A-Z or a-f), and in hex every byte's first digit is 0-7. Random base64 (hashes, images),
 * paths and identifiers fail within a few groups.
 */
function base64MayBeText(bytes, start, end) {
    for (let i = start; i < end && i < start + 64; i += 4) {
        const c = bytes[i];
        if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 102)))
            return false;
    }
    return true;
}
function hexMayBeText(bytes, start, end) {
    for (let i = start; i < end && i < start + 64; i += 2) {
        const c = bytes[i];
        if (c < 48 || c > 55)
            return false;
    }
    return true;
}
function allHex(bytes, start, end) {
    for (let i = start; i < end; i++)
        if (HEX_DIGIT[bytes[i]] === 0)
            return false;
    return true;
}
/** Where the piece starting at `from` ends: the next `=` or `%`, or `end`. */
function pieceEnd(bytes, from, end) {
    let i = from;
    while (i < end && bytes[i] !== EQUALS && bytes[i] !== PERCENT_SIGN)
        i++;
    return i;
}
/** Past the `=` padding after a piece, and a lone `%`. */
function pastSeparators(bytes, at, end) {
    while (at < end && bytes[at] === EQUALS)
        at++;
    if (at < end && bytes[at] === PERCENT_SIGN)
        at++;
    return at;
}
/** How a piece may be decoded to text, by the cheap checks alone; undefined when it cannot be. */
function pieceEncoding(bytes, start, end, min) {
    const length = end - start;
    if (length < min)
        return undefined;
    // A hex-looking piece is hex or nothing: hex is valid base64 too, but decodes to noise as that.
    if (length >= 32 && length % 2 === 0 && allHex(bytes, start, end))
        return hexMayBeText(bytes, start, end) ? 'hex' : undefined;
    return length % 4 !== 1 && base64MayBeText(bytes, start, end) ? 'base64' : undefined;
}
/**
 * Whether the blob run `bytes[start, end)` is worth decoding: it holds a percent escape, or one
 * of its pieces passes the cheap checks. The keyword pass asks this of every run it finds, so a
 * tree full of paths and identifiers never reaches decodeRun; decodeRun tries exactly the
 * pieces this accepts.
 */
function mayHoldText(bytes, start, end, min) {
    let at = start;
    while (at < end) {
        const stop = pieceEnd(bytes, at, end);
        if (pieceEncoding(bytes, at, stop, min) !== undefined)
            return true;
        at = stop;
        while (at < end && bytes[at] === EQUALS)
            at++;
        if (at < end && bytes[at] === PERCENT_SIGN)
            return true;
    }
    return false;
}
/**
 * The decodings of one blob run. A run may glue a key and its value (`key=c2VjcmV0…`), so it
 * is split into pieces (a stretch of base64/hex characters and the `=` padding after it) and
 * each long piece is tried on its own.
 */
function decodeRun(run, minLength) {
    const out = [];
    if (run.includes('%')) {
        const percent = decodePercent(run);
        if (percent !== undefined) {
            out.push({ encoding: 'percent', text: percent, offset: 0, length: run.length });
            return out;
        }
    }
    // A blob run holds only ASCII (base64/hex characters, `=` and `%`), so its latin1 bytes are its characters.
    const bytes = Buffer.from(run, 'latin1');
    let at = 0;
    while (at < bytes.length) {
        const start = at;
        const end = pieceEnd(bytes, start, bytes.length);
        at = pastSeparators(bytes, end, bytes.length);
        const encoding = pieceEncoding(bytes, start, end, minLength);
        if (encoding === undefined)
            continue;
        const decoded = Buffer.from(run.slice(start, end), encoding);
        if (mostlyPrintable(decoded))
            out.push({ encoding, text: decoded.toString('utf8'), offset: start, length: at - start });
    }
    return out;
}
//# sourceMappingURL=decode.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/dfa-kernel.js
/**
 * The detector's two passes over every byte of every scanned file, as WebAssembly functions: the
 * keyword automaton's walk (one table load per byte; compiled code without bounds checks on every
 * load walks four independent chains about twice as fast as the same loop in JavaScript), and
 * the search for runs of blob characters, 16 bytes at a time with SIMD compares. WebAssembly is
 * part of Node itself, so nothing native is needed on a bare runner.
 *
 * The module is a few hundred bytes, assembled here by hand (below) rather than shipped as a
 * binary. Its memory holds the transition table (entries are byte offsets of the next state's
 * row: state × 1024), the input chunk, the (last byte, row) pairs the walk emits and the
 * (end, length) pairs of the runs.
 */
/** Inputs are walked in chunks of this size, so the kernel's memory stays bounded (about 11 MiB). */
const CHUNK = 1 << 20;
/** Below this, a region is walked as one chain (quarters would be too short to pay off). */
const INTERLEAVE_MIN = 4096;
// --- A minimal WebAssembly encoder: just what the three functions need. ---------------------
const I32 = 0x7f;
const uleb = (n) => {
    const out = [];
    do {
        let byte = n & 0x7f;
        n >>>= 7;
        if (n !== 0)
            byte |= 0x80;
        out.push(byte);
    } while (n !== 0);
    return out;
};
const sleb = (n) => {
    const out = [];
    for (;;) {
        const byte = n & 0x7f;
        n >>= 7;
        if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0))
            return [...out, byte];
        out.push(byte | 0x80);
    }
};
const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, body) => [id, ...uleb(body.length), ...body];
const dfa_kernel_name = (s) => [...uleb(s.length), ...Buffer.from(s, 'ascii')];
const op = {
    get: (i) => [0x20, i],
    set: (i) => [0x21, i],
    tee: (i) => [0x22, i],
    const: (n) => [0x41, ...sleb(n)],
    add: [0x6a],
    sub: [0x6b],
    shl: [0x74],
    geU: [0x4f],
    load: (offset) => [0x28, 2, ...uleb(offset)],
    load8: [0x2d, 0, 0],
    store: (offset) => [0x36, 2, ...uleb(offset)],
    block: [0x02, 0x40],
    loop: [0x03, 0x40],
    if: [0x04, 0x40],
    end: [0x0b],
    br: (depth) => [0x0c, depth],
    brIf: (depth) => [0x0d, depth],
    else: [0x05],
    eq: [0x46],
    xor: [0x73],
    clz: [0x67],
    ctz: [0x68],
    // SIMD (128-bit), prefix 0xfd
    v128load: [0xfd, 0x00, 4, 0],
    splat8: [0xfd, 0x0f],
    eq8: [0xfd, 0x23],
    leU8: [0xfd, 0x2a],
    or128: [0xfd, 0x50],
    sub8: [0xfd, 0x71],
    bitmask8: [0xfd, 0x64],
};
const V128 = 0x7b;
/**
 * One chain's step at byte `address`: row = table[row + byte × 4]; when the row has outputs,
 * store (address, row) at `out` and advance `out` by 8.
 */
function step(address, row, first, out) {
    return [
        ...op.get(row), ...address, ...op.load8, ...op.const(2), ...op.shl, ...op.add, ...op.load(0), ...op.tee(row),
        ...op.get(first), ...op.geU, ...op.if,
        ...op.get(out), ...address, ...op.store(0),
        ...op.get(out), ...op.get(row), ...op.store(4),
        ...op.get(out), ...op.const(8), ...op.add, ...op.set(out),
        ...op.end,
    ];
}
/** walk1(p, end, row, first, out, slots): one chain over [p, end); final out and row go to slots[0], slots[4]. */
function walk1() {
    const [p, end, row, first, out, slots] = [0, 1, 2, 3, 4, 5];
    const body = [
        ...op.block, ...op.loop,
        ...op.get(p), ...op.get(end), ...op.geU, ...op.brIf(1),
        ...step(op.get(p), row, first, out),
        ...op.get(p), ...op.const(1), ...op.add, ...op.set(p),
        ...op.br(0), ...op.end, ...op.end,
        ...op.get(slots), ...op.get(out), ...op.store(0),
        ...op.get(slots), ...op.get(row), ...op.store(16),
        ...op.end,
    ];
    return [...vec([]), ...body];
}
/**
 * walk4(b0, b1, b2, b3, steps, first, o0, o1, o2, o3, slots, r0, r1, r2, r3): four chains in
 * lockstep, chain k over [b_k, b_k + steps) from row r_k, emitting at o_k; the final o_k and
 * r_k go to slots[k] and slots[4 + k].
 */
function walk4() {
    const i = 15;
    const body = [
        ...op.block, ...op.loop,
        ...op.get(i), ...op.get(4), ...op.geU, ...op.brIf(1),
        ...[0, 1, 2, 3].flatMap((k) => step([...op.get(k), ...op.get(i), ...op.add], 11 + k, 5, 6 + k)),
        ...op.get(i), ...op.const(1), ...op.add, ...op.set(i),
        ...op.br(0), ...op.end, ...op.end,
        ...[0, 1, 2, 3].flatMap((k) => [...op.get(10), ...op.get(6 + k), ...op.store(k * 4)]),
        ...[0, 1, 2, 3].flatMap((k) => [...op.get(10), ...op.get(11 + k), ...op.store(16 + k * 4)]),
        ...op.end,
    ];
    return [...vec([[1, I32]]), ...body];
}
/** Besides letters and digits, the characters a blob run is made of: base64 (both alphabets), `=` padding, `%` escapes. */
const BLOB_SPECIALS = '+/=_%-';
/** Words of runs()'s slots: where its next pair goes, and the length of the run still open. */
const RUN_SLOTS = { out: 1, length: 2 };
/**
 * runs(p, end, min, slots): the runs of blob characters in [p, end) (a multiple of 16 bytes),
 * sixteen bytes at a time: SIMD compares classify the bytes, a 16-bit mask says which are blob
 * characters, and only a block that ends a run costs more than one add. A run of at least `min`
 * (which must exceed 16, so no run fits inside one block) is stored as (address of the byte
 * after it, length) where slots[RUN_SLOTS.out] points; the length of the run still open is carried
 * in slots[RUN_SLOTS.length].
 */
function runs() {
    const [p, end, min, slots] = [0, 1, 2, 3];
    const [run, out, mask, inv, t] = [4, 5, 6, 7, 8];
    const [v, space, a, z, zero, nine] = [9, 10, 11, 12, 13, 14];
    const specials = BLOB_SPECIALS.split('').map((_, k) => 15 + k);
    const splat = (local, value) => [...op.const(value), ...op.splat8, ...op.set(local)];
    const body = [
        ...splat(space, 0x20), ...splat(a, 0x61), ...splat(z, 25), ...splat(zero, 0x30), ...splat(nine, 9),
        ...BLOB_SPECIALS.split('').flatMap((ch, k) => splat(specials[k], ch.charCodeAt(0))),
        ...op.get(slots), ...op.load(RUN_SLOTS.out * 4), ...op.set(out),
        ...op.get(slots), ...op.load(RUN_SLOTS.length * 4), ...op.set(run),
        ...op.block, ...op.loop,
        ...op.get(p), ...op.get(end), ...op.geU, ...op.brIf(1),
        ...op.get(p), ...op.v128load, ...op.tee(v),
        // letters: (byte | 0x20) - 'a' <= 25 (unsigned); digits: byte - '0' <= 9; then the specials.
        ...op.get(space), ...op.or128, ...op.get(a), ...op.sub8, ...op.get(z), ...op.leU8,
        ...op.get(v), ...op.get(zero), ...op.sub8, ...op.get(nine), ...op.leU8, ...op.or128,
        ...specials.flatMap((local) => [...op.get(v), ...op.get(local), ...op.eq8, ...op.or128]),
        ...op.bitmask8, ...op.tee(mask), ...op.const(0xffff), ...op.eq, ...op.if,
        ...op.get(run), ...op.const(16), ...op.add, ...op.set(run),
        ...op.else,
        ...op.get(mask), ...op.const(0xffff), ...op.xor, ...op.tee(inv), ...op.ctz, ...op.set(t),
        // The run that reaches into this block ends at its first non-blob byte.
        ...op.get(run), ...op.get(t), ...op.add, ...op.get(min), ...op.geU, ...op.if,
        ...op.get(out), ...op.get(p), ...op.get(t), ...op.add, ...op.store(0),
        ...op.get(out), ...op.get(run), ...op.get(t), ...op.add, ...op.store(4),
        ...op.get(out), ...op.const(8), ...op.add, ...op.set(out),
        ...op.end,
        // The run that continues into the next block: the blob bytes after the last non-blob one.
        ...op.const(15), ...op.const(31), ...op.get(inv), ...op.clz, ...op.sub, ...op.sub, ...op.set(run),
        ...op.end,
        ...op.get(p), ...op.const(16), ...op.add, ...op.set(p),
        ...op.br(0), ...op.end, ...op.end,
        ...op.get(slots), ...op.get(out), ...op.store(RUN_SLOTS.out * 4),
        ...op.get(slots), ...op.get(run), ...op.store(RUN_SLOTS.length * 4),
        ...op.end,
    ];
    return [...vec([[5, I32], [6 + specials.length, V128]]), ...body];
}
function moduleBytes() {
    const params = (n) => vec(Array.from({ length: n }, () => [I32]));
    const code = [walk1(), walk4(), runs()].map((body) => [...uleb(body.length), ...body]);
    return new Uint8Array([
        0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
        ...section(1, vec([[0x60, ...params(6), ...vec([])], [0x60, ...params(15), ...vec([])], [0x60, ...params(4), ...vec([])]])),
        ...section(3, vec([[0], [1], [2]])),
        ...section(5, vec([[0x00, 1]])),
        ...section(7, vec([[...dfa_kernel_name('walk1'), 0x00, 0], [...dfa_kernel_name('walk4'), 0x00, 1], [...dfa_kernel_name('runs'), 0x00, 2], [...dfa_kernel_name('memory'), 0x02, 0]])),
        ...section(10, vec(code)),
    ]);
}
let compiled;
/**
 * The walk of one automaton. `walk()` gives what a plain walk from the root over the whole input
 * gives: (last byte offset, row) for every byte after which the automaton is in a state with
 * outputs, in order, rows in the caller's numbering (state × 256); and the blob runs.
 */
class DfaKernel {
    exports;
    bytes;
    words;
    first;
    root;
    overlap;
    slots;
    /** Address of runs()'s slots (RUN_SLOTS). */
    runSlots;
    input;
    output;
    /** Bytes of output room per chain of walk4 (each step emits at most one pair). */
    lane;
    /** Where runs() stores its (end, length) pairs. */
    runOutput;
    /** The blob characters (1 per byte value), for the few bytes after the last 16-byte block. */
    blobChar;
    /**
     * `table`: rows × 256 next-row entries (each a row × 256); `longest`: the longest keyword's
     * length; `blobChar`: 1 for each byte value that runs() counts as a blob character.
     */
    constructor(table, firstOutputRow, rootRow, longest, blobChar) {
        this.blobChar = blobChar;
        compiled ??= new WebAssembly.Module(moduleBytes());
        this.exports = new WebAssembly.Instance(compiled).exports;
        this.overlap = Math.max(0, longest - 1);
        const tableBytes = table.length * 4;
        this.slots = tableBytes;
        this.runSlots = this.slots + 32;
        this.input = this.slots + 64;
        // runs() reads 16 bytes at a time: the input area must be 16-byte aligned.
        if (this.input % 16 !== 0)
            throw new Error('the kernel input area must be 16-byte aligned');
        this.lane = (CHUNK / 4 + this.overlap + 8) * 8;
        // Pairs are read back through an Int32Array: the output area must be 4-byte aligned (8 here).
        this.output = Math.ceil((this.input + CHUNK + this.overlap + 64) / 8) * 8;
        // A run takes at least 17 bytes: far fewer than one (end, length) pair per 8 bytes of input.
        this.runOutput = this.output + 4 * this.lane;
        const end = this.runOutput + CHUNK + 64;
        const memory = this.exports.memory;
        memory.grow(Math.ceil(end / 65536) - memory.buffer.byteLength / 65536);
        this.bytes = new Uint8Array(memory.buffer);
        this.words = new Int32Array(memory.buffer);
        // Rows become byte offsets: row × 256 entries × 4 bytes.
        for (let k = 0; k < table.length; k++)
            this.words[k] = table[k] * 4;
        this.first = firstOutputRow * 4;
        this.root = rootRow * 4;
    }
    /**
     * The walk of `input`, and the runs of blob characters at least `minBlob` long as [start, end)
     * pairs; `minBlob` 0 finds no runs, and otherwise must be over 16.
     */
    walk(input, minBlob) {
        if (minBlob !== 0 && minBlob <= 16)
            throw new Error(`blob runs are found 16 bytes at a time: the minimum length must exceed 16 (got ${minBlob})`);
        const result = { pairs: [], runs: [] };
        this.words[(this.runSlots >> 2) + RUN_SLOTS.length] = 0;
        for (let chunk = 0; chunk < input.length; chunk += CHUNK) {
            // Each chunk is walked from the root, starting `overlap` bytes early so a keyword that
            // straddles the cut is seen whole; hits that end before the chunk belong to the last one.
            const pre = Math.min(chunk, this.overlap);
            const from = chunk - pre;
            const to = Math.min(input.length, chunk + CHUNK);
            this.bytes.set(input.subarray(from, to), this.input);
            const length = to - from;
            if (length < INTERLEAVE_MIN)
                this.walkOne(0, length, this.root, pre, length, from, result.pairs);
            else
                this.walkFour(length, pre, from, result.pairs);
            if (minBlob > 0)
                this.findRuns(pre, length, from, minBlob, result.runs);
        }
        const open = this.words[(this.runSlots >> 2) + RUN_SLOTS.length];
        if (minBlob > 0 && open >= minBlob)
            result.runs.push(input.length - open, input.length);
        return result;
    }
    /**
     * The blob runs of the copied region from `pre` on (what comes before was the last chunk's),
     * carrying the length of the run still open from the last chunk and on to the next: the
     * kernel takes the 16-byte blocks, and the few bytes after the last block are counted here.
     */
    findRuns(pre, length, base, min, runs) {
        const slots = this.runSlots >> 2;
        const blocks = pre + Math.floor((length - pre) / 16) * 16;
        this.words[slots + RUN_SLOTS.out] = this.runOutput;
        this.exports.runs(this.input + pre, this.input + blocks, min, this.runSlots);
        const written = this.words[slots + RUN_SLOTS.out] >> 2;
        for (let at = this.runOutput >> 2; at < written; at += 2) {
            const end = base + this.words[at] - this.input;
            runs.push(end - this.words[at + 1], end);
        }
        let run = this.words[slots + RUN_SLOTS.length];
        for (let i = blocks; i < length; i++) {
            if (this.blobChar[this.bytes[this.input + i]] === 1) {
                run++;
                continue;
            }
            if (run >= min)
                runs.push(base + i - run, base + i);
            run = 0;
        }
        this.words[slots + RUN_SLOTS.length] = run;
    }
    /** Walks [start, end) of the copied region from `row`, keeping pairs whose last byte is in [keepFrom, keepTo). */
    walkOne(start, end, row, keepFrom, keepTo, base, found) {
        this.exports.walk1(this.input + start, this.input + end, row, this.first, this.output, this.slots);
        this.collect(this.output, this.words[this.slots >> 2], keepFrom, keepTo, base, found);
    }
    /**
     * Four chains over the quarters of the copied region. Chain k > 0 starts `overlap` bytes before
     * its quarter and keeps only what ends inside it; chain 0 runs `overlap` bytes past its quarter
     * (all chains take the same number of steps) and drops that; chain 3's state carries on over
     * the last few bytes that the quarters leave.
     */
    walkFour(length, pre, base, found) {
        const q = Math.floor(length / 4);
        const steps = q + this.overlap;
        const starts = [0, q - this.overlap, 2 * q - this.overlap, 3 * q - this.overlap];
        const outs = [0, 1, 2, 3].map((k) => this.output + k * this.lane);
        this.exports.walk4(...starts.map((s) => this.input + s), steps, this.first, ...outs, this.slots, this.root, this.root, this.root, this.root);
        const ends = [0, 1, 2, 3].map((k) => this.words[(this.slots >> 2) + k]);
        const keep = [pre, q, 2 * q, 3 * q, 4 * q];
        for (let k = 0; k < 4; k++)
            this.collect(outs[k], ends[k], keep[k], keep[k + 1], base, found);
        if (4 * q < length)
            this.walkOne(4 * q, length, this.words[(this.slots >> 2) + 7], 4 * q, length, base, found);
    }
    /** Appends the pairs in [from, to) of memory whose last byte (region offset) is in [keepFrom, keepTo), as input offsets and caller rows. */
    collect(from, to, keepFrom, keepTo, base, found) {
        const { words } = this;
        for (let at = from >> 2; at < to >> 2; at += 2) {
            const last = words[at] - this.input;
            if (last >= keepFrom && last < keepTo)
                found.push(base + last, words[at + 1] >> 2);
        }
    }
}
//# sourceMappingURL=dfa-kernel.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/keyword-matcher.js
/**
 * The keyword prefilter: an Aho-Corasick automaton over ASCII keywords, matched case-insensitively
 * in one pass over the text. The automaton is compiled to a dense transition table (state × 256
 * byte values), so the inner loop is one table lookup per character and no regex runs on text
 * that holds none of a rule's keywords.
 *
 * Runs of characters that could be an encoded blob (base64, hex, percent-encoding) are found in
 * the same WebAssembly module in long inputs, and by probing every `min`-th character in short
 * ones; only runs that could decode to text are returned.
 */


const ALPHABET = 128;
/** Inputs shorter than this are walked here, in JavaScript; longer ones by the WebAssembly kernel. */
const keyword_matcher_INTERLEAVE_MIN = 4096;
/** Characters that may make up an encoded blob: base64 (standard and URL-safe), hex, %XX. */
const BLOB_CHAR = new Uint8Array(256);
for (let c = 0; c < ALPHABET; c++) {
    if (/[A-Za-z0-9]/.test(String.fromCharCode(c)) || BLOB_SPECIALS.includes(String.fromCharCode(c)))
        BLOB_CHAR[c] = 1;
}
/**
 * Compiled form: the trie is built over character classes (one per character that occurs in a
 * keyword, upper and lower case together; class 0 for every other character), then folded into
 * a DFA whose table is indexed by the byte itself (states × 256), with every entry already
 * multiplied by 256. The inner loop is then one load per byte and no arithmetic:
 * `state = table[state + byte]`. States are renumbered so that every state with an output comes
 * last, which makes the output test one comparison.
 */
class KeywordMatcher {
    keywords;
    /** (states × 256) transitions, each the next state's row offset (state × 256). */
    table;
    /** Row offsets at or above this have outputs. */
    firstOutputRow;
    /** For each state, the keyword ids that end there (own output plus the failure chain's). */
    outputs;
    rootRow;
    /** Length of the longest keyword. */
    longest;
    /** Length of each keyword, by id. */
    lengths;
    /** The WebAssembly walk for long inputs, made on first use. */
    kernel;
    constructor(keywords) {
        for (const k of keywords) {
            if (k.length === 0 || !/^[\x20-\x7e]+$/.test(k))
                throw new Error(`keyword must be non-empty printable ASCII: ${JSON.stringify(k)}`);
        }
        this.keywords = keywords.map((k) => k.toLowerCase());
        // 0. Character classes.
        const classOf = new Uint8Array(ALPHABET);
        let classes = 1;
        for (const keyword of this.keywords) {
            for (let i = 0; i < keyword.length; i++) {
                const c = keyword.charCodeAt(i);
                if (classOf[c] === 0)
                    classOf[c] = classes++;
            }
        }
        for (let c = 65; c <= 90; c++)
            classOf[c] = classOf[c + 32];
        // 1. The trie, over classes.
        const goto = [new Map()];
        const own = [[]];
        this.keywords.forEach((keyword, id) => {
            let state = 0;
            for (let i = 0; i < keyword.length; i++) {
                const cls = classOf[keyword.charCodeAt(i)];
                let next = goto[state].get(cls);
                if (next === undefined) {
                    next = goto.length;
                    goto.push(new Map());
                    own.push([]);
                    goto[state].set(cls, next);
                }
                state = next;
            }
            own[state].push(id);
        });
        // 2. Failure links breadth-first, folded into a dense table over classes (a DFA).
        const states = goto.length;
        const dense = new Int32Array(states * classes);
        const fail = new Int32Array(states);
        const outputs = own.map((o) => (o.length > 0 ? [...o] : undefined));
        const queue = [];
        for (let cls = 1; cls < classes; cls++) {
            const next = goto[0].get(cls);
            if (next !== undefined) {
                dense[cls] = next;
                queue.push(next);
            }
        }
        for (let q = 0; q < queue.length; q++) {
            const state = queue[q];
            const inherited = outputs[fail[state]];
            if (inherited)
                outputs[state] = [...(outputs[state] ?? []), ...inherited];
            for (let cls = 1; cls < classes; cls++) {
                const next = goto[state].get(cls);
                if (next !== undefined) {
                    fail[next] = dense[fail[state] * classes + cls];
                    dense[state * classes + cls] = next;
                    queue.push(next);
                }
                else {
                    dense[state * classes + cls] = dense[fail[state] * classes + cls];
                }
            }
        }
        // 3. Renumber (states without output first) and expand to one column per byte value.
        const order = [...Array(states).keys()].sort((a, b) => Number(outputs[a] !== undefined) - Number(outputs[b] !== undefined) || a - b);
        const renamed = new Int32Array(states);
        order.forEach((old, i) => (renamed[old] = i));
        //    Breadth-first, each state's row is its failure state's row (complete, being shallower)
        //    with its own trie edges written over it: a native copy per state and a few stores
        //    instead of 256 lookups, which run unoptimised at start-up on every scanning thread.
        const bytesOf = Array.from({ length: classes }, () => []);
        for (let byte = 0; byte < ALPHABET; byte++)
            if (classOf[byte] !== 0)
                bytesOf[classOf[byte]].push(byte);
        const table = new Int32Array(states * 256);
        const rowOf = (old) => renamed[old] * 256;
        const writeEdges = (old) => {
            const row = rowOf(old);
            for (const [cls, next] of goto[old])
                for (const byte of bytesOf[cls])
                    table[row + byte] = rowOf(next);
        };
        table.fill(rowOf(0), rowOf(0), rowOf(0) + 256);
        writeEdges(0);
        for (const old of queue) {
            const from = rowOf(fail[old]);
            table.copyWithin(rowOf(old), from, from + 256);
            writeEdges(old);
        }
        const firstOutput = order.findIndex((old) => outputs[old] !== undefined);
        this.firstOutputRow = (firstOutput < 0 ? states : firstOutput) * 256;
        this.outputs = order.map((old) => outputs[old]);
        this.table = table;
        this.rootRow = renamed[0] * 256;
        this.lengths = this.keywords.map((k) => k.length);
        this.longest = Math.max(0, ...this.lengths);
    }
    /**
     * Every keyword occurrence (case-insensitive for ASCII letters), and the blob runs of at
     * least `minBlobLength` characters (0 = do not collect blobs). A Buffer is matched byte by
     * byte: keywords are ASCII and UTF-8 never uses bytes below 0x80 inside a multi-byte
     * character, so matching bytes is exact, and a file with no hit is never decoded at all.
     * Offsets are then byte offsets.
     *
     * A string is matched through its latin1 bytes (one byte per UTF-16 unit, so offsets are
     * string offsets). A character above U+00FF keeps only its low byte there; that can add a
     * hit or lengthen a blob run, which the rules and the decoder then check on the real text,
     * but it can never hide one, since keywords and blob characters are ASCII.
     */
    match(input, minBlobLength = 0) {
        const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
        let hits;
        let runs;
        if (bytes.length < keyword_matcher_INTERLEAVE_MIN) {
            hits = this.hits(bytes);
            runs = minBlobLength > 0 ? blobRuns(bytes, minBlobLength) : [];
        }
        else {
            // A long input: the WebAssembly kernel walks the automaton and, 16 bytes at a time, finds
            // the blob runs (for minimum lengths above 16; shorter ones are probed for here).
            this.kernel ??= new DfaKernel(this.table, this.firstOutputRow, this.rootRow, this.longest, BLOB_CHAR);
            const inKernel = minBlobLength > 16;
            const walked = this.kernel.walk(bytes, inKernel ? minBlobLength : 0);
            hits = this.expand(walked.pairs);
            runs = inKernel ? walked.runs : minBlobLength > 0 ? blobRuns(bytes, minBlobLength) : [];
        }
        // Of the runs, only those that could be the encoding of text are worth decoding.
        const blobs = [];
        for (let k = 0; k < runs.length; k += 2) {
            if (mayHoldText(bytes, runs[k], runs[k + 1], minBlobLength))
                blobs.push(runs[k], runs[k + 1]);
        }
        return { hits, blobs };
    }
    /**
     * The automaton's walk over a short input: (last byte, state row) pairs for every byte after
     * which the automaton is in a state with outputs, turned into (keyword, start) pairs in the
     * order the keywords end. Long inputs go to the WebAssembly kernel (dfa-kernel.ts), which
     * walks four quarters at once.
     */
    hits(bytes) {
        const { table, firstOutputRow: out } = this;
        const found = [];
        let row = this.rootRow;
        for (let i = 0; i < bytes.length; i++) {
            row = table[row + bytes[i]];
            if (row >= out)
                found.push(i, row);
        }
        return this.expand(found);
    }
    /** (keyword, start) pairs from (last byte, state) pairs: every keyword that ends in that state. */
    expand(pairs) {
        const { outputs, lengths } = this;
        const hits = [];
        for (let k = 0; k < pairs.length; k += 2) {
            const next = pairs[k] + 1;
            for (const id of outputs[pairs[k + 1] >> 8])
                hits.push(id, next - lengths[id]);
        }
        return hits;
    }
}
/**
 * The runs of at least `min` blob characters in a short input (the kernel finds them in long
 * ones). Any such run covers a position that is a multiple of `min` (minus one), so only those
 * positions are probed. A run through a probe `p` that is at least `min` long also covers
 * `p - min/2` or `p + min/2`, so when neither is a blob character the probe is dropped without
 * walking its run: ordinary text (identifiers, words) costs about three reads per `min`
 * characters.
 */
function blobRuns(bytes, min) {
    const runs = [];
    const n = bytes.length;
    const half = min >> 1;
    let probe = min - 1;
    while (probe < n) {
        if (BLOB_CHAR[bytes[probe]] === 0 || (BLOB_CHAR[bytes[probe - half]] === 0 && (probe + half >= n || BLOB_CHAR[bytes[probe + half]] === 0))) {
            probe += min;
            continue;
        }
        let start = probe;
        while (start > 0 && BLOB_CHAR[bytes[start - 1]] === 1)
            start--;
        let end = probe + 1;
        while (end < n && BLOB_CHAR[bytes[end]] === 1)
            end++;
        if (end - start >= min)
            runs.push(start, end);
        // The next run starts after `end`, so it covers `end + min` if it is long enough.
        probe = end + min;
    }
    return runs;
}
//# sourceMappingURL=keyword-matcher.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/line-index.js
/** Offsets of line starts in a text, built once, so offset → line is a binary search. */
class LineIndex {
    starts;
    text;
    constructor(text) {
        this.text = text;
        const starts = [0];
        for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1))
            starts.push(at + 1);
        this.starts = starts;
    }
    get lineCount() {
        return this.starts.length;
    }
    /** 0-based line of an offset. */
    lineOf(offset) {
        const { starts } = this;
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }
    /** Offset of the first character of a 0-based line. */
    lineStart(line) {
        return this.starts[line] ?? this.text.length;
    }
    /** Offset just past the last character of a 0-based line (before its `\n`, and any `\r`). */
    lineEnd(line) {
        const next = this.starts[line + 1];
        if (next === undefined)
            return this.text.length;
        return this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
    }
    lineText(line) {
        return this.text.slice(this.lineStart(line), this.lineEnd(line));
    }
    /** 1-based line and column of an offset. */
    position(offset) {
        const line = this.lineOf(offset);
        return { line: line + 1, column: offset - this.lineStart(line) + 1 };
    }
}
/** A predicate over 1-based line numbers from sorted, inclusive ranges (the staged added lines). */
function lineRangeFilter(ranges) {
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    return (line) => {
        let lo = 0;
        let hi = sorted.length - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const r = sorted[mid];
            if (line < r.start)
                hi = mid - 1;
            else if (line > r.end)
                lo = mid + 1;
            else
                return true;
        }
        return false;
    };
}
//# sourceMappingURL=line-index.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/detector.js




/** Blob runs shorter than this are not worth decoding (base64 of 15 bytes). */
const MIN_BLOB = 20;
/** At most this many blobs are decoded per text, so a file of random data stays cheap. */
const MAX_BLOBS = 2000;
/**
 * The one detector behind every source (staged, tree, paths, stdin, history): a keyword
 * prefilter, then only the rules whose keywords occur, on windows around the hits; then the
 * allowlist, overlap resolution (specific rules beat the generic one) and decoding of blobs.
 */
class SecretDetector {
    rules;
    options;
    matcher;
    /** For each keyword id, the indexes of the rules that use it. */
    rulesByKeyword;
    allowlist;
    constructor(rules, options) {
        this.rules = rules;
        this.options = options;
        this.allowlist = new SecretAllowlist(options);
        const compiled = compileKeywords(rules);
        this.matcher = compiled.matcher;
        this.rulesByKeyword = compiled.rulesByKeyword;
    }
    scan(target) {
        if (typeof target.text === 'string')
            return this.scanText(target.path, target.text, target.lineFilter, 0);
        const bytes = target.text;
        const matched = this.matcher.match(bytes, this.options.decodeDepth > 0 ? MIN_BLOB : 0);
        if (matched.hits.length === 0 && matched.blobs.length === 0)
            return [];
        const text = bytes.toString('utf8');
        // Each byte became one UTF-16 unit (ASCII text), so byte offsets are text offsets.
        return this.scanText(target.path, text, target.lineFilter, 0, text.length === bytes.length ? matched : undefined);
    }
    scanText(path, text, lineFilter, depth, prematched) {
        const decode = depth < this.options.decodeDepth;
        const { hits, blobs } = prematched ?? this.matcher.match(text, decode ? MIN_BLOB : 0);
        if (hits.length === 0 && blobs.length === 0)
            return [];
        // Line numbers are needed only for a line filter and for what is found: built on first use.
        let index;
        const lines = () => (index ??= new LineIndex(text));
        const lineAllowed = (offset) => !lineFilter || lineFilter(lines().lineOf(offset) + 1);
        // 1. Each rule on the text it needs: window rules on merged windows around their hits,
        //    run as soon as a window is complete; file rules once, after the walk.
        const located = [];
        let current = 0;
        let base = 0;
        const report = (candidate) => {
            const start = base + candidate.index;
            located.push({ rule: current, candidate, start, end: start + candidate.secret.length });
        };
        const run = (r, from, to) => {
            current = r;
            base = from;
            this.rules[r].create({ path, text: from === 0 && to === text.length ? text : text.slice(from, to), options: this.options, report });
        };
        // Keyword-scope rules: one context for the whole text, its `keyword` moved from hit to hit.
        const keyword = { start: 0, end: 0 };
        let skipTo = 0;
        const atKeyword = { path, text, keyword, options: this.options, report, skipHitsBefore: (offset) => (skipTo = offset) };
        const runAt = (r, start, end) => {
            current = r;
            base = 0;
            keyword.start = start;
            keyword.end = end;
            skipTo = 0;
            this.rules[r].create(atKeyword);
            return skipTo;
        };
        const walk = new WindowWalk(this.rules, text, run, runAt);
        const { lengths } = this.matcher;
        for (let k = 0; k < hits.length; k += 2) {
            const keyword = hits[k];
            const start = hits[k + 1];
            if (lineFilter && !lineAllowed(start))
                continue;
            walk.hit(this.rulesByKeyword[keyword], start, start + lengths[keyword]);
        }
        walk.finish();
        // 2. Scope, allowlist, then overlaps: the lower priority (the more specific rule) wins.
        const candidates = located
            .filter((l) => lineAllowed(l.start))
            .filter((l) => this.allowlist.secretAllowed(l.candidate.secret, lines().lineText(lines().lineOf(l.start))) === undefined)
            .sort((a, b) => this.rules[a.rule].priority - this.rules[b.rule].priority || a.start - b.start || b.end - a.end || a.rule - b.rule);
        const taken = new IntervalSet();
        const kept = [];
        for (const l of candidates) {
            if (taken.overlaps(l.start, l.end))
                continue;
            taken.add(l.start, l.end);
            kept.push(l);
        }
        kept.sort((a, b) => a.start - b.start);
        const found = kept.map((l) => {
            const rule = this.rules[l.rule];
            const from = lines().position(l.start);
            const to = lines().position(l.end);
            return {
                rule,
                secret: l.candidate.secret,
                label: l.candidate.label,
                severity: l.candidate.severity ?? rule.meta.severity,
                ...(l.candidate.detail === undefined ? {} : { detail: l.candidate.detail }),
                line: from.line,
                column: from.column,
                endLine: to.line,
                endColumn: to.column,
                lineText: lines().lineText(from.line - 1),
                encodings: [],
            };
        });
        // 3. Blobs that decode to text: scan what is inside, report at the blob.
        if (decode) {
            let tried = 0;
            for (let k = 0; k < blobs.length && tried < MAX_BLOBS; k += 2) {
                const blobStart = blobs[k];
                const blobEnd = blobs[k + 1];
                if (!lineAllowed(blobStart))
                    continue;
                if (taken.overlaps(blobStart, blobEnd))
                    continue;
                tried++;
                const run = text.slice(blobStart, blobEnd);
                for (const decoded of decodeRun(run, MIN_BLOB)) {
                    const inner = this.scanText(path, decoded.text, undefined, depth + 1);
                    if (inner.length === 0)
                        continue;
                    const start = blobStart + decoded.offset;
                    const from = lines().position(start);
                    const to = lines().position(start + decoded.length);
                    const encoded = text.slice(start, start + decoded.length);
                    for (const secret of inner) {
                        found.push({
                            ...secret,
                            line: from.line,
                            column: from.column,
                            endLine: to.line,
                            endColumn: to.column,
                            lineText: lines().lineText(from.line - 1),
                            encodings: [decoded.encoding, ...secret.encodings],
                            blob: encoded,
                        });
                    }
                }
            }
        }
        return found;
    }
}
/** The automaton depends only on the rules, so one rule list is compiled once per process. */
const compiledCache = new WeakMap();
function compileKeywords(rules) {
    const cached = compiledCache.get(rules);
    if (cached)
        return cached;
    const keywords = [];
    const ids = new Map();
    const rulesByKeyword = [];
    rules.forEach((rule, r) => {
        for (const raw of rule.keywords) {
            const keyword = raw.toLowerCase();
            let id = ids.get(keyword);
            if (id === undefined) {
                id = keywords.length;
                ids.set(keyword, id);
                keywords.push(keyword);
                rulesByKeyword.push([]);
            }
            const list = rulesByKeyword[id];
            if (!list.includes(r))
                list.push(r);
        }
    });
    const compiled = { matcher: new KeywordMatcher(keywords), rulesByKeyword };
    compiledCache.set(rules, compiled);
    return compiled;
}
/**
 * Hands each rule the text it asked for as the keyword hits come: a keyword-scope rule each hit
 * (`runAt`, unless the rule asked to skip it), a window rule its merged windows (`run`),
 * a file rule the whole text once at the end.
 *
 * A window holds `rule.window` characters on either side of a hit, clipped to the hit's line,
 * so a rule never sees more than that around one of its keywords; windows of one rule that
 * touch are merged. Hits come in the order their keywords end, so a window is finished once a
 * hit of the same rule starts past it. The hit's line is found by searching for the line breaks
 * around it once per line, which over a whole text reads each character about once.
 */
class WindowWalk {
    rules;
    text;
    run;
    /** Runs a keyword-scope rule at one hit; returns the offset its next hits must start at. */
    runAt;
    /** The open window of each rule ([from, to), from = -1 when none), and file rules that were hit. */
    from;
    to;
    fileRuleHit;
    /** For keyword-scope rules: hits starting before this offset are not passed. */
    resume;
    /** The line of the last hit: [lineStart, lineEnd) without its line break; lineBreak is where the next line starts - 1. */
    lineStart = 0;
    lineEnd = -1;
    lineBreak = -1;
    constructor(rules, text, run, runAt) {
        this.rules = rules;
        this.text = text;
        this.run = run;
        this.runAt = runAt;
        this.from = new Int32Array(rules.length).fill(-1);
        this.to = new Int32Array(rules.length);
        this.fileRuleHit = new Uint8Array(rules.length);
        this.resume = new Float64Array(rules.length);
    }
    hit(ruleIndexes, start, end) {
        for (const r of ruleIndexes) {
            const rule = this.rules[r];
            if (rule.scope === 'keyword') {
                if (start >= this.resume[r])
                    this.resume[r] = this.runAt(r, start, end);
                continue;
            }
            if (rule.scope === 'file') {
                this.fileRuleHit[r] = 1;
                continue;
            }
            if (start > this.lineBreak)
                this.findLine(start);
            const from = Math.max(this.lineStart, start - rule.window);
            const to = Math.min(Math.max(this.lineEnd, end), end + rule.window);
            const open = this.from[r];
            if (open >= 0 && from <= this.to[r]) {
                if (from < open)
                    this.from[r] = from;
                if (to > this.to[r])
                    this.to[r] = to;
                continue;
            }
            if (open >= 0)
                this.run(r, open, this.to[r]);
            this.from[r] = from;
            this.to[r] = to;
        }
    }
    /** Runs the windows still open, then each file rule that was hit on the whole text. */
    finish() {
        for (let r = 0; r < this.rules.length; r++) {
            if (this.from[r] >= 0)
                this.run(r, this.from[r], this.to[r]);
            if (this.fileRuleHit[r] === 1)
                this.run(r, 0, this.text.length);
        }
    }
    findLine(offset) {
        const { text } = this;
        this.lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
        const newline = text.indexOf('\n', offset);
        this.lineBreak = newline < 0 ? text.length : newline;
        this.lineEnd = newline > 0 && text.charCodeAt(newline - 1) === 13 ? newline - 1 : this.lineBreak;
    }
}
/** Disjoint [start, end) intervals kept sorted, for overlap tests in O(log n). */
class IntervalSet {
    starts = [];
    ends = [];
    /** Index of the first interval whose start is >= `offset`. */
    lowerBound(offset) {
        let lo = 0;
        let hi = this.starts.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.starts[mid] < offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
    overlaps(start, end) {
        const i = this.lowerBound(start);
        if (i > 0 && this.ends[i - 1] > start)
            return true;
        return i < this.starts.length && this.starts[i] < end;
    }
    /** Adds an interval that overlaps none already present. */
    add(start, end) {
        const i = this.lowerBound(start);
        this.starts.splice(i, 0, start);
        this.ends.splice(i, 0, end);
    }
}
//# sourceMappingURL=detector.js.map
;// CONCATENATED MODULE: ./build/src/git/binary.js
/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary. */
function looksBinary(content) {
    return content.subarray(0, 8000).includes(0);
}
//# sourceMappingURL=binary.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/file-scan.js
/**
 * What the secrets check finds in one file's content: blocked-file rules, then (unless the path
 * is allowlisted, the file too large or binary) the detector. The same function runs in the
 * check's thread and in the scan workers, so a verdict never depends on where a file was read.
 */


function scanContent(input, detector, options) {
    const { path, content } = input;
    const scan = { path, blocked: [], secrets: [] };
    SECRET_PATH_RULES.forEach((rule, index) => {
        rule.create({ path, content, options, report: (r) => scan.blocked.push({ rule: index, message: r.message }) });
    });
    if (input.blockedOnly || detector.allowlist.pathAllowed(path))
        return scan;
    if ((input.size ?? content.length) > options.maxFileSizeKb * 1024)
        return { ...scan, skipped: 'large' };
    if (looksBinary(content))
        return { ...scan, skipped: 'binary' };
    scan.secrets = detector.scan({ path, text: content, ...(input.lineFilter ? { lineFilter: input.lineFilter } : {}) });
    return scan;
}
/** Reads a working-tree file and scans it, on whichever thread holds the reader; undefined when it cannot be read. */
function scanFromDisk(file, reader, detector, options) {
    const read = reader.read(file.absPath);
    return read && scanContent({ path: file.path, content: read.content, size: read.size }, detector, options);
}
function toWire(scan) {
    return { ...scan, secrets: scan.secrets.map((s) => ({ ...s, rule: secrets_SECRET_CONTENT_RULES.indexOf(s.rule) })) };
}
function fromWire(wire) {
    return { ...wire, secrets: wire.secrets.map((s) => ({ ...s, rule: SECRET_CONTENT_RULES[s.rule] })) };
}
//# sourceMappingURL=file-scan.js.map
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./build/src/checks/secrets/file-reader.js
/**
 * Reads working-tree files for a scan, synchronously, into one buffer reused from file to file:
 * a fresh buffer per file costs more in page faults and garbage collection than the copy itself.
 * Each read's content is valid only until the next read (scanContent is synchronous and returns
 * strings, so nothing keeps it). Used by the scan workers and by the check's own thread when it
 * scans beside them.
 */

/** Of a file over the scan limit only this much is read: enough for the blocked-file rules (.npmrc). */
const LARGE_FILE_HEAD = 64 * 1024;
class FileReader {
    buffer = Buffer.allocUnsafe(1 << 20);
    maxBytes;
    /** `maxBytes`: files larger than this are read only as far as LARGE_FILE_HEAD. */
    constructor(maxBytes) {
        this.maxBytes = maxBytes;
    }
    /** The content (or the head of a large file) and the file's size; undefined when it cannot be read (gone since it was listed). */
    read(absPath) {
        let fd;
        try {
            fd = (0,external_node_fs_namespaceObject.openSync)(absPath, 'r');
        }
        catch {
            return undefined;
        }
        try {
            const size = (0,external_node_fs_namespaceObject.fstatSync)(fd).size;
            const wanted = size > this.maxBytes ? LARGE_FILE_HEAD : size;
            if (wanted > this.buffer.length)
                this.buffer = Buffer.allocUnsafe(wanted);
            let filled = 0;
            while (filled < wanted) {
                const read = (0,external_node_fs_namespaceObject.readSync)(fd, this.buffer, filled, wanted - filled, filled);
                if (read === 0)
                    break;
                filled += read;
            }
            return { content: this.buffer.subarray(0, filled), size };
        }
        catch {
            return undefined;
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
        }
    }
}
//# sourceMappingURL=file-reader.js.map
;// CONCATENATED MODULE: ./build/src/checks/secrets/scan-worker.js
/**
 * A secrets scan worker thread: reads the files it is sent and scans them with its own detector.
 * Spawned by scan-pool.ts with the check's options as workerData; answers each batch with its
 * FileScans in wire form.
 */





const options = external_node_worker_threads_namespaceObject.workerData.options;
const detector = new SecretDetector(secrets_SECRET_CONTENT_RULES, options);
/** Synchronous reads: this thread has nothing else to do, and it saves a hop through libuv's pool. */
const reader = new FileReader(options.maxFileSizeKb * 1024);
function scanBatch(request) {
    const scans = [];
    for (const file of request.files) {
        const scan = scanFromDisk(file, reader, detector, options);
        if (scan)
            scans.push(toWire(scan));
    }
    return scans;
}
external_node_worker_threads_namespaceObject.parentPort.on('message', (request) => {
    let reply;
    try {
        reply = { batch: request.batch, scans: scanBatch(request) };
    }
    catch (error) {
        reply = { batch: request.batch, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    external_node_worker_threads_namespaceObject.parentPort.postMessage(reply);
});
//# sourceMappingURL=scan-worker.js.map
