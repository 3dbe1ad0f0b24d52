import { describe, expect, it } from 'vitest';
import { paceOf, progressRisk, progressRiskDecimal, requiredDailyReturn, riskBand, statusOf } from '../../src/goals/index.js';

// gap = expected - progress. Inputs are chosen so the gap is exact in decimals.
describe('progressRisk bands (SPEC 2.4), every edge on both sides', () => {
  it.each([
    ['gap 0.2000001: x1.5', 0, 0.2000001, 0.03],
    ['gap 0.20: x1.3', 0.3, 0.5, 0.026],
    ['gap 0.1000001: x1.3', 0.3999999, 0.5, 0.026],
    ['gap 0.10: x1.1', 0.4, 0.5, 0.022],
    ['gap 0.0000001: x1.1', 0.4999999, 0.5, 0.022],
    ['gap 0: base', 0.5, 0.5, 0.02],
    ['ahead 0.1499999: base', 0.6499999, 0.5, 0.02],
    ['ahead 0.15: x0.85', 0.65, 0.5, 0.017],
    ['ahead 0.30: x0.85', 0.8, 0.5, 0.017],
    ['ahead 0.3000001: x0.70', 0.8000001, 0.5, 0.014],
  ])('%s', (_label, progress, expected, risk) => {
    expect(progressRisk(0.02, progress, expected)).toBe(risk);
  });
  it('caps each band', () => {
    expect(progressRisk(0.04, 0, 0.5), 'x1.5 capped at 5%').toBe(0.05);
    expect(progressRisk(0.04, 0.35, 0.5), 'x1.3 capped at 4%').toBe(0.04);
    expect(progressRisk(0.04, 0.45, 0.5), 'x1.1 capped at 3%').toBe(0.03);
  });
});

describe('progressRisk between the edges and where floats miss an edge', () => {
  it.each([
    // a gap well inside each band, decided on floats
    ['gap 0.25: x1.5', 0.5, 0.75, 0.03],
    ['gap 0.15: x1.3', 0.35, 0.5, 0.026],
    ['gap 0.05: x1.1', 0.45, 0.5, 0.022],
    ['ahead 0.05: base', 0.55, 0.5, 0.02],
    ['ahead 0.20: x0.85', 0.7, 0.5, 0.017],
    ['ahead 0.35: x0.70', 0.85, 0.5, 0.014],
    // floats put these gaps past the edge (0.55 - 0.35 = 0.20000000000000007, 0.03 - 0.33 = -0.30000000000000004); decimals on it
    ['gap exactly 0.20 in decimals: x1.3', 0.35, 0.55, 0.026],
    ['ahead exactly 0.30 in decimals: x0.85', 0.33, 0.03, 0.017],
    // within 1e-12 of an edge but past it in decimals too
    ['ahead 0.3000000000001: x0.70', 0.5000000000001, 0.2, 0.014],
  ])('%s', (_label, progress, expected, risk) => {
    expect(progressRisk(0.02, progress, expected)).toBe(risk);
    expect(progressRiskDecimal(0.02, progress, expected).toNumber()).toBe(risk);
  });

  it('names the band, and caps the exact risk as the float one', () => {
    expect(riskBand(0, 0.5)).toEqual({ multiplier: '1.5', cap: '0.05', label: 'far behind schedule' });
    expect(riskBand(0.85, 0.5).label).toBe('well ahead of schedule');
    expect(riskBand(0.5, 0.5)).toEqual({ multiplier: '1', cap: null, label: 'on schedule' });
    expect(progressRiskDecimal(0.04, 0, 0.5).toFixed(), '0.06 capped at 0.05').toBe('0.05');
    expect(progressRiskDecimal(0.04, 0.45, 0.5).toFixed(), '0.044 capped at 0.03').toBe('0.03');
    expect(progressRiskDecimal(0.04, 0.85, 0.5).toFixed(), 'ahead: uncapped 0.7 x 0.04').toBe('0.028');
    expect(progressRiskDecimal(0.02, 0.45, 0.5).toFixed(), 'under its cap').toBe('0.022');
  });
});

describe('status and pace', () => {
  it('classifies pace at the edges', () => {
    expect(statusOf(1, paceOf(1, 0.9))).toBe('achieved');
    expect(statusOf(0.35, paceOf(0.35, 0.5))).toBe('on_track'); // pace exactly 0.85
    expect(statusOf(0.3499, paceOf(0.3499, 0.5))).toBe('at_risk');
    expect(statusOf(0.2, paceOf(0.2, 0.5))).toBe('at_risk'); // pace exactly 0.70
    expect(statusOf(0.1999, paceOf(0.1999, 0.5))).toBe('behind');
  });
  it('computes the required daily return per goal type', () => {
    expect(requiredDailyReturn('monthly_return', 0.05, 0.1, 1, 10)).toBeCloseTo((1.1 / 1.05) ** 0.1 - 1, 12);
    expect(requiredDailyReturn('portfolio_value', 500_000, 1_000_000, 500_000, 100)).toBeCloseTo(2 ** 0.01 - 1, 12);
    expect(requiredDailyReturn('monthly_income', 1_000, 4_000, 100_000, 10), '3,000 left over 10 days on 100k').toBeCloseTo(0.003, 12);
  });
});
