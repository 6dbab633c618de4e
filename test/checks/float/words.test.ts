import { describe, expect, it } from 'vitest';
import { FloatConfigSchema } from '../../../src/checks/float/config.ts';
import { NameClassifier, splitWords, wordLists } from '../../../src/checks/float/words.ts';

const names = new NameClassifier(wordLists(FloatConfigSchema.parse({})));
const kind = (name: string) => names.classify(name).kind;

describe('splitting names into words', () => {
  it.each([
    ['unitPrice', ['unit', 'price']],
    ['total_amount', ['total', 'amount']],
    ['MAX_FEE_USD', ['max', 'fee', 'usd']],
    ['price2', ['price', '2']],
    ['USDAmount', ['usd', 'amount']],
    ['PnL', ['pn', 'l']],
  ])('%s → %j', (name, words) => expect(splitWords(name)).toEqual(words));
});

describe('classifying names', () => {
  it.each(['price', 'unitPrice', 'total_amount', 'pnl', 'totalPnL', 'fees', 'quantities', 'MAX_FEE_USD', 'bestBid', 'balanceAsNumber'])('%s is money', (name) => expect(kind(name)).toBe('money'));
  it.each(['feeRate', 'pricePct', 'totalCount', 'priceIndex', 'feeBps', 'latencyMs', 'orderId', 'totalPages', 'totalBytes', 'discountPercent', 'invoiceNumber'])(
    '%s is vetoed',
    (name) => expect(kind(name)).toBe('veto'),
  );
  it.each(['value', 'margin', 'net', 'spread', 'x', 'limit'])('%s alone is neutral (weak words need company)', (name) => expect(kind(name)).toBe('neutral'));
  it.each(['netValue', 'grossMargin', 'creditLimit'])('%s is money (two weak words)', (name) => expect(kind(name)).toBe('money'));

  it('marks minor units', () => {
    expect(names.classify('amountCents')).toMatchObject({ kind: 'money', minor: true });
    expect(names.classify('balance_sats')).toMatchObject({ kind: 'money', minor: true });
    expect(names.classify('amount')).toMatchObject({ kind: 'money', minor: false });
  });

  it('applies configured additions and removals', () => {
    const custom = new NameClassifier(
      wordLists(FloatConfigSchema.parse({ moneyWords: { add: ['premie'], remove: ['fee'] }, vetoWords: { add: ['estimate'], remove: [] }, weakMoneyWords: { add: [], remove: ['net'] } })),
    );
    expect(custom.classify('premieTotal').kind).toBe('money');
    expect(custom.classify('fee').kind).toBe('neutral');
    expect(custom.classify('priceEstimate').kind).toBe('veto');
    expect(custom.classify('netValue').kind).toBe('neutral');
  });
});
