/**
 * The calculator behind `goalsim size`, in process: every engine through one request shape, the
 * JSON a decision prints as, the messages of bad requests (each names its JSON path), and the
 * lines mode that keeps going past a bad line. Values are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { decisionJson, sizeLines, sizeOne } from '../../src/sizing/calculator.js';

const BASE = { equity: '100000', price: '50', stopLossPct: 0.04, confidence: 0.5, lotStep: '1', minNotional: '0' };

describe('goalsim size, in process', () => {
  it('fixed-fraction: fraction x equity in whole lots', () => {
    // 0.25 x 100,000 = 25,000 -> 500 units at 50
    const d = sizeOne({ ...BASE, engine: 'fixed-fraction', params: { fraction: 0.25 } });
    expect([d.engine, d.finalValue, d.units.toFixed(), d.allocation, d.riskPct]).toEqual(['fixed-fraction', 25_000, '500', 0.25, 0.25]);
    // the default fraction is 0.1: 10,000 -> 200 units
    expect(sizeOne({ ...BASE, engine: 'fixed-fraction' }).units.toFixed()).toBe('200');
  });

  it('fixed-risk: risk tolerance x equity over the stop distance, within the cash', () => {
    // 0.01 x 100,000 = 1,000 at risk over a 4 % stop = 25,000 -> 500 units
    const d = sizeOne({ ...BASE, engine: 'fixed-risk', riskTolerance: 0.01 });
    expect([d.riskAmount, d.finalValue, d.units.toFixed()]).toEqual([1000, 25_000, '500']);
    // with only 10,000 of cash: 200 units, and the final stage set the size
    const capped = sizeOne({ ...BASE, engine: 'fixed-risk', riskTolerance: 0.01, cash: '10000' });
    expect([capped.finalValue, capped.binding]).toEqual([10_000, 'final']);
    // no stop: refused up front, as a scenario is, rather than a decision that sizes nothing
    expect(() => sizeOne({ ...BASE, engine: 'fixed-risk', stopLossPct: undefined })).toThrow('stopLossPct: is required: fixed-risk sizes from the stop-loss distance');
    expect(() => sizeOne({ ...BASE, engine: 'goal-kelly', stopLossPct: undefined })).toThrow('stopLossPct: is required: goal-kelly sizes from the stop-loss distance');
  });

  it('goal-kelly takes its risk from the driver goal by progressRisk, with the request risk tolerance as base', () => {
    // monthly_return progress 0.2 at 0.45 of the month: gap 0.25 > 0.20 -> x1.5 capped at 5 %: 0.02 x 1.5 = 3 %
    const d = sizeOne({ ...BASE, engine: 'goal-kelly', goals: { monthly_return: { progress: 0.2, expected: 0.45 } }, stats: { winRate: 0.6, avgWin: 0.02, avgLoss: 0.01, sharpe: 1 } });
    expect(d.riskPct).toBe(0.03);
    expect(d.riskAmount).toBe(3000);
    // without goals the base stands: 2 %
    expect(sizeOne({ ...BASE, engine: 'goal-kelly', stats: { winRate: 0.6, avgWin: 0.02, avgLoss: 0.01, sharpe: 1 } }).riskPct).toBe(0.02);
  });

  it('prints a decision as SPEC 7 lays it out', () => {
    const json = decisionJson(sizeOne({ ...BASE, engine: 'fixed-fraction', params: { fraction: 0.25 } }));
    expect(Object.keys(json)).toEqual(['engine', 'stages', 'goalFactor', 'riskPct', 'riskAmount', 'finalValue', 'allocation', 'units', 'kelly', 'skipped', 'binding', 'goalEffect', 'reasoning']);
    expect(json['stages']).toEqual({ base: 25_000, final: 25_000 });
    expect(json['units']).toBe(500);
    expect(json['reasoning']).toBe('Fixed fraction 25.00% of equity 100000.00: 500 units at 50.');
  });

  it('names the JSON path of what is wrong', () => {
    expect(() => sizeOne({ ...BASE, engine: 'martingale' })).toThrow(/^engine: Invalid option/);
    expect(() => sizeOne({ ...BASE, engine: 'pipeline', equity: 'lots' })).toThrow('equity: must be a number or a decimal string, got "lots"');
    expect(() => sizeOne({ ...BASE, engine: 'pipeline', equity: '' })).toThrow(/^equity: must be a number or a decimal string/);
    expect(() => sizeOne({ ...BASE, engine: 'pipeline', price: -3 })).toThrow('price: must be > 0');
    expect(() => sizeOne({ ...BASE, engine: 'fixed-fraction', params: { fraction: 2 } })).toThrow(/^params\.fraction: /);
    expect(() => sizeOne({ ...BASE, engine: 'fixed-risk', params: { x: 1 } })).toThrow(/^params: Unrecognized key/);
    expect(() => sizeOne({ ...BASE, engine: 'kelly', params: { kellyFraction: -1 } })).toThrow(/^params\.kellyFraction: /);
    expect(() => sizeOne({ ...BASE, engine: 'goal-kelly', params: { minTrades: -1 } })).toThrow(/^params\.minTrades: /);
    expect(() => sizeOne({ ...BASE, engine: 'pipeline', params: { maxPositionPct: 3 } })).toThrow(/^params\.maxPositionPct: /);
    expect(() => sizeOne({ ...BASE, engine: 'pipeline', confidence: 1.5 })).toThrow(/^confidence: /);
  });

  it('rejects blank amounts, a zero equity and a request that is no object, with its own error type', () => {
    expect(() => sizeOne({ ...BASE, engine: 'pipeline', equity: '   ' })).toThrow('equity: must be a number or a decimal string, got "   "');
    expect(() => sizeOne({ ...BASE, engine: 'pipeline', equity: '0' })).toThrow('equity: must be > 0');
    expect(() => sizeOne(5)).toThrow(/^Invalid input: expected object, received number$/);
    try {
      sizeOne({ ...BASE, engine: 'pipeline', equity: 0 });
    } catch (error) {
      expect([(error as Error).name, (error as Error).message]).toEqual(['SizeRequestError', 'equity: must be > 0']);
    }
    expect.assertions(4);
  });

  it('passes exposure, the minimum notional and a configured driver goal through to the engine', () => {
    // pipeline, seed base at sigma 0.01: 0.4 x 4,000 + 0.35 x 3,125 + 0.25 x 15,000 = 6,443.75, x0.6 for confidence 0.5
    // = 3,866.25 -> 77 units, 3,850. With 97,000 of gross exposure only 3,000 of room is left under 1 x equity
    const room = sizeOne({ ...BASE, engine: 'pipeline', volatility: { short: 0.01, long: 0.01 }, grossExposure: '97000' });
    expect(room.finalValue).toBe(3_000);
    expect(sizeOne({ ...BASE, engine: 'pipeline', volatility: { short: 0.01, long: 0.01 } }).finalValue, 'no exposure given: none').toBe(3_850);
    // a 5 % class cap with 4,000 of the class already held leaves 1,000
    const classCapped = sizeOne({ ...BASE, engine: 'pipeline', assetClass: 'equity', volatility: { short: 0.01, long: 0.01 }, assetClassExposure: { equity: 4_000 }, params: { assetClassLimits: { equity: 0.05 } } });
    expect(classCapped.finalValue).toBe(1_000);
    expect(sizeOne({ ...BASE, engine: 'fixed-fraction', minNotional: '10001' }).skipped, '10,000 is below 10,001').toBe('below min notional 10001');
    // a driver goal that the request has no progress for: the base risk
    expect(sizeOne({ ...BASE, engine: 'goal-kelly', params: { driverGoal: 'monthly_income' } }).riskPct).toBe(0.02);
  });

  it('lines mode answers every line and counts the bad ones', () => {
    const { output, failed } = sizeLines([JSON.stringify({ ...BASE, engine: 'fixed-fraction' }), '', '   ', '{"engine":', JSON.stringify({ ...BASE, engine: 'fixed-risk', price: 0 })]);
    expect(failed).toBe(2);
    expect(output).toHaveLength(3);
    expect(JSON.parse(output[0] as string)).toMatchObject({ engine: 'fixed-fraction', units: 200 });
    // blank lines (spaces too) are passed over, and the line numbers count them
    expect(JSON.parse(output[1] as string)).toEqual({ line: 4, error: expect.stringMatching(/^not valid JSON \(/) });
    expect(JSON.parse(output[2] as string)).toEqual({ line: 5, error: 'price: must be > 0' });
  });
});
