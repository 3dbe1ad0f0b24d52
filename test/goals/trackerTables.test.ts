/**
 * The tracker's tables row by row on one scripted January (SPEC 2.3, 2.4): every adjustment,
 * milestone and alert with its text, the month's outcome, the daily history, and the same
 * outcome in the outcome-only mode. Goals: monthly return 10 % (priority 1) and a portfolio
 * value of 120,000 without a date (priority 2); capital 100,000, base risk 2 %, drawdown limit
 * 50 % (release below 40 %), milestones 50 % (alert) and 100 % (risk x0.8, no alert).
 * January has 744 hours; expected progress of the month at day d 00:00 is (d - 1) / 31.
 */
import { describe, expect, it } from 'vitest';
import { GoalTracker, type GoalConfig, type TrackerSettings } from '../../src/goals/index.js';
import type { PortfolioView } from '../../src/sim/types.js';
import { BASE_SETTINGS } from './fixtures.js';

const HOUR = 3_600_000;
const JAN = (day: number, hours = 0): number => Date.UTC(2021, 0, day) + hours * HOUR;
const FEB = (day: number, hours = 0): number => Date.UTC(2021, 1, day) + hours * HOUR;
const GOALS: GoalConfig[] = [
  { type: 'monthly_return', target: 0.1, priority: 1 },
  { type: 'portfolio_value', target: 120_000, priority: 2 },
];
const SETTINGS: TrackerSettings = { ...BASE_SETTINGS, milestones: [{ at: 0.5, action: 'alert' }, { at: 1, action: 'none', riskMultiplier: 0.8 }] };

function scripted(settings: TrackerSettings = SETTINGS, goals: readonly GoalConfig[] = GOALS) {
  const tracker = new GoalTracker(goals, settings, { riskTolerance: 0.02, maxDrawdownPct: 0.5, initialCapital: 100_000 }, JAN(1));
  const ledger = { realizedPnlValue: 0, trades: [], positions: [] };
  const view = (equity: number, peak: number): PortfolioView => ({ ledger, lastPrices: new Float64Array(0), equity, peakEquity: peak }) as unknown as PortfolioView;
  const cycle = (time: number, equity: number, peak = 120_000): void => tracker.onTimer('interval', time, view(equity, peak));
  const risks: number[] = [];
  tracker.onTimer('dailySnapshot', JAN(2), view(100_000, 100_000));
  cycle(JAN(11), 100_000, 100_000); // 1
  cycle(JAN(12), 100_000, 100_000); // 2
  cycle(JAN(13), 105_000, 105_000); // 3
  cycle(JAN(13, 12), 110_000, 110_000); // 4
  risks.push(tracker.currentRisk());
  cycle(JAN(14), 120_000, 120_000); // 5
  risks.push(tracker.currentRisk());
  cycle(JAN(15), 60_000); // 6
  risks.push(tracker.currentRisk());
  cycle(JAN(15, 12), 72_000); // 7
  risks.push(tracker.currentRisk());
  cycle(JAN(16), 73_000); // 8
  risks.push(tracker.currentRisk());
  ledger.realizedPnlValue = -27_000;
  tracker.onTimer('monthRollover', FEB(1), view(73_000, 120_000));
  risks.push(tracker.currentRisk());
  ledger.realizedPnlValue = -26_000;
  cycle(FEB(2), 80_300); // 9: +10 % on the month
  return { tracker, risks };
}

// each test runs the script itself: work done while the suite is collected is no test's (for mutation coverage)
describe('the tracker tables of a scripted January', () => {

  it('adjusts risk with the reasons it states', () => {
    const { tracker } = scripted();
    expect(tracker.adjustments).toEqual([
      // 1: progress 0 against 10/31 = 32.3 % expected: gap > 0.20 -> 0.02 x 1.5 = 0.03 (within the +50 % step)
      { time: JAN(11), goal: 'monthly_return', type: 'risk_increase', previous: 0.02, next: 0.03, status: 'applied', reason: 'Behind schedule by 32.3% on monthly_return (progress 0.0%, expected 32.3%). Increasing risk to 3.00%.' },
      // 2: the same target: nothing. 3: progress 50 % against 12/31 = 38.7 %: ahead 11.3 % < 15 % -> base 0.02
      { time: JAN(13), goal: 'monthly_return', type: 'risk_decrease', previous: 0.03, next: 0.02, status: 'applied', reason: 'Ahead of schedule by 11.3% on monthly_return (progress 50.0%, expected 38.7%). Reducing risk to 2.00%.' },
      // 6: 60k of a 120k peak is a 50 % drawdown: protection, risk 0.02 x 0.64 (two milestones) -> x0.5
      { time: JAN(15), goal: '', type: 'drawdown_protection', previous: expect.closeTo(0.0128, 15), next: expect.closeTo(0.0064, 15), status: 'engaged', reason: 'Drawdown 50.0% reached the 50.0% limit: risk x0.5.' },
      // then the month is down 40 %: progress -4 against 14/31 = 45.2 % -> 0.03
      { time: JAN(15), goal: 'monthly_return', type: 'risk_increase', previous: 0.02, next: 0.03, status: 'applied', reason: 'Behind schedule by 445.2% on monthly_return (progress -400.0%, expected 45.2%). Increasing risk to 3.00%.' },
      // 7: 72k is exactly 40 %, not below it: still protected. 8: 73k is 39.2 %: released
      { time: JAN(16), goal: '', type: 'drawdown_protection', previous: expect.closeTo(0.0096, 15), next: expect.closeTo(0.0192, 15), status: 'released', reason: 'Drawdown 39.2% back below 40.0%: protection released.' },
    ]);
  });

  it('records milestones per goal and period, the risk multiplier named', () => {
    const { tracker } = scripted();
    // the portfolio goal counts the gain from 100,000 to 120,000: half of it at 110,000, not at 60,000
    // (equity / target said 83 % on the first cycle, with nothing gained)
    expect(tracker.milestones).toEqual([
      { time: JAN(13), goal: 'monthly_return', period: '2021-01', milestone: 0.5, progress: expect.closeTo(0.5, 12), action: 'alert' },
      { time: JAN(13, 12), goal: 'monthly_return', period: '2021-01', milestone: 1, progress: expect.closeTo(1, 12), action: 'risk x0.8' },
      { time: JAN(13, 12), goal: 'portfolio_value', period: 'run', milestone: 0.5, progress: 0.5, action: 'alert' },
      { time: JAN(14), goal: 'portfolio_value', period: 'run', milestone: 1, progress: 1, action: 'risk x0.8' },
      // February: the monthly goal's milestones again; the portfolio's are once per run
      { time: FEB(2), goal: 'monthly_return', period: '2021-02', milestone: 0.5, progress: expect.closeTo(1, 12), action: 'alert' },
      { time: FEB(2), goal: 'monthly_return', period: '2021-02', milestone: 1, progress: expect.closeTo(1, 12), action: 'risk x0.8' },
    ]);
  });

  it('raises each alert once, with its message', () => {
    const { tracker } = scripted();
    expect(tracker.alerts).toEqual([
      { time: JAN(11), type: 'off_track', goal: 'monthly_return', message: 'monthly_return is 32.3% behind schedule' },
      { time: JAN(13), type: 'milestone_achieved', goal: 'monthly_return', message: 'monthly_return reached 50% of its target (2021-01)' },
      { time: JAN(13, 12), type: 'goal_completed', goal: 'monthly_return', message: 'monthly_return target 0.1 reached (2021-01)' },
      { time: JAN(13, 12), type: 'milestone_achieved', goal: 'portfolio_value', message: 'portfolio_value reached 50% of its target (run)' },
      { time: JAN(14), type: 'goal_completed', goal: 'portfolio_value', message: 'portfolio_value target 120000 reached (run)' },
      { time: JAN(15), type: 'drawdown_breach', goal: '', message: 'Drawdown 50.0% reached the 50.0% limit: risk x0.5.' },
      { time: FEB(2), type: 'milestone_achieved', goal: 'monthly_return', message: 'monthly_return reached 50% of its target (2021-02)' },
      { time: FEB(2), type: 'goal_completed', goal: 'monthly_return', message: 'monthly_return target 0.1 reached (2021-02)' },
    ]);
  });

  it('multiplies risk by milestones and drawdown, and resets the milestone multiplier at the month', () => {
    const { tracker, risks } = scripted();
    // after 4: 0.02 x 0.8; 5: x0.8 again; 6: 0.03 x 0.5 x 0.64; 7: held; 8: released 0.03 x 0.64; rollover: 0.03
    expect(risks.map((r) => Number(r.toFixed(12)))).toEqual([0.016, 0.0128, 0.0096, 0.0096, 0.0192, 0.03]);
    expect(tracker.portfolioTargetReachedAt, 'first reached on 14 Jan, kept after the fall').toBe(JAN(14));
  });

  it('closes January with its return, income and goals met, and counts the outcome', () => {
    const { tracker } = scripted();
    expect(tracker.months).toEqual([{ month: '2021-01', returnPct: expect.closeTo(-0.27, 12), income: -27_000, returnGoalMet: false, incomeGoalMet: null, complete: true }]);
    tracker.recordMonth(FEB(3), { ledger: { realizedPnlValue: -26_000, trades: [], positions: [] }, lastPrices: new Float64Array(0), equity: 80_300, peakEquity: 120_000 } as unknown as PortfolioView, false);
    expect(tracker.months[1]).toEqual({ month: '2021-02', returnPct: expect.closeTo(0.1, 12), income: 1_000, returnGoalMet: true, incomeGoalMet: null, complete: false });
    expect(tracker.outcomeCounts()).toEqual({ months: 2, monthsReturnGoalMet: 1, monthsIncomeGoalMet: 0, riskAdjustments: 3, drawdownProtections: 1, milestones: 6 });
  });

  it('writes one history row per goal at each daily snapshot, dated the day before', () => {
    const { tracker } = scripted();
    expect(tracker.historyRows).toEqual([
      { day: JAN(2) - 1, goal: 'monthly_return', actual: 0, target: 0.1, variancePct: -(1 / 31) * 100, status: 'on_track' },
      { day: JAN(2) - 1, goal: 'portfolio_value', actual: 100_000, target: 120_000, variancePct: 0, status: 'on_track' },
    ]);
  });

  it('writes a progress row per goal and cycle, with the required daily return', () => {
    const { tracker } = scripted();
    expect(tracker.progressRows).toHaveLength(2 * 9);
    const first = tracker.progressRows[0];
    expect(first).toMatchObject({ time: JAN(11), goal: 'monthly_return', progress: 0, status: 'behind', daysRemaining: 21, risk: 0.03, portfolioValue: 100_000, realizedPnl: 0, unrealizedPnl: 0, winRate: null });
    expect(first?.requiredDailyReturn).toBeCloseTo(1.1 ** (1 / 21) - 1, 12);
  });
});

describe('the tracker in outcome-only mode', () => {
  it('keeps the same adjustments, milestones, alerts and months, without the rows', () => {
    const full = scripted().tracker;
    const outcome = scripted({ ...SETTINGS, recordRows: false }).tracker;
    expect(outcome.adjustments).toEqual(full.adjustments);
    expect(outcome.milestones).toEqual(full.milestones);
    expect(outcome.alerts).toEqual(full.alerts);
    expect(outcome.months).toEqual(full.months);
    expect([outcome.progressRows.length, outcome.historyRows.length]).toEqual([0, 0]);
    expect(outcome.tables().counts).toEqual(full.tables().counts);
  });
});

describe('the driver goal', () => {
  it('a configured driver drives risk even after it is achieved; otherwise the first unachieved by priority', () => {
    const portfolioFirst: GoalConfig[] = [
      { type: 'monthly_return', target: 0.1, priority: 2 },
      { type: 'portfolio_value', target: 200_000, priority: 1, targetDate: JAN(31) },
    ];
    const configured = new GoalTracker(portfolioFirst, { ...BASE_SETTINGS, driverGoal: 'monthly_return' }, { riskTolerance: 0.02, maxDrawdownPct: 0.5, initialCapital: 100_000 }, JAN(1));
    const view = { ledger: { realizedPnlValue: 0, trades: [], positions: [] }, lastPrices: new Float64Array(0), equity: 100_000, peakEquity: 100_000 } as unknown as PortfolioView;
    expect(configured.goalInputs(JAN(11), view).driver).toBe('monthly_return');
    configured.onTimer('interval', JAN(11), view);
    expect(configured.adjustments.map((a) => a.goal)).toEqual(['monthly_return']);
    const byPriority = new GoalTracker(portfolioFirst, BASE_SETTINGS, { riskTolerance: 0.02, maxDrawdownPct: 0.5, initialCapital: 100_000 }, JAN(1));
    expect(byPriority.goalInputs(JAN(11), view).driver).toBe('portfolio_value');
    // nothing of the 100,000 gain made yet; the schedule asks 100,000 x 2^(10/30) - 100,000 of it by now
    expect(byPriority.goalInputs(JAN(11), view).portfolio_value).toEqual({ progress: 0, expected: expect.closeTo((100_000 * 2 ** (10 / 30) - 100_000) / 100_000, 12), target: 200_000 });
  });
});

describe('the first month', () => {
  it.each([
    ['from the 1st at 00:00: complete', Date.UTC(2021, 0, 1), true],
    ['from the 1st at 09:00: partial', Date.UTC(2021, 0, 1, 9), false],
    ['from the 2nd: partial', Date.UTC(2021, 0, 2), false],
  ])('%s', (_label, start, complete) => {
    const tracker = new GoalTracker(GOALS, BASE_SETTINGS, { riskTolerance: 0.02, maxDrawdownPct: 0.5, initialCapital: 100_000 }, start);
    const view = { ledger: { realizedPnlValue: 0, trades: [], positions: [] }, lastPrices: new Float64Array(0), equity: 100_000, peakEquity: 100_000 } as unknown as PortfolioView;
    tracker.onTimer('monthRollover', FEB(1), view);
    tracker.onTimer('monthRollover', Date.UTC(2021, 2, 1), view);
    expect(tracker.months.map((m) => m.complete)).toEqual([complete, true]);
  });
});
