import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGoal, type PeriodState } from '../../src/goals/evaluate.js';
import { elapsedFraction, geometricExpected, paceOf, portfolioProgress, statusOf, statusPace } from '../../src/goals/progress.js';
import type { GoalConfig } from '../../src/goals/types.js';

const DAY = 86_400_000;

describe('pace = 1 + progress - expected (SPEC 2.2)', () => {
  it('on the decimals near a round number, where the float sum misses it', () => {
    // 1 + 0.15 - 0.3 is 0.8499999999999999 in floats: the on-track edge 0.85 would be missed
    expect(1 + 0.15 - 0.3).toBeLessThan(0.85);
    expect(paceOf(0.15, 0.3)).toBe(0.85);
    expect(1 + 0.36 - 0.66).toBeLessThan(0.7);
    expect(paceOf(0.36, 0.66)).toBe(0.7);
    expect(paceOf(0.5, 0.5)).toBe(1);
  });

  it('is the float sum itself away from round numbers', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (progress, expected) => {
        const sum = 1 + progress - expected;
        const scaled = sum * 10 ** (10 - Math.floor(Math.log10(Math.abs(sum))));
        fc.pre(Math.abs(scaled - Math.round(scaled)) > 0.01);
        expect(paceOf(progress, expected)).toBe(sum);
      }),
    );
    expect(paceOf(0.123456789, 0.5)).toBeCloseTo(0.623456789, 15);
    expect(paceOf(0.8, 0.123456789)).toBeCloseTo(1.676543211, 15);
  });

  it('as the status reads it: the decimals decide only at a status edge', () => {
    expect(statusPace(0.15, 0.3)).toBe(0.85);
    expect(statusOf(0.15, statusPace(0.15, 0.3))).toBe('on_track');
    expect(statusPace(0.36, 0.66)).toBe(0.7);
    expect(statusOf(0.36, statusPace(0.36, 0.66))).toBe('at_risk');
    // away from both edges the float sum stands, unrounded
    expect(statusPace(0.123456789, 0.5)).toBe(1 + 0.123456789 - 0.5);
    expect(statusPace(0.9, 0.2)).toBe(1 + 0.9 - 0.2);
    // other thresholds move the edges: 0.85 is no edge here, 0.9 is
    const thresholds = { onTrackMin: 0.9, atRisk: 0.6 };
    expect(statusPace(0.15, 0.3, thresholds)).toBe(1 + 0.15 - 0.3);
    expect(1 + 0.2 - 0.3).toBeLessThan(0.9);
    expect(statusPace(0.2, 0.3, thresholds)).toBe(0.9);
  });

  it('elapsed share and the geometric schedule of the portfolio goal', () => {
    expect(elapsedFraction(0, 10, 5)).toBe(0.5);
    expect(elapsedFraction(0, 10, -5), 'clamped below').toBe(0);
    expect(elapsedFraction(0, 10, 50), 'clamped above').toBe(1);
    expect(elapsedFraction(7, 7, 7), 'an empty period is over').toBe(1);
    expect(elapsedFraction(7, 3, 5)).toBe(1);
    // 100k to 1M: value 100k x 10^t, as a share of the 900k gain: 0 at t = 0, (sqrt(10) - 1)/9 at t = 0.5, 1 at t = 1
    expect(geometricExpected(100_000, 1_000_000, 0)).toBeCloseTo(0, 15);
    expect(geometricExpected(100_000, 1_000_000, 0.5)).toBeCloseTo((Math.sqrt(10) - 1) / 9, 15);
    expect(geometricExpected(100_000, 1_000_000, 1)).toBeCloseTo(1, 15);
    expect(geometricExpected(200_000, 100_000, 0.5), 'above the target already: linear').toBe(0.5);
    expect(geometricExpected(100_000, 100_000, 0.5), 'at the target: linear').toBe(0.5);
    expect(geometricExpected(0, 1_000_000, 0.3), 'no start: linear').toBe(0.3);
    expect(geometricExpected(-5, 1_000_000, 0.3)).toBe(0.3);
    expect(geometricExpected(100_000, 0, 0.3)).toBe(0.3);
  });

  it("the portfolio goal's progress is the share of the gain made: 0 at the start, 1 at the target", () => {
    expect(portfolioProgress(100_000, 1_000_000, 100_000)).toBe(0);
    expect(portfolioProgress(100_000, 1_000_000, 325_000)).toBe(0.25);
    expect(portfolioProgress(100_000, 1_000_000, 1_000_000)).toBe(1);
    expect(portfolioProgress(100_000, 1_000_000, 90_000), 'below the start').toBeCloseTo(-1 / 90, 15);
    // a target at or below the start: met while equity is at or above it
    expect([portfolioProgress(100_000, 90_000, 95_000), portfolioProgress(100_000, 90_000, 89_999), portfolioProgress(100_000, 100_000, 100_000)]).toEqual([1, 0, 1]);
  });
});

describe('one goal evaluated at an instant (SPEC 2.1, 2.2)', () => {
  const runStart = Date.UTC(2024, 0, 1);
  const state: PeriodState = { monthStart: runStart, monthEnd: Date.UTC(2024, 1, 1), monthStartEquity: 100_000, monthIncome: 1_500, runStart, runStartEquity: 100_000, portfolioAchieved: false };
  const halfJanuary = runStart + 15.5 * DAY; // 31-day month: half elapsed

  it('monthly return: progress of the month, expected the elapsed share, days to the month end', () => {
    const p = evaluateGoal({ type: 'monthly_return', target: 0.1, priority: 1 }, halfJanuary, 104_000, state);
    expect(p.current).toBeCloseTo(0.04, 12);
    expect(p.progress).toBeCloseTo(0.4, 12);
    expect(p.expected).toBe(0.5);
    expect(p.pace).toBeCloseTo(0.9, 12);
    expect(p.status).toBe('on_track');
    expect(p.daysRemaining).toBe(16);
    // (1.1 / 1.04)^(1/16) - 1
    expect(p.requiredDailyReturn).toBeCloseTo((1.1 / 1.04) ** (1 / 16) - 1, 12);
    const quick = evaluateGoal({ type: 'monthly_return', target: 0.1, priority: 1 }, halfJanuary, 104_000, state, false);
    expect(quick.status).toBe(p.status);
    expect(quick.requiredDailyReturn, 'outcome-only: not computed').toBeNull();
  });

  it('monthly income: the realised P&L of the month', () => {
    const p = evaluateGoal({ type: 'monthly_income', target: 4_000, priority: 2 }, halfJanuary, 90_000, state);
    expect(p.current).toBe(1_500);
    expect(p.progress).toBe(0.375);
    expect(p.pace).toBe(0.875); // 1 + 0.375 - 0.5
    expect(p.status).toBe('on_track');
    // the 2,500 still missing over 16 days, as a share of equity
    expect(p.requiredDailyReturn).toBeCloseTo(2_500 / 16 / 90_000, 15);
    const lower = evaluateGoal({ type: 'monthly_income', target: 4_000, priority: 2 }, halfJanuary, 90_000, { ...state, monthIncome: 1_000 });
    expect([lower.pace, lower.status]).toEqual([0.75, 'at_risk']);
  });

  const portfolio: GoalConfig = { type: 'portfolio_value', target: 1_000_000, priority: 3 };

  it('portfolio value without a date: no schedule, pace 1, no days', () => {
    const p = evaluateGoal(portfolio, halfJanuary, 200_000, state);
    expect(p.current).toBe(200_000);
    expect(p.progress, '100k of the 900k gain to 1M').toBe(1 / 9);
    expect(p.expected, 'expected is the progress itself').toBe(1 / 9);
    expect(p.pace).toBe(1);
    expect(p.status).toBe('on_track');
    expect(p.daysRemaining).toBeNull();
    expect(p.requiredDailyReturn).toBeNull();
  });

  it('portfolio value with a date: the geometric schedule from the run start', () => {
    const dated = { ...portfolio, targetDate: runStart + 100 * DAY };
    const p = evaluateGoal(dated, runStart + 50 * DAY, 200_000, state);
    expect(p.expected).toBeCloseTo((Math.sqrt(10) - 1) / 9, 12); // 100k x 10^0.5, less the start, over the 900k gain
    expect(p.pace).toBeCloseTo(1 + 1 / 9 - (Math.sqrt(10) - 1) / 9, 12); // 0.8709: on track
    expect(p.status).toBe('on_track');
    expect(p.daysRemaining).toBe(50);
    expect(p.requiredDailyReturn).toBeCloseTo(5 ** (1 / 50) - 1, 12); // 200k to 1M in 50 days
  });

  it('once reached, the portfolio goal stays achieved; other goals do not inherit it', () => {
    const reached = { ...state, portfolioAchieved: true };
    expect(evaluateGoal(portfolio, halfJanuary, 500_000, reached).status).toBe('achieved');
    expect(evaluateGoal({ type: 'monthly_return', target: 0.1, priority: 1 }, halfJanuary, 90_000, reached).status).toBe('behind');
  });
});
