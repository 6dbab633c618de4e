/**
 * A conservative check for regular expressions that users put in the config (allowlists), run
 * when the config loads. JavaScript's engine backtracks, so a pattern such as `(a+)+$` can take
 * exponential time on a hostile line. We refuse the two shapes behind exponential blow-up:
 * a repeated group that itself contains a repetition (star height above one) and
 * backreferences. The built-in patterns are proven safe by a real ReDoS checker in the tests;
 * this guard is the cheap, dependency-free version for the runtime.
 */

interface Group {
  /** Something inside the group repeats (a quantifier with an upper bound above 1). */
  hasRepeat: boolean;
}

/** Parses `{n}`, `{n,}`, `{n,m}` at `i`; undefined when the brace is a literal. */
function braceQuantifier(source: string, i: number): { max: number; length: number } | undefined {
  const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
  if (!m) return undefined;
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
  return { max, length: m[0].length };
}

/** Returns why `source` is refused, or undefined when it is acceptable. */
export function checkUserPattern(source: string): string | undefined {
  try {
    new RegExp(source);
  } catch (error) {
    return `it is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  const stack: Group[] = [{ hasRepeat: false }];
  /** Whether the atom just before the current position is a group with a repetition inside. */
  let lastAtomRepeats = false;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) return 'backreferences are not allowed (they can make matching exponential)';
      lastAtomRepeats = false;
      i += 2;
      continue;
    }
    if (ch === '[') {
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      lastAtomRepeats = false;
      i++;
      continue;
    }
    if (ch === '(') {
      stack.push({ hasRepeat: false });
      lastAtomRepeats = false;
      i++;
      continue;
    }
    if (ch === ')') {
      const group = stack.length > 1 ? stack.pop()! : { hasRepeat: false };
      if (group.hasRepeat) stack[stack.length - 1]!.hasRepeat = true;
      lastAtomRepeats = group.hasRepeat;
      i++;
      continue;
    }
    let max: number | undefined;
    let length = 1;
    if (ch === '*' || ch === '+') max = Infinity;
    else if (ch === '?') max = 1;
    else if (ch === '{') {
      const brace = braceQuantifier(source, i);
      if (brace) ({ max, length } = brace);
    }
    if (max === undefined) {
      lastAtomRepeats = false;
      i++;
      continue;
    }
    if (max > 1) {
      if (lastAtomRepeats) return 'a repeated group contains another repetition, such as (a+)+, which can take exponential time; rewrite it without nesting';
      stack[stack.length - 1]!.hasRepeat = true;
    }
    i += length;
    if (source[i] === '?') i++; // lazy modifier
    lastAtomRepeats = false;
  }
  return undefined;
}
