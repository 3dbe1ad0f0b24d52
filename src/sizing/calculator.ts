/**
 * The sizing calculator behind `goalsim size` (README "`goalsim size`"): one JSON request in, one decision out,
 * through the same engines as the simulation. In the calculator the goal-kelly risk is
 * progressRisk(riskTolerance, driver goal); statistics given in a request are used as they are
 * (the engine's priors stand in only when `stats` is absent).
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { progressRisk } from '../goals/progressRisk.js';
import { GOAL_TYPES, type GoalType } from '../goals/types.js';
import { formatJsonPath } from '../errors.js';
import { money } from '../ledger/index.js';
import { driverGoalOf } from './goalKelly.js';
import { BUILT_IN_ENGINE_NAMES, catalogueEntry, createSizingEngine, type SizingConfig } from './registry.js';
import type { GoalInputs, SizingDecision, SizingRequest } from './types.js';

const amountSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const number = Number(value);
  if (String(value).trim() === '' || !Number.isFinite(number)) {
    ctx.addIssue({ code: 'custom', message: `must be a number or a decimal string, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return number;
});
const goalInput = z.strictObject({ progress: z.number(), expected: z.number().min(0).max(1), target: z.number().optional() });

export const sizeRequestSchema = z.strictObject({
  engine: z.enum(BUILT_IN_ENGINE_NAMES),
  equity: amountSchema.refine((v) => v > 0, { message: 'must be > 0' }),
  price: amountSchema.refine((v) => v > 0, { message: 'must be > 0' }),
  cash: amountSchema.optional(),
  stopLossPct: z.number().gt(0).lt(1).optional(),
  confidence: z.number().min(0).max(1).default(1),
  riskTolerance: z.number().gt(0).max(1).default(0.02),
  direction: z.enum(['long', 'short']).default('long'),
  symbol: z.string().default(''),
  assetClass: z.string().default('default'),
  lotStep: z.union([z.string(), z.number()]).optional(),
  minNotional: z.union([z.string(), z.number()]).optional(),
  grossExposure: amountSchema.optional(),
  assetClassExposure: z.record(z.string(), z.number()).optional(),
  goals: z.strictObject(Object.fromEntries(GOAL_TYPES.map((goal) => [goal, goalInput.optional()])) as Record<GoalType, z.ZodOptional<typeof goalInput>>).optional(),
  stats: z.strictObject({ winRate: z.number().min(0).max(1), avgWin: z.number().min(0), avgLoss: z.number().min(0), sharpe: z.number().default(0), trades: z.number().int().min(0).optional() }).optional(),
  volatility: z.strictObject({ short: z.number().min(0), long: z.number().min(0) }).optional(),
  params: z.record(z.string(), z.unknown()).default({}),
  /** The currency's smallest unit: the decision's money figures are rounded to it. */
  minorUnit: z.string().regex(/^(1|0\.0*1)$/, { message: 'must be a power of ten such as "0.01" or "0.00000001"' }).default('0.01'),
}).superRefine((request, ctx) => {
  // these engines size from the stop distance: without one they would skip every request
  if ((request.engine === 'fixed-risk' || request.engine === 'goal-kelly') && request.stopLossPct === undefined) {
    ctx.addIssue({ code: 'custom', path: ['stopLossPct'], message: `is required: ${request.engine} sizes from the stop-loss distance (e.g. 0.02 for a 2 % stop)` });
  }
});

export type SizeRequest = z.output<typeof sizeRequestSchema>;

/** A request that does not validate; the message names the JSON path. */
export class SizeRequestError extends Error {
  override readonly name = 'SizeRequestError';
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = formatJsonPath([...(prefix === '' ? [] : [prefix]), ...(issue?.path ?? [])]);
  throw new SizeRequestError(`${path === '' ? '' : `${path}: `}${issue?.message ?? 'invalid request'}`);
}

function configOf(request: SizeRequest): SizingConfig {
  // the params are parsed by the named engine's own schema, so the pair is a SizingConfig
  return { engine: request.engine, params: parseOrThrow(catalogueEntry(request.engine).params as z.ZodType, request.params, 'params') } as SizingConfig;
}

export function sizeOne(raw: unknown): SizingDecision {
  const request = parseOrThrow(sizeRequestSchema, raw, '');
  const config = configOf(request);
  const goals: GoalInputs | undefined = request.goals;
  let currentRisk = request.riskTolerance;
  if (config.engine === 'goal-kelly') {
    const driver = driverGoalOf(goals, config.params.driverGoal);
    const input = driver === undefined ? undefined : goals?.[driver];
    if (input !== undefined) currentRisk = progressRisk(request.riskTolerance, input.progress, input.expected);
  }
  const sizingRequest: SizingRequest = {
    time: 0,
    symbol: request.symbol,
    assetClass: request.assetClass,
    direction: request.direction,
    price: request.price,
    confidence: request.confidence,
    stopLossPct: request.stopLossPct ?? NaN,
    equity: request.equity,
    cash: request.cash ?? request.equity,
    grossExposure: request.grossExposure ?? 0,
    assetClassExposure: request.assetClassExposure ?? {},
    lotStep: request.lotStep === undefined ? undefined : money(request.lotStep),
    minNotional: request.minNotional === undefined ? undefined : money(request.minNotional),
    riskTolerance: request.riskTolerance,
    currentRisk,
    goals,
    tradeStats: request.stats === undefined ? undefined : { ...request.stats, trades: request.stats.trades ?? Number.MAX_SAFE_INTEGER },
    volatility: request.volatility,
    portfolioVolatilities: undefined,
  };
  return inMinorUnits(createSizingEngine(config).size(sizingRequest), new Decimal(request.minorUnit).decimalPlaces());
}

/**
 * The decision as plain data, its money (stage values, risk amount, final value) rounded half-up to the
 * currency's minor unit: the engines size in doubles, and 3800.0000000000005 is not an amount.
 */
function inMinorUnits(decision: SizingDecision, places: number): SizingDecision {
  const round = (value: number): number => new Decimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
  const { engine, goalFactor, riskPct, allocation, units, kelly, skipped, binding, goalEffect, reasoning } = decision;
  return {
    engine,
    stages: decision.stages.map((stage) => ({ ...stage, value: round(stage.value) })),
    goalFactor,
    riskPct,
    riskAmount: decision.riskAmount === null ? null : round(decision.riskAmount),
    finalValue: round(decision.finalValue),
    allocation,
    units,
    kelly,
    skipped,
    binding,
    goalEffect,
    reasoning,
  };
}

/** The decision as the calculator prints it (README "`goalsim size`"). */
export function decisionJson(decision: SizingDecision): Record<string, unknown> {
  return {
    engine: decision.engine,
    stages: Object.fromEntries(decision.stages.map((stage) => [stage.name, stage.value])),
    goalFactor: decision.goalFactor,
    riskPct: decision.riskPct,
    riskAmount: decision.riskAmount,
    finalValue: decision.finalValue,
    allocation: decision.allocation,
    units: decision.units.toNumber(),
    kelly: decision.kelly,
    skipped: decision.skipped,
    binding: decision.binding,
    goalEffect: decision.goalEffect,
    reasoning: decision.reasoning,
  };
}

/** Sizes JSON lines; a bad line gives `{"line": N, "error": ...}` and the rest go on. */
export function sizeLines(lines: readonly string[]): { output: string[]; failed: number } {
  const output: string[] = [];
  let failed = 0;
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    try {
      output.push(JSON.stringify(decisionJson(sizeOne(JSON.parse(text) as unknown))));
    } catch (error) {
      failed++;
      const message = error instanceof SyntaxError ? `not valid JSON (${error.message})` : error instanceof Error ? error.message : String(error);
      output.push(JSON.stringify({ line: index + 1, error: message }));
    }
  });
  return { output, failed };
}
