/**
 * The tracker driven directly on a simulated timeline: every time below is an explicit instant,
 * equity is set by hand, nothing reads the wall clock.
 */
import { describe, expect, it } from 'vitest';
import { GoalTracker, type TrackerSettings } from '../../src/goals/index.js';
import { BASE_SETTINGS, START, tracked } from './fixtures.js';
import { Ledger, money } from '../../src/ledger/index.js';
import type { PortfolioView } from '../../src/sim/types.js';

const HOUR = 3_600_000;
const MILESTONES = [0.25, 0.5, 0.75, 1].map((at) => ({ at, action: 'alert' as const }));
const settings: TrackerSettings = { ...BASE_SETTINGS, milestones: MILESTONES };
const setup = (overrides: Partial<TrackerSettings> = {}, riskTolerance = 0.02) => tracked({ settings: { milestones: MILESTONES, ...overrides }, riskTolerance });

describe('GoalTracker', () => {
  it('limits an increase to +50% of the current risk in one step, and caps at maxRisk', () => {
    const { tracker, at } = setup({ cooldownHours: 0 });
    at(Date.UTC(2021, 0, 2), 105_000); // progress 0.5 vs 1/31 elapsed, far ahead: 0.02 x 0.70 = 0.014
    expect(tracker.adjustedRisk).toBe(0.014);
    at(Date.UTC(2021, 0, 20), 100_000); // far behind: target 0.03, step limit 0.014 x 1.5 = 0.021
    expect(tracker.adjustedRisk).toBeCloseTo(0.021, 12);
    expect(tracker.adjustments[1]?.reason).toMatch(/step-limited/);
    const capped = setup({ cooldownHours: 0, maxRisk: 0.025 }, 0.04);
    capped.at(Date.UTC(2021, 0, 20), 100_000); // 0.04 x 1.5 = 0.06 -> band cap 0.05 -> maxRisk 0.025
    expect(capped.tracker.adjustedRisk).toBe(0.025);
  });

  it('tells the sizing engines which goal drives risk: the highest-priority goal not yet achieved', () => {
    const goals = [
      { type: 'monthly_income' as const, target: 5_000, priority: 2 },
      { type: 'monthly_return' as const, target: 0.05, priority: 1 },
    ];
    const tracker = new GoalTracker(goals, settings, { riskTolerance: 0.02, maxDrawdownPct: 0.15, initialCapital: 100_000 }, START);
    const portfolio = { ledger: new Ledger(money('100000'), [], { feeBps: 0, slippageBps: 0 }), lastPrices: new Float64Array(0), equity: 100_000, peakEquity: 100_000 } as PortfolioView;
    expect(tracker.goalInputs(Date.UTC(2021, 0, 10), portfolio).driver, 'return has priority 1, though listed second').toBe('monthly_return');
    const returnMet = { ...portfolio, equity: 106_000, peakEquity: 106_000 };
    expect(tracker.goalInputs(Date.UTC(2021, 0, 10), returnMet).driver, 'return achieved (6% of 5%): income drives').toBe('monthly_income');
  });

  it('makes no adjustment once every goal is achieved (no driver goal left)', () => {
    const { tracker, at } = setup({ cooldownHours: 0 });
    at(Date.UTC(2021, 0, 20), 110_000);
    expect(tracker.adjustments).toHaveLength(0);
    expect(tracker.alerts.map((a) => a.type)).toContain('goal_completed');
  });

  it('records each milestone once per month, and again after the month rolls over', () => {
    const { tracker, portfolio, at } = setup();
    at(START + HOUR, 103_000); // 30% of the 10% goal: the 25% milestone
    at(START + 2 * HOUR, 102_000);
    at(START + 3 * HOUR, 103_500);
    expect(tracker.milestones.map((m) => m.milestone)).toEqual([0.25]);
    tracker.onTimer('monthRollover', Date.UTC(2021, 1, 1), { ...portfolio, equity: 103_500 } as PortfolioView);
    at(Date.UTC(2021, 1, 1) + HOUR, 103_500); // the new month starts from 103,500: progress 0
    expect(tracker.milestones).toHaveLength(1);
    at(Date.UTC(2021, 1, 1) + 2 * HOUR, 106_200); // +2.6% this month
    expect(tracker.milestones.map((m) => `${m.period}:${m.milestone}`)).toEqual(['2021-01:0.25', '2021-02:0.25']);
  });

  it('resets the monthly goals at rollover and records the month', () => {
    const { tracker, portfolio } = setup();
    tracker.onTimer('monthRollover', Date.UTC(2021, 1, 1), { ...portfolio, equity: 111_000 } as PortfolioView);
    expect(tracker.months[0]).toMatchObject({ month: '2021-01', returnGoalMet: true, complete: true });
    const [progress] = tracker.evaluateAll(Date.UTC(2021, 1, 1), { ...portfolio, equity: 111_000 } as PortfolioView);
    expect(progress?.current, 'a new month starts at 0% return').toBe(0);
    expect(progress?.expected).toBe(0);
  });
});
