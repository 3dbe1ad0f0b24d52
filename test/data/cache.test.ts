import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPrices } from '../../src/data/loadPrices.js';
import { barsSource, tempDir, tempFile } from '../helpers.js';

describe('parsed-data cache', () => {
  it('returns exactly what parsing returns, and re-parses when the content changes', async () => {
    const cacheDir = tempDir();
    const path = tempFile('bars.csv', 'timestamp,open,high,low,close,volume\n2020-01-01,10,11,9,10.5,100\n2020-01-02,10.5,12,10,11,200\n');
    const parsed = await loadPrices(barsSource(path), {});
    const first = await loadPrices(barsSource(path), { cacheDir });
    const cached = await loadPrices(barsSource(path), { cacheDir });
    for (const column of ['time', 'open', 'high', 'low', 'close', 'volume'] as const) {
      expect(Array.from(cached.series[column]), column).toEqual(Array.from(parsed.series[column]));
      expect(Array.from(first.series[column]), column).toEqual(Array.from(parsed.series[column]));
    }
    expect(cached.series.buffer).toBeInstanceOf(SharedArrayBuffer);
    writeFileSync(path, 'timestamp,open,high,low,close,volume\n2020-01-01,10,11,9,10.75,100\n');
    const changed = await loadPrices(barsSource(path), { cacheDir });
    expect(changed.series.length, 'a new content hash must miss the cache').toBe(1);
    expect(changed.series.close[0]).toBe(10.75);
  });

  it('keeps the skipped-row summary with the cached data', async () => {
    const cacheDir = tempDir();
    const path = tempFile('bars.csv', 'timestamp,close\n2020-01-01,10\n2020-01-02,-1\n2020-01-03,11\n');
    await loadPrices(barsSource(path, { onBadRow: 'skip' }), { cacheDir });
    const cached = await loadPrices(barsSource(path, { onBadRow: 'skip' }), { cacheDir });
    expect(cached.skipped.count).toBe(1);
    expect(cached.skipped.listed[0]?.line).toBe(3);
  });
});
