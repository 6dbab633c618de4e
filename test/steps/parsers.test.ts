import { describe, expect, it } from 'vitest';
import { StepSchema } from '../../src/steps/config.ts';
import { parseOutput, plainLines } from '../../src/steps/parse/index.ts';

const ESC = '\u001b';

/** Output as the tools print it (recorded from tsc 6, ESLint 10, vitest 5; jest's documented layout). */
const TSC_PLAIN = [
  "src/a.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.",
  "src/b.ts(10,3): error TS2741: Property 'id' is missing in type '{}' but required in type 'User'.",
  "  Property 'id' is declared here.",
].join('\n');

const TSC_PRETTY = [
  `${ESC}[96msrc/a.ts${ESC}[0m:${ESC}[93m1${ESC}[0m:${ESC}[93m7${ESC}[0m - ${ESC}[91merror${ESC}[0m${ESC}[90m TS2322: ${ESC}[0mType 'string' is not assignable to type 'number'.`,
  '',
  `${ESC}[7m1${ESC}[0m const a: number = "x";`,
  `${ESC}[7m ${ESC}[0m ${ESC}[91m      ~${ESC}[0m`,
  '',
  'Found 1 error in src/a.ts:1',
].join('\n');

const ESLINT_STYLISH = [
  '',
  '/repo/src/b.js',
  "  1:7  error    'foo' is assigned a value but never used  no-unused-vars",
  '  2:1  warning  Unexpected console statement              no-console',
  '',
  '/repo/src/c.js',
  '  3:9  error  Parsing error: Unexpected token',
  '',
  '✖ 3 problems (2 errors, 1 warning)',
].join('\n');

const ESLINT_COMPACT = [
  "/repo/src/b.js: line 1, col 7, Error - 'foo' is assigned a value but never used. (no-unused-vars)",
  '/repo/src/b.js: line 2, col 1, Warning - Unexpected console statement. (no-console)',
  '',
  '2 problems',
].join('\n');

const VITEST = [
  ' RUN  v5.1.1 /repo',
  '',
  ' ❯ test/sum.test.ts (3 tests | 2 failed) 23ms',
  '     × adds 19ms',
  '',
  '⎯⎯⎯⎯⎯⎯⎯ Failed Tests 2 ⎯⎯⎯⎯⎯⎯⎯',
  '',
  ' FAIL  test/sum.test.ts > sum > adds',
  'AssertionError: expected 2 to be 3 // Object.is equality',
  '',
  '- Expected',
  '+ Received',
  '',
  ' ❯ test/sum.test.ts:4:19',
  '      4|     expect(1 + 1).toBe(3);',
  '       |                   ^',
  '',
  '⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/2]⎯',
  '',
  ' FAIL  test/sum.test.ts > throws',
  'Error: boom here',
  ' ❯ helper src/helper.ts:2:9',
  ' ❯ test/sum.test.ts:8:30',
  '',
  '⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[2/2]⎯',
  '',
  ' Test Files  1 failed (1)',
].join('\n');

const JEST = [
  ' FAIL  test/sum.test.js (1.2 s)',
  '  ● sum › adds',
  '',
  '    expect(received).toBe(expected) // Object.is equality',
  '',
  '    Expected: 3',
  '    Received: 2',
  '',
  '    > 4 |     expect(1 + 1).toBe(3);',
  '        |                   ^',
  '',
  '      at Object.toBe (test/sum.test.js:4:19)',
  '',
  '  ● sum › loads',
  '',
  '    Cannot find module ./missing',
  '',
  '      at Resolver.resolveModule (node_modules/jest-resolve/build/resolver.js:324:11)',
  '',
  ' PASS  test/other.test.js',
  '',
  'Tests:       2 failed, 3 passed, 5 total',
].join('\n');

/** A test file that does not load: vitest names the file, jest says the suite failed to run. */
const VITEST_SUITE = [
  ' FAIL  test/broken.test.ts [ test/broken.test.ts ]',
  "Error: Cannot find module './missing' imported from '/repo/test/broken.test.ts'",
  ' ❯ test/broken.test.ts:1:1',
  '',
  '⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯',
].join('\n');

const JEST_SUITE = [
  ' FAIL  test/broken.test.js',
  '  ● Test suite failed to run',
  '',
  "    Cannot find module './missing' from 'test/broken.test.js'",
  '',
  '      at Resolver._throwModNotFoundError (node_modules/jest-resolve/build/resolver.js:427:11)',
  '',
  'Test Suites: 1 failed, 1 total',
].join('\n');

const GENERIC = [
  'src/main.c:12:5: error: expected ";" before "}" token',
  'src/util.py:3: warning: unused import',
  'connecting to localhost:5432: refused',
  'Error: something went wrong',
].join('\n');

const cases = [
  {
    name: 'tsc (plain, with a chained message)',
    format: 'tsc' as const,
    text: TSC_PLAIN,
    expected: [
      { file: 'src/a.ts', line: 1, column: 7, severity: 'error', message: "TS2322: Type 'string' is not assignable to type 'number'." },
      { file: 'src/b.ts', line: 10, column: 3, severity: 'error', message: "TS2741: Property 'id' is missing in type '{}' but required in type 'User'.\nProperty 'id' is declared here." },
    ],
  },
  {
    name: 'tsc --pretty with colour codes',
    format: 'tsc' as const,
    text: TSC_PRETTY,
    expected: [{ file: 'src/a.ts', line: 1, column: 7, severity: 'error', message: "TS2322: Type 'string' is not assignable to type 'number'." }],
  },
  {
    name: 'ESLint stylish',
    format: 'eslint-stylish' as const,
    text: ESLINT_STYLISH,
    expected: [
      { file: '/repo/src/b.js', line: 1, column: 7, severity: 'error', message: "'foo' is assigned a value but never used (no-unused-vars)" },
      { file: '/repo/src/b.js', line: 2, column: 1, severity: 'warning', message: 'Unexpected console statement (no-console)' },
      { file: '/repo/src/c.js', line: 3, column: 9, severity: 'error', message: 'Parsing error: Unexpected token' },
    ],
  },
  {
    name: 'ESLint compact',
    format: 'eslint-compact' as const,
    text: ESLINT_COMPACT,
    expected: [
      { file: '/repo/src/b.js', line: 1, column: 7, severity: 'error', message: "'foo' is assigned a value but never used. (no-unused-vars)" },
      { file: '/repo/src/b.js', line: 2, column: 1, severity: 'warning', message: 'Unexpected console statement. (no-console)' },
    ],
  },
  {
    name: 'vitest failures (the frame in the test file wins)',
    format: 'vitest' as const,
    text: VITEST,
    expected: [
      { file: 'test/sum.test.ts', line: 4, column: 19, severity: 'error', message: 'sum > adds: AssertionError: expected 2 to be 3 // Object.is equality' },
      { file: 'test/sum.test.ts', line: 8, column: 30, severity: 'error', message: 'throws: Error: boom here' },
    ],
  },
  {
    name: 'jest failures (no frame in the test file: the file itself)',
    format: 'jest' as const,
    text: JEST,
    expected: [
      { file: 'test/sum.test.js', line: 4, column: 19, severity: 'error', message: 'sum › adds: expect(received).toBe(expected) // Object.is equality' },
      { file: 'test/sum.test.js', line: 0, column: 0, severity: 'error', message: 'sum › loads: Cannot find module ./missing' },
    ],
  },
  {
    name: 'a vitest test file that does not load',
    format: 'vitest' as const,
    text: VITEST_SUITE,
    expected: [{ file: 'test/broken.test.ts', line: 1, column: 1, severity: 'error', message: "Error: Cannot find module './missing' imported from '/repo/test/broken.test.ts'" }],
  },
  {
    name: 'a jest suite that failed to run',
    format: 'jest' as const,
    text: JEST_SUITE,
    expected: [{ file: 'test/broken.test.js', line: 0, column: 0, severity: 'error', message: "Test suite failed to run: Cannot find module './missing' from 'test/broken.test.js'" }],
  },
  {
    name: 'generic file:line:col: message (a host:port is not a file)',
    format: 'generic' as const,
    text: GENERIC,
    expected: [
      { file: 'src/main.c', line: 12, column: 5, severity: 'error', message: 'expected ";" before "}" token' },
      { file: 'src/util.py', line: 3, column: 0, severity: 'warning', message: 'unused import' },
    ],
  },
];

describe('step output parsers', () => {
  it.each(cases)('reads $name', ({ format, text, expected }) => {
    expect(parseOutput(format, plainLines(text)).problems).toEqual(expected);
  });

  it.each(cases.filter((c) => c.format !== 'generic'))('auto finds $name without being told', ({ text, expected }) => {
    expect(parseOutput('auto', plainLines(text)).problems).toEqual(expected);
  });

  it('auto falls back to the generic pattern only when no known format matched', () => {
    const parsed = parseOutput('auto', plainLines(GENERIC));
    expect(parsed.formats).toEqual(['generic']);
    expect(parsed.needsExistingFile).toBe(true);
    expect(parseOutput('auto', plainLines(`${TSC_PLAIN}\n${GENERIC}`)).formats).toEqual(['tsc']);
  });

  it('reads a user pattern with named groups, severity words and a code', () => {
    const format = StepSchema.parse({
      name: 'ruff',
      run: 'ruff check .',
      format: { pattern: String.raw`^(?<file>[^:]+):(?<line>\d+):(?<column>\d+): (?<code>[A-Z]+\d+) \[(?<severity>\w+)\] (?<message>.+)$` },
    }).format;
    if (typeof format !== 'object') throw new Error('expected a pattern');
    const lines = ['app/x.py:3:1: F401 [warn] os imported but unused', 'app/y.py:9:5: E999 [error] SyntaxError', 'All done'];
    expect(parseOutput(format, lines).problems).toEqual([
      { file: 'app/x.py', line: 3, column: 1, severity: 'warning', message: 'F401: os imported but unused' },
      { file: 'app/y.py', line: 9, column: 5, severity: 'error', message: 'E999: SyntaxError' },
    ]);
  });

  it('finds nothing in output of a passing run', () => {
    expect(parseOutput('auto', plainLines(' ✓ test/a.test.ts (3 tests) 5ms\n\n Test Files  1 passed (1)\n')).problems).toEqual([]);
  });
});
