/** Rate files (`timestamp,rate`): read, checked row by row, and looked up without look-ahead. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRateSeries, type RateBounds } from '../../src/data/rateSeries.js';
import { hasRate, rateAt, rateText } from '../../src/data/rates.js';
import { DataError } from '../../src/errors.js';
import { tempDir, tempFile } from '../helpers.js';

const CASH: RateBounds = { min: 0, minInclusive: true, max: 1 };
const RISK_FREE: RateBounds = { min: -1, minInclusive: false, max: 1 };
const DAY = 86_400_000;

const read = (text: string, bounds = CASH) => readRateSeries(tempFile('rates.csv', text), 'rates.csv', 'rates.csv', bounds);

function failure(text: string, bounds = CASH): DataError {
  try {
    read(text, bounds);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('read without an error');
}

describe('a rate file', () => {
  it('holds each row from its time, in any column order, with a BOM and blank lines', () => {
    const series = read('\uFEFFrate,timestamp\n0.05,2020-01-01\n\n0.02,2020-03-01T12:00:00Z\n');
    expect(series).toEqual({ source: 'rates.csv', time: [Date.UTC(2020, 0, 1), Date.UTC(2020, 2, 1, 12)], rate: [0.05, 0.02] });
    expect(rateAt(series, Date.UTC(2019, 11, 31, 23, 59, 59, 999)), 'before the first row: none known yet').toBe(0);
    expect(rateAt(series, Date.UTC(2020, 0, 1))).toBe(0.05);
    expect(rateAt(series, Date.UTC(2020, 2, 1, 11, 59))).toBe(0.05);
    expect(rateAt(series, Date.UTC(2020, 2, 1, 12))).toBe(0.02);
    expect(rateAt(series, Date.UTC(2030, 0, 1))).toBe(0.02);
    expect(rateAt(0.03, 0)).toBe(0.03);
    expect([hasRate(0), hasRate(0.01), hasRate(series), rateText(0.01), rateText(series)]).toEqual([false, true, true, 0.01, 'rates.csv']);
  });

  it('names the file, line, column and value of what is wrong', () => {
    expect(failure('timestamp,rate\n2020-01-01,0.05\n2020-13-45,0.04\n').message).toBe('rates.csv:3: column "timestamp" is "2020-13-45", not a timestamp (ISO 8601 or epoch)');
    expect(failure('timestamp,rate\n2020-01-02,0.05\n2020-01-02,0.04\n').message).toBe('rates.csv:3: column "timestamp" is 2020-01-02, not after the row before it (times must strictly increase)');
    expect(failure('timestamp,rate\n2020-01-02,5\n').message).toBe('rates.csv:2: column "rate" is "5", not an annual rate in [0, 1] (a fraction: 0.05 for 5 %)');
    expect(failure('timestamp,rate\n2020-01-02,-0.01\n').line).toBe(2);
    expect(failure('timestamp,rate\n2020-01-02,-1\n', RISK_FREE).message).toBe('rates.csv:2: column "rate" is "-1", not an annual rate in (-1, 1] (a fraction: 0.05 for 5 %)');
    expect(read('timestamp,rate\n2020-01-02,-0.005\n', RISK_FREE).rate).toEqual([-0.005]);
    expect(failure('timestamp,rate\n2020-01-02,\n').column).toBe('rate');
    expect(failure('time,rate\n2020-01-02,0.01\n').message).toBe('rates.csv:1: missing column "timestamp" (the header has: time, rate)');
    expect(failure('timestamp,rate\n').message).toBe('rates.csv: no rates (a header and no rows)');
    expect(failure('').message).toMatch(/^rates\.csv: empty file/);
    expect(() => readRateSeries(join(tempDir(), 'none.csv'), 'none.csv', 'none.csv', CASH)).toThrow(/none\.csv: file not found/);
  });

  it('is read once while the file is unchanged, and again when it changes', () => {
    const path = tempFile('cash.csv', 'timestamp,rate\n2020-01-01,0.05\n');
    const first = readRateSeries(path, 'cash.csv', 'cash.csv', CASH);
    expect(readRateSeries(path, 'cash.csv', 'cash.csv', CASH)).toBe(first);
    writeFileSync(path, 'timestamp,rate\n2020-01-01,0.05\n2021-01-01,0.01\n');
    const second = readRateSeries(path, 'cash.csv', 'cash.csv', CASH);
    expect(second.rate).toEqual([0.05, 0.01]);
    expect(rateAt(second, 400 * DAY * 50)).toBe(0.01);
  });
});
