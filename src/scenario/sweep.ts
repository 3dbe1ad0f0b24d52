/**
 * Sweep files (README "Parameter sweeps"): a base scenario plus a `grid` and/or seeded `random` samples over
 * dotted parameter paths, an objective to rank by, and constraints that skip combinations.
 */
import { MAX_NAME, SAFE_NAME } from './schema.js';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ScenarioError } from '../errors.js';
import { pathProblem } from './paths.js';
import { METRIC_KEYS } from '../analysis/metrics.js';
import { readJsonFile, resolveScenario, validateScenario, type ResolvedScenario } from './load.js';
import { schemaError } from './problems.js';

/** A JSON value as a scenario holds it. */
export type JsonValue = null | number | string | boolean | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** What a sweep sets a path to: a scalar, or a whole object or list (a weight vector, a goal list). */
export type ParamValue = Exclude<JsonValue, null>;

/** Plain JSON all the way down: what a scenario path can be set to. */
function isJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJson(item, depth + 1));
  return typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every((item) => isJson(item, depth + 1));
}

/**
 * A value a path is set to: a number, a string, true or false, or a whole JSON object or list
 * (a weight vector that must sum to 1 moves as one value). Kept as given, not rebuilt, so a key
 * such as "__proto__" stays a plain key for the scenario's own check to refuse.
 */
const paramValue = z.custom<ParamValue>((value) => value !== null && isJson(value), {
  message: 'must be a number, a string, true or false, or a JSON object or list (null sets nothing)',
});

export const OBJECTIVE_FIELDS: readonly string[] = [
  ...METRIC_KEYS.map((key) => `metrics.${key}`),
  'goals.monthsReturnGoalMet', 'goals.monthsIncomeGoalMet', 'goals.riskAdjustments', 'goals.milestones', 'finalEquity',
];

const objectiveSchema = z
  .union([z.string().transform((metric) => ({ metric, direction: 'max' as const })), z.strictObject({ metric: z.string(), direction: z.enum(['max', 'min']).default('max') })])
  .refine((o) => (OBJECTIVE_FIELDS as readonly string[]).includes(o.metric), { message: `must be one of ${OBJECTIVE_FIELDS.join(', ')}` });

const randomParam = z.union([
  z.strictObject({ min: z.number(), max: z.number(), integer: z.boolean().default(false) }).refine((r) => r.min <= r.max, { message: 'min must not exceed max' }),
  z.strictObject({ values: z.array(paramValue).min(1) }),
]);

const CONSTRAINT = /^\s*([\w.]+|-?\d+(?:\.\d+)?)\s*(<=|>=|==|!=|<|>)\s*([\w.]+|-?\d+(?:\.\d+)?)\s*$/;

/** "a < b" between two scenario paths or numbers: a sweep's or a solve's constraint. */
export const constraintSchema = z
  .string()
  .regex(CONSTRAINT, { message: 'must read "a < b" with paths or numbers and one of < <= > >= == !=' })
  .superRefine((text, ctx) => {
    for (const side of text.split(/<=|>=|==|!=|<|>/).map((part) => part.trim())) {
      const problem = /^-?\d/.test(side) ? undefined : pathProblem(side);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    }
  });

/** A dotted scenario path that stays inside the scenario's own data (see paths.ts). */
const scenarioPath = z.string().superRefine((path, ctx) => {
  const problem = pathProblem(path);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

export const sweepSchema = z
  .strictObject({
    name: z.string().max(MAX_NAME, { message: `names a folder: at most ${MAX_NAME} characters` }).regex(SAFE_NAME, { message: 'use letters, digits, ".", "_" or "-", not starting with "." (it names the output folder)' }),
    description: z.string().optional(),
    base: z.string().min(1),
    grid: z.record(z.string(), z.array(paramValue).min(1)).default({}),
    /** Paths that move together: each entry sets all its paths at once, as one more grid axis. */
    link: z.array(z.record(z.string(), paramValue).refine((entry) => Object.keys(entry).length > 0, { message: 'an entry sets at least one path' })).min(1).optional(),
    random: z.strictObject({ n: z.number().int().positive(), seed: z.number().int().default(1), params: z.record(z.string(), randomParam) }).optional(),
    objective: objectiveSchema,
    constraints: z.array(constraintSchema).default([]),
    heatmap: z.strictObject({ x: scenarioPath, y: scenarioPath }).optional(),
  })
  .refine((s) => Object.keys(s.grid).length > 0 || s.random !== undefined || s.link !== undefined, { message: 'needs a grid, linked values or random samples', path: ['grid'] })
  .superRefine((s, ctx) => {
    // record keys are paths too: zod would say only "Invalid key in record"
    for (const [where, keys] of [[['grid'], Object.keys(s.grid)], [['random', 'params'], Object.keys(s.random?.params ?? {})], ...(s.link ?? []).map((entry, i) => [['link', i], Object.keys(entry)] as const)] as const) {
      for (const key of keys) {
        const problem = pathProblem(key);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [...where, key], message: problem });
      }
    }
    // a linked path is one axis: it may not be a grid axis too, and every entry sets the same paths
    const linked = Object.keys(s.link?.[0] ?? {}).sort();
    (s.link ?? []).forEach((entry, i) => {
      if (JSON.stringify(Object.keys(entry).sort()) !== JSON.stringify(linked)) ctx.addIssue({ code: 'custom', path: ['link', i], message: `every entry sets the same paths as the first (${linked.join(', ')})` });
    });
    for (const key of linked) if (key in s.grid) ctx.addIssue({ code: 'custom', path: ['grid', key], message: 'is linked too (link): give its values there only' });
  });

export type Sweep = z.output<typeof sweepSchema>;

export interface LoadedSweep {
  readonly sweep: Sweep;
  readonly file: string;
  /** The base scenario file, resolved; variants' data paths are relative to it. */
  readonly baseFile: string;
  readonly baseRaw: Record<string, unknown>;
}

export function parseConstraint(text: string): { left: string; op: string; right: string } {
  const match = CONSTRAINT.exec(text);
  if (match === null) throw new Error(`bad constraint "${text}"`);
  return { left: match[1] as string, op: match[2] as string, right: match[3] as string };
}

export function loadSweepFile(file: string): LoadedSweep {
  const parsed = sweepSchema.safeParse(readJsonFile(file), { reportInput: true });
  if (!parsed.success) throw schemaError(file, parsed.error, sweepSchema, { hintAt: () => 'a sweep file\'s options are in the README under "Parameter sweeps"; the scenario options it sets, in docs/reference.md' });
  const sweep = parsed.data;
  const baseFile = resolve(dirname(resolve(file)), sweep.base);
  const baseRaw = readJsonFile(baseFile);
  if (baseRaw === null || typeof baseRaw !== 'object' || Array.isArray(baseRaw)) throw new ScenarioError('the base scenario is not a JSON object', baseFile, '');
  return { sweep, file, baseFile, baseRaw: baseRaw as Record<string, unknown> };
}

/** The sweep's base scenario as it stands in its file, validated. */
export function baseScenarioOf(loaded: LoadedSweep): ResolvedScenario {
  return resolveScenario(validateScenario(structuredClone(loaded.baseRaw), loaded.baseFile), loaded.baseFile);
}

/**
 * What is legal in a sweep but likely a mistake, as sentences: ranking by how often a goal is
 * met while sweeping that goal's target (the lowest target wins by construction).
 */
export function sweepWarnings(sweep: Sweep): string[] {
  const swept = [...Object.keys(sweep.grid), ...Object.keys(sweep.link?.[0] ?? {}), ...Object.keys(sweep.random?.params ?? {})];
  const goalPaths = swept.filter((path) => path.startsWith('goals.'));
  if (!sweep.objective.metric.startsWith('goals.') || goalPaths.length === 0) return [];
  return [`the objective ${sweep.objective.metric} counts what the goals measure, and the sweep moves the goals themselves (${goalPaths.join(', ')}): an easier goal wins by construction; sweep the sizing against fixed goals, or rank by a metric`];
}
