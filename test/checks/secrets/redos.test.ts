import { check, type Diagnostics } from 'recheck';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRET_CONTENT_RULES } from '../../../rules/secrets/index.ts';
import { DECODE_PATTERNS } from '../../../src/checks/secrets/decode.ts';

/**
 * Every built-in pattern is proven free of catastrophic backtracking by recheck (automata
 * analysis, or deterministic fuzzing with step limits: no time limits, so a busy machine
 * cannot change the verdict). Sticky patterns only ever match at one position, so they are
 * checked anchored.
 */
const PARAMS = { attackTimeout: null, incubationTimeout: null, seedingTimeout: null, timeout: null, recallTimeout: -1 } as const;

function analyse(re: RegExp): Promise<Diagnostics> {
  const source = re.flags.includes('y') ? `^(?:${re.source})` : re.source;
  return check(source, re.flags.replace(/[gdy]/g, ''), PARAMS);
}

const patterns = [
  ...SECRET_CONTENT_RULES.flatMap((rule) => rule.patterns.map((re, i) => ({ name: `${rule.meta.id} pattern ${i}`, re }))),
  ...DECODE_PATTERNS.map((re, i) => ({ name: `blob decoding pattern ${i}`, re })),
];
const verdicts = new Map<string, Diagnostics>();

beforeAll(async () => {
  const results = await Promise.all(patterns.map(async (p) => [p.name, await analyse(p.re)] as const));
  for (const [name, diagnostics] of results) verdicts.set(name, diagnostics);
}, 300_000);

describe('catastrophic backtracking', () => {
  it('the checker catches exponential and polynomial patterns (control)', async () => {
    expect((await analyse(/^(a+)+$/)).status).toBe('vulnerable');
    expect((await analyse(/\s*=\s*x/)).status).toBe('vulnerable');
    expect((await analyse(/ghp_[A-Za-z0-9]{36}/)).status).toBe('safe');
  });

  it.each(patterns.map((p) => [p.name, p.re.source.slice(0, 60)]))('%s is safe (%s…)', (name) => {
    const d = verdicts.get(name)!;
    expect(`${d.status} ${'complexity' in d ? d.complexity.summary : ''}`).toMatch(/^safe/);
  });
});
