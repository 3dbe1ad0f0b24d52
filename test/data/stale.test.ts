/**
 * Stale bars: the shipped European index files fill their holidays with the previous close
 * (counted here from the CSV text, independently of the loader); a Gulf-like file on a
 * Monday-to-Friday grid repeats Thursday's close on Fridays. Both are counted, reported, and
 * dropped on request; a flat day that traded (volume or range) is not stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPriceSource } from '../../src/data/loadPrices.js';
import type { PriceSourceOptions } from '../../src/data/source.js';
import { goalsim, tempDir } from '../helpers.js';

const source = (path: string, over: Partial<PriceSourceOptions> = {}): PriceSourceOptions => ({ symbol: 'X', path, displayPath: path, format: 'generic', kind: 'close', onBadRow: 'error', ...over });

/** Rows whose close text equals the previous row's: the files' holiday fillers. */
function repeatedCloses(file: string): string[] {
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  return rows.flatMap((row, i) => (i > 0 && row[1] === rows[i - 1]?.[1] ? [row[0]?.slice(0, 10) ?? ''] : []));
}

describe('stale bars', () => {
  it('counts the holiday closes of the European files, and drops them on request', async () => {
    const expected = { dax: 73, smi: 71, cac: 87, ftse: 64 };
    for (const [name, count] of Object.entries(expected)) {
      const file = resolve(`data/${name}-daily-close-1991-1998.csv`);
      expect(repeatedCloses(file), name).toHaveLength(count);
      const kept = await loadPriceSource(source(file));
      expect([kept.stale, kept.series.length], name).toEqual([{ count, dropped: false }, 1860]);
      const dropped = await loadPriceSource(source(file, { staleBars: 'drop' }));
      expect([dropped.stale, dropped.series.length], name).toEqual([{ count, dropped: true }, 1860 - count]);
    }
    // Christmas and Good Friday 1991-92 on the Frankfurt exchange
    expect(repeatedCloses(resolve('data/dax-daily-close-1991-1998.csv'))).toEqual(expect.arrayContaining(['1991-12-25', '1991-12-26', '1992-04-17', '1992-04-20']));
    const dax = await loadPriceSource(source(resolve('data/dax-daily-close-1991-1998.csv'), { staleBars: 'drop' }));
    const days = Array.from(dax.series.time, (t) => new Date(t).toISOString().slice(0, 10));
    expect(days).not.toContain('1991-12-25');
    expect(days).toContain('1991-12-27');
  });

  it('finds the Fridays of a Sunday-to-Thursday market on a Monday-to-Friday grid; a traded flat day is not stale', async () => {
    const dir = tempDir();
    const lines = ['timestamp,open,high,low,close,volume'];
    let close = 100;
    // four weeks from Monday 2024-06-03: Monday to Thursday move, Friday repeats Thursday's close
    for (let d = 0; d < 28; d++) {
      const date = new Date(Date.UTC(2024, 5, 3 + d));
      const weekday = date.getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const stamp = date.toISOString().slice(0, 10);
      if (weekday === 5) lines.push(`${stamp},${close},${close},${close},${close},0`);
      else {
        close += weekday === 2 ? 0 : 1;
        // Tuesday is flat but traded: volume 500
        lines.push(`${stamp},${close},${close + 1},${close - 1},${close},500`);
      }
    }
    writeFileSync(join(dir, 'gulf.csv'), `${lines.join('\n')}\n`);
    const loaded = await loadPriceSource(source(join(dir, 'gulf.csv'), { kind: 'bars', staleBars: 'drop' }));
    expect(loaded.stale).toEqual({ count: 4, dropped: true });
    expect(Array.from(loaded.series.time, (t) => new Date(t).getUTCDay())).not.toContain(5);
    expect(loaded.series.length).toBe(16);
  });

  it('a run warns with the counts and the option, and summary.json counts them; dropping quiets the warning', () => {
    const dir = tempDir();
    const scenario = JSON.parse(readFileSync('scenarios/compare/dax-fixed-fraction.json', 'utf8')) as { data: Record<string, unknown>[] };
    const data = (over: Record<string, unknown>) => scenario.data.map((d) => ({ ...d, path: resolve('data/dax-daily-close-1991-1998.csv'), ...over }));
    writeFileSync(join(dir, 'keep.json'), JSON.stringify({ ...scenario, data: data({}) }));
    writeFileSync(join(dir, 'drop.json'), JSON.stringify({ ...scenario, data: data({ staleBars: 'drop' }) }));
    const keep = goalsim(['run', join(dir, 'keep.json'), '--out', join(dir, 'keep')]);
    expect(keep.stderr).toContain('warning: bars that repeat the previous close with no range or volume (days the market was shut, filled in): DAX 73 of 1860');
    expect(keep.stderr).toContain('set data[0].staleBars to "drop" to remove them');
    const drop = goalsim(['run', join(dir, 'drop.json'), '--out', join(dir, 'drop')]);
    expect(drop.stderr).not.toContain('repeat the previous close');
    const summary = (name: string) => JSON.parse(readFileSync(join(dir, name, 'summary.json'), 'utf8')) as { data: { staleBars: unknown }; period: { bars: number } };
    expect(summary('keep').data.staleBars).toEqual({ DAX: { count: 73, dropped: false } });
    expect(summary('drop').data.staleBars).toEqual({ DAX: { count: 73, dropped: true } });
    expect(summary('drop').period.bars).toBe(summary('keep').period.bars - 73);
  }, 60_000);
});
