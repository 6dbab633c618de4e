import { describe, expect, it } from 'vitest';
import { checkUserPattern } from '../../../src/checks/secrets/safe-pattern.ts';

describe('checkUserPattern (allowlist regexes from the config)', () => {
  it.each([['^test_[a-z]+$'], ['(?:foo|bar)+baz'], ['a{2,5}b*'], ['(ab?)+'], ['[(+*]+'], ['\\(a+\\)+'], ['x(?=y)']])('accepts %s', (source) => {
    expect(checkUserPattern(source)).toBeUndefined();
  });

  it.each([
    ['(a+)+$', /repeated group/],
    ['(?:x*y?)*', /repeated group/],
    ['((ab)+c)+', /repeated group/],
    ['(a|b+){2,}', /repeated group/],
    ['(\\w)\\1', /backreferences/],
    ['(?<q>a)\\k<q>', /backreferences/],
    ['(unclosed', /not a valid regular expression/],
  ])('refuses %s', (source, reason) => {
    expect(checkUserPattern(source)).toMatch(reason);
  });
});
