/**
 * SPEC 3.2 golden example: equity $50,000, BTC at $45,000, stop 2%, confidence 0.75,
 * monthly-return progress 0.060 with 0.085 of the month elapsed (gap 0.025 -> risk 2.2%),
 * Kelly from W 0.58, AvgWin 0.021, AvgLoss 0.013 (f = 0.32).
 */
import { describe, expect, it } from 'vitest';
import { decisionJson, sizeOne } from '../../src/sizing/calculator.js';
import { createSizingEngine, goalKellyParamsSchema, type SizingRequest } from '../../src/sizing/index.js';
import { goalsim } from '../helpers.js';

const GOLDEN = {
  engine: 'goal-kelly',
  equity: '50000',
  price: '45000',
  stopLossPct: 0.02,
  confidence: 0.75,
  riskTolerance: 0.02,
  goals: { monthly_return: { progress: 0.06, expected: 0.085, target: 0.1 }, monthly_income: { progress: 0.5, expected: 0.5 } },
  stats: { winRate: 0.58, avgWin: 0.021, avgLoss: 0.013, sharpe: 1.8 },
  volatility: { short: 0.012, long: 0.01 },
  params: {},
};

describe('goal-kelly golden example (SPEC 3.2)', () => {
  it('reproduces every figure exactly', () => {
    const decision = sizeOne(GOLDEN);
    expect(decision.riskPct, 'gap 0.025 -> base x 1.1').toBe(0.022);
    expect(decision.riskAmount).toBe(1100);
    expect(decision.stages.find((s) => s.name === 'position_value')?.value, '1,100 / 0.02').toBe(55_000);
    expect(decision.kelly, '(0.58 x 0.021 - 0.42 x 0.013) / 0.021').toBe(0.32);
    expect(decision.stages.find((s) => s.name === 'kelly')?.value, '55,000 x 0.32 x 0.5 x 0.75 = 55,000 x 0.12').toBe(6_600);
    expect(decision.finalValue).toBe(6_600);
    expect(decision.allocation).toBe(0.132);
    expect(decision.units.toFixed(6)).toBe('0.146667');
    expect(decision.skipped).toBeNull();
  });

  it('states goal, schedule, risk, Kelly, confidence, allocation, win rate and Sharpe in its reasoning', () => {
    expect(sizeOne(GOLDEN).reasoning).toBe(
      [
        'Position sized for monthly return goal (10.00%).',
        'Currently behind schedule (6.0% progress, 8.5% time elapsed).',
        'Risk adjusted to 2.2% per trade.',
        'Kelly fraction: 32.00%, Signal confidence: 75.00%.',
        'Recommended allocation: 13.2% of portfolio (0.146667 units).',
        'Win rate: 58.0%, Sharpe ratio: 1.80.',
      ].join('\n'),
    );
  });

  it("names the tracker's driving goal when the tracker says which, and the configured one over both", () => {
    const request: SizingRequest = {
      time: 0, symbol: 'BTC', assetClass: 'crypto', direction: 'long', price: 45_000, confidence: 0.75, stopLossPct: 0.02, equity: 50_000, cash: 50_000,
      grossExposure: 0, assetClassExposure: {}, lotStep: undefined, minNotional: undefined, riskTolerance: 0.02, currentRisk: 0.02,
      // 50 closed trades: past minTrades (20), so Kelly uses the golden stats as in the example above
      goals: { ...GOLDEN.goals, driver: 'monthly_income' }, tradeStats: { trades: 50, ...GOLDEN.stats }, volatility: undefined,
    };
    const reasoningWith = (params: Record<string, unknown>): string => createSizingEngine({ engine: 'goal-kelly', params: goalKellyParamsSchema.parse(params) }).size(request).reasoning;
    expect(reasoningWith({}).split('\n').slice(0, 2)).toEqual(['Position sized for monthly income goal.', 'Currently on schedule (50.0% progress, 50.0% time elapsed).']);
    expect(reasoningWith({ driverGoal: 'monthly_return' })).toMatch(/^Position sized for monthly return goal \(10\.00%\)/);
  });

  it('comes out of `goalsim size` the same, and a malformed line does not stop the others', () => {
    const input = [JSON.stringify(GOLDEN), '{not json', JSON.stringify({ ...GOLDEN, equity: '-5' }), JSON.stringify({ ...GOLDEN, confidence: 1 })].join('\n');
    const run = goalsim(['size'], input);
    expect(run.code, 'a failed line makes the exit code 1').toBe(1);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual(JSON.parse(JSON.stringify(decisionJson(sizeOne(GOLDEN)))));
    expect(lines[0]).toMatchObject({ riskPct: 0.022, riskAmount: 1100, finalValue: 6600, allocation: 0.132, kelly: 0.32 });
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(lines[2]).toEqual({ line: 3, error: 'equity: must be > 0' });
    expect(lines[3]?.['finalValue'], 'confidence 1: 55,000 x 0.16').toBe(8_800);
  });
});
