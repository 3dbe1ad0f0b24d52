import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECIMAL_NUMBER } from '../../src/numeric/decimalText.js';
import { csvLine, formatFloat } from '../../src/numeric/format.js';

/** The rule as the README words it: rounded to 10 significant digits, then the float's own text. */
function byTheRule(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toPrecision(10));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

describe('formatFloat', () => {
  it('writes what rounding to 10 digits and printing the float would, for any double', () => {
    fc.assert(fc.property(fc.double(), (value) => formatFloat(value) === byTheRule(value)), { numRuns: 20_000 });
  });

  it('agrees at the layout edges: 21 integer digits, 6 leading zeros, rounding up to a new digit, exact tens', () => {
    const edges = [1e21, 9.9999999999e20, 1e20, 123456789012345680000, 1e-6, 1e-7, 9.99999999999e-7, 1.5e-7, 0.000001234, 99999.99999, 9999999999.5, 0.1 + 0.2, 100, 1e10, 1.2e10, 5e-324, 1e-300, 1e-291, 1.7976931348623157e308, 1e300, 0, -0, -1e-5, -123.456, 1, -1];
    for (const value of edges) {
      expect(formatFloat(value), String(value)).toBe(byTheRule(value));
      expect(formatFloat(-value), String(-value)).toBe(byTheRule(-value));
    }
    // magnitudes over the whole normal range, as cells of equity, ratios and drawdowns take them
    fc.assert(fc.property(fc.integer({ min: -300, max: 300 }), fc.double({ min: 1, max: 10, noNaN: true }), (exponent, mantissa) => formatFloat(mantissa * 10 ** exponent) === byTheRule(mantissa * 10 ** exponent)), { numRuns: 20_000 });
  });

  it('writes nothing for a missing or non-finite value', () => {
    expect([null, undefined, NaN, Infinity, -Infinity].map(formatFloat)).toEqual(['', '', '', '', '']);
    expect(formatFloat(99991.29356861999)).toBe('99991.29357');
  });
});

/** A CSV line by OWASP's rule and RFC 4180's quoting, as plainly as it can be written. */
function lineByTheRule(cells: readonly string[]): string {
  const escape = (cell: string): string => {
    const safe = /^[=+\-@\t\r]/.test(cell) && !DECIMAL_NUMBER.test(cell) ? `'${cell}` : cell;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `${cells.map(escape).join(',')}\n`;
}

describe('csvLine', () => {
  it('quotes and neutralises cells as the rule does, for any cells', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('=HYPERLINK("x")', '-0.5', '-1e-7', '+3', '@SUM(A1)', '\tx', '\r', 'a,b', 'say "hi"', '', '-', '1.5e+21'));
    fc.assert(fc.property(fc.array(cell, { maxLength: 8 }), (cells) => csvLine(cells) === lineByTheRule(cells)), { numRuns: 20_000 });
    expect(csvLine(['=1+1', '-2.5', 'a"b'])).toBe(`'=1+1,-2.5,"a""b"\n`);
  });
});
