import { ASSIGN } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const EXCHANGES = ['binance', 'coinbase', 'kraken', 'bitfinex', 'bybit', 'kucoin', 'bitstamp', 'okx.com', 'okex', 'huobi', 'gate.io', 'bitmex', 'deribit', 'ccxt'];

export const exchangeApiKey = defineTokenRule({
  meta: {
    id: 'secrets/exchange-api-key',
    description: 'Crypto-exchange API keys, secrets and passphrases (Binance, Coinbase, Kraken, Bitfinex, Bybit, KuCoin, OKX, …) in files that mention an exchange.',
    severity: 'error',
    fixable: false,
    fixHint: 'Delete the API key on the exchange now (funds can be traded away or withdrawn), create a new one without withdrawal rights and with an IP allowlist, and read it from a secret store.',
  },
  keywords: EXCHANGES,
  scope: 'file',
  // Any provider rule that matches the same value knows better what it is.
  priority: 50,
  patterns: [
    {
      label: 'Crypto-exchange API key or secret',
      regex: new RegExp(`(?:api[_-]?(?:key|secret)|secret[_-]?key|private[_-]?key|passphrase|secret)${ASSIGN}([A-Za-z0-9+/_-]{32,128}={0,2})(?![A-Za-z0-9+/=_-])`, 'i'),
      group: 1,
      minEntropy: 3.8,
      sample: { before: "const binance = new ccxt.binance({ secret: '", secret: [run('alnum', 64)], after: "' });" },
    },
  ],
  docs: {
    why: 'An exchange API key with its secret trades, and often withdraws, the funds of the account; key/secret pairs are the first thing bots look for in leaked code.',
    good: "const binance = new ccxt.binance({ apiKey: process.env.BINANCE_KEY, secret: process.env.BINANCE_SECRET });",
    notes: ['Exchange keys have no prefix, so this rule only looks at files that mention an exchange (or ccxt).', 'A value that a provider rule recognises (a GitHub token assigned to `api_key`) is reported by that rule instead.'],
  },
});
