/**
 * The scenario file's schema (README "Scenario files"). Defaults live here and nowhere else. Objects are strict,
 * so a misspelt option is an error that names its JSON path rather than a silent default.
 */
import { z } from 'zod';
import { GOAL_PRESETS } from '../goals/presets.js';
import { currencyProblem } from './currency.js';
import { GOAL_TYPES } from '../goals/types.js';
import { BUILT_IN_ENGINE_NAMES, defaultConfig, ENGINE_CATALOGUE, isBuiltInEngine } from '../sizing/registry.js';

/** Money as a decimal string (numbers are accepted and turned into their decimal text). */
export const decimalText = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .refine((text) => /^-?\d+(\.\d+)?$/.test(text), { message: 'must be a decimal amount such as "100000" or "0.01"' });

/** A name that is one folder name: no path separators, and not "." or "..". */
export const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** A name is one folder name: far below any file system's limit (255 bytes), with room for suffixes. */
export const MAX_NAME = 100;

/** Day names of `weekdays`, Sunday first: a name's index is its UTC day of the week. */
export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** What a rate above 1 likely means: a percentage written for a fraction. */
const ANNUAL_RATE = { message: 'is an annual rate as a fraction (0.03 for 3 %), at most 1' };

/** A rate that changes over time: a CSV of `timestamp,rate` rows (data/rateSeries.ts), relative to the scenario file. */
const rateFileSchema = z.strictObject({ path: z.string().min(1) });

const positiveDecimal = decimalText.refine((text) => Number(text) > 0, { message: 'must be > 0' });
const fraction = z.number().min(0).max(1);

export const dataSourceSchema = z.strictObject({
  symbol: z.string().min(1).optional(),
  path: z.string().min(1),
  format: z.enum(['generic', 'yahoo', 'binance', 'parquet']).default('generic'),
  kind: z.enum(['bars', 'close', 'trades', 'signals']).default('bars'),
  // the file's own header names of the roles goalsim reads: bars (timestamp, open, high, low,
  // close, volume) and trades (timestamp, price, size, side); an unknown role is an error
  columns: z
    .strictObject(Object.fromEntries(['timestamp', 'open', 'high', 'low', 'close', 'volume', 'price', 'size', 'side'].map((role) => [role, z.string().min(1).optional()])))
    .optional(),
  barInterval: z.string().optional(),
  resample: z.boolean().optional(),
  assetClass: z.string().min(1).default('equity'),
  lotStep: positiveDecimal.default('0.00000001'),
  minNotional: decimalText.refine((text) => Number(text) >= 0, { message: 'must be >= 0' }).default('0'),
  onBadRow: z.enum(['error', 'skip']).default('error'),
  staleBars: z.enum(['keep', 'drop']).default('keep'),
  // the market's trading week, e.g. Sunday to Thursday for the Gulf exchanges: its bars are real days, not a 24/7 market's
  weekdays: z
    .array(z.enum(WEEKDAY_NAMES))
    .min(1)
    .refine((days) => new Set(days).size === days.length, { message: 'names a day twice' })
    .optional(),
});

const protectiveParams = {
  stopLossPct: z.number().gt(0).lt(1).optional(),
  takeProfitPct: z.number().gt(0).optional(),
  confidence: fraction.optional(),
};

export const strategySchema = z.discriminatedUnion('name', [
  z.strictObject({
    name: z.literal('sma-cross'),
    params: z
      .strictObject({ fast: z.number().int().min(1).default(10), slow: z.number().int().min(2).default(30), ...protectiveParams })
      .refine((p) => p.fast < p.slow, { message: 'fast must be shorter than slow', path: ['fast'] })
      .default({ fast: 10, slow: 30 }),
  }),
  z.strictObject({
    name: z.literal('breakout'),
    params: z
      .strictObject({ entry: z.number().int().min(1).default(20), exit: z.number().int().min(1).default(10), allowShort: z.boolean().optional(), ...protectiveParams })
      .default({ entry: 20, exit: 10 }),
  }),
  z.strictObject({ name: z.literal('buy-and-hold'), params: z.strictObject({}).default({}) }),
  z.strictObject({ name: z.literal('signals'), params: z.record(z.string(), z.unknown()).default({}) }),
  z.strictObject({ name: z.literal('module'), module: z.string().min(1), params: z.record(z.string(), z.unknown()).default({}) }),
]);

/** One built-in engine's `sizing` object: its name and its parameters, defaults filled in. */
type BuiltInSizingSchema<E> = E extends { readonly name: infer Name extends string; readonly params: infer Params extends z.ZodType }
  ? z.ZodObject<{ engine: z.ZodLiteral<Name>; params: z.ZodDefault<Params> }, z.core.$strict>
  : never;
type BuiltInSizingSchemas<Catalogue extends readonly unknown[]> = { -readonly [K in keyof Catalogue]: BuiltInSizingSchema<Catalogue[K]> };

const builtInSizingSchemas = ENGINE_CATALOGUE.map((engine) =>
  z.strictObject({ engine: z.literal(engine.name), params: (engine.params as z.ZodType).default(() => engine.params.parse({})) }),
) as unknown as BuiltInSizingSchemas<typeof ENGINE_CATALOGUE>; // map() forgets the tuple; each element is built from its own catalogue entry

// a user's engine: a module exporting createSizer(params), its path relative to the scenario file
const moduleSizingSchema = z.strictObject({ engine: z.literal('module'), module: z.string().min(1), params: z.record(z.string(), z.unknown()).default({}) });

export const sizingSchema = z.discriminatedUnion('engine', [...builtInSizingSchemas, moduleSizingSchema]);

/** Every sizing engine a scenario can name: the catalogue's, then `module`. */
export const ENGINE_NAMES: readonly string[] = [...BUILT_IN_ENGINE_NAMES, 'module'];

/** An engine's sizing with its default parameters; undefined for a name the schema does not know. */
export function defaultSizing(engine: string): z.output<typeof sizingSchema> | undefined {
  return isBuiltInEngine(engine) ? defaultConfig(engine) : undefined;
}

const goalSchema = z.strictObject({
  type: z.enum(GOAL_TYPES),
  target: z.number().gt(0, { message: 'a goal target must be > 0' }),
  priority: z.number().int().min(1).optional(),
  targetDate: z.string().optional(),
});

export const goalsSchema = z
  .strictObject({
    preset: z.enum(['seed-000', 'seed-001']).optional(),
    /** Goals added to the preset's, replacing a preset goal of the same type. */
    list: z.array(goalSchema).default([]),
    /** Lets a monthly return target above 1 (100 % a month) or a portfolio target at or below the starting capital run. */
    allowUnusualTargets: z.boolean().default(false),
    /** Whether the interest cash earns (account.cashRate) counts toward the monthly income goal. */
    interestIsIncome: z.boolean().default(true),
  })
  .refine((goals) => goals.preset !== undefined || goals.list.length > 0, { message: 'name a preset or list at least one goal' })
  .superRefine((goals, ctx) => {
    const seen = new Set<string>();
    goals.list.forEach((goal, index) => {
      if (seen.has(goal.type)) ctx.addIssue({ code: 'custom', path: ['list', index, 'type'], message: `${goal.type} is listed twice` });
      seen.add(goal.type);
      if (goal.targetDate !== undefined && goal.type !== 'portfolio_value') ctx.addIssue({ code: 'custom', path: ['list', index, 'targetDate'], message: 'only the portfolio_value goal has a target date (monthly goals run by calendar month)' });
    });
  });

const milestoneSchema = z.union([
  z.number().gt(0),
  z.strictObject({ at: z.number().gt(0), action: z.enum(['alert', 'none']).default('alert'), riskMultiplier: z.number().positive().optional() }),
]);

export const trackerSchema = z.strictObject({
  intervalMinutes: z.number().int().positive().default(60),
  cooldownHours: z.number().min(0).default(24),
  maxStepIncrease: z.number().min(0).default(0.5),
  maxRisk: z.number().gt(0).max(1).default(0.05),
  drawdownRiskMultiplier: z.number().gt(0).max(1).default(0.5),
  milestones: z.array(milestoneSchema).default([0.25, 0.5, 0.75, 1]),
  driverGoal: z.enum(GOAL_TYPES).optional(),
});

export const scenarioSchema = z
  .strictObject({
    name: z.string().max(MAX_NAME, { message: `names a folder: at most ${MAX_NAME} characters` }).regex(SAFE_NAME, { message: 'use letters, digits, ".", "_" or "-", not starting with "." (it names the report folder)' }),
    description: z.string().optional(),
    data: z.array(dataSourceSchema).min(1),
    // warmup: strategies also see the data's bars before period.start (README "Scenario files")
    period: z.strictObject({ start: z.string().optional(), end: z.string().optional(), warmup: z.boolean().optional() }).default({}),
    account: z.strictObject({
      currency: z
        .string()
        .default('USD')
        .superRefine((code, ctx) => {
          const problem = currencyProblem(code);
          if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
        }),
      initialCapital: positiveDecimal,
      riskTolerance: z.number().gt(0).max(1).default(0.02),
      maxDrawdownPct: z.number().gt(0).lt(1).default(0.15),
      /** Annual interest on positive cash, accrued at each 00:00 UTC (0: none): a constant, or a `timestamp,rate` CSV ({ "path": ... }). */
      cashRate: z.union([z.number().min(0).max(1, ANNUAL_RATE), rateFileSchema]).default(0),
      /** The currency's smallest unit the ledger keeps fees in (README "Simulation semantics"): a power of ten. */
      minorUnit: z.string().regex(/^(1|0\.0*1)$/, { message: 'must be a power of ten such as "0.01" or "0.00000001"' }).default('0.00000001'),
    }),
    // 10,000 bps is 100 %: a fee or slippage that large leaves a cash-secured long nothing, or less
    costs: z
      .strictObject({ feeBps: z.number().min(0).lt(10_000, { message: 'must be below 10000 (100 %)' }).default(0), slippageBps: z.number().min(0).lt(10_000, { message: 'must be below 10000 (100 %)' }).default(0) })
      .default({ feeBps: 0, slippageBps: 0 }),
    execution: z
      .strictObject({ closeAtEnd: z.boolean().default(true), allowShort: z.boolean().default(false), maxGrossExposure: z.number().gt(0).default(1) })
      .default({ closeAtEnd: true, allowShort: false, maxGrossExposure: 1 }),
    strategy: strategySchema,
    sizing: sizingSchema,
    goals: goalsSchema.optional(),
    tracker: trackerSchema.default(() => trackerSchema.parse({})),
    metrics: z
      .strictObject({
        periodsPerYear: z.union([z.literal('auto'), z.number().int().positive()]).default('auto'),
        // annual, as 0.03 for 3 %: Sharpe and Sortino are of the returns in excess of it
        riskFreeRate: z.union([z.number().gt(-1).max(1, ANNUAL_RATE), rateFileSchema]).default(0),
      })
      .default({ periodsPerYear: 'auto', riskFreeRate: 0 }),
    seed: z.number().int().default(1),
  })
  .superRefine((scenario, ctx) => {
    const priceSources = scenario.data.filter((source) => source.kind !== 'signals');
    if (priceSources.length === 0) ctx.addIssue({ code: 'custom', path: ['data'], message: 'needs at least one price source (kind bars, close or trades)' });
    const symbols = new Set<string>();
    scenario.data.forEach((source, index) => {
      if (source.format === 'parquet' && source.kind !== 'bars' && source.kind !== 'close') ctx.addIssue({ code: 'custom', path: ['data', index, 'format'], message: `parquet reads bars and close prices; give ${source.kind} as a CSV` });
      if (source.kind === 'signals') return;
      if (source.symbol === undefined) ctx.addIssue({ code: 'custom', path: ['data', index, 'symbol'], message: 'is required for a price source' });
      else if (symbols.has(source.symbol)) ctx.addIssue({ code: 'custom', path: ['data', index, 'symbol'], message: `"${source.symbol}" is loaded twice` });
      else symbols.add(source.symbol);
      if (source.kind === 'trades' && source.barInterval === undefined) ctx.addIssue({ code: 'custom', path: ['data', index, 'barInterval'], message: 'is required for trades (e.g. "1m")' });
      if (source.resample === true && source.barInterval === undefined) ctx.addIssue({ code: 'custom', path: ['data', index, 'barInterval'], message: 'is required to resample' });
    });
    if (scenario.goals?.preset !== undefined) {
      const presetCurrency = scenario.goals.preset === 'seed-000' ? 'EUR' : 'USD';
      if (presetCurrency !== scenario.account.currency) {
        ctx.addIssue({ code: 'custom', path: ['goals', 'preset'], message: `${scenario.goals.preset} targets are in ${presetCurrency} but account.currency is ${scenario.account.currency}` });
      }
    }
    const start = scenario.period.start;
    // plausible slips: 10 meant as 10 %, a portfolio "target" that is already met on day one
    if (scenario.goals !== undefined && !scenario.goals.allowUnusualTargets) {
      const capital = Number(scenario.account.initialCapital);
      scenario.goals.list.forEach((goal, index) => {
        const path = ['goals', 'list', index, 'target'];
        if (goal.type === 'monthly_return' && goal.target > 1) {
          ctx.addIssue({ code: 'custom', path, message: `${goal.target} means ${goal.target * 100} % a month; for ${goal.target} % write ${goal.target / 100} (or set goals.allowUnusualTargets)` });
        }
        if (goal.type === 'portfolio_value' && goal.target <= capital) {
          ctx.addIssue({ code: 'custom', path, message: `${goal.target} is not above the initial capital ${scenario.account.initialCapital}: the goal is met before the first bar (set goals.allowUnusualTargets if that is meant)` });
        }
      });
      const presetPortfolio = scenario.goals.preset === undefined ? undefined : GOAL_PRESETS[scenario.goals.preset].goals.find((goal) => goal.type === 'portfolio_value');
      if (presetPortfolio !== undefined && !scenario.goals.list.some((goal) => goal.type === 'portfolio_value') && presetPortfolio.target <= capital) {
        ctx.addIssue({ code: 'custom', path: ['goals', 'preset'], message: `${scenario.goals.preset}'s portfolio target ${presetPortfolio.target} is not above the initial capital ${scenario.account.initialCapital}: list a portfolio_value goal above it (or set goals.allowUnusualTargets)` });
      }
    }
    scenario.goals?.list.forEach((goal, index) => {
      if (goal.targetDate !== undefined && start !== undefined && goal.targetDate <= start) {
        ctx.addIssue({ code: 'custom', path: ['goals', 'list', index, 'targetDate'], message: `${goal.targetDate} is not after period.start ${start}` });
      }
    });
    const signalSources = scenario.data.filter((source) => source.kind === 'signals').length;
    if (scenario.strategy.name === 'signals' && signalSources !== 1) ctx.addIssue({ code: 'custom', path: ['strategy', 'name'], message: 'the signals strategy needs exactly one data source of kind "signals"' });
    // these engines size from the stop distance: without one every decision would be skipped
    const engine = scenario.sizing.engine;
    if (engine === 'fixed-risk' || engine === 'goal-kelly') {
      if ((scenario.strategy.name === 'sma-cross' || scenario.strategy.name === 'breakout') && scenario.strategy.params.stopLossPct === undefined) {
        ctx.addIssue({ code: 'custom', path: ['strategy', 'params', 'stopLossPct'], message: `is required: ${engine} sizes from the stop-loss distance` });
      }
      if (scenario.strategy.name === 'buy-and-hold') {
        ctx.addIssue({ code: 'custom', path: ['sizing', 'engine'], message: `${engine} sizes from a stop-loss distance, and buy-and-hold sets no stop: size it with fixed-fraction` });
      }
    }
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type DataSourceConfig = z.output<typeof dataSourceSchema>;
/** A scenario's sizing: a built-in engine (sizing/registry.ts) or a user module. */
export type ScenarioSizing = Scenario['sizing'];
export type StrategyConfig = Scenario['strategy'];
