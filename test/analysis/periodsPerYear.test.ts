/**
 * Trading days a year from the bars: a bar outside its market's week means a 24/7 market (365);
 * else 252 for a five-day week and in proportion for the longest week the sources trade.
 */
import { describe, expect, it } from 'vitest';
import { detectPeriodsPerYear } from '../../src/analysis/metrics.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
// 2024-06-02 was a Sunday
const [SUN, MON, THU, FRI, SAT] = ['2024-06-02', '2024-06-03', '2024-06-06', '2024-06-07', '2024-06-08'].map(day) as [number, number, number, number, number];
const times = (...ms: number[]): Float64Array => Float64Array.from(ms);
const SUN_TO_THU = [0, 1, 2, 3, 4];

describe('detectPeriodsPerYear', () => {
  it('Monday to Friday by default: 252, and 365 once a bar falls on a weekend', () => {
    expect(detectPeriodsPerYear([times(MON, THU, FRI)])).toBe(252);
    expect(detectPeriodsPerYear([times(MON, SAT)])).toBe(365);
    expect(detectPeriodsPerYear([times(SUN, MON)])).toBe(365);
    expect(detectPeriodsPerYear([times(MON), times(MON, SAT)]), 'any source').toBe(365);
    expect(detectPeriodsPerYear([])).toBe(252);
  });

  it("a source's own week: Sunday bars of a Sunday-to-Thursday market are trading days", () => {
    expect(detectPeriodsPerYear([times(SUN, MON, THU)], [SUN_TO_THU])).toBe(252);
    expect(detectPeriodsPerYear([times(SUN, FRI)], [SUN_TO_THU]), 'a Friday is outside it').toBe(365);
    expect(detectPeriodsPerYear([times(MON, FRI), times(SUN, THU)], [undefined, SUN_TO_THU])).toBe(252);
    expect(detectPeriodsPerYear([times(MON, SAT)], [[1, 2, 3, 4, 5, 6]]), 'six days').toBe(302);
    expect(detectPeriodsPerYear([times(MON, THU)], [[1, 2, 3, 4]]), 'four days').toBe(202);
    expect(detectPeriodsPerYear([times(MON), times(MON)], [[1, 2, 3, 4], [1, 2, 3, 4, 5, 6]]), 'the longest week').toBe(302);
  });
});
