/**
 * The tracker cycle pinned value by value (SPEC 2.3, 2.4): cooldown, drawdown hysteresis,
 * alerts, milestone risk multipliers, the portfolio target and the progress rows. Every time is
 * an explicit simulated instant in January 2021 (31 days = 744 h), every equity is set by hand.
 * The last test checks the tracker's running statistics against a plain recomputation.
 */
import { describe, expect, it } from 'vitest';
import { sharpeRatio } from '../../src/analysis/metrics.js';
import { GoalTracker, type GoalConfig } from '../../src/goals/index.js';
import { BASE_SETTINGS, tracked } from './fixtures.js';
import { Ledger, money } from '../../src/ledger/index.js';
import type { PortfolioView } from '../../src/sim/types.js';
import { generateMinuteBars } from '../../src/bench/generate.js';
import { runEngineCase } from '../../src/bench/engineBench.js';
import { keptCurve } from '../helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const JAN = (day: number, hours = 0): number => Date.UTC(2021, 0, day) + hours * HOUR;
const BASE = BASE_SETTINGS;

describe('tracker cooldown', () => {
  it('blocks a different target 23 h after an adjustment and applies it at 24 h', () => {
    const { tracker, at } = tracked();
    // 15 Jan 00:00: 14/31 = 0.4516 of the month gone, progress 0: gap > 0.20 -> 0.02 x 1.5 = 0.03
    at(JAN(15), 100_000);
    expect(tracker.adjustedRisk).toBe(0.03);
    // 15 Jan 23:00: progress 0.8 (108k), expected 359/744 = 0.4825, ahead 0.3175 > 0.30 -> target 0.014
    at(JAN(15, 23), 108_000);
    expect(tracker.adjustments, 'a different target inside the 24 h cooldown is not applied').toHaveLength(1);
    expect(tracker.adjustedRisk).toBe(0.03);
    // 16 Jan 00:00: 24 h later, ahead 0.8 - 15/31 = 0.316 -> the same target 0.014 now applies
    at(JAN(16), 108_000);
    expect(tracker.adjustments.map((a) => [a.type, a.previous, a.next])).toEqual([
      ['risk_increase', 0.02, 0.03],
      ['risk_decrease', 0.03, 0.014],
    ]);
  });
});

describe('drawdown protection', () => {
  it('engages at 16 %, holds at 14 %, releases at 11 % (below 0.8 x 15 % = 12 %)', () => {
    // a portfolio goal without a date has no schedule (pace 1): risk stays at the 0.02 base
    const { tracker, at } = tracked({ goals: [{ type: 'portfolio_value', target: 1_000_000, priority: 1 }] });
    at(JAN(1, 1), 100_000);
    expect(tracker.currentRisk()).toBe(0.02);
    at(JAN(1, 2), 84_000, 100_000);
    expect(tracker.currentRisk(), '16 % drawdown: 0.02 x 0.5').toBe(0.01);
    at(JAN(1, 3), 86_000, 100_000);
    expect(tracker.currentRisk(), '14 %: still above the 12 % release level').toBe(0.01);
    at(JAN(1, 4), 89_000, 100_000);
    expect(tracker.currentRisk(), '11 %: released').toBe(0.02);
    expect(tracker.adjustments.map((a) => [a.status, a.previous, a.next])).toEqual([
      ['engaged', 0.02, 0.01],
      ['released', 0.01, 0.02],
    ]);
    expect(tracker.alerts.filter((a) => a.type === 'drawdown_breach')).toHaveLength(1);
  });
});

describe('alerts', () => {
  const types = (tracker: GoalTracker): string[] => tracker.alerts.map((a) => a.type);

  it('raises off_track once a gap exceeds 0.20, once per month', () => {
    const { tracker, at } = tracked({ settings: { cooldownHours: 1e6 } });
    at(JAN(7), 100_000); // expected 6/31 = 0.1935, progress 0: gap 0.1935
    expect(types(tracker)).not.toContain('off_track');
    at(JAN(15), 102_000); // expected 0.4516, progress 0.2: gap 0.2516
    at(JAN(16), 102_000);
    expect(types(tracker).filter((t) => t === 'off_track')).toHaveLength(1);
  });

  it('raises deadline_approaching at 5 days left below 0.8 progress', () => {
    const late = tracked({ settings: { cooldownHours: 1e6 } });
    late.at(JAN(26), 105_000); // ceil(6 days) left
    expect(types(late.tracker)).not.toContain('deadline_approaching');
    late.at(JAN(27), 105_000); // 5 days left, progress 0.5
    expect(late.tracker.alerts.filter((a) => a.type === 'deadline_approaching')).toEqual([{ time: JAN(27), type: 'deadline_approaching', goal: 'monthly_return', message: '5 days left with 50.0% progress' }]);
    late.at(JAN(28), 105_000);
    expect(late.tracker.alerts.filter((a) => a.type === 'deadline_approaching'), 'once a month').toHaveLength(1);
    const edge = tracked({ settings: { cooldownHours: 1e6 } });
    edge.at(JAN(27), 108_000); // progress 0.8000000000000007: not below 0.8
    expect(types(edge.tracker)).not.toContain('deadline_approaching');
    const nearly = tracked({ settings: { cooldownHours: 1e6 } });
    nearly.at(JAN(27), 108_500); // progress 0.85 >= 0.8
    expect(types(nearly.tracker)).not.toContain('deadline_approaching');
  });

  it('raises high_risk once when risk rises above 4 %', () => {
    // base 0.04, far behind: 0.04 x 1.5 = 0.06, capped by the band at 0.05
    const { tracker, at } = tracked({ riskTolerance: 0.04 });
    at(JAN(20), 100_000);
    expect(tracker.currentRisk()).toBe(0.05);
    at(JAN(20, 1), 100_000);
    expect(tracker.alerts.filter((a) => a.type === 'high_risk')).toEqual([{ time: JAN(20), type: 'high_risk', goal: '', message: 'risk per trade 5.00% is above 4%' }]);
    const calm = tracked({ riskTolerance: 0.02 });
    calm.at(JAN(20), 100_000); // 0.03 is not above 0.04
    expect(types(calm.tracker)).not.toContain('high_risk');
  });

  it('raises consecutive_adjustments at the third increase in a row, not the second', () => {
    // steps of +10 %: 0.02 -> 0.022 -> 0.0242 -> 0.02662, toward the 0.03 target of a gap > 0.20
    const { tracker, at } = tracked({ settings: { cooldownHours: 0, maxStepIncrease: 0.1 } });
    at(JAN(20), 100_000);
    at(JAN(20, 1), 100_000);
    expect(types(tracker)).not.toContain('consecutive_adjustments');
    at(JAN(20, 2), 100_000);
    expect(tracker.adjustedRisk).toBeCloseTo(0.02662, 15);
    expect(tracker.alerts.filter((a) => a.type === 'consecutive_adjustments')).toEqual([{ time: JAN(20, 2), type: 'consecutive_adjustments', goal: 'monthly_return', message: 'three consecutive risk increases' }]);
    // 20 Jan 02:00 is 458 of 744 h: expected 61.6 %; the target is 0.03, and a step-limited increase says so
    expect(tracker.adjustments[2]?.reason).toBe('Behind schedule by 61.6% on monthly_return (progress 0.0%, expected 61.6%). Increasing risk to 2.66% (target 3.00%, step-limited).');
    at(JAN(20, 3), 100_000);
    expect(tracker.alerts.filter((a) => a.type === 'consecutive_adjustments'), 'a fourth is not a new third').toHaveLength(1);
  });
});

describe('milestones and the portfolio target', () => {
  it('scales risk by a milestone riskMultiplier for the rest of the month only', () => {
    const { tracker, portfolio, at } = tracked({ settings: { cooldownHours: 1e6, milestones: [{ at: 0.5, action: 'none', riskMultiplier: 0.8 }] } });
    // 1 Jan 01:00: progress 0.5 (105k), expected 1/744: ahead 0.4987 -> 0.02 x 0.70 = 0.014
    at(JAN(1, 1), 105_000);
    expect(tracker.adjustedRisk).toBe(0.014);
    expect(tracker.currentRisk(), '0.014 x 0.8').toBeCloseTo(0.0112, 15);
    tracker.onTimer('monthRollover', Date.UTC(2021, 1, 1), { ...portfolio, equity: 105_000 } as PortfolioView);
    expect(tracker.currentRisk(), 'the multiplier ends with the month').toBe(0.014);
  });

  it('records when the portfolio target is reached, and it stays achieved', () => {
    const { tracker, at } = tracked({ goals: [{ type: 'portfolio_value', target: 150_000, priority: 1 }] });
    at(JAN(2), 149_999);
    expect(tracker.portfolioTargetReachedAt).toBeNull();
    at(JAN(3), 150_000);
    at(JAN(4), 140_000);
    expect(tracker.portfolioTargetReachedAt).toBe(JAN(3));
    expect(tracker.progressRows.at(-1)?.status, 'once reached, stays achieved').toBe('achieved');
  });
});

describe('progress rows', () => {
  it('carry unrealised P&L of a long and a short, the win rate and the signed monthly income', () => {
    const goals: GoalConfig[] = [{ type: 'monthly_income', target: 1_000, priority: 1 }];
    const tracker = new GoalTracker(goals, BASE, { riskTolerance: 0.02, maxDrawdownPct: 0.15, initialCapital: 100_000 }, JAN(1));
    const instruments = ['A', 'B', 'C', 'D'].map((symbol) => ({ symbol, assetClass: 'equity', lotStep: money('1'), minNotional: money('0') }));
    const ledger = new Ledger(money('100000'), instruments, { feeBps: 0, slippageBps: 0 });
    const prices = new Float64Array([100, 200, 50, 80]);
    const open = (s: number, direction: 'long' | 'short', quantity: string, price: number) =>
      ledger.open({ symbolIndex: s, direction, quantity: money(quantity), marketPrice: price, time: JAN(1, 1), stopLossPct: NaN, takeProfitPct: NaN, maxGrossExposure: 1 }, prices);
    open(0, 'long', '10', 100);
    open(1, 'short', '5', 200);
    open(2, 'long', '20', 50);
    ledger.close(2, 45, JAN(1, 2), 'exit'); // -100: a loss
    open(3, 'long', '1', 80);
    ledger.close(3, 80, JAN(1, 2), 'exit'); // 0: breakeven is not a win
    const view = (lastPrices: Float64Array): PortfolioView => ({ ledger, lastPrices, equity: ledger.equityAt(lastPrices), peakEquity: 100_000 });
    tracker.onTimer('interval', JAN(1, 3), view(new Float64Array([110, 190, 45, 80])));
    const first = tracker.progressRows.at(-1);
    // long 10 x (110 - 100) = 100, short 5 x (200 - 190) = 50
    expect(first?.unrealizedPnl).toBe(150);
    expect(first?.current, 'a losing month has negative income').toBe(-100);
    expect(first?.winRate).toBe(0);
    ledger.close(0, 130, JAN(1, 4), 'exit'); // +300
    tracker.onTimer('interval', JAN(1, 5), view(new Float64Array([130, 190, 45, 80])));
    const second = tracker.progressRows.at(-1);
    expect(second?.current, '-100 + 300').toBe(200);
    expect(second?.winRate, 'one winner of three closed trades').toBe(1 / 3);
    expect(second?.unrealizedPnl, 'only the short is open').toBe(50);
  });
});

describe('running statistics', () => {
  it('equal a plain recomputation at every progress row of a random goal-tracked run', () => {
    // six weeks of seeded minute bars crossing a month end, sma-cross, seed-001 goals, hourly cycle
    const series = generateMinuteBars('BENCH', 60_000, 'tracker-recompute');
    const { output, tracker } = runEngineCase(series, 'fixed-fraction+goals');
    const { ledger } = output;
    const curve = keptCurve(output);
    if (tracker === undefined) throw new Error('the goals case has a tracker');
    const equityBefore = (time: number): number => {
      let i = 0;
      while (i < curve.length && (curve.time[i] as number) < time) i++;
      return i === 0 ? 100_000 : (curve.equity[i - 1] as number);
    };
    const rows = tracker.progressRows.filter((row) => row.goal === 'monthly_return');
    expect(rows.length, 'one row per hour').toBeGreaterThan(900);
    expect(ledger.trades.length).toBeGreaterThan(100);
    const firstMidnight = Math.ceil((series.time[0] as number) / DAY) * DAY;
    for (const row of rows) {
      // timers at an instant fire before its bars: trades closed before it, snapshots up to it
      const closed = ledger.trades.filter((t) => t.exitTime < row.time);
      const winRate = closed.length === 0 ? null : closed.filter((t) => t.pnl.sign() > 0).length / closed.length;
      expect(row.winRate, `win rate at ${new Date(row.time).toISOString()}`).toBe(winRate);
      const snapshots: number[] = [];
      for (let midnight = firstMidnight; midnight <= row.time; midnight += DAY) snapshots.push(equityBefore(midnight));
      const returns = snapshots.slice(1).map((e, i) => e / (snapshots[i] as number) - 1);
      const sharpe = sharpeRatio(returns, 365);
      if (sharpe === null) expect(row.sharpe).toBeNull();
      else expect(Math.abs((row.sharpe as number) - sharpe), `Sharpe at ${new Date(row.time).toISOString()}`).toBeLessThan(1e-12 * Math.max(1, Math.abs(sharpe)));
    }
  });
});
