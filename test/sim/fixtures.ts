/** Hand-made daily series, scripted strategies and a simulation setup for the engine's tests. */
import { allocateBarSeries, type BarSeries } from '../../src/data/series.js';
import { money, type Instrument } from '../../src/ledger/index.js';
import type { SimulationSetup } from '../../src/sim/engine.js';
import { createFixedFraction } from '../../src/sizing/index.js';
import { NO_SIGNALS, type Signal, type Strategy } from '../../src/strategy/index.js';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2020, 0, 1);

/** Bars from [open, high, low, close] rows, one per day from 2020-01-01. */
export function bars(symbol: string, rows: readonly (readonly [number, number, number, number])[]): BarSeries {
  const series = allocateBarSeries(symbol, rows.length);
  rows.forEach(([o, h, l, c], i) => {
    series.time[i] = T0 + i * DAY;
    series.open[i] = o;
    series.high[i] = h;
    series.low[i] = l;
    series.close[i] = c;
  });
  return series;
}

/** Bars whose open, high, low and close are all the close. */
export const flat = (closes: readonly number[]) => closes.map((c) => [c, c, c, c] as const);

/** A strategy that emits the given signal (or signals, in order) on the given bar indices. */
export function scripted(plan: Record<number, Signal['side'] | Signal['side'][]>, stopLossPct = NaN, takeProfitPct = NaN, confidence = 1): Strategy {
  return {
    onBar(ctx) {
      const sides = plan[ctx.bars.length - 1];
      if (sides === undefined) return NO_SIGNALS;
      return (Array.isArray(sides) ? sides : [sides]).map((side) => ({ side, confidence, stopLossPct, takeProfitPct }));
    },
  };
}

export const instrument = (symbol: string, assetClass = 'equity', pricePlaces?: number): Instrument => ({ symbol, assetClass, lotStep: money('1'), minNotional: money('0'), pricePlaces });

/** 10,000 of capital, no costs, long only, fixed-fraction 50 %, unless overridden. */
export function setup(series: BarSeries[], strategy: (symbol: string) => Strategy, overrides: Partial<SimulationSetup> = {}): SimulationSetup {
  return {
    series,
    instruments: series.map((s) => instrument(s.symbol)),
    initialCapital: money('10000'),
    costs: { feeBps: 0, slippageBps: 0 },
    execution: { closeAtEnd: true, allowShort: false, maxGrossExposure: 1 },
    strategyFactory: strategy,
    sizing: createFixedFraction({ fraction: 0.5 }),
    riskTolerance: 0.02,
    ...overrides,
  };
}
