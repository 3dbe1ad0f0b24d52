/**
 * Messages that point at something real: a parameter given to the wrong engine or strategy says
 * whose it is and what this one takes; a typo of a name gets the nearest name, and never the
 * name given; an unknown choice lists the choices; a hint links the reference section.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { validateScenario } from '../../src/scenario/load.js';
import { setPath } from '../../src/scenario/paths.js';

const scenario = (over: Record<string, unknown>): Record<string, unknown> => ({
  name: 'x',
  data: [{ symbol: 'X', path: 'x.csv', kind: 'close' }],
  account: { initialCapital: '100000' },
  strategy: { name: 'breakout', params: { entry: 20, exit: 10, stopLossPct: 0.03 } },
  sizing: { engine: 'fixed-fraction', params: { fraction: 0.2 } },
  ...over,
});

function problem(raw: unknown): ScenarioError {
  try {
    validateScenario(raw, 's.json');
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('validated');
}

describe('scenario messages', () => {
  it("a parameter of another engine says whose it is and lists this engine's", () => {
    const error = problem(scenario({ sizing: { engine: 'fixed-fraction', params: { fraction: 0.2, maxPositionPct: 0.1 } } }));
    expect(error.message).toBe('s.json: sizing.params: unknown key "maxPositionPct" (a parameter of kelly, pipeline and goal-kelly, not of fixed-fraction; fixed-fraction takes fraction)');
    expect(error.hint).toBe('sizing engine fixed-fraction: its options and their defaults are in docs/reference.md#sizing-engine-fixed-fraction');
    const none = problem(scenario({ sizing: { engine: 'fixed-risk', params: { fraction: 0.2 } } }));
    expect(none.message).toBe('s.json: sizing.params: unknown key "fraction" (a parameter of fixed-fraction, not of fixed-risk; fixed-risk takes no parameters)');
  });

  it("a typo is corrected from this engine's or strategy's own parameters, strategy parameters included", () => {
    expect(problem(scenario({ sizing: { engine: 'fixed-fraction', params: { fractoin: 0.2 } } })).message).toBe('s.json: sizing.params: unknown key "fractoin" (did you mean "fraction"?)');
    expect(problem(scenario({ strategy: { name: 'breakout', params: { entyr: 20, stopLossPct: 0.03 } } })).message).toBe('s.json: strategy.params: unknown key "entyr" (did you mean "entry"?)');
    // "fast" is sma-cross's: not a typo of anything breakout takes, and never "did you mean fast"
    const other = problem(scenario({ strategy: { name: 'breakout', params: { fast: 3, stopLossPct: 0.03 } } }));
    expect(other.message).toBe('s.json: strategy.params: unknown key "fast" (a parameter of sma-cross, not of breakout; breakout takes entry, exit, allowShort, stopLossPct, takeProfitPct, confidence)');
    expect(other.hint).toBe('strategy breakout: its options and their defaults are in docs/reference.md#strategy-breakout');
    // no near name: the list of what it takes
    expect(problem(scenario({ sizing: { engine: 'fixed-fraction', params: { leverage: 2 } } })).message).toBe('s.json: sizing.params: unknown key "leverage" (fixed-fraction takes fraction)');
  });

  it('an unknown choice lists the choices, with the nearest one', () => {
    const kind = problem(scenario({ data: [{ symbol: 'X', path: 'x.csv', kind: 'clsoe' }] }));
    expect(kind.message).toBe('s.json: data[0].kind: "clsoe" is not one of bars, close, trades, signals (did you mean "close"?)');
    expect(kind.hint).toBe('data sources: its options and their defaults are in docs/reference.md#data-sources');
    expect(problem(scenario({ sizing: { engine: 'fixed-fractoin' } })).message).toBe(
      's.json: sizing.engine: "fixed-fractoin" is not one of fixed-fraction, fixed-risk, kelly, pipeline, goal-kelly, module (did you mean "fixed-fraction"?)',
    );
    expect(problem(scenario({ strategy: { name: 'martingale' } })).message).toBe('s.json: strategy.name: "martingale" is not one of sma-cross, breakout, buy-and-hold, signals, module');
  });

  it('a sweep path past the end of a list names the entries there are', () => {
    const raw = scenario({});
    expect(() => setPath(raw, 'data.9.path', 'a.csv')).toThrow('"data.9.path": data has 1 entry (data.0 to data.0), so data.9 does not exist; set an existing index, or data.1 to add one');
    setPath(raw, 'data.1', { symbol: 'Y', path: 'y.csv' });
    expect((raw['data'] as unknown[]).length).toBe(2);
  });
});
