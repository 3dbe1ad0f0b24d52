/**
 * The one catalogue of goalsim's sizing engines: each name with its parameter schema and its
 * constructor (from engines.ts, which a run loads without the schemas). The name type, the
 * scenario schema's `sizing` union, the calculator's `engine` and the lists printed in errors
 * are all derived from it; an engine added to engines.ts and not here (or here and not there)
 * does not compile. `module` (a user's engine, see userSizer.ts) is not in it: it is loaded from
 * a file, not built from parameters.
 */
import type { z } from 'zod';
import { ENGINE_CONSTRUCTORS, type BuiltInEngineName } from './engines.js';
import { fixedFractionParamsSchema, fixedRiskParamsSchema, goalKellyParamsSchema, kellyParamsSchema, pipelineParamsSchema } from './params.js';
import type { SizingEngine } from './types.js';

export { createSizingEngine, type BuiltInEngineName } from './engines.js';

interface CatalogueEntry<Name extends string, Params extends z.ZodType> {
  readonly name: Name;
  /** The parameters' schema, defaults included: `params.parse({})` gives the engine's defaults. */
  readonly params: Params;
  readonly create: (params: z.output<Params>) => SizingEngine;
  /**
   * For a goal-aware engine, its goal-off twin: the same parameters with the goals' influence
   * removed and everything else kept, so that the two compare the goal's effect alone.
   */
  readonly goalOff?: ((params: z.output<Params>) => z.output<Params>) | undefined;
  /**
   * For a baseline, the one scenario path that scales its size (up to `max`): what risk matching
   * moves so that it puts as much capital to work as the goal-aware engine it is compared with.
   */
  readonly scale?: SizeScale | undefined;
}

/** A scenario path (dotted) whose value scales an engine's size, and its largest valid value. */
export interface SizeScale {
  readonly path: string;
  readonly max: number;
}

/** The constructor of that name must take what the schema outputs. */
function entry<Name extends BuiltInEngineName, Params extends z.ZodType>(
  name: Name,
  params: Params & ((typeof ENGINE_CONSTRUCTORS)[Name] extends (params: z.output<Params>) => SizingEngine ? unknown : never),
  more: { readonly goalOff?: (params: z.output<Params>) => z.output<Params>; readonly scale?: SizeScale } = {},
): CatalogueEntry<Name, Params> {
  return { name, params, create: ENGINE_CONSTRUCTORS[name] as (params: z.output<Params>) => SizingEngine, goalOff: more.goalOff, scale: more.scale };
}

/** In the order the CLI and the errors list them. */
export const ENGINE_CATALOGUE = [
  entry('fixed-fraction', fixedFractionParamsSchema, { scale: { path: 'sizing.params.fraction', max: 1 } }),
  // fixed-risk takes no parameters: its risk per trade is the account's
  entry('fixed-risk', fixedRiskParamsSchema, { scale: { path: 'account.riskTolerance', max: 1 } }),
  entry('kelly', kellyParamsSchema, { scale: { path: 'sizing.params.kellyFraction', max: 1 } }),
  // the goal stage at 1: the goal factor disabled, every other stage as it was
  entry('pipeline', pipelineParamsSchema, { goalOff: (p) => ({ ...p, goalFactor: { ...p.goalFactor, enabled: false } }) }),
  // the tracker's progress adjustments and milestone multipliers left out; drawdown protection kept
  entry('goal-kelly', goalKellyParamsSchema, { goalOff: (p) => ({ ...p, riskSource: 'base' as const }) }),
] as const;

type Catalogue = typeof ENGINE_CATALOGUE;
type Entry = Catalogue[number];

// every constructor has its schema here
const everyEngine: [Exclude<BuiltInEngineName, Entry['name']>] extends [never] ? true : never = true;
void everyEngine;

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

/**
 * The goal-off twin of a sizing (see CatalogueEntry.goalOff), or undefined for an engine that
 * does not size toward goals, or whose goals are already off.
 */
export function goalOffTwin(config: SizingConfig): SizingConfig | undefined {
  const goalOff = catalogueEntry(config.engine).goalOff as ((params: SizingConfig['params']) => SizingConfig['params']) | undefined;
  if (goalOff === undefined) return undefined;
  const twin = { engine: config.engine, params: goalOff(config.params) } as SizingConfig;
  return JSON.stringify(twin.params) === JSON.stringify(config.params) ? undefined : twin;
}

/** The engine with its default parameters. */
export function defaultConfig(name: BuiltInEngineName): SizingConfig {
  return { engine: name, params: catalogueEntry(name).params.parse({}) } as SizingConfig;
}

