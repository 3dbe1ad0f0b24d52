/**
 * The two-thread cold load must equal the sequential loader exactly: same columns, same error
 * text and line, including errors in the second half and at the cut. Files here are ~200 KB;
 * the size threshold is lowered to 0 for the test.
 */
import { describe, expect, it } from 'vitest';
import { loadBarsCsv } from '../../src/data/loadBars.js';
import { loadBarsInParallel } from '../../src/data/parallelLoad.js';
import { DataError } from '../../src/errors.js';
import { barsSource, tempFile } from '../helpers.js';

const ROWS = 5000;
function rows(): string[] {
  return Array.from({ length: ROWS }, (_, i) => `${new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString()},${100 + (i % 7)},${110 + (i % 7)},${90 + (i % 7)},${101 + (i % 7)},${i}`);
}
const HEADER = 'timestamp,open,high,low,close,volume';

async function both(lines: string[]) {
  const path = tempFile('big.csv', `${lines.join('\n')}\n`);
  const settle = (p: Promise<unknown>) => p.then((value) => ({ value }), (error: unknown) => ({ error }));
  return { sequential: await settle(loadBarsCsv(barsSource(path))), parallel: await settle(loadBarsInParallel(barsSource(path), 0)) };
}

describe('parallel cold load', () => {
  it('returns exactly the sequential columns', async () => {
    const { sequential, parallel } = await both([HEADER, ...rows()]);
    const [a, b] = [(sequential as any).value.series, (parallel as any).value.series];
    expect(b.length).toBe(ROWS);
    for (const column of ['time', 'open', 'high', 'low', 'close', 'volume']) expect(Array.from(b[column]), column).toEqual(Array.from(a[column]));
    expect(b.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('names the same line for a bad row in the second half, empty lines counted', async () => {
    const lines = [HEADER, ...rows()];
    lines.splice(3000, 0, ''); // an empty line before the bad row shifts its line number
    lines[4500] = lines[4500]?.replace(/,\d+$/, ',-5') ?? '';
    const { sequential, parallel } = await both(lines);
    const [a, b] = [(sequential as any).error as DataError, (parallel as any).error as DataError];
    expect(a).toBeInstanceOf(DataError);
    expect(b.message).toBe(a.message);
    expect(b.line).toBe(4501);
  });

  it('names the first line of the second half when time goes backwards across the cut', async () => {
    const lines = [HEADER, ...rows()];
    const size = lines.join('\n').length;
    let at = 0;
    let index = 0;
    while (at < size / 2) at += (lines[index++] as string).length + 1;
    lines[index] = lines[index]?.replace(/^[^,]+/, '2019-06-01T00:00:00.000Z') ?? ''; // first row after the cut
    const { sequential, parallel } = await both(lines);
    expect(((parallel as any).error as DataError).message).toBe(((sequential as any).error as DataError).message);
  });

  it('declines a file with quotes, so the sequential loader handles it', async () => {
    const lines = [HEADER, ...rows()];
    lines[4000] = `"${lines[4000]?.split(',')[0]}",1,2,0.5,1.5,3`;
    expect((await both(lines)).parallel).toEqual({ value: undefined });
  });
});
