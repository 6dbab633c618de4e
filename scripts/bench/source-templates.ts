/**
 * Source text of the benchmark repository: a payments codebase made of `src/shared/` (money in
 * integer minor units, errors, results, ids, a clock) and many feature modules
 * `src/<domain>/<entity>/` with the files a team would really write (types, model, pricing,
 * repository, validation, service, handler, index). Every file type-checks under `strict` and lints
 * clean under typescript-eslint's recommended config, so that a run measures work, not error output.
 */

export interface ModuleNames {
  /** Folder, repository-relative: `src/billing/invoice-3`. */
  dir: string;
  /** `Invoice3` */
  type: string;
  /** `invoice3` */
  value: string;
  /** `INVOICE3` */
  constant: string;
}

/** One optional field a module's entity carries beyond the common ones. */
export interface ExtraField {
  name: string;
  type: string;
  /** Value when the input leaves it out. */
  fallback: string;
}

export const EXTRA_FIELDS: readonly ExtraField[] = [
  { name: 'memo', type: 'string', fallback: "''" },
  { name: 'reference', type: 'string', fallback: "''" },
  { name: 'dueInDays', type: 'number', fallback: '30' },
  { name: 'taxRateBps', type: 'number', fallback: '0' },
  { name: 'tags', type: 'readonly string[]', fallback: '[]' },
  { name: 'externalId', type: 'string | null', fallback: 'null' },
  { name: 'metadata', type: 'Readonly<Record<string, string>>', fallback: '{}' },
  { name: 'retryCount', type: 'number', fallback: '0' },
];

/** The kinds of file in a feature module, in dependency order (each imports only earlier kinds). */
export const MODULE_FILE_KINDS = ['types', 'model', 'pricing', 'repository', 'validation', 'service', 'handler', 'index'] as const;
export type ModuleFileKind = (typeof MODULE_FILE_KINDS)[number];

export interface ModuleSpec {
  names: ModuleNames;
  extraFields: readonly ExtraField[];
  feeBps: number;
  /** An earlier, complete module whose pricing this module's service uses, if any. */
  dependency: ModuleNames | undefined;
  /** Which kinds this module has (the last module of a repository may be partial). */
  kinds: readonly ModuleFileKind[];
}

const SHARED = '../../shared';

function relativeTo(from: ModuleNames, to: ModuleNames, file: string): string {
  // Every module sits two levels below src/, so one shape of relative path reaches any other.
  return from.dir === to.dir ? `./${file}` : `../../${to.dir.slice('src/'.length)}/${file}`;
}

function lines(...parts: (string | false | undefined)[]): string {
  return `${parts.filter((p): p is string => typeof p === 'string').join('\n')}\n`;
}

export const SHARED_FILES: Readonly<Record<string, string>> = {
  'src/shared/money.ts': lines(
    '/** Money is an integer number of minor units (cents) with its currency; never a float. */',
    "export type Cents = number & { readonly __brand: 'Cents' };",
    "export type Currency = 'USD' | 'EUR' | 'GBP' | 'JPY';",
    '',
    'export interface Money {',
    '  readonly amount: Cents;',
    '  readonly currency: Currency;',
    '}',
    '',
    'export function cents(value: number): Cents {',
    '  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of minor units: ${value}`);',
    '  return value as Cents;',
    '}',
    '',
    'export function money(amount: number, currency: Currency): Money {',
    '  return { amount: cents(amount), currency };',
    '}',
    '',
    'function assertSameCurrency(a: Money, b: Money): void {',
    '  if (a.currency !== b.currency) throw new TypeError(`currency mismatch: ${a.currency} and ${b.currency}`);',
    '}',
    '',
    'export function add(a: Money, b: Money): Money {',
    '  assertSameCurrency(a, b);',
    '  return money(a.amount + b.amount, a.currency);',
    '}',
    '',
    'export function subtract(a: Money, b: Money): Money {',
    '  assertSameCurrency(a, b);',
    '  return money(a.amount - b.amount, a.currency);',
    '}',
    '',
    'export function sum(items: readonly Money[], currency: Currency): Money {',
    '  return items.reduce((total, item) => add(total, item), money(0, currency));',
    '}',
    '',
    '/** A rate in basis points (1/100 of a percent), rounded half away from zero to whole units. */',
    'export function applyBasisPoints(value: Money, bps: number): Money {',
    '  const scaled = value.amount * bps;',
    '  const whole = Math.trunc(scaled / 10_000);',
    '  const remainder = Math.abs(scaled % 10_000);',
    '  return money(whole + (remainder >= 5_000 ? Math.sign(scaled) : 0), value.currency);',
    '}',
    '',
    '/** Splits an amount by ratios without losing a unit (largest remainder first). */',
    'export function allocate(value: Money, ratios: readonly number[]): Money[] {',
    '  const total = ratios.reduce((a, b) => a + b, 0);',
    "  if (total <= 0) throw new RangeError('ratios must add up to more than zero');",
    '  const shares = ratios.map((r) => Math.floor((value.amount * r) / total));',
    '  let left = value.amount - shares.reduce((a, b) => a + b, 0);',
    '  for (let i = 0; left > 0; i = (i + 1) % shares.length, left--) shares[i] = (shares[i] ?? 0) + 1;',
    '  return shares.map((share) => money(share, value.currency));',
    '}',
    '',
    'export function compare(a: Money, b: Money): -1 | 0 | 1 {',
    '  assertSameCurrency(a, b);',
    '  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;',
    '}',
    '',
    'const DIGITS: Readonly<Record<Currency, number>> = { USD: 2, EUR: 2, GBP: 2, JPY: 0 };',
    '',
    '/** For display only: places the decimal point in the digits, with no arithmetic on the amount. */',
    'export function formatMoney(value: Money): string {',
    '  const digits = DIGITS[value.currency];',
    "  const sign = value.amount < 0 ? '-' : '';",
    "  const text = String(Math.abs(value.amount)).padStart(digits + 1, '0');",
    '  if (digits === 0) return `${sign}${text} ${value.currency}`;',
    '  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)} ${value.currency}`;',
    '}',
  ),
  'src/shared/errors.ts': lines(
    'export class DomainError extends Error {',
    '  readonly code: string;',
    '  readonly httpStatus: number;',
    '',
    '  constructor(code: string, message: string, httpStatus = 400) {',
    '    super(message);',
    "    this.name = 'DomainError';",
    '    this.code = code;',
    '    this.httpStatus = httpStatus;',
    '  }',
    '}',
    '',
    'export class NotFoundError extends DomainError {',
    '  constructor(kind: string, id: string) {',
    "    super('not_found', `${kind} ${id} does not exist`, 404);",
    '  }',
    '}',
    '',
    'export class ValidationError extends DomainError {',
    '  constructor(message: string) {',
    "    super('invalid', message, 422);",
    '  }',
    '}',
  ),
  'src/shared/result.ts': lines(
    'export type Result<T, E extends Error = Error> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };',
    '',
    'export function ok<T>(value: T): Result<T, never> {',
    '  return { ok: true, value };',
    '}',
    '',
    'export function err<E extends Error>(error: E): Result<never, E> {',
    '  return { ok: false, error };',
    '}',
  ),
  'src/shared/ids.ts': lines(
    "import { randomUUID } from 'node:crypto';",
    '',
    'export type Id<Tag extends string> = string & { readonly __tag: Tag };',
    '',
    'export function newId<Tag extends string>(prefix: string): Id<Tag> {',
    "  return `${prefix}_${randomUUID().replaceAll('-', '')}` as Id<Tag>;",
    '}',
  ),
  'src/shared/clock.ts': lines(
    'export interface Clock {',
    '  now(): Date;',
    '}',
    '',
    'export const systemClock: Clock = { now: () => new Date() };',
    '',
    'export function addDays(date: Date, days: number): Date {',
    '  const next = new Date(date.getTime());',
    '  next.setUTCDate(next.getUTCDate() + days);',
    '  return next;',
    '}',
  ),
};

function typesFile(m: ModuleSpec): string {
  const { type, value } = m.names;
  return lines(
    `import type { Id } from '${SHARED}/ids.js';`,
    `import type { Money } from '${SHARED}/money.js';`,
    '',
    `export type ${type}Id = Id<'${value}'>;`,
    `export type ${type}Status = 'draft' | 'open' | 'settled' | 'void';`,
    '',
    `export interface ${type}Line {`,
    '  readonly description: string;',
    '  readonly unitPrice: Money;',
    '  readonly quantity: number;',
    '}',
    '',
    `export interface ${type} {`,
    `  readonly id: ${type}Id;`,
    '  readonly accountId: string;',
    `  readonly status: ${type}Status;`,
    `  readonly lines: readonly ${type}Line[];`,
    '  readonly createdAt: Date;',
    ...m.extraFields.map((f) => `  readonly ${f.name}: ${f.type};`),
    '}',
    '',
    `export interface Create${type}Input {`,
    '  accountId: string;',
    `  lines: ${type}Line[];`,
    ...m.extraFields.map((f) => `  ${f.name}?: ${f.type};`),
    '}',
  );
}

function modelFile(m: ModuleSpec): string {
  const { type, value } = m.names;
  return lines(
    `import type { Clock } from '${SHARED}/clock.js';`,
    `import { ValidationError } from '${SHARED}/errors.js';`,
    `import { newId } from '${SHARED}/ids.js';`,
    `import type { Create${type}Input, ${type}, ${type}Status } from './types.js';`,
    '',
    `const TRANSITIONS: Readonly<Record<${type}Status, readonly ${type}Status[]>> = {`,
    "  draft: ['open', 'void'],",
    "  open: ['settled', 'void'],",
    '  settled: [],',
    '  void: [],',
    '};',
    '',
    `export function create${type}(input: Create${type}Input, clock: Clock): ${type} {`,
    `  if (input.lines.length === 0) throw new ValidationError('a ${value} needs at least one line');`,
    '  return {',
    `    id: newId<'${value}'>('${value.slice(0, 3)}'),`,
    '    accountId: input.accountId,',
    "    status: 'draft',",
    '    lines: [...input.lines],',
    '    createdAt: clock.now(),',
    ...m.extraFields.map((f) => `    ${f.name}: input.${f.name} ?? ${f.fallback},`),
    '  };',
    '}',
    '',
    `export function canTransition(from: ${type}Status, to: ${type}Status): boolean {`,
    '  return TRANSITIONS[from].includes(to);',
    '}',
    '',
    `export function transition${type}(item: ${type}, to: ${type}Status): ${type} {`,
    '  if (!canTransition(item.status, to)) {',
    `    throw new ValidationError(\`${value} \${item.id} cannot go from \${item.status} to \${to}\`);`,
    '  }',
    '  return { ...item, status: to };',
    '}',
  );
}

function pricingFile(m: ModuleSpec): string {
  const { type, value, constant } = m.names;
  return lines(
    `import { add, applyBasisPoints, money, type Currency, type Money } from '${SHARED}/money.js';`,
    `import type { ${type}, ${type}Line } from './types.js';`,
    '',
    `export const ${constant}_FEE_BPS = ${m.feeBps};`,
    '',
    `export function ${value}LineTotal(line: ${type}Line): Money {`,
    '  return money(line.unitPrice.amount * line.quantity, line.unitPrice.currency);',
    '}',
    '',
    `export function ${value}Subtotal(item: ${type}, currency: Currency): Money {`,
    `  return item.lines.reduce((total, line) => add(total, ${value}LineTotal(line)), money(0, currency));`,
    '}',
    '',
    `export function ${value}Fee(item: ${type}, currency: Currency): Money {`,
    `  return applyBasisPoints(${value}Subtotal(item, currency), ${constant}_FEE_BPS);`,
    '}',
    '',
    `export function ${value}Total(item: ${type}, currency: Currency): Money {`,
    `  return add(${value}Subtotal(item, currency), ${value}Fee(item, currency));`,
    '}',
  );
}

function repositoryFile(m: ModuleSpec): string {
  const { type, value } = m.names;
  return lines(
    `import { NotFoundError } from '${SHARED}/errors.js';`,
    `import type { ${type}, ${type}Id } from './types.js';`,
    '',
    `export interface ${type}Repository {`,
    `  get(id: ${type}Id): Promise<${type}>;`,
    `  save(item: ${type}): Promise<void>;`,
    `  listByAccount(accountId: string): Promise<${type}[]>;`,
    '}',
    '',
    `export class InMemory${type}Repository implements ${type}Repository {`,
    `  private readonly items = new Map<${type}Id, ${type}>();`,
    '',
    `  async get(id: ${type}Id): Promise<${type}> {`,
    '    const found = this.items.get(id);',
    `    if (!found) throw new NotFoundError('${value}', id);`,
    '    return found;',
    '  }',
    '',
    `  async save(item: ${type}): Promise<void> {`,
    '    this.items.set(item.id, item);',
    '  }',
    '',
    `  async listByAccount(accountId: string): Promise<${type}[]> {`,
    '    return [...this.items.values()]',
    '      .filter((item) => item.accountId === accountId)',
    '      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());',
    '  }',
    '}',
  );
}

function validationFile(m: ModuleSpec): string {
  const { type, value } = m.names;
  return lines(
    `import { ValidationError } from '${SHARED}/errors.js';`,
    `import { cents, type Currency } from '${SHARED}/money.js';`,
    `import { err, ok, type Result } from '${SHARED}/result.js';`,
    `import type { Create${type}Input, ${type}Line } from './types.js';`,
    '',
    "const CURRENCIES: readonly string[] = ['USD', 'EUR', 'GBP', 'JPY'];",
    '',
    `function parseLine(raw: unknown, index: number): Result<${type}Line, ValidationError> {`,
    "  if (typeof raw !== 'object' || raw === null) return err(new ValidationError(`line ${index}: expected an object`));",
    '  const line = raw as Record<string, unknown>;',
    "  if (typeof line.description !== 'string') return err(new ValidationError(`line ${index}: description must be text`));",
    "  if (typeof line.quantity !== 'number' || !Number.isInteger(line.quantity) || line.quantity <= 0) {",
    '    return err(new ValidationError(`line ${index}: quantity must be a positive whole number`));',
    '  }',
    '  const price = line.unitPrice as { amount?: unknown; currency?: unknown } | undefined;',
    "  if (typeof price?.amount !== 'number' || !Number.isInteger(price.amount)) {",
    '    return err(new ValidationError(`line ${index}: unitPrice.amount must be whole minor units`));',
    '  }',
    "  if (typeof price.currency !== 'string' || !CURRENCIES.includes(price.currency)) {",
    '    return err(new ValidationError(`line ${index}: unknown currency`));',
    '  }',
    '  return ok({',
    '    description: line.description,',
    '    quantity: line.quantity,',
    '    unitPrice: { amount: cents(price.amount), currency: price.currency as Currency },',
    '  });',
    '}',
    '',
    `export function validateCreate${type}(raw: unknown): Result<Create${type}Input, ValidationError> {`,
    `  if (typeof raw !== 'object' || raw === null) return err(new ValidationError('${value}: expected an object'));`,
    '  const body = raw as Record<string, unknown>;',
    "  if (typeof body.accountId !== 'string' || body.accountId.length === 0) {",
    `    return err(new ValidationError('${value}: accountId is required'));`,
    '  }',
    `  if (!Array.isArray(body.lines)) return err(new ValidationError('${value}: lines must be a list'));`,
    `  const lines: ${type}Line[] = [];`,
    '  for (const [index, rawLine] of body.lines.entries()) {',
    '    const parsed = parseLine(rawLine, index);',
    '    if (!parsed.ok) return parsed;',
    '    lines.push(parsed.value);',
    '  }',
    '  return ok({ accountId: body.accountId, lines });',
    '}',
  );
}

function serviceFile(m: ModuleSpec): string {
  const { type, value } = m.names;
  const dep = m.dependency;
  return lines(
    `import type { Clock } from '${SHARED}/clock.js';`,
    `import { add, money, type Currency, type Money } from '${SHARED}/money.js';`,
    dep && `import { ${dep.value}Fee } from '${relativeTo(m.names, dep, 'pricing.js')}';`,
    dep && `import type { ${dep.type} } from '${relativeTo(m.names, dep, 'types.js')}';`,
    `import { create${type}, transition${type} } from './model.js';`,
    `import { ${value}Total } from './pricing.js';`,
    `import type { ${type}Repository } from './repository.js';`,
    `import type { Create${type}Input, ${type}, ${type}Id } from './types.js';`,
    '',
    `export class ${type}Service {`,
    `  private readonly repository: ${type}Repository;`,
    '  private readonly clock: Clock;',
    '',
    `  constructor(repository: ${type}Repository, clock: Clock) {`,
    '    this.repository = repository;',
    '    this.clock = clock;',
    '  }',
    '',
    `  async open(input: Create${type}Input): Promise<${type}> {`,
    `    const opened = transition${type}(create${type}(input, this.clock), 'open');`,
    '    await this.repository.save(opened);',
    '    return opened;',
    '  }',
    '',
    `  async settle(id: ${type}Id): Promise<${type}> {`,
    `    const settled = transition${type}(await this.repository.get(id), 'settled');`,
    '    await this.repository.save(settled);',
    '    return settled;',
    '  }',
    '',
    `  async cancel(id: ${type}Id): Promise<${type}> {`,
    `    const cancelled = transition${type}(await this.repository.get(id), 'void');`,
    '    await this.repository.save(cancelled);',
    '    return cancelled;',
    '  }',
    '',
    '  async settledBalance(accountId: string, currency: Currency): Promise<Money> {',
    '    const items = await this.repository.listByAccount(accountId);',
    '    return items',
    "      .filter((item) => item.status === 'settled')",
    `      .reduce((total, item) => add(total, ${value}Total(item, currency)), money(0, currency));`,
    '  }',
    ...(dep
      ? [
          '',
          `  /** What a ${dep.value} costs when it is paid through this ${value}. */`,
          `  passThroughFee(related: ${dep.type}, currency: Currency): Money {`,
          `    return ${dep.value}Fee(related, currency);`,
          '  }',
        ]
      : []),
    '}',
  );
}

function handlerFile(m: ModuleSpec): string {
  const { type } = m.names;
  return lines(
    `import { DomainError } from '${SHARED}/errors.js';`,
    `import type { ${type}Service } from './service.js';`,
    `import type { ${type}Id } from './types.js';`,
    `import { validateCreate${type} } from './validation.js';`,
    '',
    'export interface HttpResponse {',
    '  status: number;',
    '  body: unknown;',
    '}',
    '',
    'async function respond(work: () => Promise<HttpResponse>): Promise<HttpResponse> {',
    '  try {',
    '    return await work();',
    '  } catch (error) {',
    '    if (error instanceof DomainError) return { status: error.httpStatus, body: { error: error.code, message: error.message } };',
    '    throw error;',
    '  }',
    '}',
    '',
    `export function ${m.names.value}Handlers(service: ${type}Service) {`,
    '  return {',
    '    create: (body: unknown): Promise<HttpResponse> =>',
    '      respond(async () => {',
    `        const parsed = validateCreate${type}(body);`,
    "        if (!parsed.ok) return { status: 422, body: { error: 'invalid', message: parsed.error.message } };",
    '        const created = await service.open(parsed.value);',
    '        return { status: 201, body: { id: created.id, status: created.status } };',
    '      }),',
    '    settle: (id: string): Promise<HttpResponse> =>',
    '      respond(async () => {',
    `        const settled = await service.settle(id as ${type}Id);`,
    '        return { status: 200, body: { id: settled.id, status: settled.status } };',
    '      }),',
    '  };',
    '}',
  );
}

function indexFile(m: ModuleSpec): string {
  const { type, value } = m.names;
  return lines(
    "export type * from './types.js';",
    `export { canTransition, create${type}, transition${type} } from './model.js';`,
    "export * from './pricing.js';",
    `export { InMemory${type}Repository, type ${type}Repository } from './repository.js';`,
    `export { validateCreate${type} } from './validation.js';`,
    `export { ${type}Service } from './service.js';`,
    `export { ${value}Handlers, type HttpResponse } from './handler.js';`,
  );
}

const RENDERERS: Record<ModuleFileKind, (m: ModuleSpec) => string> = {
  types: typesFile,
  model: modelFile,
  pricing: pricingFile,
  repository: repositoryFile,
  validation: validationFile,
  service: serviceFile,
  handler: handlerFile,
  index: indexFile,
};

export function renderModuleFile(kind: ModuleFileKind, m: ModuleSpec): string {
  return RENDERERS[kind](m);
}

/**
 * The benchmark's staged edit of a pricing file: one changed line (the fee) and a new exported
 * function, the size of an everyday change.
 */
export function editPricingFile(source: string, names: ModuleNames): string {
  const changed = source.replace(new RegExp(`(export const ${names.constant}_FEE_BPS = )\\d+;`), '$1275;');
  if (changed === source) throw new Error(`${names.dir}/pricing.ts has no ${names.constant}_FEE_BPS line to change`);
  return (
    changed +
    lines(
      '',
      `/** Part of a settled ${names.value} given back, capped at the whole amount. */`,
      `export function ${names.value}PartialRefund(item: ${names.type}, currency: Currency, refundBps: number): Money {`,
      '  const capped = Math.min(Math.max(refundBps, 0), 10_000);',
      `  return applyBasisPoints(${names.value}Total(item, currency), capped);`,
      '}',
    )
  );
}
