/**
 * Names as evidence: an identifier is split into words and each word is looked up in four
 * lists. A veto word always wins (`feeRate` is a ratio, `totalCount` a count); a strong word
 * makes money on its own; weak words need company (`netValue`, but not `value` or `margin`).
 */
import type { FloatConfig } from './config.ts';

const STRONG = [
  'price', 'amount', 'amt', 'balance', 'pnl', 'fee', 'cost', 'total', 'subtotal', 'notional', 'qty', 'quantity',
  'money', 'cash', 'payment', 'payout', 'refund', 'revenue', 'salary', 'wage', 'tax', 'vat', 'tip', 'commission',
  'premium', 'principal', 'proceeds', 'bid', 'ask', 'tick', 'fare', 'rebate', 'surcharge', 'aum', 'usd', 'eur', 'gbp', 'jpy',
  'chf', 'cad', 'aud', 'nzd', 'cny', 'inr', 'sek', 'nok', 'dkk', 'hkd', 'sgd', 'btc', 'eth', 'usdc', 'usdt',
];

const WEAK = [
  'value', 'net', 'gross', 'credit', 'debit', 'charge', 'margin', 'profit', 'loss', 'discount', 'deposit', 'withdrawal',
  'spend', 'spent', 'budget', 'income', 'rent', 'equity', 'exposure', 'limit', 'paid', 'due', 'owed', 'outstanding',
  'sum', 'sale', 'purchase', 'bill', 'capital', 'collateral', 'spread', 'nav', 'unrealized', 'realized', 'settled',
  'available', 'pending', 'opening', 'closing',
];

const VETO = [
  'percent', 'percentage', 'pct', 'perc', 'ratio', 'rate', 'bps', 'bp', 'points', 'count', 'cnt', 'num', 'number',
  'no', 'index', 'idx', 'ms', 'millis', 'milliseconds', 'sec', 'secs', 'seconds', 'minutes', 'hours', 'hrs', 'days',
  'weeks', 'months', 'years', 'year', 'month', 'day', 'duration', 'latency', 'timeout', 'interval', 'delay', 'ttl',
  'elapsed', 'ns', 'nanos', 'id', 'uuid', 'guid', 'key', 'seq', 'sequence', 'version', 'timestamp', 'ts', 'time',
  'date', 'epoch', 'length', 'len', 'width', 'height', 'px', 'offset', 'page', 'pages', 'items', 'rows', 'records',
  'attempts', 'retries', 'weight', 'score', 'factor', 'multiplier', 'coefficient', 'coef', 'decimals', 'precision',
  'scale', 'digits', 'places', 'depth', 'priority', 'rank', 'percentile', 'yield', 'apr', 'apy', 'roi', 'volatility',
  'sigma', 'beta', 'gamma', 'theta', 'vega', 'tolerance', 'epsilon', 'exponent', 'tier', 'type', 'kind', 'code',
  'status', 'flag', 'mode', 'bucket', 'hash', 'age', 'fraction', 'growth', 'bytes', 'byte', 'bits', 'kb', 'mb', 'gb',
];

const MINOR = ['cents', 'cent', 'pence', 'penny', 'pennies', 'minor', 'satoshi', 'satoshis', 'sats', 'sat', 'wei', 'gwei', 'paise', 'lamports', 'kopeks'];

/** Words that say a bare number is fractional (a ratio), for "cents × rate is not whole cents". */
export const FRACTION_WORDS = new Set(['percent', 'percentage', 'pct', 'perc', 'ratio', 'rate', 'factor', 'multiplier', 'coefficient', 'coef', 'weight', 'fraction', 'share', 'yield', 'apr', 'apy', 'growth']);

/** Words that say a bare number is a whole count ("cents × quantity is still whole cents"). */
export const COUNT_WORDS = new Set(['count', 'cnt', 'num', 'number', 'length', 'len', 'qty', 'quantity', 'units', 'unit', 'days', 'months', 'years', 'weeks', 'n', 'size', 'lots', 'installments', 'periods', 'shares', 'seats', 'nights', 'items']);

const CONVERSION_PREFIXES = new Set(['as', 'to', 'from', 'in']);
const TYPE_WORDS = new Set(['number', 'float', 'string', 'int', 'integer', 'decimal', 'big', 'bigint', 'str']);

export interface WordLists {
  strong: ReadonlySet<string>;
  weak: ReadonlySet<string>;
  veto: ReadonlySet<string>;
  minor: ReadonlySet<string>;
}

function edit(base: readonly string[], change: { add: string[]; remove: string[] }): Set<string> {
  const set = new Set(base);
  for (const w of change.remove) set.delete(w);
  for (const w of change.add) set.add(w);
  return set;
}

export function wordLists(config: Pick<FloatConfig, 'moneyWords' | 'weakMoneyWords' | 'vetoWords' | 'minorUnitWords'>): WordLists {
  return {
    strong: edit(STRONG, config.moneyWords),
    weak: edit(WEAK, config.weakMoneyWords),
    veto: edit(VETO, config.vetoWords),
    minor: edit(MINOR, config.minorUnitWords),
  };
}

/** `unitPrice` → unit, price; `TOTAL_AMOUNT_USD` → total, amount, usd; `price2` → price, 2; `PnL` → pn, l. */
export function splitWords(name: string): string[] {
  const parts = name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [];
  return parts.map((p) => p.toLowerCase());
}

export type NameClass =
  | { kind: 'veto'; word: string }
  | { kind: 'money'; words: string[]; minor: boolean }
  | { kind: 'neutral' };

/**
 * Classifies a name. Plurals count (`prices`, `quantities`), and two adjacent parts may form
 * one word (`PnL` splits into "pn" + "l", which together are "pnl").
 */
export class NameClassifier {
  private readonly lists: WordLists;
  private readonly cache = new Map<string, NameClass>();

  constructor(lists: WordLists) {
    this.lists = lists;
  }

  classify(name: string): NameClass {
    let hit = this.cache.get(name);
    if (!hit) {
      hit = this.compute(name);
      this.cache.set(name, hit);
    }
    return hit;
  }

  /** The list a single word belongs to, trying the word itself and its singular. */
  private lookup(word: string): { list: keyof WordLists; word: string } | undefined {
    for (const candidate of singulars(word)) {
      for (const list of ['veto', 'minor', 'strong', 'weak'] as const) {
        if (this.lists[list].has(candidate)) return { list, word: candidate };
      }
    }
    return undefined;
  }

  private compute(name: string): NameClass {
    const parts = splitWords(name);
    const found: { list: keyof WordLists; word: string }[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const next = parts[i + 1];
      if (CONVERSION_PREFIXES.has(part) && next !== undefined && TYPE_WORDS.has(next)) {
        i++; // `balanceAsNumber`, `amountToFloat`: a conversion, not a count
        continue;
      }
      const joined = next === undefined ? undefined : this.lookup(part + next);
      if (joined && !this.lookup(part)) {
        found.push(joined);
        i++;
        continue;
      }
      const single = this.lookup(part);
      if (single) found.push(single);
    }
    const veto = found.find((f) => f.list === 'veto');
    if (veto) return { kind: 'veto', word: veto.word };
    const strong = found.filter((f) => f.list === 'strong' || f.list === 'minor');
    const weak = found.filter((f) => f.list === 'weak');
    const minor = found.some((f) => f.list === 'minor');
    if (strong.length > 0) return { kind: 'money', words: [...strong, ...weak].map((f) => f.word), minor };
    if (weak.length >= 2) return { kind: 'money', words: weak.map((f) => f.word), minor };
    return { kind: 'neutral' };
  }
}

function singulars(word: string): string[] {
  const out = [word];
  if (word.endsWith('ies') && word.length > 4) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es') && word.length > 3) out.push(word.slice(0, -2));
  if (word.endsWith('s') && word.length > 2) out.push(word.slice(0, -1));
  return out;
}

/** `name word "price"` or `name words "net" + "profit"`, for --explain. */
export function describeNameEvidence(name: string, words: readonly string[]): string {
  const quoted = words.map((w) => `"${w}"`);
  return `${quoted.length === 1 ? 'name word' : 'name words'} ${quoted.join(' + ')}${name.toLowerCase() === words[0] ? '' : ` (${name})`}`;
}
