import { describe, expect, it } from 'vitest';
import { loadTradesCsv } from '../../src/data/loadTrades.js';
import { loadSignalsCsv } from '../../src/data/loadSignals.js';
import { DataError } from '../../src/errors.js';
import { barsSource, tempFile } from '../helpers.js';

describe('loadTradesCsv', () => {
  it('aggregates prints into OHLCV bars stamped at the end of their interval', async () => {
    const text = ['timestamp,price,size,side', '2020-01-01T00:00:10Z,100,1,buy', '2020-01-01T00:00:40Z,103,2,sell', '2020-01-01T00:00:50Z,99,1,buy', '2020-01-01T00:01:00Z,101,5,buy', '2020-01-01T00:03:30Z,102,1,sell'].join('\n');
    const { series } = await loadTradesCsv(barsSource(tempFile('t.csv', text), { kind: 'trades', barInterval: '1m' }));
    // first minute: O 100 H 103 L 99 C 99 V 4; a print at exactly 00:01:00 opens the next bar; 00:02 has no prints and no bar
    expect(series.length).toBe(3);
    expect([series.open[0], series.high[0], series.low[0], series.close[0], series.volume[0]]).toEqual([100, 103, 99, 99, 4]);
    expect(Array.from(series.time)).toEqual([Date.UTC(2020, 0, 1, 0, 1), Date.UTC(2020, 0, 1, 0, 2), Date.UTC(2020, 0, 1, 0, 4)]);
  });

  it('rejects a print going back in time with its line', async () => {
    const text = 'timestamp,price,size\n2020-01-01T00:00:10Z,100,1\n2020-01-01T00:00:05Z,100,1\n';
    const error = await loadTradesCsv(barsSource(tempFile('t.csv', text), { kind: 'trades', barInterval: '1m', displayPath: 't.csv' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(/^t\.csv:3: column "timestamp"/);
  });
});

describe('loadSignalsCsv', () => {
  it('reads signals and validates side and confidence', async () => {
    const good = 'timestamp,symbol,side,confidence,stop_loss_pct,take_profit_pct\n2020-01-02,AAA,buy,0.8,0.02,0.05\n2020-01-03,AAA,close,1,0.02,\n';
    const { table } = await loadSignalsCsv(tempFile('s.csv', good), 's.csv', 'error');
    expect(table.length).toBe(2);
    expect(table.takeProfitPct[1]).toBeNaN();
    const bad = 'timestamp,symbol,side,confidence,stop_loss_pct\n2020-01-02,AAA,hold,0.8,0.02\n';
    const error = await loadSignalsCsv(tempFile('s.csv', bad), 's.csv', 'error').catch((e: unknown) => e as DataError);
    expect((error as DataError).message).toBe('s.csv:2: column "side" is "hold", not buy, sell or close');
  });
});
