import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, roundDownToStep } from '../../src/ledger/index.js';

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
