/** The parse-time builder keeps every row exactly across its growing chunks. */
import { describe, expect, it } from 'vitest';
import { BarBuilder, allocateBarSeries } from '../../src/data/series.js';

describe('BarBuilder', () => {
  it('keeps rows in order across chunk boundaries (64k, then 128k rows...) and copies them at an offset', () => {
    const builder = new BarBuilder();
    const rows = 200_001; // crosses the first two chunks and ends inside the third
    for (let i = 0; i < rows; i++) builder.push(i, i + 0.25, i + 0.5, i - 0.5, i + 0.125, i % 7);
    const series = builder.build('T');
    expect(series.length).toBe(rows);
    for (const i of [0, 65_535, 65_536, 196_607, 196_608, rows - 1]) {
      expect([series.time[i], series.open[i], series.high[i], series.low[i], series.close[i], series.volume[i]]).toEqual([i, i + 0.25, i + 0.5, i - 0.5, i + 0.125, i % 7]);
    }
    const again = new BarBuilder();
    for (let i = 0; i < 3; i++) again.push(i, 1, 1, 1, 1, 0);
    const target = allocateBarSeries('T', 5);
    again.copyInto(target, 2);
    expect(Array.from(target.time)).toEqual([0, 0, 0, 1, 2]);
  });
});
