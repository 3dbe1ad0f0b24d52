import { describe, expect, it } from 'vitest';
import { loadBarsCsv } from '../../src/data/loadBars.js';
import { DataError } from '../../src/errors.js';
import { barsSource, tempFile } from '../helpers.js';

const HEADER = 'timestamp,open,high,low,close,volume';
const GOOD = ['2020-01-01,10,11,9,10.5,100', '2020-01-02,10.5,12,10,11,200'];

async function loadError(lines: string[]): Promise<DataError> {
  const path = tempFile('bars.csv', `${lines.join('\n')}\n`);
  const error = await loadBarsCsv(barsSource(path)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

describe('loadBarsCsv', () => {
  it('loads OHLCV columns in file order', async () => {
    const path = tempFile('bars.csv', [HEADER, ...GOOD].join('\n'));
    const { series } = await loadBarsCsv(barsSource(path));
    expect(series.length).toBe(2);
    expect(Array.from(series.time)).toEqual([Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 2)]);
    expect(Array.from(series.close)).toEqual([10.5, 11]);
    expect(series.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('reads close-only files as open = high = low = close, volume 0', async () => {
    const path = tempFile('close.csv', 'timestamp,close\n1991-07-01T00:00:00Z,1772.80\n1991-07-02T00:00:00Z,1750.50\n');
    const { series } = await loadBarsCsv(barsSource(path));
    expect(Array.from(series.open)).toEqual([1772.8, 1750.5]);
    expect(Array.from(series.high)).toEqual([1772.8, 1750.5]);
    expect(Array.from(series.volume)).toEqual([0, 0]);
  });

  it('reads the yahoo preset and honours a column mapping to Adj Close', async () => {
    const text = 'Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,10,11,9,10.5,5.25,100\n';
    const plain = await loadBarsCsv(barsSource(tempFile('y.csv', text), { format: 'yahoo' }));
    expect(plain.series.close[0]).toBe(10.5);
    const adjusted = await loadBarsCsv(barsSource(tempFile('y.csv', 'Date,Adj Close\n2020-01-02,5.25\n'), { format: 'yahoo', columns: { close: 'Adj Close' } }));
    expect(adjusted.series.close[0]).toBe(5.25);
  });

  it('stamps binance klines with their close time rounded up to the interval (ms and µs)', async () => {
    // open 2023-11-14T22:13:00Z, close 22:13:59.999 -> stamped 22:14:00
    const ms = '1699999980000,1,2,0.5,1.5,10,1700000039999,0,0,0,0,0\n';
    const us = '1700000040000000,1.5,2,1,1.8,10,1700000099999999,0,0,0,0,0\n';
    const { series } = await loadBarsCsv(barsSource(tempFile('k.csv', ms + us), { format: 'binance', barInterval: '1m' }));
    expect(Array.from(series.time)).toEqual([1700000040000, 1700000100000]);
  });

  it('resamples intraday close-only rows into OHLC bars stamped at the interval end', async () => {
    const text = 'timestamp,close\n2020-01-01T00:01Z,10\n2020-01-01T00:30Z,12\n2020-01-01T01:00Z,9\n2020-01-01T01:01Z,11\n';
    const { series } = await loadBarsCsv(barsSource(tempFile('c.csv', text), { resample: true, barInterval: '1h' }));
    expect(series.length).toBe(2);
    expect([series.open[0], series.high[0], series.low[0], series.close[0]]).toEqual([10, 12, 9, 9]);
    expect(series.time[0]).toBe(Date.UTC(2020, 0, 1, 1));
    expect(series.close[1]).toBe(11);
  });

  describe('names file, line, column and value of a bad row', () => {
    it('a missing column', async () => {
      const error = await loadError(['timestamp,open,high,close,volume', '2020-01-01,10,11,10.5,100']);
      expect(error.message).toBe('bars.csv:1: missing column "low" (the header has: timestamp, open, high, close, volume)');
    });
    it('an empty file', async () => {
      const error = await loadError([]);
      expect(error.message).toBe('bars.csv: empty file (no header row)');
    });
    it('a header without rows', async () => {
      expect((await loadError([HEADER])).message).toBe('bars.csv: no data rows after the header');
    });
    it('a non-numeric value', async () => {
      const error = await loadError([HEADER, GOOD[0] as string, '2020-01-02,10.5,abc,10,11,200']);
      expect(error.message).toBe('bars.csv:3: column "high" is "abc", not a decimal number');
      expect([error.line, error.column, error.value]).toEqual([3, 'high', 'abc']);
    });
    it('high below the close', async () => {
      const error = await loadError([HEADER, '2020-01-01,10,10.2,9,10.5,100']);
      expect(error.message).toBe('bars.csv:2: column "high" is 10.2 but below the close 10.5');
    });
    it('low above the open', async () => {
      const error = await loadError([HEADER, '2020-01-01,10,11,10.2,10.5,100']);
      expect(error.message).toBe('bars.csv:2: column "low" is 10.2 but above the open 10');
    });
    it('time going backwards', async () => {
      const error = await loadError([HEADER, GOOD[1] as string, GOOD[0] as string]);
      expect(error.message).toMatch(/^bars\.csv:3: column "timestamp" is 2020-01-01, not after the previous row's time/);
    });
    it('a repeated timestamp', async () => {
      const error = await loadError([HEADER, GOOD[0] as string, GOOD[0] as string]);
      expect(error.line).toBe(3);
    });
    it('a zero price', async () => {
      const error = await loadError([HEADER, '2020-01-01,0,11,9,10.5,100']);
      expect(error.message).toBe('bars.csv:2: column "open" is 0, but prices must be > 0');
    });
    it('a negative price', async () => {
      const error = await loadError([HEADER, '2020-01-01,10,11,9,-10.5,100']);
      expect(error.message).toBe('bars.csv:2: column "close" is -10.5, but prices must be > 0');
    });
    it('a negative volume', async () => {
      expect((await loadError([HEADER, '2020-01-01,10,11,9,10.5,-1'])).message).toBe('bars.csv:2: column "volume" is -1, but volume must be >= 0');
    });
    it('an unreadable timestamp', async () => {
      const error = await loadError([HEADER, '2020-13-01,10,11,9,10.5,100']);
      expect(error.message).toBe('bars.csv:2: column "timestamp" is "2020-13-01", not a timestamp');
    });
    it('an empty cell', async () => {
      expect((await loadError([HEADER, '2020-01-01,10,11,9,,100'])).message).toBe('bars.csv:2: column "close" is empty, not a number');
    });
    it('a mapped column name in the message', async () => {
      const path = tempFile('bars.csv', 'when,price\n2020-01-01,abc\n');
      const error = await loadBarsCsv(barsSource(path, { columns: { timestamp: 'when', close: 'price' } })).catch((e: unknown) => e as DataError);
      expect((error as DataError).message).toBe('bars.csv:2: column "price" is "abc", not a decimal number');
    });
  });

  it('skip mode counts bad rows, lists the first 20 and keeps the good ones', async () => {
    const bad = Array.from({ length: 25 }, (_, i) => `2021-01-${String(i + 1).padStart(2, '0')},10,9,11,10,1`); // low > high
    const path = tempFile('bars.csv', [HEADER, ...GOOD, ...bad, '2021-02-01,10,11,9,10,1'].join('\n'));
    const { series, skipped } = await loadBarsCsv(barsSource(path, { onBadRow: 'skip' }));
    expect(series.length, 'two good rows before and one after the bad ones').toBe(3);
    expect(skipped.count).toBe(25);
    expect(skipped.listed).toHaveLength(20);
    expect(skipped.listed[0]).toMatchObject({ line: 4, column: 'low' });
  });

  it('loads the shipped MSFT file: 249 real daily bars', async () => {
    const { series } = await loadBarsCsv(barsSource('data/msft-daily-2000-2001.csv'));
    expect(series.length).toBe(249);
    expect(series.open[0]).toBe(63.4375);
  });
});
