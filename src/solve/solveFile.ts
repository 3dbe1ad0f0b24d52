/**
 * Solve files (README "Solve"): a base scenario with goals, a space of dotted scenario paths
 * (ranges and choices), the goal whose probability to maximise, chance constraints, the
 * bootstrap's settings and a budget of engine-paths.
 */
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ScenarioError } from '../errors.js';
import { MAX_NAME, SAFE_NAME } from '../scenario/schema.js';
import { pathProblem } from '../scenario/paths.js';
import { readJsonFile } from '../scenario/load.js';
import { schemaError } from '../scenario/problems.js';
import { constraintSchema, type LoadedSweep } from '../scenario/sweep.js';

const scalar = z.union([z.number(), z.string(), z.boolean()]);

const range = z
  .strictObject({ min: z.number(), max: z.number(), integer: z.boolean().default(false), log: z.boolean().default(false) })
  .refine((r) => r.min < r.max, { message: 'min must be below max' })
  .refine((r) => !r.log || r.min > 0, { message: 'a log range needs min > 0' });

/** The goals a solve can maximise: the share of months met, or the portfolio target reached by its date. */
export const SOLVE_GOALS = ['monthly_return', 'monthly_income', 'portfolio_value'] as const;
export type SolveGoal = (typeof SOLVE_GOALS)[number];

/** Chance constraints: probabilities with a maximum, or a quantile of the final equity with a minimum. */
export const CHANCE_METRICS = ['drawdownBreach', 'ruin'] as const;
const QUANTILE_METRIC = /^finalEquity\.p(5|25|50|75|95)$/;

const constraint = z.union([
  z.strictObject({ metric: z.enum(CHANCE_METRICS), max: z.number().min(0).max(1) }),
  z.strictObject({ metric: z.string().regex(QUANTILE_METRIC, { message: 'a chance constraint is drawdownBreach or ruin (with max), or finalEquity.p5 / p25 / p50 / p75 / p95 (with min)' }), min: z.number() }),
]);

/**
 * Paths a candidate can set: what sizes and trades, and the account's risk settings. The data,
 * the period, the capital, the goals (the question itself) and the costs (the market's) are not
 * parameters of a solve.
 */
export const SOLVABLE_PREFIXES = ['sizing.', 'strategy.', 'execution.', 'tracker.', 'account.riskTolerance', 'account.maxDrawdownPct'] as const;

export const solveSchema = z
  .strictObject({
    name: z.string().max(MAX_NAME, { message: `names a folder: at most ${MAX_NAME} characters` }).regex(SAFE_NAME, { message: 'use letters, digits, ".", "_" or "-", not starting with "." (it names the output folder)' }),
    description: z.string().optional(),
    base: z.string().min(1),
    space: z.record(z.string(), z.union([range, z.array(scalar).min(1)])),
    constraints: z.array(constraintSchema).default([]),
    maximize: z.enum(SOLVE_GOALS),
    subjectTo: z.array(constraint).default([]),
    paths: z.strictObject({ block: z.union([z.literal('auto'), z.number().min(1)]).default('auto'), seed: z.string().optional(), ruin: z.number().gt(0).lt(1).default(0.5) }).default({ block: 'auto', ruin: 0.5 }),
    /** Engine-paths the search may run (the confirmation's come on top). */
    budget: z.number().int().positive(),
    /** Seed of the design (the paths have their own, paths.seed). */
    seed: z.number().int().default(1),
    /** Candidates of the space-filling design. */
    candidates: z.number().int().min(2).max(4096).default(32),
    /** Path counts of the successive-halving rungs, ascending. */
    rungs: z.array(z.number().int().positive()).min(1).default([64, 256, 1024]),
    /** A rung keeps the best 1/eta of the candidates not surely infeasible. */
    eta: z.number().gt(1).default(3),
    /** Fresh paths the choice and the runner-up are confirmed on (default: the last rung's count). */
    confirmPaths: z.number().int().positive().optional(),
  })
  .superRefine((s, ctx) => {
    if (Object.keys(s.space).length === 0) ctx.addIssue({ code: 'custom', path: ['space'], message: 'name at least one parameter' });
    for (const key of Object.keys(s.space)) {
      const problem = pathProblem(key);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['space', key], message: problem });
      else if (!SOLVABLE_PREFIXES.some((prefix) => (prefix.endsWith('.') ? key.startsWith(prefix) : key === prefix))) {
        ctx.addIssue({ code: 'custom', path: ['space', key], message: `a solve searches what sizes and trades (${SOLVABLE_PREFIXES.join(', ')}), not the data, period, capital, goals or costs` });
      }
    }
    for (let i = 1; i < s.rungs.length; i++) if ((s.rungs[i] as number) <= (s.rungs[i - 1] as number)) ctx.addIssue({ code: 'custom', path: ['rungs', i], message: 'rungs must grow' });
  });

export type Solve = z.output<typeof solveSchema>;

export interface LoadedSolve {
  readonly solve: Solve;
  readonly file: string;
  /** The base scenario's file and JSON, as a sweep holds them (candidates are prepared as variants). */
  readonly sweep: LoadedSweep;
}

export function loadSolveFile(file: string): LoadedSolve {
  const parsed = solveSchema.safeParse(readJsonFile(file), { reportInput: true });
  if (!parsed.success) throw schemaError(file, parsed.error, solveSchema, { hintAt: () => 'a solve file\'s options are in the README under "Solve"; the scenario options it sets, in docs/reference.md' });
  const solve = parsed.data;
  const baseFile = resolve(dirname(resolve(file)), solve.base);
  const baseRaw = readJsonFile(baseFile);
  if (baseRaw === null || typeof baseRaw !== 'object' || Array.isArray(baseRaw)) throw new ScenarioError('the base scenario is not a JSON object', baseFile, '');
  const sweep: LoadedSweep = {
    sweep: { name: solve.name, base: solve.base, grid: {}, objective: { metric: 'finalEquity', direction: 'max' }, constraints: solve.constraints },
    file,
    baseFile,
    baseRaw: baseRaw as Record<string, unknown>,
  };
  return { solve, file, sweep };
}
