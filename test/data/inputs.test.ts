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
