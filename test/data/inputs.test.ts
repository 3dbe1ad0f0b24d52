/** Inputs read as what they say: decimal numbers only, real UTC offsets, and short messages. */
import { describe, expect, it } from 'vitest';
import { loadBarsCsv } from '../../src/data/loadBars.js';
import { parseTimestamp } from '../../src/data/timestamp.js';
import { DataError } from '../../src/errors.js';
import { barsSource, tempFile } from '../helpers.js';

const HEADER = 'timestamp,open,high,low,close,volume';
const loadError = (rows: string[]): Promise<DataError> => loadBarsCsv(barsSource(tempFile('bars.csv', `${rows.join('\n')}\n`))).then(() => {
  throw new Error('loaded');
}, (e: unknown) => e as DataError);

describe('numbers and offsets', () => {
  it('reads decimal numbers only: 0x10 and 0b11 are errors, not 16 and 3', async () => {
    expect((await loadError([HEADER, '2020-01-01,1,2,0.5,0x10,5'])).message).toBe('bars.csv:2: column "close" is "0x10", not a decimal number');
    expect((await loadError([HEADER, '2020-01-01,1,2,0.5,1,0b11'])).message).toBe('bars.csv:2: column "volume" is "0b11", not a decimal number');
    const fine = await loadBarsCsv(barsSource(tempFile('bars.csv', `${HEADER}\n2020-01-01,1.5e0,2,.5,1,5\n`)));
    expect([fine.series.open[0], fine.series.low[0]]).toEqual([1.5, 0.5]);
  });

  it('accepts UTC offsets up to +-14:00 with minutes 00-59', () => {
    expect(parseTimestamp('2020-01-01T00:00:00+05:30')).toBe(Date.UTC(2019, 11, 31, 18, 30));
    expect(parseTimestamp('2020-01-01T00:00:00+14:00')).toBe(Date.UTC(2019, 11, 31, 10));
    for (const bad of ['2020-01-01T00:00:00+05:75', '2020-01-01T00:00:00+15:00', '2020-01-01T00:00:00-0960']) expect(parseTimestamp(bad), bad).toBeNaN();
  });
});

describe('messages', () => {
  it('show at most 200 characters of a field, escaped, and say how long it was', async () => {
    const huge = '9'.repeat(50_000);
    const error = await loadError([HEADER, `2020-01-01,1,2,0.5,${huge}x,5`]);
    expect(error.message.length, 'not 50 KB of stderr').toBeLessThan(320);
    expect(error.message).toMatch(/^bars\.csv:2: column "close" is "9{200}\.\.\. \(50001 characters\)", not a decimal number$/);
    const control = await loadError([HEADER, '2020-01-01,1,2,0.5,1\u001b[31m,5']);
    expect(control.message, 'terminal escapes are shown escaped').toContain('\\u001b[31m');
  });

  it('show at most 200 characters of a header', async () => {
    const header = Array.from({ length: 100 }, (_, i) => `column_${i}`).join(',');
    const error = await loadError([header, '1,2,3']);
    expect(error.message).toMatch(/missing column "timestamp" \(the header has: column_0, column_1, .*\.\.\. \(\d+ characters\)\)$/);
    expect(error.message.length).toBeLessThan(320);
  });
});

describe('a row with more fields than its header', () => {
  it('is an error naming file, line and the extra value, with the likely cause: a decimal comma', async () => {
    const close = (rows: string[]) => loadBarsCsv(barsSource(tempFile('dax.csv', `${rows.join('\n')}\n`), { kind: 'close', displayPath: 'dax.csv' }));
    const error = await close(['timestamp,close', '1991-08-08T00:00:00Z,1630', '1991-08-09T00:00:00Z,1633,47']).then(() => undefined, (e: unknown) => e as DataError);
    expect(error?.message).toBe('dax.csv:3: column "extra field 3" is "47", but the header has 2 columns: a decimal comma (1633,47 for 1633.47) or a delimiter other than "," splits a value; use "." for decimals or quote the field');
    // skip mode skips and counts it
    const skipped = await loadBarsCsv(barsSource(tempFile('dax.csv', 'timestamp,close\n1991-08-08T00:00:00Z,1630\n1991-08-09T00:00:00Z,1633,47\n1991-08-12T00:00:00Z,1640\n'), { kind: 'close', onBadRow: 'skip', displayPath: 'dax.csv' }));
    expect([skipped.series.length, skipped.skipped.count]).toEqual([2, 1]);
    // empty trailing fields, as some spreadsheets write them, are not extra values
    const trailing = await close(['timestamp,close', '1991-08-08T00:00:00Z,1630,', '1991-08-09T00:00:00Z,1633,,']);
    expect(Array.from(trailing.series.close)).toEqual([1630, 1633]);
  });

  it('is refused in trades and signals files too', async () => {
    const { loadTradesCsv } = await import('../../src/data/loadTrades.js');
    const { loadSignalsCsv } = await import('../../src/data/loadSignals.js');
    const trades = tempFile('trades.csv', 'timestamp,price,size\n2020-01-01T00:00:00Z,10,1\n2020-01-01T00:00:01Z,10,5,5\n');
    await expect(loadTradesCsv({ ...barsSource(trades, { kind: 'trades', barInterval: '1m', displayPath: 'trades.csv' }) })).rejects.toThrow('trades.csv:3: column "extra field 4" is "5", but the header has 3 columns');
    const signals = tempFile('signals.csv', 'timestamp,symbol,side,confidence,stop_loss_pct\n2020-01-01T00:00:00Z,A,buy,0,5,0.02\n');
    await expect(loadSignalsCsv(signals, 'signals.csv', 'error')).rejects.toThrow('signals.csv:2: column "extra field 6" is "0.02", but the header has 5 columns');
  });
});

describe('CSV errors located where they are', () => {
  const header = 'timestamp,open,high,low,close,volume';
  const error = (text: string): Promise<string> => loadBarsCsv(barsSource(tempFile('bars.csv', text), { displayPath: 'bars.csv' })).then(() => 'loaded', (e: unknown) => (e as Error).message);

  it('an unclosed quote at the row it opens in, with its column, not at the end of the file', async () => {
    expect(await error(`${header}\n2020-01-01,1,2,0.5,1,5\n2020-01-02,"1,2,0.5,1,5\n2020-01-03,1,2,0.5,1,5\n2020-01-04,1,2,0.5,1,5\n`)).toBe('bars.csv:3: column "open": a quote opens a value here and is never closed, so the rest of the file would be one value; close the quote or remove it');
  });

  it('a character after a closing quote by its column name, not a field index', async () => {
    expect(await error(`${header}\n2020-01-01,1,2,0.5,1,5\n2020-01-02,1,2,0.5,"1"x,5\n`)).toBe('bars.csv:3: column "close": a quoted value is followed by "x" before the next comma; quote the whole value or remove the quotes');
  });

  it('a bad value in a record that spans lines at the line the record starts on', async () => {
    expect(await error(`${header}\n2020-01-01,1,2,0.5,1,5\n2020-01-02,1,"2\n\n",0.5,abc,5\n2020-01-03,1,2,0.5,1,5\n`)).toBe('bars.csv:3: column "close" is "abc", not a decimal number');
  });

  it('a row missing a middle field as a row with too few fields, not an empty volume', async () => {
    expect(await error(`${header}\n2020-01-01,1,2,0.5,1,5\n2020-01-02,1,0.5,1,5\n`)).toBe('bars.csv:3: the row has 5 fields where the header has 6: a field is missing, so the values after it would sit in the wrong columns; add the missing field (empty if unknown)');
    const skipped = await loadBarsCsv(barsSource(tempFile('bars.csv', `${header}\n2020-01-01,1,2,0.5,1,5\n2020-01-02,1,0.5,1,5\n2020-01-03,1,2,0.5,1,5\n`), { displayPath: 'bars.csv', onBadRow: 'skip' }));
    expect([skipped.series.length, skipped.skipped.count, skipped.skipped.listed[0]?.line]).toEqual([2, 1, 3]);
  });
});
