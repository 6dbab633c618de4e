import { describe, expect, it } from 'vitest';
import { mayHoldText } from '../../../src/checks/secrets/decode.ts';
import { KeywordMatcher } from '../../../src/checks/secrets/keyword-matcher.ts';
import { seededRandom } from '../../../src/checks/secrets/token-format.ts';

/** The matcher's flat (keyword, start) pairs as objects, with each hit's end. */
function hitsOf(matcher: KeywordMatcher, text: string): { keyword: number; start: number; end: number }[] {
  const { hits } = matcher.match(text);
  const out: { keyword: number; start: number; end: number }[] = [];
  for (let k = 0; k < hits.length; k += 2) out.push({ keyword: hits[k]!, start: hits[k + 1]!, end: hits[k + 1]! + matcher.lengths[hits[k]!]! });
  return out;
}

/** The blob runs as "start-end" strings. */
function runsOf(matcher: KeywordMatcher, text: string, min: number): string[] {
  const { blobs } = matcher.match(text, min);
  const out: string[] = [];
  for (let k = 0; k < blobs.length; k += 2) out.push(`${blobs[k]}-${blobs[k + 1]}`);
  return out;
}

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
    const hits = hitsOf(matcher, text).map((h) => `${h.keyword}@${h.start}`).sort();
    expect(hits).toEqual(naive(text, keywords));
  });

  it('agrees with a naive search on random text over a small alphabet', () => {
    const random = seededRandom(7);
    const keywords = ['ab', 'abc', 'bca', 'c', 'aaa', 'ba-'];
    const matcher = new KeywordMatcher(keywords);
    for (let round = 0; round < 50; round++) {
      let text = '';
      for (let i = 0; i < 300; i++) text += 'abcABC-é'[Math.floor(random() * 8)];
      expect(hitsOf(matcher, text).map((h) => `${h.keyword}@${h.start}`).sort()).toEqual(naive(text, keywords));
    }
  });

  it('agrees with a naive search on long inputs, which it walks in four interleaved quarters', () => {
    const random = seededRandom(11);
    const keywords = ['ab', 'abcabca', 'bca', 'c', 'aaa', 'ba-', 'cccccccccc'];
    const matcher = new KeywordMatcher(keywords);
    for (const length of [4096, 4097, 4099, 9000, 20_011]) {
      let text = '';
      for (let i = 0; i < length; i++) text += 'abcABC-'[Math.floor(random() * 7)];
      const hits = hitsOf(matcher, text);
      expect(hits.map((h) => `${h.keyword}@${h.start}`).sort()).toEqual(naive(text, keywords));
      // In order of where they end, as a single walk gives them.
      expect(hits.map((h) => h.end)).toEqual(hits.map((h) => h.end).sort((a, b) => a - b));
    }
  });

  it('finds a keyword that straddles a quarter cut exactly once', () => {
    const keyword = 'private_key';
    const matcher = new KeywordMatcher([keyword, 'x']);
    const length = 4 * 2000;
    for (const cut of [2000, 4000, 6000]) {
      for (let shift = -keyword.length; shift <= 1; shift++) {
        const at = cut + shift;
        const text = `${'.'.repeat(at)}${keyword}${'.'.repeat(length - at - keyword.length)}`;
        expect(hitsOf(matcher, text).filter((h) => h.keyword === 0).map((h) => h.start)).toEqual([at]);
      }
    }
  });

  it('finds keywords across the 1 MiB chunks of long inputs, once each, and agrees with a naive search there', () => {
    const keyword = 'private_key';
    const matcher = new KeywordMatcher([keyword, 'ab', 'x']);
    const chunk = 1 << 20;
    for (const shift of [-keyword.length, -5, -1, 0, 1]) {
      const at = chunk + shift;
      const length = chunk + 4096 + 3; // a second chunk long enough for four quarters, plus a tail
      const text = `${'.'.repeat(at)}${keyword}${'.'.repeat(length - at - keyword.length)}`;
      expect(hitsOf(matcher, text).filter((h) => h.keyword === 0).map((h) => h.start)).toEqual([at]);
    }
    const random = seededRandom(23);
    for (const length of [chunk - 1, chunk + 100, 2 * chunk + 4099]) {
      const letters = Buffer.alloc(length);
      for (let i = 0; i < length; i++) letters[i] = 'abx.'.charCodeAt(Math.floor(random() * 4));
      const text = letters.toString('latin1');
      const hits = hitsOf(matcher, text).map((h) => `${h.keyword}@${h.start}`);
      expect(hits.length).toBeGreaterThan(length / 8);
      expect([...hits].sort()).toEqual(naive(text, [keyword, 'ab', 'x']));
    }
  });

  it('restarts after non-ASCII characters without losing later matches', () => {
    const matcher = new KeywordMatcher(['token']);
    expect(hitsOf(matcher, 'tok€token🙂token').map((h) => h.start)).toEqual([4, 11]);
  });

  it('records runs of base64, hex and percent characters at least the minimum length', () => {
    const matcher = new KeywordMatcher(['x']);
    const blob = 'c2VjcmV0LXZhbHVlLWZvci10ZXN0cw==';
    const text = `short abc, then "${blob}" and %41%42%43%44%45%46%47 from ./src/payments/ledgerRefundBatch.ts`;
    const runs = runsOf(matcher, text, 20).map((r) => text.slice(...r.split('-').map(Number)));
    // The path is a run of blob characters too, but no piece of it can be base64 or hex of text.
    expect(runs).toEqual([blob, '%41%42%43%44%45%46%47']);
    expect(matcher.match(text).blobs).toEqual([]);
  });

  it('finds the same blob runs as a naive search, whatever the run lengths', () => {
    // (Of the runs, only those that may decode to text are kept: the filter is tested in decode.test.ts.)
    const random = seededRandom(5);
    const matcher = new KeywordMatcher(['x']);
    for (let round = 0; round < 40; round++) {
      let text = '';
      // Runs of every length around the minimum, between separators.
      while (text.length < 3000) text += `${'aZ9+/=_%-'.repeat(4).slice(0, Math.floor(random() * 30))}${' .,"\n'[Math.floor(random() * 5)]}`;
      const bytes = Buffer.from(text, 'latin1');
      const naiveRuns = [...text.matchAll(/[A-Za-z0-9+/=_%-]{20,}/g)]
        .filter((m) => mayHoldText(bytes, m.index, m.index + m[0].length, 20))
        .map((m) => `${m.index}-${m.index + m[0].length}`);
      expect(runsOf(matcher, text, 20)).toEqual(naiveRuns);
    }
  });

  it('finds the same blob runs in long inputs, across quarter and chunk cuts, as a naive search', () => {
    const random = seededRandom(31);
    const matcher = new KeywordMatcher(['x']);
    const naiveRuns = (text: string) => {
      const bytes = Buffer.from(text, 'latin1');
      return [...text.matchAll(/[A-Za-z0-9+/=_%-]{20,}/g)]
        .filter((m) => mayHoldText(bytes, m.index, m.index + m[0].length, 20))
        .map((m) => `${m.index}-${m.index + m[0].length}`);
    };
    // Text that decodes (base64 of text) in runs of every length, between separators.
    const piece = Buffer.from('the quick brown fox jumps over the lazy dog, '.repeat(40)).toString('base64');
    const runText = (length: number) => {
      let text = '';
      // Stretches of base64, sometimes joined by the other blob characters, between separators.
      while (text.length < length) text += `${piece.slice(0, Math.floor(random() * 60))}${'+/=_%- .,"\n'[Math.floor(random() * 11)]}`;
      return text.slice(0, length);
    };
    for (const length of [4096, 5000, 9001, (1 << 20) + 4099]) {
      const text = runText(length);
      expect(runsOf(matcher, text, 20)).toEqual(naiveRuns(text));
    }
    // Runs that start at the first byte, end at the last, span a whole quarter or cross the 1 MiB cut.
    const long = piece.repeat(Math.ceil(3000 / piece.length)).slice(0, 3000);
    for (const text of [`${long}${runText(6000)}`, `${runText(6000)} ${long}`, `${runText(2000)} ${piece.repeat(200).slice(0, 5000)} ${runText(3000)}`, `${runText((1 << 20) - 30)} ${piece.slice(0, 100)} ${runText(5000)}`]) {
      const runs = runsOf(matcher, text, 20);
      expect(runs).toEqual(naiveRuns(text));
      expect(runs.length).toBeGreaterThan(10);
    }
  });

  it('refuses keywords that are empty or not printable ASCII', () => {
    expect(() => new KeywordMatcher([''])).toThrow(/keyword/);
    expect(() => new KeywordMatcher(['clé'])).toThrow(/keyword/);
  });
});
