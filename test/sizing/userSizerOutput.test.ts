/** A user's sizer answers are checked as they come: a non-finite amount at risk is an error naming the module. */
import { describe, expect, it } from 'vitest';
import { userSizingEngine } from '../../src/sizing/userSizer.js';
import { money } from '../../src/ledger/index.js';
import type { SizingRequest } from '../../src/sizing/types.js';

const request = { time: 0, symbol: 'A', assetClass: 'equity', direction: 'long', price: 10, confidence: 1, stopLossPct: 0.02, equity: 10_000, cash: 10_000, grossExposure: 0, assetClassExposure: {}, lotStep: money('1'), minNotional: money('0'), riskTolerance: 0.02, currentRisk: 0.02, openPositions: 0 } as unknown as SizingRequest;

describe("a user sizer's amount at risk", () => {
  it('is kept when finite or null, and refused when infinite or NaN', () => {
    const sizer = (riskAmount: number | null) => userSizingEngine({ size: () => ({ value: 1000, riskAmount }) }, 'my-sizer.mjs');
    expect(sizer(200).size(request).riskAmount).toBe(200);
    expect(sizer(null).size(request).riskAmount).toBeNull();
    expect(sizer(0).size(request).riskAmount).toBe(0);
    expect(() => sizer(Infinity).size(request)).toThrow('my-sizer.mjs: size() returned riskAmount Infinity: an amount at risk is a finite number (or null)');
    expect(() => sizer(Number.NaN).size(request)).toThrow('my-sizer.mjs: size() returned riskAmount NaN');
  });
});
