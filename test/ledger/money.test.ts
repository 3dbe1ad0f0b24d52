import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affordableUnits, Money, roundDownToStep } from '../../src/ledger/index.js';

describe('roundDownToStep', () => {
  it('truncates to power-of-ten steps and divides for any other step', () => {
    expect(roundDownToStep(new Money('944.51'), new Money('1')).toFixed()).toBe('944');
    expect(roundDownToStep(new Money('0.14666666'), new Money('0.0001')).toFixed()).toBe('0.1466');
    expect(roundDownToStep(new Money('7.9'), new Money('0.25')).toFixed()).toBe('7.75');
    expect(roundDownToStep(new Money('23'), new Money('5')).toFixed()).toBe('20');
    expect(roundDownToStep(new Money('-1.27'), new Money('0.1')).toFixed(), 'toward zero').toBe('-1.2');
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

  it('handles exact boundaries that floats get wrong', () => {
    expect(affordableUnits(new Money('944'), new Money('1'), new Money('1')).toFixed()).toBe('944');
    expect(affordableUnits(new Money('0.3'), new Money('0.1'), new Money('1')).toFixed(), '0.3 / 0.1 is exactly 3, though not in floats').toBe('3');
  });
});
