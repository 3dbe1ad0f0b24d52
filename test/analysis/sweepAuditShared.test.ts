/**
 * Variants that share their days and months take a path without a map per variant
 * (sharedKeys): its matrix must be the general path's, and the written returns the same text.
 */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { auditSweep, returnText, sharedKeys, type AuditedVariant } from '../../src/analysis/sweepAudit.js';
import type { AuditSeries } from '../../src/parallel/task.js';

const DAY0 = 10_000;

function variant(id: number, returnsE8: (number | null)[], firstDay = DAY0, months: string[] = [], returnMet: (0 | 1 | null)[] = []): AuditedVariant {
  const series: AuditSeries = { dayGaps: returnsE8.map((_, i) => (i === 0 ? firstDay : 1)), returnsE8, months, returnMet, incomeMet: months.map(() => null) };
  return { id, series };
}

const noiseE8 = (count: number, seed: string): number[] => {
  const random = seedrandom(seed);
  return Array.from({ length: count }, () => Math.round((random() - 0.5) * 2e6));
};

/** The text as the first version wrote it, with a regular expression: the reference for the loop that replaced it. */
function referenceReturnText(units: number | null | undefined): string {
  if (units === null || units === undefined) return '';
  const digits = String(Math.abs(units)).padStart(9, '0');
  const text = `${digits.slice(0, -8)}.${digits.slice(-8)}`.replace(/\.?0+$/, '');
  return units < 0 && text !== '0' ? `-${text}` : text;
}

describe('shared keys', () => {
  it('are the one list when every list is it, strictly increasing; otherwise none', () => {
    const days = [3, 4, 7];
    expect(sharedKeys([days, [3, 4, 7], [3, 4, 7]])).toBe(days);
    expect(sharedKeys([['1991-07', '1991-08'], ['1991-07', '1991-08']])).toEqual(['1991-07', '1991-08']);
    expect(sharedKeys([days, [3, 4]])).toBeUndefined();
    expect(sharedKeys([days, [3, 5, 7]])).toBeUndefined();
    expect(sharedKeys([[3, 3, 7], [3, 3, 7]]), 'a repeated key: the maps keep one').toBeUndefined();
    expect(sharedKeys([[4, 3], [4, 3]])).toBeUndefined();
    expect(sharedKeys([])).toBeUndefined();
    expect(sharedKeys([[]])).toEqual([]);
  });
});

describe('the audit of variants that share their days', () => {
  it('equals the audit of the same variants when one of them has an extra day the others lack', () => {
    const withGap: (number | null)[] = noiseE8(200, 'b');
    withGap[17] = null; // a day one variant could not value: left out of both
    const returns = [noiseE8(200, 'a'), withGap, noiseE8(200, 'c')];
    const months = Array.from({ length: 24 }, (_, i) => `${1997 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const met = (seed: string): (0 | 1)[] => months.map((_, i) => ((seed.charCodeAt(0) + i * 7) % 3 === 0 ? 1 : 0));
    const shared = returns.map((r, c) => variant(c, r, DAY0, months, met(String.fromCharCode(97 + c))));
    const general = shared.map((v, c) => (c === 2 ? variant(c, [...(returns[c] as number[]), 123_456], DAY0, months, met('c')) : v));
    const a = auditSweep(shared, 1, 'goals.monthsReturnGoalMet');
    const b = auditSweep(general, 1, 'goals.monthsReturnGoalMet');
    if (a === null || b === null) throw new Error('two audits of 3 variants');
    expect(a.days).toBe(199);
    expect(b.notes).toContain('2 days that not every variant has are left out');
    expect({ ...a, notes: [] }).toEqual({ ...b, notes: [], sentence: a.sentence });
    expect(a.goalPbo).not.toBeNull();
  });
});

describe('a return written as text', () => {
  it('is the same text as the regular expression wrote, for any integer of 1e-8 units', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -2e10, max: 2e10 }), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(0, 1e8, -1e8, 1e9, 1e10, -5e7)), (units) => {
        expect(returnText(units)).toBe(referenceReturnText(units));
      }),
      { numRuns: 3000 },
    );
    expect([returnText(null), returnText(undefined)]).toEqual(['', '']);
  });
});
