/**
 * Minimal declarations of the decimal libraries, shaped like their published typings, so the
 * rule tests need no packages installed. Each is declared under its package name, so the
 * check's "declared by which module" test sees big.js, decimal.js, bignumber.js, bn.js.
 */
export const DECIMAL_STUBS = `
declare module 'big.js' {
  export type BigSource = number | string | Big;
  export interface Big {
    plus(n: BigSource): Big;
    minus(n: BigSource): Big;
    times(n: BigSource): Big;
    div(n: BigSource): Big;
    mod(n: BigSource): Big;
    eq(n: BigSource): boolean;
    gt(n: BigSource): boolean;
    lt(n: BigSource): boolean;
    cmp(n: BigSource): number;
    round(dp?: number, rm?: number): Big;
    toFixed(dp?: number): string;
    toString(): string;
    toNumber(): number;
  }
  export interface BigConstructor {
    new (value: BigSource): Big;
    (value: BigSource): Big;
    roundHalfUp: 1;
    roundHalfEven: 2;
  }
  export const Big: BigConstructor;
  export default Big;
}

declare module 'decimal.js' {
  export type Value = string | number | Decimal;
  export class Decimal {
    constructor(value: Value);
    plus(n: Value): Decimal;
    minus(n: Value): Decimal;
    times(n: Value): Decimal;
    mul(n: Value): Decimal;
    div(n: Value): Decimal;
    equals(n: Value): boolean;
    toDecimalPlaces(dp: number): Decimal;
    static min(...values: Value[]): Decimal;
    toFixed(dp?: number): string;
    toString(): string;
    toNumber(): number;
  }
  export default Decimal;
}

declare module 'bignumber.js' {
  export class BigNumber {
    constructor(value: string | number | BigNumber);
    plus(n: string | number | BigNumber): BigNumber;
    multipliedBy(n: string | number | BigNumber): BigNumber;
    toNumber(): number;
    toFixed(dp?: number): string;
  }
  export default BigNumber;
}

declare module 'bn.js' {
  class BN {
    constructor(value: number | string | BN, base?: number);
    add(b: BN): BN;
    mul(b: BN): BN;
    toNumber(): number;
    toString(base?: number): string;
  }
  export = BN;
}

declare module 'other-math' {
  /** A class named like a decimal type in a package that is not one. */
  export class Decimal {
    constructor(value: number);
    toNumber(): number;
  }
}
`;
