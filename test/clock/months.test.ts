import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthIndexOf, monthStartOf, monthText, startOfNextMonth } from '../../src/clock/index.js';

// 1600-01-01 to 2400-12-31 UTC: both sides of 1970, three century non-leap years and two 400-year leap years
const INSTANT = fc.integer({ min: Date.UTC(1600, 0, 1), max: Date.UTC(2400, 11, 31, 23, 59, 59, 999) });

describe('months as integers', () => {
  it('agree with Date for any instant: index, start of the month and of the next, text', () => {
    fc.assert(
      fc.property(INSTANT, (ms) => {
        const date = new Date(ms);
        const index = monthIndexOf(ms);
        expect(index).toBe(date.getUTCFullYear() * 12 + date.getUTCMonth());
        expect(monthStartOf(index)).toBe(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
        expect(startOfNextMonth(ms)).toBe(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
        expect(monthText(index)).toBe(date.toISOString().slice(0, 7));
      }),
      { numRuns: 2000 },
    );
  });

  it('place the edges of a month exactly: its first and last millisecond, leap days and the turn of a century', () => {
    const cases: [number, string][] = [
      [Date.UTC(2000, 1, 29, 23, 59, 59, 999), '2000-02'],
      [Date.UTC(2000, 2, 1), '2000-03'],
      [Date.UTC(1900, 1, 28, 12), '1900-02'],
      [Date.UTC(1900, 2, 1) - 1, '1900-02'],
      [Date.UTC(1969, 11, 31, 23, 59, 59, 999), '1969-12'],
      [0, '1970-01'],
      [Date.UTC(2024, 11, 31, 23, 59, 59, 999), '2024-12'],
    ];
    for (const [ms, text] of cases) expect(monthText(monthIndexOf(ms)), new Date(ms).toISOString()).toBe(text);
    expect(startOfNextMonth(Date.UTC(2023, 11, 15))).toBe(Date.UTC(2024, 0, 1));
    expect(monthStartOf(monthIndexOf(Date.UTC(1999, 11, 31)) + 2)).toBe(Date.UTC(2000, 1, 1));
  });
});
