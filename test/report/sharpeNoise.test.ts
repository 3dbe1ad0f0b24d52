import { describe, expect, it } from 'vitest';
import { sharpeNoise } from '../../src/report/sweepReport.js';

describe("the sweep heat map's noise line", () => {
  it('compares the Sharpe ratios’ spread with the standard error of one, sqrt(1/Y + SR^2/(2T))', () => {
    // 4 years (1461 days), T = 1000, middle Sharpe 0.7: sqrt(0.25 + 0.49 / 2000) = 0.50024
    const audit = { days: 1000, firstDay: '2000-01-01', lastDay: '2004-01-01' };
    expect(sharpeNoise([0.698, 0.702, 0.7], audit)).toBe("The variants' Sharpe ratios span 0.0040 (0.6980 to 0.7020); one Sharpe ratio measured over these 4.0 years has a standard error of about 0.50, so the whole range lies inside one standard error and the colours show noise.");
    expect(sharpeNoise([-0.5, 1.5], audit)).toBe("The variants' Sharpe ratios span 2.0 (-0.5000 to 1.5000); one Sharpe ratio measured over these 4.0 years has a standard error of about 0.50, so the range is 4.0 standard errors wide.");
  });

  it('says nothing without two finite ratios or a span of time', () => {
    const audit = { days: 1000, firstDay: '2000-01-01', lastDay: '2004-01-01' };
    expect(sharpeNoise([0.7], audit)).toBeNull();
    expect(sharpeNoise([0.7, Number.NaN], audit)).toBeNull();
    expect(sharpeNoise([0.7, 0.8], { ...audit, lastDay: '2000-01-01' })).toBeNull();
    expect(sharpeNoise([0.7, 0.8], { ...audit, days: 1 })).toBeNull();
  });
});
