import { describe, expect, it } from 'vitest';
import { executableWithoutShebang } from '../../../../rules/hygiene/executable-without-shebang/rule.ts';
import { invalidJson } from '../../../../rules/hygiene/invalid-json/rule.ts';
import { invalidToml } from '../../../../rules/hygiene/invalid-toml/rule.ts';
import { invalidYaml } from '../../../../rules/hygiene/invalid-yaml/rule.ts';
import { largeFile } from '../../../../rules/hygiene/large-file/rule.ts';
import { mergeConflict } from '../../../../rules/hygiene/merge-conflict/rule.ts';
import { ruleTable, runRule } from '../rule-harness.ts';

// Markers built here so that this file itself holds none.
const OPEN = '<'.repeat(7);
const SEP = '='.repeat(7);
const BASE = '|'.repeat(7);
const CLOSE = '>'.repeat(7);

ruleTable(mergeConflict, {
  valid: [
    { name: 'a reStructuredText heading underline', path: 'doc.rst', content: `Title\n${SEP}\n` },
    { name: 'a Setext heading in Markdown', path: 'doc.md', content: `Title\n${SEP}\n` },
    { name: 'an example conflict inside a Markdown code fence', path: 'doc.md', content: `~~~~\n${OPEN} HEAD\na\n${SEP}\nb\n${CLOSE} x\n~~~~\n` },
    { name: 'eight-character runs (not git markers)', content: `${OPEN}< x\n${CLOSE}> y\n` },
    { name: 'markers not at the start of a line', content: `x = "${OPEN} HEAD"\n` },
    { name: 'shift operators', content: 'a <<= 2;\nb >>>= 1;\n' },
  ],
  invalid: [
    { name: 'a whole conflict block, reported once at its start', content: `a\n${OPEN} HEAD\nb\n${SEP}\nc\n${CLOSE} topic\n`, errors: [{ line: 2, column: 1, message: /lines 2–6/ }] },
    { name: 'a diff3 block with a base section', content: `${OPEN} ours\na\n${BASE} base\nb\n${SEP}\nc\n${CLOSE} theirs\n`, errors: [{ line: 1 }] },
    { name: 'a block with CRLF line endings', content: `${OPEN} HEAD\r\na\r\n${SEP}\r\nb\r\n${CLOSE} x\r\n`, errors: [{ line: 1 }] },
    { name: 'a leftover opening marker', content: `a\n${OPEN} HEAD\nb\n`, errors: [{ line: 2, message: /left behind/ }] },
    { name: 'a leftover closing marker', content: `${CLOSE} main\n`, errors: [{ line: 1, message: /left behind/ }] },
    { name: 'a marker without a label', content: `${OPEN}\na\n${SEP}\nb\n${CLOSE}\n`, errors: [{ line: 1 }] },
    { name: 'a real conflict in Markdown, outside any fence', path: 'doc.md', content: `\`\`\`\ncode\n\`\`\`\n${OPEN} HEAD\na\n${SEP}\nb\n${CLOSE} x\n`, errors: [{ line: 4 }] },
    { name: 'two opening markers: the first is left behind', content: `${OPEN} a\n${OPEN} b\nx\n${SEP}\ny\n${CLOSE} c\n`, errors: [{ line: 1 }, { line: 2 }] },
  ],
});

ruleTable(invalidJson, {
  valid: [
    { name: 'valid JSON', path: 'a.json', content: '{"a": [1, 2.5e3, true, null, "\\u00e9"]}\n' },
    { name: 'JSON with a byte-order mark (that is the byte-order-mark rule)', path: 'a.json', content: '\uFEFF{}\n' },
    { name: 'comments and trailing commas in tsconfig.json', path: 'tsconfig.json', content: '{\n  // x\n  "a": 1,\n}\n' },
    { name: 'comments in a nested tsconfig.build.json', path: 'packages/x/tsconfig.build.json', content: '/* x */ {}\n' },
    { name: 'comments in .vscode/settings.json', path: '.vscode/settings.json', content: '{ // x\n}\n' },
    { name: 'an empty .jsonc file', path: 'a.jsonc', content: '' },
    { name: 'a file that is not .json', path: 'a.txt', content: '{' },
    { name: 'a file the user lists in jsoncFiles', path: 'conf/app.json', content: '{ /* ok */ }', options: { jsoncFiles: ['conf/*.json'] } },
  ],
  invalid: [
    { name: 'a trailing comma, at the closing brace', path: 'package.json', content: '{\n  "a": 1,\n}\n', errors: [{ line: 3, column: 1, message: /Trailing comma/ }] },
    { name: 'a comment in plain JSON', path: 'a.json', content: '{\n  // no\n}\n', errors: [{ line: 2, column: 3, message: /Comments are not allowed/ }] },
    { name: 'an unclosed array', path: 'a.json', content: '[1, 2\n', errors: [{ line: 2, column: 1, message: /end of file/ }] },
    { name: 'single quotes', path: 'a.json', content: "{'a': 1}", errors: [{ line: 1, column: 2 }] },
    { name: 'an empty file', path: 'a.json', content: '', errors: [{ line: 1, message: /Empty file/ }] },
    { name: 'two documents', path: 'a.json', content: '{}\n{}\n', errors: [{ line: 2, column: 1, message: /after the end/ }] },
    { name: 'a leading zero', path: 'a.json', content: '[01]', errors: [{ line: 1, column: 2, message: /leading zeros/ }] },
    { name: 'an unterminated comment in JSONC', path: 'tsconfig.json', content: '{} /* x', errors: [{ line: 1, column: 4 }] },
    { name: 'a missing colon in JSONC', path: 'tsconfig.json', content: '{"a" 1}', errors: [{ line: 1, column: 6 }] },
  ],
});

ruleTable(invalidYaml, {
  valid: [
    { name: 'valid YAML', path: 'a.yml', content: 'a: 1\nb: [x, y]\n' },
    { name: 'several valid documents', path: 'a.yaml', content: 'a: 1\n---\nb: 2\n' },
    { name: 'merge keys used twice', path: 'ci.yml', content: 'x: &x {a: 1}\ny: &y {b: 2}\nz:\n  <<: *x\n  c: 3\nw:\n  <<: *y\n' },
    { name: 'custom tags (CloudFormation)', path: 'stack.yaml', content: 'Value: !Ref Bucket\nOther: !GetAtt A.Arn\n' },
    { name: 'a file that is not YAML', path: 'a.txt', content: 'a: [' },
  ],
  invalid: [
    { name: 'a duplicate key', path: 'a.yml', content: 'k: 1\nk: 2\n', errors: [{ line: 2, column: 1, message: /unique/ }] },
    { name: 'tab indentation', path: 'a.yaml', content: 'a:\n\tb: 1\n', errors: [{ line: 2, column: 1 }] },
    { name: 'an error in the second document, with its number', path: 'a.yaml', content: 'a: 1\n---\nb: 1\nb: 2\n', errors: [{ line: 4, message: /document 2/ }] },
    { name: 'one finding per broken document', path: 'a.yaml', content: 'k: 1\nk: 2\n---\nj: 1\nj: 2\n', errors: [{ line: 2 }, { line: 5 }] },
  ],
});

ruleTable(invalidToml, {
  valid: [
    { name: 'valid TOML', path: 'a.toml', content: '[a]\nb = 1\nc = "x"\n' },
    { name: 'a file that is not TOML', path: 'a.ini', content: 'b = \n' },
  ],
  invalid: [
    { name: 'a missing value', path: 'Cargo.toml', content: 'a = 1\nb = \n', errors: [{ line: 2, column: 5, message: /Invalid TOML/ }] },
    { name: 'a redefined key', path: 'a.toml', content: 'a = 1\na = 2\n', errors: [{ line: 2, column: 1 }] },
  ],
});

const big = 'x'.repeat(2048);
ruleTable(largeFile, {
  valid: [
    { name: 'a file under the limit', content: 'x'.repeat(1024), options: { maxFileSizeKb: 1 } },
    { name: 'a Git LFS file', content: big, options: { maxFileSizeKb: 1 }, attributes: { lfs: true } },
    { name: 'a staged modification of a file already in the history', content: big, options: { maxFileSizeKb: 1 }, source: 'index', status: 'M' },
    { name: 'a staged rename', content: big, options: { maxFileSizeKb: 1 }, source: 'index', status: 'R' },
  ],
  invalid: [
    { name: 'a file over the limit in the working tree', content: big, options: { maxFileSizeKb: 1 }, errors: [{ line: 0, message: /2 KiB, over the 1 KiB limit/ }] },
    { name: 'a binary file over the limit', content: Buffer.alloc(4096), options: { maxFileSizeKb: 1 }, errors: [{ line: 0 }] },
    { name: 'a staged new file over the limit', content: big, options: { maxFileSizeKb: 1 }, source: 'index', status: 'A', errors: [{ line: 0, message: /^Adds a file/ }] },
  ],
});

ruleTable(executableWithoutShebang, {
  valid: [
    { name: 'an executable script with a shebang', mode: '100755', content: '#!/bin/sh\necho\n' },
    { name: 'a non-executable file without one', mode: '100644', content: 'echo\n' },
    { name: 'an executable binary', mode: '100755', content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]) },
  ],
  invalid: [
    { name: 'an executable text file without #!', mode: '100755', content: 'echo hi\n', errors: [{ line: 0, message: /without a #! line/ }] },
    { name: 'an empty executable file', mode: '100755', content: '', errors: [{ line: 0 }] },
    { name: 'a shebang behind a byte-order mark', mode: '100755', content: '\uFEFF#!/bin/sh\n', errors: [{ line: 0, message: /byte-order mark/ }] },
  ],
});

describe('hygiene/invalid-json agrees with JSON.parse', () => {
  it('on thousands of mutated documents, and reports a position inside the text', async () => {
    const base = '{"a": [1, -2.5e+3, true, false, null], "b": {"c": "d\\n\\u00e9"}, "e": []}';
    const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', '1', '0', '-', '.', 'e', ' ', 'x', 't', 'n', '/', '*', '\n'];
    let seed = 42;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 3000; i++) {
      const chars = [...base];
      for (let k = 0; k <= rand(3); k++) {
        const at = rand(chars.length + 1);
        const op = rand(3);
        if (op === 0) chars.splice(at, 1);
        else if (op === 1) chars.splice(at, 0, alphabet[rand(alphabet.length)]!);
        else chars[at] = alphabet[rand(alphabet.length)]!;
      }
      const text = chars.join('');
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      const reports = await runRule(invalidJson, { path: 'a.json', content: text });
      expect(reports.length === 0, text).toBe(parses);
      for (const r of reports) expect(r.line, text).toBeGreaterThan(0);
    }
  });

  it('on deeply nested input, without a stack overflow', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(await runRule(invalidJson, { path: 'a.json', content: `${deep}x` })).toHaveLength(1);
  });
});
