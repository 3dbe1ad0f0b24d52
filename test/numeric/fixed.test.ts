/**
 * Scaled-integer arithmetic against decimal.js on the same decimals, on both sides of 2^53
 * where the float64 path hands over to bigint.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, Amount, decimalPlaces, divPow10, format, fromFloat, Money, mul, parseScaled, sub, toNumber, type Scaled } from '../../src/ledger/index.js';

const D = (value: string | number): Money => new Money(value);
const SAFE = Number.MAX_SAFE_INTEGER;
/** Integers around zero, around 2^53 and far beyond, as bigints. */
const integer = fc.oneof(fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }), fc.bigInt({ min: BigInt(SAFE) - 1000n, max: BigInt(SAFE) + 1000n }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }));
const scaled = (value: bigint): Scaled => (value <= BigInt(SAFE) && value >= -BigInt(SAFE) ? Number(value) : value);
const asDecimal = (value: Scaled, scale: number): Money => D(value.toString()).div(D(10).pow(scale));

describe('scaled integers', () => {
  it('add, sub and mul equal bigint arithmetic and stay floats exactly while safe', () => {
    fc.assert(
      fc.property(integer, integer, (a, b) => {
        for (const [result, expected] of [
          [add(scaled(a), scaled(b)), a + b],
          [sub(scaled(a), scaled(b)), a - b],
          [mul(scaled(a), scaled(b)), a * b],
        ] as const) {
          expect(BigInt(result)).toBe(expected);
          expect(typeof result, 'a float exactly when safe').toBe(expected <= BigInt(SAFE) && expected >= -BigInt(SAFE) ? 'number' : 'bigint');
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('divPow10 rounds half-even, down and floor as decimal.js does', () => {
    fc.assert(
      fc.property(integer, fc.integer({ min: 1, max: 25 }), (a, places) => {
        const exact = D(a.toString()).div(D(10).pow(places));
        expect(BigInt(divPow10(scaled(a), places, 'half-even')).toString()).toBe(exact.toDecimalPlaces(0, Money.ROUND_HALF_EVEN).toFixed());
        expect(BigInt(divPow10(scaled(a), places, 'down')).toString()).toBe(exact.toDecimalPlaces(0, Money.ROUND_DOWN).toFixed());
        expect(BigInt(divPow10(scaled(a), places, 'floor')).toString()).toBe(exact.toDecimalPlaces(0, Money.ROUND_FLOOR).toFixed());
      }),
      { numRuns: 2000, seed: 12 },
    );
    expect([divPow10(25, 1, 'half-even'), divPow10(35, 1, 'half-even'), divPow10(-25, 1, 'half-even')], 'ties go to the even neighbour').toEqual([2, 4, -2]);
  });

  it('format, parse and toNumber round-trip the exact decimal', () => {
    fc.assert(
      fc.property(integer, fc.integer({ min: 0, max: 30 }), (a, scale) => {
        const value = scaled(a);
        const decimal = asDecimal(value, scale);
        expect(format(value, scale)).toBe(decimal.toFixed());
        expect(BigInt(parseScaled(format(value, scale), scale))).toBe(a);
        expect(toNumber(value, scale), 'the float nearest the decimal').toBe(decimal.toNumber());
      }),
      { numRuns: 2000, seed: 13 },
    );
    expect(() => parseScaled('1.005', 2)).toThrow(/more than 2 decimals/);
    expect(parseScaled('1.2e3', 0)).toBe(1200);
    expect(parseScaled('-0.50', 1)).toBe(-5);
  });

  it('reads a float at the decimals of its shortest text, and refuses one off the grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 0, max: 8 }), (units, places) => {
        const x = units / 10 ** places;
        const shortest = D(String(x));
        expect(decimalPlaces(x)).toBe(Math.max(0, shortest.decimalPlaces()));
        expect(asDecimal(fromFloat(x, places), places).eq(shortest)).toBe(true);
      }),
      { numRuns: 2000, seed: 14 },
    );
    expect(decimalPlaces(0.1 + 0.2), '0.30000000000000004').toBe(17);
    expect(() => fromFloat(53.496875, 4)).toThrow(/more than 4 decimals/);
    expect(fromFloat(1e20, 2), 'beyond 2^53 as a bigint').toBe(10n ** 22n);
  });

  it('Amount prints and compares as its decimal', () => {
    const a = Amount.of('110.38512');
    expect([a.scale, a.toFixed(), a.toFixed(2), a.toNumber()]).toEqual([5, '110.38512', '110.39', 110.38512]);
    expect(Amount.of('0.145').toFixed(2), 'toFixed rounds half-even').toBe('0.14');
    expect(a.add(Amount.of('-0.38512')).toFixed()).toBe('110');
    expect(Amount.of('1.50').eq(Amount.of('1.5'))).toBe(true);
    expect(Amount.of(D('1e-9')).toFixed()).toBe('0.000000001');
  });
});
