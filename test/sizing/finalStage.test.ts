/** The final stage every engine shares (README "Sizing engines"), and the user engine built on it. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { money } from '../../src/ledger/index.js';
import { bindingOf, decide, finalSize, goalEffectOf, positionLimit, reasoned } from '../../src/sizing/finalStage.js';
import type { SizingRequest } from '../../src/sizing/index.js';
import { loadUserSizingEngine, userSizingEngine } from '../../src/sizing/userSizer.js';
import { Money } from '../../src/ledger/money.js';
import { tempDir } from '../helpers.js';

const request = (overrides: Partial<SizingRequest> = {}): SizingRequest => ({
  time: 0, symbol: 'X', assetClass: 'equity', direction: 'long', price: 100, confidence: 1, stopLossPct: 0.05,
  equity: 100_000, cash: 50_000, grossExposure: 0, assetClassExposure: {}, lotStep: money('1'), minNotional: money('0'),
  riskTolerance: 0.02, currentRisk: 0.02, goals: undefined, volatility: undefined, tradeStats: undefined,
  ...overrides,
});

describe('finalSize: value -> whole lot steps within the cash', () => {
  it('rounds down to the lot step and prices the units exactly', () => {
    expect(finalSize(1_050, request())).toMatchObject({ finalValue: 1_000, skipped: null, finalBound: false });
    expect(finalSize(1_050, request()).units.toFixed()).toBe('10');
    const fine = finalSize(new Money('1050'), request({ lotStep: money('0.25'), price: 99.5 }));
    // 1050 / 99.5 = 10.55 -> 10.5 units (42 steps of 0.25), 10.5 x 99.5 = 1044.75
    expect([fine.units.toFixed(), fine.finalValue]).toEqual(['10.5', 1_044.75]);
  });

  it('caps a long at the cash, a number or a decimal, and says the final stage bound it', () => {
    for (const value of [80_000, new Money('80000')]) {
      const size = finalSize(value, request());
      expect([size.finalValue, size.units.toFixed(), size.finalBound]).toEqual([50_000, '500', true]);
    }
    const exact = finalSize(50_000, request());
    expect([exact.finalValue, exact.finalBound], 'exactly the cash is not capped').toEqual([50_000, false]);
    const short = finalSize(80_000, request({ direction: 'short' }));
    expect([short.finalValue, short.finalBound], 'a short is not cash-secured here').toEqual([80_000, false]);
    const broke = finalSize(1_000, request({ cash: -5 }));
    expect([broke.finalValue, broke.skipped, broke.finalBound]).toEqual([0, 'size is zero', true]);
  });

  it('sizes nothing for a value that is zero, negative or not finite', () => {
    for (const value of [0, -1, NaN, Infinity, new Money(0), new Money(-3), new Money(NaN)]) {
      const size = finalSize(value, request({ cash: Infinity }));
      expect([size.finalValue, size.skipped, size.units.isZero()], String(value)).toEqual([0, 'size is zero', true]);
    }
  });

  it('without a lot step (the calculator), units are value / price unrounded', () => {
    const size = finalSize(1_050, request({ lotStep: undefined }));
    expect([size.units.toFixed(), size.finalValue, size.skipped]).toEqual(['10.5', 1_050, null]);
    const decimal = finalSize(new Money('333'), request({ lotStep: undefined, price: 3 }));
    expect([decimal.units.toFixed(), decimal.finalValue]).toEqual(['111', 333]);
  });

  it('skips below one lot step and below the minimum notional, naming them', () => {
    expect(finalSize(99, request())).toMatchObject({ finalValue: 0, skipped: 'below one lot step (1)', finalBound: true });
    expect(finalSize(1_050, request({ minNotional: money('1000.5') }))).toMatchObject({ finalValue: 0, skipped: 'below min notional 1000.5', finalBound: true });
    expect(finalSize(1_050, request({ minNotional: money('1000') })), 'exactly the minimum trades').toMatchObject({ finalValue: 1_000, skipped: null });
    expect(finalSize(1_050, request({ minNotional: undefined })).finalValue).toBe(1_000);
  });
});

describe('the decision record', () => {
  it('appends the final stage, and the allocation is the final value over equity', () => {
    const d = decide('x', request(), [{ name: 'base', value: 2_050 }], 2_050, { riskPct: 0.02, reasoning: reasoned((_: readonly [], final) => `${final.units.toFixed()} units`) });
    expect([d.stages, d.allocation, d.binding, d.goalEffect, d.reasoning]).toEqual([[{ name: 'base', value: 2_050 }, { name: 'final', value: 2_000 }], 0.02, null, 0, '20 units']);
    expect(decide('x', request({ equity: 0 }), [], 2_050, { riskPct: 0, reasoning: reasoned(() => '') }).allocation, 'no equity: no allocation').toBe(0);
    expect(decide('x', request(), [], 2_050, { riskPct: 0.02, reasoning: (final) => `${final.units.toFixed()} of them` }).reasoning, 'a function of the final size, as a caller may give').toBe('20 of them');
  });

  it('an earlier skip wins over binding and goal effect, and sizes nothing', () => {
    const d = decide('x', request(), [], 2_050, { riskPct: 0.02, skipped: 'no edge', binding: 'bounds', goalEffect: 0.3, reasoning: reasoned(() => '') });
    expect([d.finalValue, d.skipped, d.binding, d.goalEffect]).toEqual([0, 'no edge', null, 0]);
    const kept = decide('x', request(), [], 2_050, { riskPct: 0.02, binding: 'bounds', goalEffect: 0.3, reasoning: reasoned(() => '') });
    expect([kept.binding, kept.goalEffect]).toEqual(['bounds', 0.3]);
    const capped = decide('x', request(), [], 80_000, { riskPct: 0.02, reasoning: reasoned(() => '') });
    expect(capped.binding, 'the cash cap is the final stage binding').toBe('final');
  });

  it('binding: the last stage that changed the value, if it was a clamp', () => {
    const free = finalSize(1_000, request());
    const step = (name: string, before: number, after: number, clamp: boolean) => ({ name, before, after, clamp });
    expect(bindingOf([step('base', NaN, 5_000, false), step('bounds', 5_000, 1_000, true)], free)).toBe('bounds');
    expect(bindingOf([step('bounds', 5_000, 1_000, true), step('goal', 1_000, 800, false)], free), 'a multiplier after the cap').toBeNull();
    expect(bindingOf([step('bounds', 5_000, 1_000, true), step('goal', 1_000, 1_000, false)], free), 'a stage that changed nothing is passed over').toBe('bounds');
    expect(bindingOf([step('floor', NaN, 1_000, true)], free), 'the first stage sets a value from nothing').toBe('floor');
    expect(bindingOf([step('base', 1_000, 1_000, true), step('x', NaN, 1_000, true)], free), 'a later stage from NaN is passed over').toBeNull();
    expect(bindingOf([step('bounds', 5_000, 1_000, true)], finalSize(80_000, request())), 'the final stage').toBe('final');
  });

  it('goal effect: quantity over the quantity with a neutral goal, minus 1', () => {
    expect(goalEffectOf(finalSize(1_200, request()), finalSize(1_000, request()))).toBeCloseTo(0.2, 12);
    expect(goalEffectOf(finalSize(50, request()), finalSize(50, request())), 'both nothing').toBe(0);
    expect(goalEffectOf(finalSize(1_000, request()), finalSize(50, request())), 'only the goal made a trade').toBeNull();
  });

  it('position limit: the least of maxPositionPct, the gross room and the class room', () => {
    const r = request({ grossExposure: 70_000, assetClassExposure: { equity: 5_000 } });
    expect(positionLimit(r, 0.5, 1, {})).toBe(30_000); // 100k x 1 - 70k
    expect(positionLimit(r, 0.2, 1, {})).toBe(20_000);
    expect(positionLimit(r, 0.5, 1, { equity: 0.1 })).toBe(5_000); // 10k - 5k in the class
    expect(positionLimit(request({ grossExposure: 120_000 }), 0.5, 1, {}), 'over the gross cap: no room').toBe(0);
  });
});

describe('a user sizing engine', () => {
  const sized = (out: unknown, r = request()) => userSizingEngine({ size: () => out as never }, 'my-sizer.mjs').size(r);

  it('is named module, keeps its needs, and goes through the final stage', () => {
    const engine = userSizingEngine({ needs: { goals: true }, size: () => ({ value: 1_050 }) }, 'my-sizer.mjs');
    expect([engine.name, engine.needs]).toEqual(['module', { goals: true }]);
    expect(userSizingEngine({ size: () => ({ value: 1 }) }, 'x').needs).toEqual({});
    const d = engine.size(request());
    expect([d.engine, d.stages, d.finalValue, d.units.toFixed(), d.riskPct, d.riskAmount]).toEqual(['module', [{ name: 'module', value: 1_050 }, { name: 'final', value: 1_000 }], 1_000, '10', 0.02, null]);
    expect(d.reasoning).toBe('Sized by a user module. Final 1000.00: 10 units.');
  });

  it('logs its own stages, risk and reasoning, ending it with one full stop', () => {
    const d = sized({ value: 3_000, stages: [{ name: 'a', value: 4_000 }, { name: 'b', value: 3_000 }], riskAmount: 60, reasoning: 'half of a' });
    expect([d.stages.map((s) => s.name), d.riskAmount, d.reasoning]).toEqual([['a', 'b', 'final'], 60, 'half of a. Final 3000.00: 30 units.']);
    expect(sized({ value: 3_000, reasoning: 'Done.' }).reasoning).toBe('Done. Final 3000.00: 30 units.');
    expect(sized({ value: 0 }).skipped, 'zero is a value').toBe('size is zero');
  });

  it('a skip ignores the value', () => {
    const d = sized({ value: NaN, skipped: 'market closed' });
    expect([d.finalValue, d.skipped]).toEqual([0, 'market closed']);
  });

  it('a value that is no position value is an error naming the module', () => {
    for (const value of [-1, NaN, Infinity, '5', undefined]) {
      expect(() => sized({ value }), String(value)).toThrow(`my-sizer.mjs: size() returned value ${String(value)}: a position value is a finite number >= 0 (or return skipped: "why")`);
    }
    expect(() => sized(undefined)).toThrow('my-sizer.mjs: size() returned value undefined');
    expect(() => userSizingEngine({} as never, 'my-sizer.mjs')).toThrow('my-sizer.mjs: createSizer must return an object with size(request)');
    expect(() => userSizingEngine(undefined as never, 'my-sizer.mjs')).toThrow('my-sizer.mjs: createSizer must return an object with size(request)');
  });

  it('a module without createSizer is an error naming the file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'nothing.mjs'), 'export const x = 1;\n');
    await expect(loadUserSizingEngine(join(dir, 'nothing.mjs'), {})).rejects.toThrow(`${join(dir, 'nothing.mjs')}: a sizing module must export createSizer(params)`);
    writeFileSync(join(dir, 'good.mjs'), 'export function createSizer(params) { return { size: () => ({ value: params.v }) }; }\n');
    expect((await loadUserSizingEngine(join(dir, 'good.mjs'), { v: 500 })).size(request()).finalValue).toBe(500);
  });
});
