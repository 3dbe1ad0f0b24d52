import { describe, expect, it } from 'vitest';
import { kellyEstimate } from '../../src/sizing/kelly.js';
import { kellyParamsSchema } from '../../src/sizing/params.js';

// defaults: minTrades 20, kellyCap 0.5, priors W 0.55, avg win 0.02, avg loss 0.015
const params = kellyParamsSchema.parse({});
const stats = (trades: number, avgWin = 0.02) => ({ trades, winRate: 0.6, avgWin, avgLoss: 0.01, sharpe: 1 });

describe('the Kelly estimate: trades once there are enough, priors before', () => {
  it('uses the closed trades from minTrades on: f = W - (1 - W) x loss / win', () => {
    // 0.6 - 0.4 x 0.01 / 0.02 = 0.4
    const estimate = kellyEstimate(stats(20), params);
    expect(estimate.source).toBe('trades');
    expect(estimate.raw).toBeCloseTo(0.4, 15);
    expect(estimate.winRate).toBe(0.6);
    expect(estimate.fraction.toNumber()).toBeCloseTo(0.4, 15);
  });

  it('uses the priors with fewer trades, without statistics, or without a winning average', () => {
    // priors: 0.55 - 0.45 x 0.015 / 0.02 = 0.2125
    for (const input of [stats(19), undefined, stats(50, 0)]) {
      const estimate = kellyEstimate(input, params);
      expect(estimate.source).toBe('priors');
      expect(estimate.raw).toBeCloseTo(0.2125, 15);
      expect(estimate.winRate).toBe(0.55);
    }
  });

  it('caps the fraction at kellyCap, keeping the raw value', () => {
    const estimate = kellyEstimate({ trades: 30, winRate: 0.9, avgWin: 0.05, avgLoss: 0.01, sharpe: 2 }, kellyParamsSchema.parse({ kellyCap: 0.25 }));
    expect(estimate.raw).toBeCloseTo(0.9 - 0.1 * 0.2, 15);
    expect(estimate.fraction.toNumber()).toBe(0.25);
  });
});
