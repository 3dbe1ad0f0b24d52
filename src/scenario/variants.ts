/**
 * Expands a sweep into variants: the grid's cartesian product (keys in file order, the last
 * varying fastest; the linked entries, which set several paths at once, after them), then `random.n` samples drawn from one seeded generator, parameters in file
 * order. Each variant is the base scenario with its parameters set, validated like any scenario.
 */
import seedrandom from 'seedrandom';
import { displayValue } from '../numeric/format.js';
import { getPath, setPath } from './paths.js';
import { parseConstraint, type LoadedSweep, type ParamValue } from './sweep.js';
import { resolveScenario, validateScenario, type ResolvedScenario } from './load.js';

export type { JsonValue, ParamValue } from './sweep.js';

export interface Variant {
  readonly id: number;
  readonly params: Readonly<Record<string, ParamValue>>;
}

export function sweptPaths(loaded: LoadedSweep): string[] {
  return [...new Set([...Object.keys(loaded.sweep.grid), ...Object.keys(loaded.sweep.link?.[0] ?? {}), ...Object.keys(loaded.sweep.random?.params ?? {})])];
}

export function expandVariants(loaded: LoadedSweep): Variant[] {
  const { grid, random } = loaded.sweep;
  const link = loaded.sweep.link;
  let combos: Record<string, ParamValue>[] = Object.keys(grid).length > 0 || link !== undefined ? [{}] : [];
  for (const [path, values] of Object.entries(grid)) combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [path]: value })));
  // the linked entries are the last axis, varying fastest
  if (link !== undefined) combos = combos.flatMap((combo) => link.map((entry) => ({ ...combo, ...entry })));
  if (random !== undefined) {
    const draw = seedrandom(String(random.seed));
    for (let n = 0; n < random.n; n++) {
      const sample: Record<string, ParamValue> = {};
      for (const [path, spec] of Object.entries(random.params)) {
        const u = draw();
        if ('values' in spec) sample[path] = spec.values[Math.min(spec.values.length - 1, Math.floor(u * spec.values.length))] as ParamValue;
        else sample[path] = spec.integer ? Math.floor(spec.min + u * (spec.max - spec.min + 1)) : spec.min + u * (spec.max - spec.min);
      }
      combos.push(sample);
    }
  }
  return combos.map((params, id) => ({ id, params }));
}

export type PreparedVariant =
  | { readonly variant: Variant; readonly kind: 'run'; readonly resolved: ResolvedScenario }
  | { readonly variant: Variant; readonly kind: 'skipped' | 'failed'; readonly reason: string };

function operand(scenario: unknown, text: string): unknown {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : getPath(scenario, text);
}

function holds(left: unknown, op: string, right: unknown): boolean {
  if (typeof left !== 'number' || typeof right !== 'number') return op === '==' ? left === right : op === '!=' ? left !== right : false;
  switch (op) {
    case '<': return left < right;
    case '<=': return left <= right;
    case '>': return left > right;
    case '>=': return left >= right;
    case '==': return left === right;
    default: return left !== right;
  }
}

/** The first constraint that does not hold on `scenario`; one naming a missing path is not judged. */
function brokenConstraint(loaded: LoadedSweep, scenario: unknown): string | undefined {
  for (const text of loaded.sweep.constraints) {
    const { left, op, right } = parseConstraint(text);
    const [a, b] = [operand(scenario, left), operand(scenario, right)];
    if (a === undefined || b === undefined) continue;
    if (!holds(a, op, b)) return `constraint "${text}" does not hold (${displayValue(a)} ${op} ${displayValue(b)})`;
  }
  return undefined;
}

/**
 * Applies a variant's parameters to the base, then: a combination its constraints exclude is
 * skipped (checked on the raw JSON first, since such a combination may not even validate, then
 * on the validated scenario, whose defaults constraints may name); else it is validated like any
 * scenario, and fails with the JSON path of the problem.
 */
export function prepareVariant(loaded: LoadedSweep, variant: Variant): PreparedVariant {
  const raw = structuredClone(loaded.baseRaw);
  const where = `${loaded.file} variant ${variant.id}`;
  try {
    // a copy each: an object value is shared by the variants that set it
    for (const [path, value] of Object.entries(variant.params)) setPath(raw, path, structuredClone(value));
    const excludedRaw = brokenConstraint(loaded, raw);
    if (excludedRaw !== undefined) return { variant, kind: 'skipped', reason: excludedRaw };
    const scenario = validateScenario(raw, where);
    const excluded = brokenConstraint(loaded, scenario);
    if (excluded !== undefined) return { variant, kind: 'skipped', reason: excluded };
    return { variant, kind: 'run', resolved: resolveScenario(scenario, loaded.baseFile) };
  } catch (error) {
    return { variant, kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
