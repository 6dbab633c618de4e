/**
 * The demo repository: a small payments service with problems planted on purpose. Each check
 * adds its own planted problems here, with a comment saying which rule should find it.
 */
import { forgeFormat, run, seededRandom } from '../checks/secrets/token-format.ts';

/** The planted secrets are forged from their documented formats when this module loads; no token is stored. */
const forge = seededRandom(0x7011);
const DEMO_STRIPE_KEY = forgeFormat(['sk_live_', run('alnum', 99)], forge);
const DEMO_DB_PASSWORD = forgeFormat([run('alnum', 24)], forge);

/** planted: coverage/threshold and coverage/must-test (risk code must be fully tested). */
const DEMO_COVERAGE_CONFIG = { thresholds: [{ files: ['src/risk/**'], lines: 100 }], mustTest: ['src/risk/**'] };
/** planted: docs/required-document (docs/security.md is promised, not written). */
const DEMO_DOCS_CONFIG = { required: ['README.md', 'docs/security.md'] };

export interface PlantedFile {
  path: string;
  content: string;
  executable?: boolean;
  /**
   * Added by the feature branch's commit, after main locked its warning debt in
   * .tollgate/debt.json: a warning here is new debt (debt/new-warning), where main's are baselined.
   */
  onFeatureBranch?: boolean;
}

export const DEMO_FILES: readonly PlantedFile[] = [
  {
    path: 'package.json',
    content: `${JSON.stringify({ name: 'acme-payments', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  },
  {
    path: 'tsconfig.json',
    content: `${JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['src'] }, null, 2)}\n`,
  },
  {
    path: 'tollgate.config.json',
    content: `${JSON.stringify({ failOn: 'error', checks: { hygiene: { protectedBranches: ['main'] }, coverage: DEMO_COVERAGE_CONFIG, docs: DEMO_DOCS_CONFIG } }, null, 2)}\n`,
  },
  {
    path: 'README.md',
    content: '# acme-payments\n\nCharges cards and settles invoices.\n',
  },
  {
    path: 'src/money.ts',
    content: [
      '/** Amounts are integer minor units (cents). */',
      'export type Cents = number & { readonly __brand: "Cents" };',
      '',
      'export function cents(value: number): Cents {',
      '  if (!Number.isInteger(value)) throw new Error(`not whole cents: ${value}`);',
      '  return value as Cents;',
      '}',
      '',
    ].join('\n'),
  },
  {
    // planted: hygiene/trailing-whitespace (line 4)
    path: 'src/invoice.ts',
    content: [
      "import { cents, type Cents } from './money.js';",
      '',
      'export interface Line { description: string; unit: Cents; quantity: number }',
      'export function subtotal(lines: Line[]): Cents {   ',
      '  return cents(lines.reduce((sum, l) => sum + l.unit * l.quantity, 0));',
      '}',
      '',
    ].join('\n'),
  },
  {
    // planted: tsc/TS2322 (a string where cents are expected)
    path: 'src/refund.ts',
    content: [
      "import type { Cents } from './money.js';",
      '',
      'export function refundFee(): Cents {',
      "  const fee: Cents = '250';",
      '  return fee;',
      '}',
      '',
    ].join('\n'),
  },
  {
    // planted: hygiene/merge-conflict (lines 2-6, a half-merged fee migration)
    path: 'migrations/003_card_fees.sql',
    content: [
      'ALTER TABLE card_fees',
      `${'<'.repeat(7)} HEAD`,
      '  ADD COLUMN fee_bps integer NOT NULL DEFAULT 25;',
      '='.repeat(7),
      '  ADD COLUMN fee_bps integer NOT NULL DEFAULT 30;',
      `${'>'.repeat(7)} pricing-2025`,
      '',
    ].join('\n'),
  },
  {
    // planted: hygiene/invalid-json (line 4: a trailing comma)
    path: 'config/providers.json',
    content: '{\n  "stripe": { "currency": "EUR" },\n  "adyen": { "currency": "EUR" },\n}\n',
  },
  {
    // planted: hygiene/mixed-line-endings (CRLF, saved by a Windows editor)
    path: 'src/webhooks.ts',
    content: "export const WEBHOOK_PATH = '/hooks/psp';\r\nexport const WEBHOOK_TIMEOUT_MS = 5000;\r\n",
  },
  {
    // planted: hygiene/executable-without-shebang (mode 100755, no #! line)
    path: 'scripts/settle-batch.sh',
    content: 'node dist/settle.js --date "$1"\n',
    executable: true,
  },
  {
    // planted float bugs, by line:
    //   9:      float/money-parse-float (parseFloat on the request amount)
    //   14:     float/money-float-accumulate (a payout summed in floats)
    //   15, 16: float/money-float-arith (a fee and a net payout in floats)
    //   20:     float/minor-major-units (cents to float dollars, stored): a warning, and new on
    //           the feature branch, so the debt stage makes it debt/new-warning
    //   24:     float/money-float-compare (a float sum compared with ===)
    // while src/invoice.ts (whole Cents times a quantity) must stay silent.
    path: 'src/payouts.ts',
    onFeatureBranch: true,
    content: [
      "import type { Cents } from './money.js';",
      '',
      'export interface PayoutLine { merchant: string; amount: number; feePct: number }',
      'export interface PayoutRequest { amount: string; currency: string }',
      '',
      'export const DEFAULT_FEE_PCT = 2.9;',
      '',
      'export function requestedAmount(body: PayoutRequest): number {',
      '  return parseFloat(body.amount);',
      '}',
      '',
      'export function payoutTotal(lines: PayoutLine[]): number {',
      '  let total = 0;',
      '  for (const line of lines) total += line.amount;',
      '  const fee = (total * DEFAULT_FEE_PCT) / 100;',
      '  return total - fee;',
      '}',
      '',
      'export function toDollars(balance: Cents): { balance: number } {',
      '  return { balance: balance / 100 };',
      '}',
      '',
      'export function matchesStatement(lines: PayoutLine[], statementTotal: number): boolean {',
      '  return payoutTotal(lines) === statementTotal;',
      '}',
      '',
    ].join('\n'),
  },
  {
    // planted: secrets/stripe-key (line 2: a live secret key committed in code)
    path: 'src/stripe-config.ts',
    content: ['// TODO move to the vault before launch', `export const STRIPE_SECRET_KEY = '${DEMO_STRIPE_KEY}';`, ''].join('\n'),
  },
  {
    // planted: secrets/blocked-file (.env committed) and secrets/database-url (line 1: a password in the URL)
    path: '.env',
    content: `DATABASE_URL=postgres://payments:${DEMO_DB_PASSWORD}@db.acme.internal:5432/payments\n`,
  },
  {
    // Risk limits in whole cents; tested only in part (see coverage/lcov.info below).
    path: 'src/risk/limits.ts',
    content: [
      '/** Exposure limits, in whole cents. */',
      'export function withinLimit(exposureCents: number, limitCents: number): boolean {',
      '  return exposureCents <= limitCents;',
      '}',
      '',
      'export function breach(exposureCents: number, limitCents: number): number {',
      '  if (exposureCents > limitCents) {',
      '    return exposureCents - limitCents;',
      '  }',
      '  return 0;',
      '}',
      '',
    ].join('\n'),
  },
  {
    // The report the test run wrote (lcov): withinLimit is called, breach never is. planted:
    //   coverage/threshold (src/risk/** lines 25% of a required 100%)
    //   coverage/must-test (src/risk/limits.ts:6, breach is never called)
    path: 'coverage/lcov.info',
    content: ['TN:', 'SF:src/risk/limits.ts', 'FN:2,withinLimit', 'FN:6,breach', 'FNF:2', 'FNH:1', 'FNDA:4,withinLimit', 'FNDA:0,breach', 'DA:3,4', 'DA:7,0', 'DA:8,0', 'DA:10,0', 'LF:4', 'LH:1', 'end_of_record', ''].join('\n'),
  },
  {
    // planted docs problems, by line:
    //   3:  docs/broken-anchor (README.md has no "Settlement" heading)
    //   4:  docs/broken-link (docs/oncall.md was never written)
    //   12: docs/invalid-code-block (a YAML key indented off its mapping)
    //   19: docs/float-in-example (a payout computed in floats, in a ts example)
    path: 'docs/runbook.md',
    content: [
      '# Payouts runbook',
      '',
      '1. Check the [settlement dashboard](../README.md#settlement) before a rerun.',
      '2. Escalate per the [on-call rota](oncall.md).',
      '',
      'Retry settings for the batch:',
      '',
      '```yaml',
      'retries: 3',
      'backoff:',
      '  initial: 5s',
      ' max: 60s',
      '```',
      '',
      'Computing a payout by hand:',
      '',
      '```ts',
      'declare const amount: number, feePct: number;',
      'export const payout = amount - (amount * feePct) / 100;',
      '```',
      '',
    ].join('\n'),
  },
];
