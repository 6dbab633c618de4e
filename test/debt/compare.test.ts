import { describe, expect, it } from 'vitest';
import type { DebtMap } from '../../src/debt/baseline-file.ts';
import { acceptedBaseline, byRule, compareDebt, ratchetedBaseline, totalsOf, type DebtWarning } from '../../src/debt/compare.ts';
import { formatFingerprint, splitLines, warningFingerprint } from '../../src/debt/warning-fingerprint.ts';

const RULE = 'eslint/no-console';

/** Warnings of `rule` at the given 1-based lines of `text` in `file`. */
function warnings(file: string, text: string, lines: number[], rule = RULE): DebtWarning[] {
  const split = splitLines(text);
  return lines.map((line) => ({
    finding: { checkId: 'eslint', ruleId: rule, severity: 'warning', message: 'Unexpected console statement.', location: { path: file, line, column: 1 }, fingerprint: `${file}:${line}` },
    fingerprint: formatFingerprint(warningFingerprint(rule, split, line)),
  }));
}

function baselineOf(ws: DebtWarning[]): DebtMap {
  const map: DebtMap = new Map();
  for (const w of ws) {
    const rules = map.get(w.finding.location.path) ?? new Map<string, string[]>();
    rules.set(w.finding.ruleId, [...(rules.get(w.finding.ruleId) ?? []), w.fingerprint]);
    map.set(w.finding.location.path, rules);
  }
  return map;
}

const ran = () => true;

const BEFORE = ['function a() {', '  console.log("a");', '}', '', 'function b() {', '  console.log("b");', '}'].join('\n');

describe('compareDebt', () => {
  it('keeps a warning whose code moved down the file', () => {
    const base = baselineOf(warnings('src/x.js', BEFORE, [2, 6]));
    const moved = ['// header', '// more', '', BEFORE].join('\n');
    const { entries } = compareDebt(base, warnings('src/x.js', moved, [5, 9]), { ran });
    expect(entries.map((e) => [e.state, e.baseline, e.current, e.added.length, e.fixed.length])).toEqual([['same', 2, 2, 0, 0]]);
  });

  it('keeps a warning when only whitespace on its line changed, or a neighbouring line was edited', () => {
    const base = baselineOf(warnings('src/x.js', BEFORE, [2, 6]));
    const edited = BEFORE.replace('console.log("a");', 'console.log( "a" )  ;').replace('function b() {', 'function renamedB() {');
    const { entries } = compareDebt(base, warnings('src/x.js', edited, [2, 6]), { ran });
    expect(entries[0]!.state).toBe('same');
  });

  it('reports a same-count swap as one new plus one fixed, never "same"', () => {
    const base = baselineOf(warnings('src/x.js', BEFORE, [2, 6]));
    const swapped = BEFORE.replace('  console.log("b");', '  return 1;') + '\nfunction c() {\n  console.warn("c");\n}';
    const { entries } = compareDebt(base, warnings('src/x.js', swapped, [2, 9]), { ran });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ state: 'worse', baseline: 2, current: 2 });
    expect(entries[0]!.added.map((w) => w.finding.location.line)).toEqual([9]);
    expect(entries[0]!.fixed).toHaveLength(1);
  });

  it('names the states new, worse, better, same and obsolete per file and rule', () => {
    const base: DebtMap = new Map([
      ['better.js', new Map([[RULE, ['00000001.00000001', '00000002.00000002']]])],
      ['same.js', new Map([[RULE, ['00000003.00000003']]])],
      ['gone.js', new Map([[RULE, ['00000004.00000004']]])],
      ['worse.js', new Map([[RULE, ['00000005.00000005']]])],
    ]);
    const at = (file: string, fp: string): DebtWarning => ({
      finding: { checkId: 'eslint', ruleId: RULE, severity: 'warning', message: 'm', location: { path: file, line: 1, column: 1 }, fingerprint: fp },
      fingerprint: fp,
    });
    const now = [at('better.js', '00000001.00000001'), at('same.js', '00000003.00000003'), at('worse.js', '00000005.00000005'), at('worse.js', '00000006.00000006'), at('new.js', '00000007.00000007')];
    const { entries } = compareDebt(base, now, { ran });
    expect(Object.fromEntries(entries.map((e) => [e.path, e.state]))).toEqual({ 'better.js': 'better', 'gone.js': 'obsolete', 'new.js': 'new', 'same.js': 'same', 'worse.js': 'worse' });
    expect(byRule(compareDebt(base, now, { ran }))).toEqual([{ ruleId: RULE, baseline: 5, current: 5, added: 2, fixed: 2, state: 'worse' }]);
  });

  it('tells apart identical lines by count: one of three identical warnings fixed is one fixed', () => {
    const text = ['console.log(1);', 'console.log(1);', 'console.log(1);'].join('\n');
    const base = baselineOf(warnings('x.js', text, [1, 2, 3]));
    const after = ['console.log(1);', 'console.log(1);'].join('\n');
    const cmp = compareDebt(base, warnings('x.js', after, [1, 2]), { ran });
    expect(totalsOf(cmp)).toEqual({ baseline: 3, current: 2, added: 0, fixed: 1 });
  });

  it('carries entries over a rename and leaves sources that did not run untouched', () => {
    const base: DebtMap = new Map([['old.js', new Map([[RULE, ['00000001.00000001']], ['semgrep/x', ['00000009.00000009']]])]]);
    const w: DebtWarning = {
      finding: { checkId: 'eslint', ruleId: RULE, severity: 'warning', message: 'm', location: { path: 'new.js', line: 1, column: 1 }, fingerprint: 'f' },
      fingerprint: '00000001.00000001',
    };
    const cmp = compareDebt(base, [w], { ran: (rule) => rule.startsWith('eslint/'), renames: new Map([['old.js', 'new.js']]) });
    expect(cmp.entries.map((e) => [e.path, e.state, e.renamedFrom])).toEqual([['new.js', 'same', 'old.js']]);
    expect([...cmp.carried.get('new.js')!.keys()]).toEqual(['semgrep/x']);
    expect(ratchetedBaseline(cmp).get('new.js')!.get('semgrep/x')).toEqual(['00000009.00000009']);
  });

  it('ratchets down without adding new warnings; accepting adds them', () => {
    const base = baselineOf(warnings('src/x.js', BEFORE, [2, 6]));
    const swapped = BEFORE.replace('  console.log("b");', '  return 1;') + '\nfunction c() {\n  console.warn("c");\n}';
    const cmp = compareDebt(base, warnings('src/x.js', swapped, [2, 9]), { ran });
    expect(ratchetedBaseline(cmp).get('src/x.js')!.get(RULE)).toHaveLength(1);
    expect(acceptedBaseline(cmp).get('src/x.js')!.get(RULE)).toHaveLength(2);
  });
});
