import { describe, expect, it } from 'vitest';
import { KeywordMatcher } from '../../../src/checks/secrets/keyword-matcher.ts';
import { seededRandom } from '../../../src/checks/secrets/token-format.ts';

function naive(text: string, keywords: string[]): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  keywords.forEach((k, id) => {
    for (let at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + 1)) out.push(`${id}@${at}`);
  });
  return out.sort();
}

describe('KeywordMatcher (Aho-Corasick prefilter)', () => {
  it('finds every occurrence of every keyword, overlapping ones included, case-insensitively', () => {
    const keywords = ['he', 'she', 'his', 'hers', 'ghp_', 'h'];
    const matcher = new KeywordMatcher(keywords);
    const text = 'uSHErs said HIS GHP_ghp_ hers';
    const hits = matcher.match(text).hits.map((h) => `${h.keyword}@${h.start}`).sort();
    expect(hits).toEqual(naive(text, keywords));
  });

  it('agrees with a naive search on random text over a small alphabet', () => {
    const random = seededRandom(7);
    const keywords = ['ab', 'abc', 'bca', 'c', 'aaa', 'ba-'];
    const matcher = new KeywordMatcher(keywords);
    for (let round = 0; round < 50; round++) {
      let text = '';
      for (let i = 0; i < 300; i++) text += 'abcABC-é'[Math.floor(random() * 8)];
      expect(matcher.match(text).hits.map((h) => `${h.keyword}@${h.start}`).sort()).toEqual(naive(text, keywords));
    }
  });

  it('restarts after non-ASCII characters without losing later matches', () => {
    const matcher = new KeywordMatcher(['token']);
    expect(matcher.match('tok€token🙂token').hits.map((h) => h.start)).toEqual([4, 11]);
  });

  it('records runs of base64, hex and percent characters at least the minimum length', () => {
    const matcher = new KeywordMatcher(['x']);
    const blob = 'c2VjcmV0LXZhbHVlLWZvci10ZXN0cw==';
    const text = `short abc, then "${blob}" and %41%42%43%44%45%46%47`;
    const runs = matcher.match(text, 20).blobs.map((b) => text.slice(b.start, b.end));
    expect(runs).toEqual([blob, '%41%42%43%44%45%46%47']);
    expect(matcher.match(text).blobs).toEqual([]);
  });

  it('refuses keywords that are empty or not printable ASCII', () => {
    expect(() => new KeywordMatcher([''])).toThrow(/keyword/);
    expect(() => new KeywordMatcher(['clé'])).toThrow(/keyword/);
  });
});
