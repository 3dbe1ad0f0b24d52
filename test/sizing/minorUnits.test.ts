/**
 * The calculator's money figures are amounts in the currency's minor unit, not the engines'
 * doubles: the pipeline's default stages size 100,000 of equity at confidence 0.8 to 3,800,
 * which the doubles give as 3800.0000000000005, and 100,000 x 2 % over a 3 % stop is 66,666.666...
 */
import { describe, expect, it } from 'vitest';
import { size } from '../../src/api.js';

const REQUEST = { engine: 'pipeline', equity: '100000', price: '100', stopLossPct: 0.02, confidence: 0.8 };
/** A minor unit finer than a double's digits: the engine's figure as it is. */
const UNROUNDED = '0.00000000000000001';

describe('size(): money in minor units', () => {
  it('gives 3800 where the double product is 3800.0000000000005', () => {
    expect(size({ ...REQUEST, minorUnit: UNROUNDED }).finalValue, 'the float noise this guards against').toBe(3800.0000000000005);
    const d = size(REQUEST);
    expect([d.finalValue, new Set(d.stages.map((s) => s.value))]).toEqual([3800, new Set([3800])]);
  });

  it('rounds half up to the cent by default, and to the minor unit given', () => {
    // fixed-risk: 2 % of 100,000 = 2,000 at risk over a 3 % stop = 66,666.666... -> 66,666.67
    const request = { engine: 'fixed-risk', equity: '100000', price: '10', stopLossPct: 0.03 };
    expect(size(request).finalValue).toBe(66_666.67);
    expect(size({ ...request, minorUnit: '1' }).finalValue).toBe(66_667);
    expect(size({ ...request, minorUnit: '0.0001' }).finalValue).toBe(66_666.6667);
    expect(size(request).riskAmount).toBe(2000);
    // the quantity is not money: it is the engine's, whatever the minor unit
    expect(size(request).units.toFixed()).toBe(size({ ...request, minorUnit: UNROUNDED }).units.toFixed());
  });

  it('keeps the reasoning, and the quantity, of the engine', () => {
    const d = size(REQUEST);
    expect(d.reasoning).toBe(size({ ...REQUEST, minorUnit: UNROUNDED }).reasoning);
    expect(d.reasoning).toContain('Final 3800.00 (3.8% of equity): 38 units.');
    expect(() => size({ ...REQUEST, minorUnit: '0.05' })).toThrow('minorUnit: must be a power of ten');
  });
});
