import { describe, expect, it } from 'vitest';
import { createSizingEngine, ENGINE_CONSTRUCTORS } from '../../src/sizing/engines.js';
import { BUILT_IN_ENGINE_NAMES, defaultConfig } from '../../src/sizing/registry.js';

describe("the run's engine constructors", () => {
  it('are the catalogue names, in its order', () => {
    expect(Object.keys(ENGINE_CONSTRUCTORS)).toEqual([...BUILT_IN_ENGINE_NAMES]);
    expect(BUILT_IN_ENGINE_NAMES.map((name) => createSizingEngine(defaultConfig(name)).name)).toEqual([...BUILT_IN_ENGINE_NAMES]);
  });

  it.each(['half-kelly', 'constructor', '__proto__', 'toString', ''])('refuse %j, a name only a JavaScript caller can pass', (name) => {
    expect(() => createSizingEngine({ engine: name, params: {} } as never)).toThrow(`no sizing engine "${name}"`);
  });
});
