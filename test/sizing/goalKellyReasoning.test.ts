/**
 * goal-kelly's reasoning beyond the SPEC 3.2 golden example (golden.test.ts): the schedule words
 * (behind, ahead, on), a money target, no goals at all, the skip, the priors and a window in
 * days. The figures in the texts are the request's own (risk 2.2 % from progressRisk, win rate
 * 0.58 from the stats, the priors' 0.5 when there are none).
 */
import { describe, expect, it } from 'vitest';
import { sizeOne } from '../../src/sizing/calculator.js';
import { createGoalKelly, goalKellyParamsSchema } from '../../src/sizing/index.js';

const BASE = {
  engine: 'goal-kelly',
  equity: '50000',
  price: '45000',
  stopLossPct: 0.02,
  confidence: 0.75,
  stats: { winRate: 0.58, avgWin: 0.021, avgLoss: 0.013, sharpe: 1.8, trades: 40 },
};

describe('goal-kelly reasoning', () => {
  it('names the schedule: behind, ahead or on, with the progress and the time elapsed', () => {
    const behind = sizeOne({ ...BASE, goals: { monthly_return: { progress: 0.06, expected: 0.085, target: 0.1 } } }).reasoning;
    expect(behind.split('\n').slice(0, 2)).toEqual(['Position sized for monthly return goal (10.00%).', 'Currently behind schedule (6.0% progress, 8.5% time elapsed).']);
    const ahead = sizeOne({ ...BASE, goals: { monthly_income: { progress: 0.9, expected: 0.5, target: 4000 } } }).reasoning;
    expect(ahead.split('\n').slice(0, 2)).toEqual(['Position sized for monthly income goal (4000.00).', 'Currently ahead of schedule (90.0% progress, 50.0% time elapsed).']);
    const on = sizeOne({ ...BASE, goals: { portfolio_value: { progress: 0.4, expected: 0.4 } } }).reasoning;
    expect(on.split('\n').slice(0, 2)).toEqual(['Position sized for portfolio value goal.', 'Currently on schedule (40.0% progress, 40.0% time elapsed).']);
  });

  it('without goals, says so and keeps the base risk; with trades, their win rate and Sharpe', () => {
    const text = sizeOne(BASE).reasoning.split('\n');
    expect(text[0]).toBe('Position sized without goal progress.');
    expect(text[1]).toBe('Risk adjusted to 2.0% per trade.');
    expect(text.at(-1)).toBe('Win rate: 58.0%, Sharpe ratio: 1.80.');
  });

  it('with fewer trades than minTrades, says the priors stand in, over the window given', () => {
    // 5 closed trades < minTrades 20: the priors stand in (win rate 0.55, params.ts's default priors); the Sharpe is the request's
    const text = sizeOne({ ...BASE, stats: { ...BASE.stats, trades: 5 }, params: { window: { days: 90 } } }).reasoning.split('\n');
    expect(text).toContain('Statistics: priors (fewer than 20 closed trades in the trades closed in the last 90 days).');
    expect(text).toContain('Win rate: 55.0%, Sharpe ratio: 1.80.');
    // enough trades over a window in days: the window is named
    expect(sizeOne({ ...BASE, params: { window: { days: 90 } } }).reasoning.split('\n').at(-1)).toBe('Statistics: the trades closed in the last 90 days.');
    // the default window is the last 50 closed trades (params.ts)
    expect(sizeOne({ ...BASE, stats: { ...BASE.stats, trades: 5 } }).reasoning).toContain('Statistics: priors (fewer than 20 closed trades in the last 50 closed trades).');
  });

  it('a skipped decision says why instead of an allocation', () => {
    // the calculator refuses a request without a stop (calculator.test.ts); the engine in a run skips it
    const d = createGoalKelly(goalKellyParamsSchema.parse({})).size({
      time: 0, symbol: 'X', assetClass: 'equity', direction: 'long', price: 45_000, confidence: 0.75, stopLossPct: NaN,
      equity: 50_000, cash: 50_000, grossExposure: 0, assetClassExposure: {}, lotStep: undefined, minNotional: undefined,
      riskTolerance: 0.02, currentRisk: 0.02, goals: undefined, volatility: undefined, tradeStats: undefined, portfolioVolatilities: undefined,
    });
    expect(d.skipped).toBe('no stop-loss distance to size from');
    expect(d.reasoning.split('\n')).toContain('No trade: no stop-loss distance to size from.');
    expect(d.reasoning).not.toContain('Recommended allocation');
  });
});
