/**
 * The demo repository: a small payments service with problems planted on purpose. Each check
 * adds its own planted problems here, with a comment saying which rule should find it.
 */
export interface PlantedFile {
  path: string;
  content: string;
  executable?: boolean;
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
    content: `${JSON.stringify({ failOn: 'error', checks: { hygiene: { protectedBranches: ['main'] } } }, null, 2)}\n`,
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
];
