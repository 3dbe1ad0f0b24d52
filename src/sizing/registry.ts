/**
 * The one catalogue of goalsim's sizing engines: each name with its parameter schema and its
 * constructor. The name type, the scenario schema's `sizing` union, the calculator's `engine`
 * and the lists printed in errors are all derived from it, so an engine is added here and
 * nowhere else. `module` (a user's engine, see userSizer.ts) is not in it: it is loaded from a
 * file, not built from parameters.
 */
import type { z } from 'zod';
import { createFixedFraction, createFixedRisk, createKellyBaseline } from './baselines.js';
import { createGoalKelly } from './goalKelly.js';
import { fixedFractionParamsSchema, fixedRiskParamsSchema, goalKellyParamsSchema, kellyParamsSchema, pipelineParamsSchema } from './params.js';
import { createPipeline } from './pipeline.js';
import type { SizingEngine } from './types.js';

interface CatalogueEntry<Name extends string, Params extends z.ZodType> {
  readonly name: Name;
  /** The parameters' schema, defaults included: `params.parse({})` gives the engine's defaults. */
  readonly params: Params;
  readonly create: (params: z.output<Params>) => SizingEngine;
}

function entry<Name extends string, Params extends z.ZodType>(name: Name, params: Params, create: (params: z.output<Params>) => SizingEngine): CatalogueEntry<Name, Params> {
  return { name, params, create };
}

/** In the order the CLI and the errors list them. */
export const ENGINE_CATALOGUE = [
  entry('fixed-fraction', fixedFractionParamsSchema, createFixedFraction),
  entry('fixed-risk', fixedRiskParamsSchema, () => createFixedRisk()),
  entry('kelly', kellyParamsSchema, createKellyBaseline),
  entry('pipeline', pipelineParamsSchema, createPipeline),
  entry('goal-kelly', goalKellyParamsSchema, createGoalKelly),
] as const;

type Catalogue = typeof ENGINE_CATALOGUE;
type Entry = Catalogue[number];

/** A built-in engine's name. */
export type BuiltInEngineName = Entry['name'];
/** Every name a scenario's `sizing.engine` takes: the catalogue's and `module`. */
export type EngineName = BuiltInEngineName | 'module';

export const BUILT_IN_ENGINE_NAMES = ENGINE_CATALOGUE.map((e) => e.name) as unknown as readonly [BuiltInEngineName, ...BuiltInEngineName[]];

type ConfigOf<E> = E extends CatalogueEntry<infer Name, infer Params> ? { readonly engine: Name; readonly params: z.output<Params> } : never;
/** A built-in engine with its parameters, as the scenario schema outputs it. */
export type SizingConfig = ConfigOf<Entry>;

export function isBuiltInEngine(name: string): name is BuiltInEngineName {
  return (BUILT_IN_ENGINE_NAMES as readonly string[]).includes(name);
}

export function catalogueEntry(name: BuiltInEngineName): Entry {
  const found = ENGINE_CATALOGUE.find((e) => e.name === name);
  if (found === undefined) throw new Error(`no sizing engine "${name}"`); // a caller from JavaScript may pass any string
  return found;
}

/** The engine with its default parameters. */
export function defaultConfig(name: BuiltInEngineName): SizingConfig {
  return { engine: name, params: catalogueEntry(name).params.parse({}) } as SizingConfig;
}

export function createSizingEngine(config: SizingConfig): SizingEngine {
  // the name picks the entry whose schema produced these params; TypeScript cannot follow the pairing
  const { create } = catalogueEntry(config.engine) as CatalogueEntry<string, z.ZodType>;
  return create(config.params);
}
