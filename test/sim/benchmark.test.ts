/**
 * The buy-and-hold benchmark against a hand computation on the MSFT file: one symbol bought with
 * all the cash the first close allows, filled at the second bar's open with slippage and fee,
 * held, and sold at the last close. Done in decimal.js, apart from the engine's code.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { run, scenarioFromObject } from '../../src/api.js';
import { keptCurve } from '../helpers.js';

const MSFT = 'data/msft-daily-2000-2001.csv';

interface Row {
  readonly open: Decimal;
  readonly close: Decimal;
}

function msftRows(): Row[] {
  return readFileSync(MSFT, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [, open, , , close] = line.split(',');
      return { open: new Decimal(open as string), close: new Decimal(close as string) };
    });
}

const scenario = (costs: { feeBps: number; slippageBps: number }, symbols = [{ symbol: 'MSFT', path: MSFT, lotStep: '1' }]) =>
  scenarioFromObject({
    name: 'msft-benchmark',
    data: symbols,
    account: { currency: 'USD', initialCapital: '100000', minorUnit: '0.01' },
    costs,
    strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } },
    sizing: { engine: 'fixed-fraction', params: { fraction: 0.2 } },
    goals: { list: [{ type: 'monthly_return', target: 0.01 }] },
  });

describe('the buy-and-hold benchmark', () => {
  it('equals a hand computation on the MSFT file, costs included', async () => {
    const rows = msftRows();
    const result = await run(scenario({ feeBps: 10, slippageBps: 5 }));
    const benchmark = result.benchmark;
    if (benchmark === undefined) throw new Error('goalsim run keeps a benchmark');
    const capital = new Decimal(100000);
    const [first, second, last] = [rows[0], rows[1], rows[rows.length - 1]] as [Row, Row, Row];
    // decided at the first close with all the equity, in whole shares
    const asked = capital.div(first.close).floor();
    // filled at the next open, 5 bps worse; the fee is 10 bps of the notional, to the cent (half-even)
    const buyPrice = second.open.mul(1.0005);
    const fee = (notional: Decimal): Decimal => notional.mul(0.001).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    let quantity = asked;
    while (quantity.mul(buyPrice).plus(fee(quantity.mul(buyPrice))).gt(capital)) quantity = quantity.minus(1);
    const cash = capital.minus(quantity.mul(buyPrice)).minus(fee(quantity.mul(buyPrice)));
    const sellPrice = last.close.mul(0.9995);
    const final = cash.plus(quantity.mul(sellPrice)).minus(fee(quantity.mul(sellPrice)));
    expect(benchmark.finalEquity.toFixed()).toBe(final.toFixed());
    expect(benchmark.fills.map((fill) => [fill.side, fill.quantity.toFixed(), fill.price.toFixed()])).toEqual([
      ['buy', quantity.toFixed(), buyPrice.toFixed()],
      ['sell', quantity.toFixed(), sellPrice.toFixed()],
    ]);
    // the curve: cash plus the shares at each close, from the second bar on; the last row after the
    // sale. A curve is float (the ledger is exact): equal to a part in 1e14
    const equity = rows.map((row, i) => (i === 0 ? capital : i === rows.length - 1 ? final : cash.plus(quantity.mul(row.close))).toNumber());
    const curve = keptCurve(benchmark);
    expect(curve.length).toBe(equity.length);
    equity.forEach((value, i) => expect(Math.abs((curve.equity[i] as number) - value), `row ${i}`).toBeLessThan(value * 1e-14));
    let peak = -Infinity;
    let maxDrawdown = 0;
    for (const value of equity) {
      peak = Math.max(peak, value);
      maxDrawdown = Math.max(maxDrawdown, 1 - value / peak);
    }
    expect(benchmark.metrics.maxDrawdown).toBeCloseTo(maxDrawdown, 12);
    expect(benchmark.metrics.totalReturn).toBeCloseTo(final.div(capital).minus(1).toNumber(), 12);
    expect(benchmark.metrics.trades).toBe(1);
    // the run it benchmarks is its own: other strategy, other sizing
    expect(result.trades.length).toBeGreaterThan(1);
    // and it counts the goal months as the run does
    expect(benchmark.goalTables?.counts.months).toBe(result.goalTables?.counts.months);
  });

  it('splits the first equity equally between the symbols, and is left out on request', async () => {
    const twoSymbols = [
      { symbol: 'MSFT', path: MSFT, lotStep: '1' },
      { symbol: 'DAX', path: 'data/dax-daily-close-1991-1998.csv', kind: 'close', lotStep: '0.001' },
    ];
    const resolved = scenarioFromObject({
      name: 'split',
      data: twoSymbols,
      period: { start: '1991-07-01', end: '1991-12-31' },
      account: { currency: 'USD', initialCapital: '100000' },
      strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } },
      sizing: { engine: 'fixed-fraction', params: { fraction: 0.2 } },
    });
    // MSFT has no bar in 1991: only DAX trades, with half the equity
    const result = await run(resolved);
    const entries = result.benchmark?.decisions ?? [];
    expect(entries.map((record) => record.symbol)).toEqual(['DAX']);
    // half the equity, rounded down to the lot step of 0.001 at the first close
    const firstClose = entries[0]?.price ?? NaN;
    expect(entries[0]?.decision.finalValue).toBeLessThanOrEqual(50_000);
    expect(entries[0]?.decision.finalValue).toBeGreaterThan(50_000 - firstClose * 0.001);
    expect((await run(resolved, { benchmark: false })).benchmark).toBeUndefined();
  });
});
