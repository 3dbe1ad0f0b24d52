/**
 * The tracker keeps its alerts and risk adjustments as figures and writes their rows when read
 * (goals/eventLog.ts). These pin what that must not change: a table taken earlier keeps its own
 * rows, rows are built once, the kind of an adjustment is the direction of its target (not of
 * the capped step), milestones at one fraction fire as one, and the fired state is per period.
 */
import { describe, expect, it } from 'vitest';
import { BASE_SETTINGS, tracked } from './fixtures.js';

const HOUR = 3_600_000;
const JAN = (day: number, hours = 0): number => Date.UTC(2021, 0, day) + hours * HOUR;
const FEB = (day: number, hours = 0): number => Date.UTC(2021, 1, day) + hours * HOUR;

describe('the tracker logs', () => {
  it('a table taken before later alerts keeps its own rows; reading twice gives the same objects', () => {
    const { tracker, at } = tracked();
    at(JAN(15), 100_000); // off track: 14/31 of the month gone, nothing made
    const before = tracker.tables();
    at(JAN(16), 84_000, 100_000); // a 16 % drawdown: an adjustment and a breach alert
    expect(before.alerts.map((a) => a.type)).toEqual(['off_track']);
    expect(before.adjustments.map((a) => a.type)).toEqual(['risk_increase']);
    expect(tracker.alerts.map((a) => a.type)).toEqual(['off_track', 'drawdown_breach']);
    expect(tracker.tables().adjustments.map((a) => a.status)).toEqual(['applied', 'engaged']);
    expect(tracker.alerts[0]).toBe(tracker.alerts[0]);
    expect(tracker.alerts[1]?.message).toBe('Drawdown 16.0% reached the 15.0% limit: risk x0.5.');
    expect(before.counts.drawdownProtections).toBe(0);
    expect(tracker.outcomeCounts().drawdownProtections).toBe(1);
  });

  it('an increase capped below the risk it starts from is still a risk_increase, with its reason', () => {
    // the base risk 0.02 is above maxRisk 0.01: far behind schedule asks 0.03, the cap gives 0.01
    const { tracker, at } = tracked({ settings: { maxRisk: 0.01 } });
    at(JAN(15), 100_000);
    expect(tracker.adjustments).toHaveLength(1);
    const [adjustment] = tracker.adjustments;
    expect([adjustment?.type, adjustment?.previous, adjustment?.next]).toEqual(['risk_increase', 0.02, 0.01]);
    expect(adjustment?.reason).toBe('Behind schedule by 45.2% on monthly_return (progress 0.0%, expected 45.2%). Increasing risk to 1.00% (target 3.00%, step-limited).');
  });

  it('two milestones at one fraction fire as one; monthly ones fire again next month, the portfolio goal once a run', () => {
    const { tracker, at } = tracked({
      goals: [
        { type: 'monthly_return', target: 0.1, priority: 1 },
        { type: 'portfolio_value', target: 200_000, priority: 2 },
      ],
      settings: { ...BASE_SETTINGS, milestones: [{ at: 0.5, action: 'alert' }, { at: 0.5, action: 'none', riskMultiplier: 0.5 }] },
    });
    at(JAN(10), 150_000);
    // the monthly goal's 50 % and the portfolio goal's 50 %: each once, by the first milestone at 0.5
    expect(tracker.milestones.map((m) => [m.goal, m.period, m.action])).toEqual([
      ['monthly_return', '2021-01', 'alert'],
      ['portfolio_value', 'run', 'alert'],
    ]);
    at(JAN(11), 151_000);
    expect(tracker.milestones).toHaveLength(2);
    const portfolio = { ledger: { realizedPnlValue: 0, interestValue: 0, trades: [], positions: [] }, lastPrices: new Float64Array(0), equity: 151_000, peakEquity: 151_000 };
    tracker.onTimer('monthRollover', FEB(1), portfolio as never);
    at(FEB(2), 170_000);
    expect(tracker.milestones.map((m) => [m.goal, m.period])).toEqual([
      ['monthly_return', '2021-01'],
      ['portfolio_value', 'run'],
      ['monthly_return', '2021-02'],
    ]);
    expect(tracker.alerts.filter((a) => a.type === 'milestone_achieved').map((a) => a.message)).toEqual([
      'monthly_return reached 50% of its target (2021-01)',
      'portfolio_value reached 50% of its target (run)',
      'monthly_return reached 50% of its target (2021-02)',
    ]);
    expect(tracker.months.map((m) => m.month)).toEqual(['2021-01']);
  });
});
