/**
 * A walk-forward account's two engine features: strategies warm from the bars before the run
 * (a history), and sizing engines that take over at given times.
 */
import { describe, expect, it } from 'vitest';
import { sliceSeries } from '../../src/sim/run.js';
import { simulate } from '../../src/sim/engine.js';
import { createFixedFraction, createFixedRisk } from '../../src/sizing/index.js';
import { LookAheadError, NO_SIGNALS, scheduledStrategyFactory, type Strategy, type StrategyContext } from '../../src/strategy/index.js';
import { bars, DAY, flat, scripted, setup, T0 } from './fixtures.js';

const closes = [100, 101, 102, 103, 104, 105, 106, 107];

describe('a warm start', () => {
  it('shows the strategy the bars before the run, at their absolute indices, and still nothing ahead', () => {
    const whole = bars('A', flat(closes));
    const part = sliceSeries(whole, T0 + 3 * DAY, T0 + 8 * DAY);
    const seen: number[][] = [];
    const reader: Strategy = {
      onBar(ctx: StrategyContext) {
        const last = ctx.bars.length - 1;
        seen.push([last, ctx.bars.close(0), ctx.bars.close(last)]);
        expect(() => ctx.bars.close(last + 1)).toThrow(LookAheadError);
        return NO_SIGNALS;
      },
    };
    simulate(setup([part], () => reader, { history: [whole] }));
    expect(seen).toEqual([[3, 100, 103], [4, 100, 104], [5, 100, 105], [6, 100, 106], [7, 100, 107]]);
    seen.length = 0;
    simulate(setup([part], () => reader));
    expect(seen[0], 'cold: the run starts at index 0').toEqual([0, 103, 103]);
  });

  it('refuses a history that does not hold the run', () => {
    const whole = bars('A', flat(closes));
    const other = bars('A', flat([1, 2]));
    expect(() => simulate(setup([sliceSeries(whole, T0 + 3 * DAY, T0 + 8 * DAY)], () => scripted({}), { history: [other] }))).toThrow('A: the history does not hold the run');
  });

  it('changes nothing else: trades and equity are the cold run\'s when the strategy ignores the history', () => {
    const whole = bars('A', flat(closes));
    const part = sliceSeries(whole, T0 + 2 * DAY, T0 + 8 * DAY);
    const plan = { 0: 'buy' as const, 3: 'close' as const };
    const cold = simulate(setup([part], () => scripted(plan)));
    // the warm strategy sees indices shifted by 2
    const warm = simulate(setup([part], () => scripted({ 2: 'buy', 5: 'close' }), { history: [whole] }));
    expect(warm.ledger.trades.map((t) => [t.entryPrice.toFixed(), t.exitPrice.toFixed(), t.quantity.toFixed()])).toEqual(cold.ledger.trades.map((t) => [t.entryPrice.toFixed(), t.exitPrice.toFixed(), t.quantity.toFixed()]));
  });
});

describe('a sizing schedule', () => {
  const series = bars('A', flat([100, 100, 100, 100, 100, 100, 100, 100]));
  const plan = { 0: 'buy' as const, 2: 'close' as const, 4: 'buy' as const, 6: 'close' as const };

  it('sizes each order by the engine in force on its decision bar', () => {
    const out = simulate(setup([series], () => scripted(plan), { sizing: createFixedFraction({ fraction: 0.1 }), sizingSchedule: { from: [T0 + 4 * DAY], engines: [createFixedFraction({ fraction: 0.4 })] } }));
    // 10 % then 40 % of 10,000 at 100
    expect(out.ledger.trades.map((t) => t.quantity.toFixed())).toEqual(['10', '40']);
  });

  it('switches exactly at the time given: a decision one day before is sized by the engine before', () => {
    const out = simulate(setup([series], () => scripted(plan), { sizing: createFixedFraction({ fraction: 0.1 }), sizingSchedule: { from: [T0 + 5 * DAY], engines: [createFixedFraction({ fraction: 0.4 })] } }));
    expect(out.ledger.trades.map((t) => t.quantity.toFixed())).toEqual(['10', '10']);
  });

  it('goes through several engines in order, from the first one whose time has come', () => {
    const out = simulate(
      setup([series], () => scripted(plan), {
        sizing: createFixedFraction({ fraction: 0.9 }),
        sizingSchedule: { from: [T0, T0 + 3 * DAY, T0 + 4 * DAY], engines: [createFixedFraction({ fraction: 0.2 }), createFixedFraction({ fraction: 0.3 }), createFixedFraction({ fraction: 0.05 })] },
      }),
    );
    expect(out.ledger.trades.map((t) => t.quantity.toFixed())).toEqual(['20', '5']);
  });

  it('gives each engine its own request: an engine that needs a stop sees the order as it is', () => {
    const out = simulate(setup([series], () => scripted(plan), { sizing: createFixedFraction({ fraction: 0.1 }), sizingSchedule: { from: [T0 + 4 * DAY], engines: [createFixedRisk()] } }));
    // fixed-risk cannot size an order without a stop: the second entry is skipped
    expect(out.ledger.trades.map((t) => t.quantity.toFixed())).toEqual(['10']);
    expect(out.decisions.map((d) => d.decision.skipped)).toEqual([null, 'no stop-loss distance to size from']);
  });
});

describe('scheduledStrategyFactory', () => {
  it('lets every strategy see every bar and passes on the signals of the one in force', () => {
    const calls: string[] = [];
    const named = (name: string): ((symbol: string) => Strategy) => () => ({
      onBar(ctx) {
        calls.push(`${name}${ctx.bars.length - 1}`);
        return [{ side: name === 'x' ? 'buy' : 'close', confidence: 1, stopLossPct: NaN, takeProfitPct: NaN }];
      },
    });
    const factory = scheduledStrategyFactory([T0, T0 + 2 * DAY, T0 + 3 * DAY], [named('x'), named('y')], [0, 1, 0]);
    const sides: string[] = [];
    const strategy = factory('A');
    const history = { length: 0, time: () => 0, open: () => 0, high: () => 0, low: () => 0, close: () => 0, volume: () => 0 };
    for (let i = 0; i < 5; i++) {
      history.length = i + 1;
      sides.push(strategy.onBar({ symbol: 'A', symbolIndex: 0, bars: history, position: 0, time: T0 + i * DAY })[0]?.side ?? '-');
    }
    expect(sides).toEqual(['buy', 'buy', 'close', 'buy', 'buy']);
    expect(calls).toEqual(['x0', 'y0', 'x1', 'y1', 'x2', 'y2', 'x3', 'y3', 'x4', 'y4']);
  });
});
