import { describe, expect, it } from 'vitest';
import {
  hookFileNotes,
  LINT_STAGED_COMMAND,
  mergeHookScript,
  mergePrepareScript,
  VALIDATE_ALL_COMMAND,
  VALIDATE_QUICK_COMMAND,
} from '../../src/init/husky-hooks.ts';
import { detectJsonStyle, insertKey, stringifyJson } from '../../src/init/json-style.ts';
import { lineDiff } from '../../src/init/line-diff.ts';
import { addYamlTasks, decideLintStagedTasks, ESLINT_TASK } from '../../src/init/lint-staged-config.ts';

const PRE_COMMIT = [LINT_STAGED_COMMAND, VALIDATE_QUICK_COMMAND];
const ESLINT = { [ESLINT_TASK.glob]: ESLINT_TASK.command };

describe('prepare script merge', () => {
  it.each([
    [undefined, 'husky', '.husky'],
    ['', 'husky', '.husky'],
    ['npm run build', 'npm run build && husky', '.husky'],
    ['husky', 'husky', '.husky'],
    ['is-ci || husky', 'is-ci || husky', '.husky'],
    ['npm run build && npx husky', 'npm run build && npx husky', '.husky'],
    ['husky config/hooks', 'husky config/hooks', 'config/hooks'],
    ['husky install', 'husky install', '.husky'],
    ['node .husky/install.mjs', 'node .husky/install.mjs', '.husky'],
    ['husky-fake-tool', 'husky-fake-tool && husky', '.husky'],
  ])('turns prepare %j into %j with hooks in %s', (existing, script, hooksDir) => {
    const merged = mergePrepareScript(existing);
    expect(merged.script).toBe(script);
    expect(merged.hooksDir).toBe(hooksDir);
  });

  it('points out the deprecated `husky install`', () => {
    expect(mergePrepareScript('husky install').notes.join()).toMatch(/husky install.*deprecates/);
  });
});

describe('hook file merge', () => {
  it('writes our commands in order into a new hook', () => {
    expect(mergeHookScript(undefined, PRE_COMMIT)).toBe('lint-staged\ntollgate validate-quick\n');
  });

  it('keeps the existing commands and adds ours once, after them', () => {
    const existing = 'npm test\nnpm run typecheck\n';
    const merged = mergeHookScript(existing, PRE_COMMIT);
    expect(merged).toBe('npm test\nnpm run typecheck\nlint-staged\ntollgate validate-quick\n');
    expect(mergeHookScript(merged, PRE_COMMIT)).toBe(merged);
  });

  it('recognises the npx spellings as already present', () => {
    const existing = 'npx lint-staged\nnpx tollgate validate-quick --fail-on warning\n';
    expect(mergeHookScript(existing, PRE_COMMIT)).toBe(existing);
    expect(mergeHookScript('npx --no -- lint-staged\n', PRE_COMMIT)).toBe('npx --no -- lint-staged\ntollgate validate-quick\n');
  });

  it('puts a missing lint-staged before an existing tollgate line', () => {
    expect(mergeHookScript('echo hi\ntollgate validate-quick\n', PRE_COMMIT)).toBe('echo hi\nlint-staged\ntollgate validate-quick\n');
  });

  it('does not count a commented-out command', () => {
    expect(mergeHookScript('# tollgate validate-all\n', [VALIDATE_ALL_COMMAND])).toBe('# tollgate validate-all\ntollgate validate-all\n');
  });

  it('keeps CRLF line endings and adds a missing final newline', () => {
    expect(mergeHookScript('npm test\r\n', [VALIDATE_ALL_COMMAND])).toBe('npm test\r\ntollgate validate-all\r\n');
    expect(mergeHookScript('npm test', [VALIDATE_ALL_COMMAND])).toBe('npm test\ntollgate validate-all\n');
  });

  it('does not mistake validate-all for validate-quick', () => {
    expect(mergeHookScript('tollgate validate-all\n', [VALIDATE_QUICK_COMMAND])).toBe('tollgate validate-all\ntollgate validate-quick\n');
  });

  it('warns about the husky 8 preamble', () => {
    const old = '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpx lint-staged\n';
    expect(hookFileNotes('.husky/pre-commit', old).join()).toMatch(/husky\.sh/);
    expect(hookFileNotes('.husky/pre-commit', 'npx lint-staged\n')).toEqual([]);
  });
});

describe('lint-staged task decision', () => {
  it('adds the ESLint task to a config without one', () => {
    expect(decideLintStagedTasks('x', { '*.css': 'stylelint --fix' }, ESLINT).add).toEqual(ESLINT);
    expect(decideLintStagedTasks('x', undefined, ESLINT).add).toEqual(ESLINT);
  });

  it('never replaces an existing task for the same glob', () => {
    const decision = decideLintStagedTasks('x', { [ESLINT_TASK.glob]: 'prettier --write' }, ESLINT);
    expect(decision.add).toEqual({});
    expect(decision.notes.join()).toMatch(/kept yours/);
  });

  it('adds no second ESLint task when one already runs ESLint under another glob', () => {
    const decision = decideLintStagedTasks('x', { '*.ts': ['prettier --write', 'eslint --max-warnings 0'] }, ESLINT);
    expect(decision.add).toEqual({});
    expect(decision.notes.join()).toMatch(/already runs ESLint for "\*\.ts"/);
  });

  it('is silent when our own task is already there', () => {
    expect(decideLintStagedTasks('x', ESLINT, ESLINT)).toEqual({ add: {}, notes: [] });
  });

  it('leaves a config that is not a glob map alone', () => {
    expect(decideLintStagedTasks('x', ['eslint'], ESLINT).add).toEqual({});
  });

  it('adds to YAML without losing comments', () => {
    const text = '# format first\n"*.md": prettier --write\n';
    const merged = addYamlTasks(text, ESLINT);
    expect(merged).toContain('# format first');
    expect(merged).toContain('"*.md": prettier --write');
    expect(merged).toMatch(/"\*\.\{ts,tsx,js,mjs,cjs\}": eslint --fix/);
    expect(addYamlTasks('# nothing yet\n', ESLINT)).toMatch(/^# nothing yet\n"\*\.\{ts,tsx,js,mjs,cjs\}": eslint --fix\n$/);
  });
});

describe('package.json style', () => {
  it.each([
    ['{\n  "a": 1\n}\n', '  ', '\n', true],
    ['{\n    "a": 1\n}', '    ', '\n', false],
    ['{\n\t"a": 1\n}\n', '\t', '\n', true],
    ['{\r\n  "a": 1\r\n}\r\n', '  ', '\r\n', true],
  ])('detects the style of %j and writes it back byte for byte', (text, indent, eol, finalNewline) => {
    const style = detectJsonStyle(text);
    expect(style).toMatchObject({ indent, eol, finalNewline });
    expect(stringifyJson(JSON.parse(text), style)).toBe(text);
  });

  it('keeps a byte-order mark', () => {
    const text = '\uFEFF{\n  "a": 1\n}\n';
    expect(stringifyJson({ a: 1 }, detectJsonStyle(text))).toBe(text);
  });

  it('inserts dependencies in sorted position only when the list is sorted', () => {
    expect(Object.keys(insertKey({ a: 1, c: 1 }, 'b', 1, true))).toEqual(['a', 'b', 'c']);
    expect(Object.keys(insertKey({ c: 1, a: 1 }, 'b', 1, true))).toEqual(['c', 'a', 'b']);
    expect(Object.keys(insertKey({ test: 1 }, 'prepare', 1, false))).toEqual(['test', 'prepare']);
  });
});

describe('dry-run diff', () => {
  it('shows added and removed lines with context and elides the rest', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n') + '\n';
    const after = ['a', 'b', 'c', 'd', 'e', 'f', 'G', 'h', 'i'].join('\n') + '\n';
    expect(lineDiff(before, after)).toEqual(['  …', '  e', '  f', '- g', '+ G', '  h', '+ i']);
  });

  it('returns nothing for identical text', () => {
    expect(lineDiff('x\n', 'x\n')).toEqual([]);
  });
});
