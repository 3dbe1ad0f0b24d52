/**
 * The built-in sizing engines' constructors by name: what running a scenario needs of the
 * catalogue. The catalogue (registry.ts) pairs each of these with its parameter schema; this
 * half stays free of the schema library, because a sweep's or the odds command's worker loads
 * it at start-up and zod alone is 95 modules, 75 of the 130 ms a worker took to import.
 */
import { createFixedFraction, createFixedRisk, createKellyBaseline } from './baselines.js';
import { createGoalKelly } from './goalKelly.js';
import { createPipeline } from './pipeline.js';
import type { FixedRiskParams } from './params.js';
import type { SizingEngine } from './types.js';

export const ENGINE_CONSTRUCTORS = {
  'fixed-fraction': createFixedFraction,
  'fixed-risk': (_params: FixedRiskParams) => createFixedRisk(),
  kelly: createKellyBaseline,
  pipeline: createPipeline,
  'goal-kelly': createGoalKelly,
} as const;

type Constructors = typeof ENGINE_CONSTRUCTORS;

/** A built-in engine's name. */
export type BuiltInEngineName = keyof Constructors;

/** A name with what its constructor takes; the catalogue's SizingConfig (schema outputs) is one. */
export type EngineConfig = { [Name in BuiltInEngineName]: { readonly engine: Name; readonly params: Parameters<Constructors[Name]>[0] } }[BuiltInEngineName];

export function createSizingEngine(config: EngineConfig): SizingEngine {
  // a caller from JavaScript may pass any string, "constructor" included
  if (!Object.hasOwn(ENGINE_CONSTRUCTORS, config.engine)) throw new Error(`no sizing engine "${String(config.engine)}"`);
  // the name picks the constructor whose schema produced these params; TypeScript cannot follow the pairing
  const create = ENGINE_CONSTRUCTORS[config.engine] as (params: EngineConfig['params']) => SizingEngine;
  return create(config.params);
}
