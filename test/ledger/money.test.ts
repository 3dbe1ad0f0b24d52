import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affordableSteps, affordableUnits, exceeds, Money, roughFloat, roundDownToStep, toFloat } from '../../src/ledger/index.js';

describe('roundDownToStep', () => {
  it('truncates to power-of-ten steps and divides for any other step', () => {
    expect(roundDownToStep(new Money('944.51'), new Money('1')).toFixed()).toBe('944');
    expect(roundDownToStep(new Money('0.14666666'), new Money('0.0001')).toFixed()).toBe('0.1466');
    expect(roundDownToStep(new Money('7.9'), new Money('0.25')).toFixed()).toBe('7.75');
    expect(roundDownToStep(new Money('23'), new Money('5')).toFixed()).toBe('20');
    expect(roundDownToStep(new Money('-1.27'), new Money('0.1')).toFixed(), 'toward zero').toBe('-1.2');
  });

  it('leaves a quantity as it is when there is no step', () => {
    expect(roundDownToStep(new Money('7.123456789'), new Money(0)).toFixed()).toBe('7.123456789');
  });

  it('agrees with the division definition for power-of-ten steps (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 10 }), (scaled, places, stepPower) => {
        const quantity = new Money(scaled).div(new Money(10).pow(places));
        const step = new Money(10).pow(-stepPower);
        const byDivision = quantity.div(step).toDecimalPlaces(0, Money.ROUND_DOWN).mul(step);
        expect(roundDownToStep(quantity, step).eq(byDivision)).toBe(true);
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('affordableUnits', () => {
  it('equals the exact floor of value / price in lot steps (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 7 }), fc.constantFrom('1', '0.0001', '0.25', '0.00000001', '5'), (cents, priceTicks, stepText) => {
        const value = new Money(cents).div(100);
        const price = new Money(priceTicks).div(10_000);
        const step = new Money(stepText);
        const units = affordableUnits(value, price, step);
        expect(units.mul(price).lte(value), 'affordable').toBe(true);
        expect(units.add(step).mul(price).gt(value), 'one more lot is not').toBe(true);
        expect(units.div(step).isInteger(), 'whole lots').toBe(true);
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  it('is exact when the value sits on or a hair beside a whole number of lots (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 7 }), fc.constantFrom('1', '0.0001', '0.25', '0.00000001'), fc.constantFrom('0', '1e-20', '-1e-20', '1e-13', '-1e-13'), (lots, priceTicks, stepText, nudge) => {
        const price = new Money(priceTicks).div(10_000);
        const step = new Money(stepText);
        const onBoundary = step.mul(lots).mul(price);
        const expected = nudge.startsWith('-') ? lots - 1 : lots;
        expect(affordableUnits(onBoundary.mul(new Money(1).add(nudge)), price, step).eq(step.mul(expected))).toBe(true);
      }),
      { numRuns: 1000, seed: 12 },
    );
  });

  it('counts steps as a float integer up to 1e15 and as a BigInt beyond', () => {
    expect(affordableSteps(new Money(0), 1, new Money(1))).toBe(0);
    expect(affordableSteps(new Money('1000000000000000'), 1, new Money(1)), 'exactly 1e15').toBe(1e15);
    expect(affordableSteps(new Money('100000000000000000001'), 1, new Money(1))).toBe(100000000000000000001n);
    expect(affordableSteps(1_000, 0.1, new Money('0.01')), 'a float value and price read as their decimals: 1000 / 0.1 / 0.01').toBe(1_000_000);
  });

  it('handles exact boundaries that floats get wrong', () => {
    expect(affordableUnits(new Money('944'), new Money('1'), new Money('1')).toFixed()).toBe('944');
    expect(affordableUnits(new Money('0.3'), new Money('0.1'), new Money('1')).toFixed(), '0.3 / 0.1 is exactly 3, though not in floats').toBe('3');
  });
});

describe('toFloat', () => {
  const same = (value: Money): void => expect(Object.is(toFloat(value), value.toNumber()), value.toFixed()).toBe(true);

  it('equals toNumber bit for bit on decimals of any length and scale (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer({ min: -40, max: 40 }), (digits, exponent) => {
        same(new Money(digits.toString()).mul(new Money(10).pow(exponent)));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('equals toNumber on ledger-like products and sums (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 8 }), fc.double({ min: -1e7, max: 1e7, noNaN: true }), (priceTicks, lots, cash) => {
        const notional = new Money(priceTicks).div(10_000).mul(new Money(lots).div(10 ** 8));
        same(notional);
        same(new Money(cash).sub(notional));
      }),
      { numRuns: 3000, seed: 6 },
    );
  });

  it('keeps the sign of zero and the special values', () => {
    for (const text of ['0', '-0', 'NaN', 'Infinity', '-Infinity', '1e-400', '9007199254740993', '0.1', '-123.456']) same(new Money(text));
  });
});

describe('roughFloat', () => {
  it('is within 1e-13 of the exact value, however long the decimal (property)', () => {
    fc.assert(
      // down to 1e-330: below about 1e-300 the float path would divide by an infinite power of ten
      fc.property(fc.bigInt({ min: -(10n ** 38n), max: 10n ** 38n }), fc.integer({ min: -330, max: 250 }), (digits, exponent) => {
        const value = new Money(digits.toString()).mul(new Money(10).pow(exponent));
        expect(Math.abs(roughFloat(value) - value.toNumber())).toBeLessThanOrEqual(Math.abs(value.toNumber()) * 1e-13);
      }),
      { numRuns: 3000, seed: 14 },
    );
  });
});

describe('exceeds', () => {
  it('equals the decimal comparison with the float read as a decimal (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom('0', '1e-30', '-1e-30', '1e-17', '-1e-17', '1e-9'), (limit, nudge) => {
        const value = new Money(limit).add(nudge);
        expect(exceeds(value, limit)).toBe(value.gt(new Money(limit)));
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});
