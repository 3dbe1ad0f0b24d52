import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseInterval, parseTimestamp } from '../../src/data/timestamp.js';

describe('parseTimestamp', () => {
  it('reads a bare date as 00:00 UTC', () => {
    expect(parseTimestamp('2001-02-03')).toBe(Date.UTC(2001, 1, 3));
  });

  it('reads a time without offset as UTC, and applies offsets', () => {
    expect(parseTimestamp('2001-02-03T04:05:06')).toBe(Date.UTC(2001, 1, 3, 4, 5, 6));
    expect(parseTimestamp('2001-02-03 04:05')).toBe(Date.UTC(2001, 1, 3, 4, 5));
    expect(parseTimestamp('2001-02-03T04:05:06.250Z')).toBe(Date.UTC(2001, 1, 3, 4, 5, 6, 250));
    expect(parseTimestamp('2001-02-03T04:05:06+02:00'), '+02:00 is two hours before UTC').toBe(Date.UTC(2001, 1, 3, 2, 5, 6));
    expect(parseTimestamp('2001-02-03T04:05:06-0130')).toBe(Date.UTC(2001, 1, 3, 5, 35, 6));
  });

  it('tells epoch seconds, milliseconds and microseconds apart by magnitude', () => {
    const ms = Date.UTC(2023, 10, 14, 22, 13, 20); // 1700000000 s
    expect(parseTimestamp('1700000000')).toBe(ms);
    expect(parseTimestamp('1700000000000')).toBe(ms);
    expect(parseTimestamp('1700000000000000')).toBe(ms);
  });

  it('rejects impossible dates and garbage with NaN', () => {
    for (const text of ['2001-02-30', '2001-13-01', '2001-02-03T25:00', 'yesterday', '', '2001-02-03X', '12a']) {
      expect(parseTimestamp(text), text).toBeNaN();
    }
  });

  it('formats as toISOString does (milliseconds only when present), across days, years and the fast path\'s edges', () => {
    const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
    const edges = [0, 999, 1000, -1000, -1, 86_399_000, 86_400_000, Date.UTC(2020, 1, 29, 23, 59, 59), Date.UTC(9999, 11, 31, 23, 59, 59), Date.UTC(10000, 0, 1), Date.UTC(1969, 11, 31, 23, 59, 59)];
    const random = mulberry(7);
    const samples = Array.from({ length: 5_000 }, () => Math.floor(random() * 4e12) * (random() < 0.8 ? 1000 : 1) - (random() < 0.1 ? 2e15 : 0));
    // repeated days, as a curve writes them, and a day left and come back to
    const sameDay = [Date.UTC(2021, 4, 5, 1), Date.UTC(2021, 4, 5, 13, 7, 9), Date.UTC(2021, 4, 6), Date.UTC(2021, 4, 5, 23, 0, 1)];
    for (const ms of [...edges, ...samples, ...sameDay]) expect(formatTimestamp(ms), String(ms)).toBe(iso(ms));
    expect(formatTimestamp(Date.UTC(2021, 4, 5, 13, 7, 9))).toBe('2021-05-05T13:07:09Z');
  });

  it('round-trips through formatTimestamp', () => {
    expect(formatTimestamp(parseTimestamp('2000-09-27'))).toBe('2000-09-27T00:00:00Z');
    expect(formatTimestamp(parseTimestamp('2000-09-27T01:02:03.004Z'))).toBe('2000-09-27T01:02:03.004Z');
  });
});

describe('parseInterval', () => {
  it('reads units and refuses nonsense', () => {
    expect(parseInterval('5m')).toBe(300_000);
    expect(parseInterval('1h')).toBe(3_600_000);
    expect(parseInterval('1d')).toBe(86_400_000);
    expect(parseInterval('0m')).toBeNaN();
    expect(parseInterval('m5')).toBeNaN();
  });
});

/** A small seeded generator, so that the sample is the same on every run. */
function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
