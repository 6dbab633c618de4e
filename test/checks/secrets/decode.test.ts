import { describe, expect, it } from 'vitest';
import { decodeRun, mayHoldText } from '../../../src/checks/secrets/decode.ts';
import { randomString, seededRandom } from '../../../src/checks/secrets/token-format.ts';

const MIN = 20;
const holds = (run: string) => mayHoldText(Buffer.from(run, 'latin1'), 0, run.length, MIN);

describe('decoding of blob runs', () => {
  it('decodes base64, hex and percent-encoded text, and pieces glued to a key', () => {
    const plain = 'password=hunter2-but-longer';
    const b64 = Buffer.from(plain).toString('base64');
    expect(decodeRun(b64, MIN).map((d) => [d.encoding, d.text])).toEqual([['base64', plain]]);
    expect(decodeRun(Buffer.from(plain).toString('hex'), MIN).map((d) => [d.encoding, d.text])).toEqual([['hex', plain]]);
    expect(decodeRun(encodeURIComponent(`${plain}&x=1`), MIN).map((d) => d.encoding)).toEqual(['percent']);
    const glued = decodeRun(`key=${b64}`, MIN);
    expect(glued.map((d) => [d.offset, d.text])).toEqual([[4, plain]]);
  });

  it('leaves paths, identifiers, hashes and random base64 alone, before any decoding', () => {
    const random = seededRandom(3);
    for (const run of ['/payments/ledgerRefundBatch', 'packages/fee/src/settleInvoice', 'webhook-signature-verifier', `sha512-${randomString('base64', 86, random)}`, randomString('hex', 64, random).replace(/^[0-7]/, 'f')]) {
      expect(holds(run)).toBe(false);
      expect(decodeRun(run, MIN)).toEqual([]);
    }
  });

  it('keeps every run that decodeRun can decode (the keyword pass drops the others unseen)', () => {
    const random = seededRandom(19);
    const word = () => randomString('alnum', 3 + Math.floor(random() * 30), random);
    const text = () => `${word()}=${word()} ${word()}`;
    const parts: (() => string)[] = [
      () => Buffer.from(text()).toString('base64'),
      () => Buffer.from(text()).toString('base64url'),
      () => Buffer.from(text()).toString('hex'),
      () => encodeURIComponent(`${text()}&${text()}`),
      () => randomString('base64', 10 + Math.floor(random() * 40), random),
      () => word(),
      () => '=='.slice(0, Math.floor(random() * 3)),
      () => '%',
      () => '/',
    ];
    let decodable = 0;
    for (let round = 0; round < 3000; round++) {
      let run = '';
      const count = 1 + Math.floor(random() * 4);
      for (let i = 0; i < count; i++) run += parts[Math.floor(random() * parts.length)]!();
      if (decodeRun(run, MIN).length === 0) continue;
      decodable++;
      expect(holds(run), run).toBe(true);
    }
    // The generator must actually produce decodable runs for this to mean anything.
    expect(decodable).toBeGreaterThan(500);
  });

  it('sees a percent escape after padding, where no piece ends on it', () => {
    const run = `${'A'.repeat(3)}==%41%42%43%44%45%46%47%48`;
    expect(holds(run)).toBe(true);
    expect(holds('/payments/ledger==/refundBatchSettle')).toBe(false);
  });
});
