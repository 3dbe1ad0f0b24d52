import { describe, expect, it } from 'vitest';
import { simulate, protectiveExit } from '../../src/sim/engine.js';
import { bars, scripted, setup } from './fixtures.js';
import { keptCurve } from '../helpers.js';

describe('simulate', () => {
  it('fills at the next open, sized from the decision close', () => {
    const series = bars('A', [[100, 101, 99, 100], [110, 111, 109, 110], [120, 121, 119, 120]]);
    const out = simulate(setup([series], () => scripted({ 0: 'buy', 1: 'close' })));
    const [trade] = out.ledger.trades;
    // 50% of 10,000 / close 100 = 50 shares, bought at the next open 110, sold at the open 120
    expect([trade?.quantity.toFixed(), trade?.entryPrice.toFixed(), trade?.exitPrice.toFixed(), trade?.pnl.toFixed()]).toEqual(['50', '110', '120', '500']);
  });

  it('stops at the stop price, or at the open when the bar gaps through it', () => {
    const plain = bars('A', [[100, 100, 100, 100], [100, 101, 99, 100], [99, 99, 95, 96], [96, 96, 96, 96]]);
    const stopped = simulate(setup([plain], () => scripted({ 0: 'buy' }, 0.02))).ledger.trades[0];
    // entry at 100, stop 98: bar 2 opens at 99 and trades down to 95 -> filled at 98
    expect([stopped?.exitPrice.toFixed(), stopped?.exitReason, stopped?.exitTime]).toEqual(['98', 'stop_loss', Date.UTC(2020, 0, 3)]);
    const gap = bars('A', [[100, 100, 100, 100], [100, 101, 99, 100], [90, 91, 89, 90], [90, 90, 90, 90]]);
    const gapped = simulate(setup([gap], () => scripted({ 0: 'buy' }, 0.02))).ledger.trades[0];
    expect(gapped?.exitPrice.toFixed(), 'a gap through the stop fills at the open').toBe('90');
  });

  it('takes profit at the level or at a gap-up open', () => {
    expect(protectiveExit('long', 95, 110, 100, 112, 99)).toBe(110);
    expect(protectiveExit('long', 95, 110, 115, 116, 114)).toBe(115);
    expect(protectiveExit('long', 95, 110, 100, 112, 94), 'both reached in one bar: the stop is assumed first').toBe(-95);
    expect(protectiveExit('short', 105, 90, 100, 101, 89)).toBe(90);
    expect(protectiveExit('short', 105, 90, 108, 109, 100)).toBe(-108);
    expect(protectiveExit('long', NaN, NaN, 100, 200, 1)).toBe(0);
  });

  it('opens shorts only when allowed', () => {
    const series = bars('A', [[100, 100, 100, 100], [100, 100, 100, 100], [90, 90, 90, 90], [90, 90, 90, 90]]);
    const longOnly = simulate(setup([series], () => scripted({ 0: 'sell' })));
    expect(longOnly.ledger.trades).toHaveLength(0);
    const withShorts = simulate(setup([series], () => scripted({ 0: 'sell', 2: 'close' }), { execution: { closeAtEnd: true, allowShort: true, maxGrossExposure: 1 } }));
    const [trade] = withShorts.ledger.trades;
    // short 50 at 100, cover at 90: +500
    expect([trade?.direction, trade?.pnl.toFixed()]).toEqual(['short', '500']);
  });

  it('notes an order decided on the last bar, and closes open positions at the last close', () => {
    const series = bars('A', [[100, 100, 100, 100], [100, 100, 100, 104], [104, 104, 104, 107]]);
    const out = simulate(setup([series], () => scripted({ 0: 'buy', 2: 'close' })));
    expect(out.ledger.trades[0]?.exitReason).toBe('close_at_end');
    expect(out.ledger.trades[0]?.exitPrice.toFixed()).toBe('107');
    expect(out.ledger.notes.some((note) => /no later bar/.test(note.reason))).toBe(true);
    const kept = simulate(setup([series], () => scripted({ 0: 'buy' }), { execution: { closeAtEnd: false, allowShort: false, maxGrossExposure: 1 } }));
    expect(kept.ledger.trades).toHaveLength(0);
    expect(keptCurve(kept).equity[2], '5000 cash + 50 shares at 107').toBe(10_350);
  });

  it('marks several symbols before any strategy sizes, so equity includes every close of the instant', () => {
    const a = bars('A', [[10, 10, 10, 10], [10, 10, 10, 10], [10, 10, 10, 10]]);
    const b = bars('B', [[20, 20, 20, 20], [20, 20, 20, 40], [40, 40, 40, 40]]);
    const out = simulate(setup([b, a], (symbol) => scripted(symbol === 'B' ? { 0: 'buy' } : { 1: 'buy' })));
    // bar 0: B buys 250 @ next open 20 (50% of 10,000 / 20). bar 1: B closes at 40 -> equity 15,000;
    // A (processed after B, same instant) sizes 50% of 15,000 = 7,500, then is capped by the
    // 5,000 cash left: 500 shares.
    const aDecision = out.decisions.find((d) => d.symbol === 'A');
    expect(aDecision?.decision.stages[0]?.value, 'the base sees equity with B marked at 40').toBe(7_500);
    expect(aDecision?.decision.units.toFixed(), 'a long never sizes above available cash').toBe('500');
  });

  it('writes one equity row per instant with drawdown from the running peak', () => {
    const series = bars('A', [[100, 100, 100, 100], [100, 100, 100, 100], [100, 100, 100, 120], [120, 120, 120, 90]]);
    const out = simulate(setup([series], () => scripted({ 0: 'buy' })));
    // 50 shares at 100 from bar 1: equity 10,000, 10,000, 11,000, 9,500
    expect(Array.from(keptCurve(out).equity.subarray(0, 4))).toEqual([10_000, 10_000, 11_000, 9_500]);
    expect(keptCurve(out).drawdown[3]).toBeCloseTo(1 - 9_500 / 11_000, 12);
  });
});
