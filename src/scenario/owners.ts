/**
 * Which engine or strategy takes which parameter, read from the catalogues' schemas: for the
 * message about a parameter given to the wrong one ("maxPositionPct is a parameter of pipeline
 * and goal-kelly; fixed-fraction takes fraction").
 */
import { z } from 'zod';
import { ENGINE_CATALOGUE } from '../sizing/registry.js';
import { strategySchema } from './schema.js';

/** A section whose `params` depend on a name: the field that holds the name, and each name's parameters. */
interface NamedParams {
  readonly nameField: string;
  readonly byName: ReadonlyMap<string, readonly string[]>;
}

const keysOf = (schema: z.ZodType): string[] => Object.keys((z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {});

let sections: Readonly<Record<'sizing' | 'strategy', NamedParams>> | undefined;

function namedSections(): Readonly<Record<'sizing' | 'strategy', NamedParams>> {
  sections ??= {
    sizing: { nameField: 'engine', byName: new Map(ENGINE_CATALOGUE.map((entry) => [entry.name, keysOf(entry.params as z.ZodType)])) },
    strategy: {
      nameField: 'name',
      byName: new Map(strategySchema.options.filter((option) => option.shape.name.value !== 'module' && option.shape.name.value !== 'signals').map((option) => [option.shape.name.value, keysOf(option.shape.params)])),
    },
  };
  return sections;
}

/** The parameters of the engine or strategy a scenario names at `path` ("sizing.params"), and who else takes a key. */
export interface ParamsAt {
  readonly owner: string;
  readonly own: readonly string[];
  readonly takenBy: (key: string) => readonly string[];
}

export function paramsAt(path: readonly PropertyKey[], raw: unknown): ParamsAt | undefined {
  const [section, params] = path;
  if (path.length !== 2 || params !== 'params' || (section !== 'sizing' && section !== 'strategy')) return undefined;
  const named = namedSections()[section];
  const name = ((raw as Record<string, unknown> | null)?.[section] as Record<string, unknown> | undefined)?.[named.nameField];
  const own = typeof name === 'string' ? named.byName.get(name) : undefined;
  if (typeof name !== 'string' || own === undefined) return undefined;
  return { owner: name, own, takenBy: (key) => [...named.byName].filter(([, keys]) => keys.includes(key)).map(([other]) => other) };
}
