import { z } from 'zod';

const WordList = z.array(z.string().regex(/^[a-z0-9]+$/, 'a lower-case word such as "price"'));

function wordEdits(what: string) {
  return z
    .object({
      add: WordList.default([]).describe(`Words to add to the built-in ${what}.`),
      remove: WordList.default([]).describe(`Built-in ${what} to drop.`),
    })
    .strict()
    .prefault({})
    .describe(`Changes to the built-in ${what} (lower-case single words; names are split into words at camelCase, snake_case, SCREAMING_CASE and digits).`);
}

export const DecimalTypeSchema = z
  .object({
    name: z.string().min(1).describe('The type name as the checker sees it: "Big", "Decimal", "BigNumber".'),
    modules: z
      .array(z.string().min(1))
      .default([])
      .describe('Packages that declare it ("big.js"). A type of that name declared in another package is not a decimal; one declared in your own code always is. Empty: any module.'),
  })
  .strict();

export const DEFAULT_DECIMAL_TYPES: z.input<typeof DecimalTypeSchema>[] = [
  { name: 'Big', modules: ['big.js'] },
  { name: 'Decimal', modules: ['decimal.js', 'decimal.js-light', 'prisma', '@prisma/client'] },
  { name: 'BigNumber', modules: ['bignumber.js'] },
  { name: 'BN', modules: ['bn.js'] },
  { name: 'Dinero', modules: ['dinero.js', '@dinero.js/core'] },
];

export const DEFAULT_BRANDED_TYPES = ['Money', 'Cents', 'Amount', 'MinorUnits', 'Price'];

export const FloatConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe('Run the float-in-finance check.'),
    project: z
      .string()
      .min(1)
      .default('tsconfig.json')
      .describe('tsconfig path, relative to the repository root. Without one, the TypeScript files in scope are analysed with default compiler options (a note says so).'),
    decimalTypes: z
      .array(DecimalTypeSchema)
      .default(DEFAULT_DECIMAL_TYPES.map((d) => ({ name: d.name, modules: d.modules ?? [] })))
      .describe('Types that hold exact decimal money (replaces the defaults: Big, Decimal, BigNumber, BN, Dinero). A value of such a type is money.'),
    brandedTypes: z
      .array(z.string().min(1))
      .default(DEFAULT_BRANDED_TYPES)
      .describe('Type alias or brand names that mark money ("Money", "Cents"). A name containing a minor-unit word ("Cents", "MinorUnits") marks integer minor units.'),
    moneyWords: wordEdits('strong money words (money on their own: "price", "amount", "fee")'),
    weakMoneyWords: wordEdits('weak money words (money only next to another money word: "net", "value", "margin")'),
    vetoWords: wordEdits('veto words (a name with one is never money: "pct", "ratio", "rate", "count", "ms")'),
    minorUnitWords: wordEdits('minor-unit words (money held as whole minor units: "cents", "pence", "sats")'),
  })
  .strict();

export type FloatConfig = z.output<typeof FloatConfigSchema>;
