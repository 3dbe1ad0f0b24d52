/**
 * An exact ledger amount as records and results carry it: a scaled integer with its scale.
 * Its methods read like decimal.js's, so an amount prints and compares as the decimal it is;
 * the arithmetic behind it is fixed.ts.
 */
import { add, compare, format, formatPlaces, parseScaled, rescale, sign, sub, toNumber, type Scaled } from '../numeric/fixed.js';
import { Money } from './money.js';

export class Amount {
  constructor(
    /** The amount x 10^scale, an integer. */
    readonly scaled: Scaled,
    readonly scale: number,
  ) {}

  /** Decimal text or a decimal, read exactly at its own number of decimals. */
  static of(value: string | Money | Amount): Amount {
    if (value instanceof Amount) return value;
    const text = typeof value === 'string' ? value : value.toFixed();
    const point = text.indexOf('.');
    const scale = point < 0 || /e/i.test(text) ? Math.max(0, new Money(text).decimalPlaces()) : text.length - point - 1;
    return new Amount(parseScaled(text, scale), scale);
  }

  static readonly ZERO = new Amount(0, 0);

  toNumber(): number {
    return toNumber(this.scaled, this.scale);
  }

  /** Exact text without trailing zeros, or with exactly `places` decimals (rounded half-even). */
  toFixed(places?: number): string {
    return places === undefined ? format(this.scaled, this.scale) : formatPlaces(this.scaled, this.scale, places);
  }

  toString(): string {
    return this.toFixed();
  }

  toJSON(): string {
    return this.toFixed();
  }

  /** The same amount as a decimal.js value, for the edges that compute in decimals. */
  toDecimal(): Money {
    return new Money(this.toFixed());
  }

  sign(): number {
    return sign(this.scaled);
  }

  isZero(): boolean {
    return this.sign() === 0;
  }

  /** The amount at another scale; coarser scales round half-even. */
  at(scale: number): Amount {
    return scale === this.scale ? this : new Amount(rescale(this.scaled, this.scale, scale), scale);
  }

  compare(other: Amount): number {
    const scale = Math.max(this.scale, other.scale);
    return compare(this.at(scale).scaled, other.at(scale).scaled);
  }

  eq(other: Amount): boolean {
    return this.compare(other) === 0;
  }

  add(other: Amount): Amount {
    const scale = Math.max(this.scale, other.scale);
    return new Amount(add(this.at(scale).scaled, other.at(scale).scaled), scale);
  }

  sub(other: Amount): Amount {
    const scale = Math.max(this.scale, other.scale);
    return new Amount(sub(this.at(scale).scaled, other.at(scale).scaled), scale);
  }
}
