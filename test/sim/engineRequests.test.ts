/**
 * What the engine hands the sizing engine and writes in the equity curve, bar by bar, on a
 * hand-made series (SPEC 1.2): the request's live figures as the engine's needs ask, the
 * curve's cash, exposure and drawdown, signal handling, exits exactly at a level, the end of
 * the run and the replay's accessors. Every expected value is worked out beside it.
 */
import { describe, expect, it } from 'vitest';
import type { GoalHooks } from '../../src/sim/goalHooks.js';
import { protectiveExit, Replay, simulate } from '../../src/sim/engine.js';
import { createFixedFraction, type SizingEngine, type SizingNeeds, type SizingRequest } from '../../src/sizing/index.js';
import { NO_SIGNALS, type Strategy } from '../../src/strategy/index.js';
import { bars, DAY, flat, instrument, scripted, setup, T0 } from './fixtures.js';
import { keptCurve } from '../helpers.js';

/** fixed-fraction 50 % with the given needs, keeping every request it sees. */
function recording(needs: SizingNeeds): SizingEngine & { requests: SizingRequest[] } {
  const inner = createFixedFraction({ fraction: 0.5 });
  const requests: SizingRequest[] = [];
  return { name: 'recording', needs, requests, size: (request) => (requests.push(request), inner.size(request)) };
}

describe('the equity curve', () => {
  it('has cash, exposure and drawdown at every close, and the last row after the close at the end', () => {
    const series = bars('A', flat([100, 100, 120, 90, 80]));
    const out = simulate(setup([series], () => scripted({ 0: 'buy' })));
    // 50 shares bought at 100 on bar 1: cash 5,000; equity 10,000, 10,000, 11,000, 9,500, 9,000
    const curve = keptCurve(out);
    expect(Array.from(curve.cash.subarray(0, 5))).toEqual([10_000, 5_000, 5_000, 5_000, 9_000]);
    expect(Array.from(curve.equity.subarray(0, 5))).toEqual([10_000, 10_000, 11_000, 9_500, 9_000]);
    // exposure: 5,000 / 10,000, 6,000 / 11,000, 4,500 / 9,500; the last row is after the close at the end: 0
    expect(Array.from(curve.exposure.subarray(0, 5))).toEqual([0, 0.5, 6_000 / 11_000, 4_500 / 9_500, 0]);
    expect(Array.from(curve.drawdown.subarray(0, 5))).toEqual([0, 0, 0, 1 - 9_500 / 11_000, 1 - 9_000 / 11_000]);
    expect(Array.from(curve.time.subarray(0, 5))).toEqual([0, 1, 2, 3, 4].map((i) => T0 + i * DAY));
    expect([out.firstTime, out.lastTime, out.bars]).toEqual([T0, T0 + 4 * DAY, 5]);
  });

  it('a new high has no drawdown; a run that ends on its high neither', () => {
    const out = simulate(setup([bars('A', flat([100, 100, 90, 130]))], () => scripted({ 0: 'buy' })));
    expect(Array.from(keptCurve(out).drawdown.subarray(0, 4))).toEqual([0, 0, 1 - 9_500 / 10_000, 0]);
  });
});

describe('the sizing request', () => {
  const needsAll: SizingNeeds = { exposure: true, goals: true, tradeStatsWindow: 10, volatilityLookback: { short: 2, long: 3, trend: 2 } };

  it('carries the live figures the engine asks for', () => {
    const a = bars('A', flat([100, 100, 110, 121, 121, 121]));
    const b = bars('B', flat([50, 50, 50, 50, 50, 50]));
    const engine = recording(needsAll);
    const hooks: GoalHooks = { timers: { monthRollover: false, dailySnapshot: false, intervalMinutes: 0 }, onTimer: () => {}, currentRisk: () => 0.031, goalFreeRisk: () => 0.01, goalInputs: () => ({ driver: 'monthly_return', monthly_return: { progress: 0.2, expected: 0.4 } }) };
    const run = setup([a, b], (symbol) => scripted(symbol === 'A' ? { 0: 'buy', 3: 'close', 4: 'buy' } : { 1: 'buy' }, NaN, NaN, 0.7), { sizing: engine, goalHooks: hooks, instruments: [instrument('A', 'equity'), instrument('B', 'crypto')] });
    simulate(run);
    const [first, second, third] = engine.requests;
    // bar 0, A: nothing held yet
    expect(first).toMatchObject({ time: T0, symbol: 'A', assetClass: 'equity', direction: 'long', price: 100, confidence: 0.7, equity: 10_000, cash: 10_000, grossExposure: 0, assetClassExposure: { equity: 0, crypto: 0 }, riskTolerance: 0.02, currentRisk: 0.031, goalFreeRisk: 0.01, openPositions: 0 });
    expect(first?.goals).toEqual({ driver: 'monthly_return', monthly_return: { progress: 0.2, expected: 0.4 } });
    expect(first?.tradeStats).toEqual({ trades: 0, winRate: 0, avgWin: 0, avgLoss: 0, sharpe: 0 });
    // bar 1, B: A holds 50 at 100 (bought at bar 1's open)
    expect(second).toMatchObject({ symbol: 'B', assetClass: 'crypto', equity: 10_000, cash: 5_000, grossExposure: 5_000, assetClassExposure: { equity: 5_000, crypto: 0 }, openPositions: 1 });
    // bar 4, A again: A sold at 121 on bar 4 (+1,050), B holds 100 at 50: equity 11,050
    expect(third).toMatchObject({ symbol: 'A', time: T0 + 4 * DAY, equity: 11_050, cash: 6_050, grossExposure: 5_000, assetClassExposure: { equity: 0, crypto: 5_000 }, openPositions: 1 });
    expect(third?.tradeStats).toMatchObject({ trades: 1, winRate: 1, avgWin: 0.21, avgLoss: 0 });
    // A's daily returns by bar 4: 0, 0.1, 0.1, 0. The last 2 (0.1, 0): sample sd 0.0707; the last 3 (0.1, 0.1, 0): 0.0577
    expect(third?.volatility?.short).toBeCloseTo(Math.sqrt(2 * 0.05 ** 2), 12);
    expect(third?.volatility?.long).toBeCloseTo(Math.sqrt((2 * (0.1 / 3) ** 2 + (0.2 / 3) ** 2) / 2), 12);
    expect(third?.volatility?.trend, '121 over the mean of 121 and 121').toBe(0);
    expect(third?.portfolioVolatilities?.map((v) => Number(v.toFixed(12)))).toEqual([Number(Math.sqrt(2 * 0.05 ** 2).toFixed(12)), 0]);
  });

  it('leaves out what the engine does not ask for', () => {
    const engine = recording({});
    const hooks: GoalHooks = { timers: { monthRollover: false, dailySnapshot: false, intervalMinutes: 0 }, onTimer: () => {}, currentRisk: () => 0.031, goalFreeRisk: () => 0.01, goalInputs: () => ({ driver: 'monthly_return' }) };
    simulate(setup([bars('A', flat([100, 100, 100]))], () => scripted({ 0: 'buy' }), { sizing: engine, goalHooks: hooks }));
    const [request] = engine.requests;
    expect([request?.assetClassExposure, request?.goals, request?.tradeStats, request?.volatility, request?.portfolioVolatilities, request?.currentRisk]).toEqual([{}, undefined, undefined, undefined, undefined, 0.031]);
    const plain = recording({});
    simulate(setup([bars('A', flat([100, 100, 100]))], () => scripted({ 0: 'buy' }), { sizing: plain }));
    expect(plain.requests[0]?.currentRisk, 'no tracker: the base risk').toBe(0.02);
    expect(plain.requests[0]?.goalFreeRisk, 'no tracker: the base risk').toBe(0.02);
  });

  it('keeps daily closes for a live caller\'s lookbacks too, without changing the run', () => {
    const closes = Array.from({ length: 30 }, (_, i) => 100 * (1 + 0.01 * Math.sin(i)));
    const series = bars('A', flat(closes.map((c) => Math.round(c * 100) / 100)));
    const engine = recording({ volatilityLookback: { short: 2, long: 3 } });
    const replay = new Replay(setup([series], () => NO_SIGNALS_STRATEGY, { sizing: engine, observeDaily: { short: 20, long: 5, trend: 10 } }));
    replay.advanceBars(25);
    const wide = recording({ volatilityLookback: { short: 20, long: 5, trend: 10 } });
    const request = replay.requestFor(0, { direction: 'long', price: 100, confidence: 1, stopLossPct: NaN }, replay.time, wide);
    const c = (i: number): number => series.close[i] as number;
    const returns = Array.from({ length: 20 }, (_, k) => c(5 + k) / c(4 + k) - 1); // days 5..24
    const mean = returns.reduce((x, y) => x + y, 0) / 20;
    expect(request.volatility?.short).toBeCloseTo(Math.sqrt(returns.reduce((s, r) => s + (r - mean) ** 2, 0) / 19), 12);
    const last10 = Array.from({ length: 10 }, (_, k) => c(24 - k));
    expect(request.volatility?.trend).toBeCloseTo(c(24) / (last10.reduce((x, y) => x + y, 0) / 10) - 1, 12);
  });
});

const NO_SIGNALS_STRATEGY: Strategy = { onBar: () => NO_SIGNALS };

describe('signals', () => {
  const series = () => bars('A', flat([100, 100, 100, 100, 100, 100]));
  const shorts = { execution: { closeAtEnd: true, allowShort: true, maxGrossExposure: 1 } };

  it('a buy while long, or a sell while flat without shorts, asks nothing', () => {
    const out = simulate(setup([series()], () => scripted({ 0: 'buy', 2: 'buy', 3: 'close', 4: 'sell' })));
    expect(out.decisions.map((d) => [d.signal, d.direction])).toEqual([['buy', 'long']]);
    expect(out.ledger.trades.map((t) => [t.entryTime, t.exitTime, t.exitReason])).toEqual([[T0 + DAY, T0 + 4 * DAY, 'exit']]);
  });

  it('a sell while long without shorts closes; with shorts it reverses at the next open', () => {
    const longOnly = simulate(setup([series()], () => scripted({ 0: 'buy', 2: 'sell' })));
    expect(longOnly.ledger.trades.map((t) => [t.direction, t.exitTime])).toEqual([['long', T0 + 3 * DAY]]);
    const reversing = simulate(setup([series()], () => scripted({ 0: 'buy', 2: 'sell' }), shorts));
    expect(reversing.ledger.trades.map((t) => [t.direction, t.entryTime, t.exitTime, t.exitReason])).toEqual([
      ['long', T0 + DAY, T0 + 3 * DAY, 'exit'],
      ['short', T0 + 3 * DAY, T0 + 5 * DAY, 'close_at_end'],
    ]);
  });

  it('a later signal on the same bar replaces the pending one', () => {
    const cancelled = simulate(setup([series()], () => scripted({ 0: ['buy', 'close'] })));
    expect(cancelled.ledger.fills, 'the entry was withdrawn before it filled').toHaveLength(0);
    const twice = simulate(setup([series()], () => scripted({ 0: ['buy', 'buy'] })));
    expect(twice.decisions, 'the second buy matches the planned long').toHaveLength(1);
    const flipped = simulate(setup([series()], () => scripted({ 0: ['buy', 'sell'] }), shorts));
    expect(flipped.ledger.trades.map((t) => t.direction)).toEqual(['short']);
    expect(flipped.decisions.map((d) => d.direction)).toEqual(['long', 'short']);
  });

  it('an order decided on the last bar is noted with that bar\'s time and symbol', () => {
    const out = simulate(setup([series()], () => scripted({ 5: 'buy' })));
    expect(out.ledger.notes).toEqual([{ time: T0 + 5 * DAY, symbol: 'A', kind: 'skipped', reason: 'order decided on the last bar: no later bar to fill at' }]);
    const closing = simulate(setup([series()], () => scripted({ 0: 'buy', 5: 'close' }), { execution: { closeAtEnd: false, allowShort: false, maxGrossExposure: 1 } }));
    expect(closing.ledger.notes.map((n) => n.reason)).toEqual(['order decided on the last bar: no later bar to fill at']);
    expect(closing.ledger.positions[0]?.direction, 'no close at the end: still held').toBe('long');
  });
});

describe('protective exits exactly at a level', () => {
  it.each([
    ['long, low at the stop', 'long', 95, 110, 100, 105, 95, -95],
    ['long, opening at the stop', 'long', 95, 110, 95, 96, 94, -95],
    ['long, high at the take-profit', 'long', 95, 110, 100, 110, 99, 110],
    ['long, opening at the take-profit', 'long', 95, 110, 110, 111, 109, 110],
    ['long, between the levels', 'long', 95, 110, 100, 109.99, 95.01, 0],
    ['short, high at the stop', 'short', 105, 90, 100, 105, 99, -105],
    ['short, opening at the stop', 'short', 105, 90, 105, 106, 104, -105],
    ['short, low at the take-profit', 'short', 105, 90, 100, 101, 90, 90],
    ['short, opening at the take-profit', 'short', 105, 90, 90, 91, 89, 90],
    ['short, gapping below the take-profit', 'short', 105, 90, 85, 86, 84, 85],
    ['short, between the levels', 'short', 105, 90, 100, 104.99, 90.01, 0],
  ] as const)('%s', (_label, direction, stop, takeProfit, open, high, low, exit) => {
    expect(protectiveExit(direction, stop, takeProfit, open, high, low)).toBe(exit);
  });

  it('closes with the reason of the level hit', () => {
    const series = bars('A', [[100, 100, 100, 100], [100, 101, 99, 100], [101, 111, 100, 110], [110, 110, 110, 110]]);
    const out = simulate(setup([series], () => scripted({ 0: 'buy' }, 0.05, 0.1)));
    // entry 100: take-profit 110 touched by bar 2's high
    expect(out.ledger.trades.map((t) => [t.exitReason, t.exitPrice.toFixed(), t.exitTime])).toEqual([['take_profit', '110', T0 + 2 * DAY]]);
  });
});

describe('the replay', () => {
  it('counts, advances and ends', () => {
    const replay = new Replay(setup([bars('A', flat([100, 101, 102, 103])), bars('B', flat([5, 5, 5, 5]))], () => scripted({ 0: 'buy' })));
    expect([replay.totalBars, replay.barsDone, replay.finished]).toEqual([8, 0, false]);
    expect(replay.advanceTo(T0 + DAY), 'two instants up to and including day 1').toBe(2);
    expect([replay.barsDone, replay.time, replay.nextTime]).toEqual([4, T0 + DAY, T0 + 2 * DAY]);
    expect(replay.view.equity, 'A: 50 at 100 marked at 101; B: 1,666 at 5').toBe(replay.ledger.equityAt(replay.lastPrices));
    expect(replay.advanceBars(2)).toBe(1);
    replay.finish();
    expect([replay.finished, replay.advanceBars(5), replay.advanceTo(Infinity), replay.step()]).toEqual([true, 0, 0, false]);
    expect(replay.snapshot(), 'the finished output').toBe(replay.finish());
  });

  it('reads the price increment from the data unless the instrument names it', () => {
    const series = bars('A', flat([100.125, 100.25, 100.5]));
    expect(new Replay(setup([series], () => NO_SIGNALS_STRATEGY)).instruments[0]?.pricePlaces).toBe(3);
    expect(new Replay(setup([series], () => NO_SIGNALS_STRATEGY, { instruments: [instrument('A', 'equity', 5)] })).instruments[0]?.pricePlaces).toBe(5);
  });
});
