/**
 * End to end on real data: MSFT daily bars 2000-09-27..2001-09-27 (data/msft-daily-2000-2001.csv),
 * sma-cross 10/30, fixed fraction 50% of equity from the decision bar's close, whole shares,
 * fills at the next bar's open, 10 bps fees on both sides. The expected trade list comes from
 * `referenceBacktest` below: an independent, deliberately plain re-implementation of those
 * rules on number arrays (no shared code with src/ beyond the CSV loader).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBarsCsv } from '../../src/data/loadBars.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import { barsSource, tempDir, keptCurve } from '../helpers.js';

interface RefTrade {
  entryIndex: number;
  exitIndex: number;
  entryPrice: number;
  exitPrice: number;
  quantity: number;
  pnl: number;
}

function sma(values: number[], end: number, window: number): number {
  return values.slice(end - window + 1, end + 1).reduce((a, b) => a + b, 0) / window;
}

function referenceBacktest(open: number[], close: number[], fast: number, slow: number, fraction: number, feeRate: number, capital: number) {
  let cash = capital;
  let shares = 0;
  let entry: { index: number; price: number; fee: number } | undefined;
  let pending: 'buy' | 'sell' | undefined;
  let pendingShares = 0;
  const trades: RefTrade[] = [];
  for (let i = 0; i < close.length; i++) {
    const o = open[i] as number;
    if (pending === 'buy') {
      const fee = pendingShares * o * feeRate;
      cash -= pendingShares * o + fee;
      shares = pendingShares;
      entry = { index: i, price: o, fee };
    } else if (pending === 'sell' && entry !== undefined) {
      const fee = shares * o * feeRate;
      cash += shares * o - fee;
      trades.push({ entryIndex: entry.index, exitIndex: i, entryPrice: entry.price, exitPrice: o, quantity: shares, pnl: (o - entry.price) * shares - entry.fee - fee });
      shares = 0;
      entry = undefined;
    }
    pending = undefined;
    if (i < slow) continue;
    const [f, s, fPrev, sPrev] = [sma(close, i, fast), sma(close, i, slow), sma(close, i - 1, fast), sma(close, i - 1, slow)];
    const equity = cash + shares * (close[i] as number);
    if (shares === 0 && fPrev <= sPrev && f > s) {
      pending = 'buy';
      pendingShares = Math.floor((equity * fraction) / (close[i] as number));
    } else if (shares > 0 && fPrev >= sPrev && f < s) pending = 'sell';
  }
  if (entry !== undefined) {
    const c = close[close.length - 1] as number;
    const fee = shares * c * feeRate;
    cash += shares * c - fee;
    trades.push({ entryIndex: entry.index, exitIndex: close.length - 1, entryPrice: entry.price, exitPrice: c, quantity: shares, pnl: (c - entry.price) * shares - entry.fee - fee });
  }
  return { trades, finalEquity: cash };
}

function writeScenario(dir: string, overrides: Record<string, unknown> = {}): string {
  const file = join(dir, 'msft.json');
  const scenario = {
    name: 'msft-e2e',
    data: [{ symbol: 'MSFT', path: resolve('data/msft-daily-2000-2001.csv'), lotStep: '1' }],
    account: { currency: 'USD', initialCapital: '100000' },
    costs: { feeBps: 10, slippageBps: 0 },
    strategy: { name: 'sma-cross', params: { fast: 10, slow: 30 } },
    sizing: { engine: 'fixed-fraction', params: { fraction: 0.5 } },
    ...overrides,
  };
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

describe('end to end: sma-cross on MSFT daily bars', async () => {
  const bars = (await loadBarsCsv(barsSource('data/msft-daily-2000-2001.csv'))).series;
  const resolved = loadScenarioFile(writeScenario(tempDir()));
  const result = await runScenario(resolved, await loadScenarioData(resolved));
  const reference = referenceBacktest(Array.from(bars.open), Array.from(bars.close), 10, 30, 0.5, 0.001, 100_000);

  it('produces the full trade list of the independent reference', () => {
    expect(reference.trades.length, 'the reference must trade for this test to mean anything').toBeGreaterThanOrEqual(3);
    expect(result.trades.map((t) => ({ entry: t.entryTime, exit: t.exitTime, qty: t.quantity.toNumber(), entryPrice: t.entryPrice.toNumber(), exitPrice: t.exitPrice.toNumber() }))).toEqual(
      reference.trades.map((t) => ({ entry: bars.time[t.entryIndex], exit: bars.time[t.exitIndex], qty: t.quantity, entryPrice: t.entryPrice, exitPrice: t.exitPrice })),
    );
    result.trades.forEach((trade, i) => expect(trade.pnl.toNumber()).toBeCloseTo(reference.trades[i]?.pnl ?? NaN, 8));
  });

  it('states the first trade by hand: cross on 2001-01-17, filled at the 2001-01-18 open', () => {
    const first = result.trades[0];
    // data lines 78-79 and 103: decision close 2001-01-17 = 52.9375; 50% of 100,000 / 52.9375
    // = 944.5 -> 944 shares; fill at the 2001-01-18 open 53.6875; exit at the 2001-02-22 open
    // 56.3125. Fees 0.1% x 944 x (53.6875 + 56.3125) = 103.84; pnl 944 x 2.625 - 103.84 = 2374.16.
    expect(first?.entryTime).toBe(Date.UTC(2001, 0, 18));
    expect(first?.exitTime).toBe(Date.UTC(2001, 1, 22));
    expect([first?.quantity.toFixed(), first?.entryPrice.toFixed(), first?.exitPrice.toFixed()]).toEqual(['944', '53.6875', '56.3125']);
    expect([first?.fees.toFixed(), first?.pnl.toFixed()]).toEqual(['103.84', '2374.16']);
  });

  it('ends with the reference final equity (1e-9 relative) and exact ledger invariants', () => {
    expect(Math.abs(result.finalEquity.toNumber() / reference.finalEquity - 1)).toBeLessThan(1e-9);
    const netPnl = result.trades.reduce((sum, t) => sum.add(t.pnl), result.initialCapital);
    expect(result.finalEquity.eq(netPnl), 'flat at the end: equity = initial + sum of net P&L').toBe(true);
    expect(keptCurve(result).equity[keptCurve(result).length - 1]).toBeCloseTo(result.finalEquity.toNumber(), 6);
  });

  it('never fills before the bar after the decision (no look-ahead)', () => {
    for (const record of result.decisions) {
      const trade = result.trades.find((t) => t.entryTime > record.time);
      expect(trade?.entryTime).toBe(bars.time[Array.from(bars.time).indexOf(record.time) + 1]);
    }
  });

  it('keeps fees in the account minor unit, rounded half-even (SPEC 1.3)', async () => {
    const cents = loadScenarioFile(writeScenario(tempDir(), { account: { currency: 'USD', initialCapital: '100000', minorUnit: '0.01' } }));
    const run = await runScenario(cents, await loadScenarioData(cents));
    // second trade: 0.1% x 852 x (59.56 + 70) = 110.38512 -> 110.39 in cents; pnl 852 x 10.44 - 110.39
    expect([run.trades[1]?.fees.toFixed(), run.trades[1]?.pnl.toFixed()]).toEqual(['110.39', '8784.49']);
    expect(result.trades[1]?.fees.toFixed(), 'at the default 1e-8 the fee is exact').toBe('110.38512');
  });
});

describe('independent anchor: backtrader on the same data', () => {
  it('ends at backtrader\'s final value for SMA 10/30 on MSFT 2000-2001 (1e-6 relative)', async () => {
    // backtrader 1.9.78.123, same semantics: next-open fills, 0.1% commission on each fill,
    // fractional units (here a 1e-8 lot), 50% of equity per entry, no close at the end: 109,937.3659
    const resolved = loadScenarioFile(writeScenario(tempDir(), { data: [{ symbol: 'MSFT', path: resolve('data/msft-daily-2000-2001.csv'), lotStep: '0.00000001' }], execution: { closeAtEnd: false } }));
    const run = await runScenario(resolved, await loadScenarioData(resolved));
    expect(Math.abs(run.finalEquity.toNumber() / 109_937.3659 - 1)).toBeLessThan(1e-6);
  });
});
