import { describe, expect, it } from 'vitest';
import { goalPnlOf } from '../../src/analysis/goalPnl.js';
import { Amount, type Trade } from '../../src/ledger/index.js';
import type { SizingDecision } from '../../src/sizing/types.js';
import type { DecisionRecord } from '../../src/sim/types.js';

const trade = (symbol: string, entryTime: number, pnl: string, direction: Trade['direction'] = 'long'): Trade => ({ symbol, direction, entryTime, entryPrice: Amount.of('1'), exitTime: entryTime + 5, exitPrice: Amount.of('1'), quantity: Amount.of('1'), fees: Amount.of('0'), pnl: Amount.of(pnl), returnPct: 0, exitReason: 'exit' });

function decision(symbol: string, time: number, goalEffect: number | null, overrides: Partial<SizingDecision> = {}, direction: Trade['direction'] = 'long'): DecisionRecord {
  const d = { engine: 'pipeline', stages: [], goalFactor: 1.2, riskPct: 0.01, riskAmount: null, finalValue: 1, allocation: 0, units: Amount.of('1'), kelly: null, skipped: null, binding: null, goalEffect, reasoning: '', ...overrides } as SizingDecision;
  return { time, symbol, signal: 'buy', direction, price: 1, confidence: 1, stopLossPct: NaN, decision: d };
}

describe('the P&L the goal added', () => {
  it('is effect / (1 + effect) of each trade\'s net P&L, from the decision that opened it', () => {
    // A: a +25 % quantity made 100, of which 100 x 0.25 / 1.25 = 20 came from the goal;
    // B: the goal halved the quantity (-50 %): the loss of 60 would have been 120 without it, so
    // the goal added -60 x -0.5 / 0.5 = +60
    const trades = [trade('A', 10, '100'), trade('B', 20, '-60')];
    const decisions = [decision('A', 9, 0.25), decision('B', 19, -0.5)];
    const pnl = goalPnlOf(trades, decisions, 1000);
    expect(pnl.perTrade[0]).toBeCloseTo(20, 12);
    expect(pnl.perTrade[1]).toBeCloseTo(60, 12);
    expect(pnl.total).toBeCloseTo(80, 12);
    expect(pnl.shareOfFinalEquity).toBeCloseTo(0.08, 12);
  });

  it('takes the last decision on the symbol and side before the entry, skipped ones left out', () => {
    const trades = [trade('A', 10, '50'), trade('A', 30, '40', 'short')];
    const decisions = [
      decision('A', 5, 1), // superseded by the one at 9
      decision('A', 9, 0.25),
      decision('A', 9.5, 3, { skipped: 'min notional' }), // skipped: it opened nothing
      decision('A', 10, 7), // at the entry instant: decided after the fill
      decision('A', 25, 1, {}, 'short'),
      decision('B', 29, 9, {}, 'short'), // another symbol
    ];
    const pnl = goalPnlOf(trades, decisions, 100);
    expect(pnl.perTrade).toEqual([expect.closeTo(10, 12), expect.closeTo(20, 12)]);
  });

  it('gives all of a trade to the goal when only the goal made it, none to an engine without goals, and nothing without a decision', () => {
    const pnl = goalPnlOf([trade('A', 10, '30'), trade('B', 10, '30'), trade('C', 10, '30')], [decision('A', 9, null), decision('B', 9, 0, { engine: 'fixed-fraction', goalFactor: null })], 0);
    expect(pnl.perTrade).toEqual([30, 0, null]);
    expect(pnl.total).toBe(30);
    expect(pnl.shareOfFinalEquity, 'no equity to share').toBeNull();
    expect(goalPnlOf([], [], 100)).toEqual({ perTrade: [], total: 0, shareOfFinalEquity: null });
  });
});
