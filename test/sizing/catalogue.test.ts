import { describe, expect, it } from 'vitest';
import { ENGINE_NAMES, scenarioSchema } from '../../src/scenario/schema.js';
import { decisionJson, sizeOne } from '../../src/sizing/calculator.js';
import { BUILT_IN_ENGINE_NAMES, catalogueEntry, createSizingEngine, defaultConfig, ENGINE_CATALOGUE, isBuiltInEngine } from '../../src/sizing/registry.js';

const scenarioWith = (sizing: unknown): unknown => ({
  name: 'catalogue',
  data: [{ symbol: 'X', path: 'x.csv' }],
  account: { initialCapital: '100000' },
  strategy: { name: 'sma-cross', params: { fast: 2, slow: 3, stopLossPct: 0.02 } },
  sizing,
});

/** The scenario schema, the calculator and the name lists all read the one catalogue in sizing/registry.ts. */
describe('the engine catalogue', () => {
  it('names every engine once, and the scenario names are the catalogue then "module"', () => {
    const names = ENGINE_CATALOGUE.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    expect(BUILT_IN_ENGINE_NAMES).toEqual(names);
    expect(ENGINE_NAMES).toEqual([...names, 'module']);
  });

  it.each(ENGINE_CATALOGUE.map((entry) => [entry.name, entry] as const))('%s: a scenario naming it gets the catalogue defaults, and builds the engine of that name', (name, entry) => {
    const parsed = scenarioSchema.parse(scenarioWith({ engine: name }));
    expect(parsed.sizing).toEqual({ engine: name, params: entry.params.parse({}) });
    expect(defaultConfig(name)).toEqual(parsed.sizing);
    expect(createSizingEngine(defaultConfig(name)).name).toBe(name);
  });

  it.each(BUILT_IN_ENGINE_NAMES.map((name) => [name]))('%s: the calculator sizes with it and rejects a parameter its schema does not have', (name) => {
    const request = { engine: name, equity: '100000', price: '100', stopLossPct: 0.02, stats: { winRate: 0.55, avgWin: 0.02, avgLoss: 0.01 } };
    expect(decisionJson(sizeOne(request)).engine).toBe(name);
    expect(() => sizeOne({ ...request, params: { notAParameter: 1 } })).toThrow(/^params: /);
  });

  it('tells a built-in name from any other, and a JavaScript caller its unknown name', () => {
    expect(BUILT_IN_ENGINE_NAMES.every((name) => isBuiltInEngine(name))).toBe(true);
    expect(['module', 'half-kelly', ''].map((name) => isBuiltInEngine(name))).toEqual([false, false, false]);
    expect(catalogueEntry('kelly').name).toBe('kelly');
    expect(() => catalogueEntry('half-kelly' as never)).toThrow('no sizing engine "half-kelly"');
  });

  it('a scenario naming an unknown engine is told the catalogue names', () => {
    const parsed = scenarioSchema.safeParse(scenarioWith({ engine: 'half-kelly' }));
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('fixed-fraction');
    expect(() => sizeOne({ engine: 'module', equity: '1', price: '1' })).toThrow(/^engine: /);
  });
});
