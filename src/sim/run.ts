/**
 * One scenario end to end: restricts the data to the period, builds the strategy, sizing engine
 * and ledger settings from the scenario, simulates, and returns a RunResult. It wires; the
 * components live in their own folders.
 */
import { dirname, resolve } from 'node:path';
import { computeMetrics, detectPeriodsPerYear } from '../analysis/metrics.js';
import { GoalTracker } from '../goals/tracker.js';
import type { BarSeries } from '../data/series.js';
import { formatTimestamp } from '../data/timestamp.js';
import { hasRate, rateText } from '../data/rates.js';
import { ScenarioError } from '../errors.js';
import { Amount, type Fill, type Instrument, money } from '../ledger/index.js';
import type { ResolvedScenario } from '../scenario/load.js';
import { createSizingEngine } from '../sizing/engines.js';
import { loadUserSizingEngine } from '../sizing/userSizer.js';
import { scheduledStrategyFactory, strategyFactory, strategyWindows, type ReplayCounter, type StrategyFactory, type StrategySpec } from '../strategy/index.js';
import { buyAndHoldScenario } from './benchmark.js';
import { Replay } from './engine.js';
import type { ScenarioData } from './loadData.js';
import type { CurveSink, RunResult, SimulationOutput } from './types.js';
import type { SizingEngine, SizingNeeds } from '../sizing/types.js';

/** The bars of `series` with start <= time < end, as views over the same shared memory. */
export function sliceSeries(series: BarSeries, start: number, end: number): BarSeries {
  const from = lowerBound(series.time, start);
  const to = lowerBound(series.time, end);
  if (from === 0 && to === series.length) return series;
  return {
    symbol: series.symbol,
    length: to - from,
    buffer: series.buffer,
    time: series.time.subarray(from, to),
    open: series.open.subarray(from, to),
    high: series.high.subarray(from, to),
    low: series.low.subarray(from, to),
    close: series.close.subarray(from, to),
    volume: series.volume.subarray(from, to),
  };
}

function lowerBound(values: Float64Array, target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The strategy as the registry wants it; a user module's path is relative to the scenario file. */
export function strategySpecOf(resolved: ResolvedScenario): StrategySpec {
  const strategy = resolved.scenario.strategy;
  if (strategy.name !== 'module') return strategy;
  return { name: 'module', module: resolve(dirname(resolve(resolved.file)), strategy.module), params: strategy.params };
}

export interface RunOptions {
  /** Keep the tracker's per-cycle and per-day rows (default); false keeps only its outcome. */
  readonly trackerRows?: boolean | undefined;
  /** Daily closes to keep besides the engine's (a live caller sizing with another engine). */
  readonly observeDaily?: SizingNeeds['volatilityLookback'];
  /** Where the equity rows go as they become final; the result then keeps no curve (see runIntoFolder). */
  readonly curveSink?: CurveSink | undefined;
  /** Run the buy-and-hold benchmark beside it (its equity rows to `curveSink` when given); result().benchmark. */
  readonly benchmark?: { readonly curveSink?: CurveSink | undefined } | undefined;
  /**
   * Strategy and sizing taken from other scenarios at given times (a walk-forward's account):
   * `scenarios[k]` is in force from `from[k]`, ascending, `from[0]` at or before the period's
   * start. Data, account, costs, goals and tracker stay the run's own.
   */
  readonly schedule?: { readonly from: readonly number[]; readonly scenarios: readonly ResolvedScenario[] } | undefined;
}

/** A scenario's replay in progress: the engine's replay and what a result is built from. */
export interface ScenarioReplay {
  readonly resolved: ResolvedScenario;
  readonly replay: Replay;
  readonly tracker: GoalTracker | undefined;
  readonly sizing: SizingEngine;
  readonly periodsPerYear: number;
  /** Runs the replay to its end (if it is not) and returns the run's result; idempotent. */
  result(): RunResult;
  /** The run as it stands at the replay's current instant, not ended (open positions stay open). */
  resultSoFar(): RunResult;
}

/** Builds a scenario's replay, held before its first bar. */
export async function startScenario(resolved: ResolvedScenario, data: ScenarioData, options: RunOptions = {}): Promise<ScenarioReplay> {
  const { scenario } = resolved;
  const series = data.series.map((bars) => sliceSeries(bars, resolved.periodStart, resolved.periodEnd));
  if (series.every((bars) => bars.length === 0)) throw new ScenarioError(`holds no bars: ${noBarsMessage(data.series)}`, resolved.file, 'period');
  // a window longer than the data never fills, and a huge one would be allocated whole
  const longest = series.reduce((most, bars) => Math.max(most, bars.length), 0);
  for (const window of strategyWindows(strategySpecOf(resolved))) {
    if (window.bars > longest) throw new ScenarioError(`${window.bars} bars is longer than the data: the longest symbol has ${longest} bars in the period`, resolved.file, window.path);
  }
  const instruments: Instrument[] = resolved.priceSources.map((source, index) => {
    const config = scenario.data[source.dataIndex];
    if (config === undefined) throw new Error(`no data entry ${source.dataIndex}`);
    return { symbol: source.symbol, assetClass: config.assetClass, lotStep: money(config.lotStep), minNotional: money(config.minNotional), pricePlaces: data.pricePlaces?.[index] };
  });
  const firstTime = series.reduce((first, bars) => Math.min(first, bars.length > 0 ? (bars.time[0] as number) : Infinity), Infinity);
  const weeks = resolved.priceSources.map((source) => source.weekdays);
  const periodsPerYear = scenario.metrics.periodsPerYear === 'auto' ? detectPeriodsPerYear(series.map((bars) => bars.time), weeks) : scenario.metrics.periodsPerYear;
  const tracker = resolved.goals.length === 0 || !Number.isFinite(firstTime) ? undefined : createTracker(resolved, firstTime, periodsPerYear, options.trackerRows !== false);
  const replayCounter = { delivered: 0 };
  const schedule = options.schedule;
  const factory = schedule === undefined ? await factoryOf(resolved, data, replayCounter) : await scheduledFactory(schedule, data, replayCounter);
  const initialCapital = Amount.of(scenario.account.initialCapital);
  const sizing = await sizingEngineOf(resolved);
  const scheduledSizing = schedule === undefined ? undefined : { from: schedule.from, engines: await Promise.all(schedule.scenarios.map(sizingEngineOf)) };
  const replay = new Replay({
    series,
    instruments,
    initialCapital,
    minorUnitPlaces: Amount.of(scenario.account.minorUnit).scale,
    costs: scenario.costs,
    execution: scenario.execution,
    strategyFactory: factory,
    sizing,
    riskTolerance: scenario.account.riskTolerance,
    goalHooks: tracker,
    observeDaily: options.observeDaily,
    curveSink: options.curveSink,
    history: scenario.period.warmup === true ? data.series : undefined,
    sizingSchedule: scheduledSizing,
    cashRate: resolved.cashRate,
  });
  // the benchmark keeps the goals' counts (how often buy-and-hold meets them), not their rows
  const benchmark = options.benchmark === undefined ? undefined : await startScenario(buyAndHoldScenario(resolved), data, { trackerRows: false, curveSink: options.benchmark.curveSink });
  const signalsInPeriod = data.signals === undefined ? 0 : Array.from(data.signals.time).filter((t) => t >= resolved.periodStart && t < resolved.periodEnd).length;
  const resultOf = (output: SimulationOutput, closes: Float64Array, benchmarkResult?: RunResult): RunResult => {
    const finalEquity = output.ledger.equityDecimal(closes);
    return {
      equityCurve: output.equityCurve,
      curveSummary: output.curveSummary,
      ledger: output.ledger,
      // read when a report asks: the log builds its records then (decisionLog.ts)
      get decisions() {
        return output.decisions;
      },
      firstTime: output.firstTime,
      lastTime: output.lastTime,
      bars: output.bars,
      name: scenario.name,
      seed: scenario.seed,
      currency: scenario.account.currency,
      initialCapital: output.ledger.initialCapital,
      finalEquity,
      trades: output.ledger.trades,
      fills: output.ledger.fills,
      notes: output.ledger.notes,
      skippedRows: data.skippedRows,
      staleBars: data.staleBars ?? {},
      signalsUndelivered: Math.max(0, signalsInPeriod - replayCounter.delivered),
      periodsPerYear,
      goalTables: tracker?.tables(),
      sizing: { engine: sizing.name, trackerRisk: scenario.sizing.engine === 'module' ? undefined : (sizing.needs.trackerRisk ?? null) },
      riskFreeRate: rateText(resolved.riskFreeRate),
      interest: hasRate(resolved.cashRate) ? { rate: rateText(resolved.cashRate), earned: output.ledger.interestEarned } : undefined,
      metrics: computeMetrics(output.curveSummary, output.ledger.trades, initialCapital.toNumber(), finalEquity.toNumber(), periodsPerYear, tradedNotional(output.ledger.fills), resolved.riskFreeRate),
      benchmark: benchmarkResult,
    };
  };
  let finished: RunResult | undefined;
  return {
    resolved,
    replay,
    tracker,
    sizing,
    periodsPerYear,
    result: () => {
      if (finished !== undefined) return finished;
      const output = replay.finish();
      const closes = lastCloses(series);
      if (tracker !== undefined && Number.isFinite(output.lastTime)) {
        // the last month closes with the run, partial
        tracker.recordMonth(output.lastTime, { ledger: output.ledger, lastPrices: closes, equity: output.ledger.equityDecimal(closes).toNumber(), peakEquity: NaN }, false);
      }
      finished = resultOf(output, closes, benchmark?.result());
      return finished;
    },
    resultSoFar: () => finished ?? resultOf(replay.snapshot(), replay.lastPrices),
  };
}

export async function runScenario(resolved: ResolvedScenario, data: ScenarioData, options: RunOptions = {}): Promise<RunResult> {
  return (await startScenario(resolved, data, options)).result();
}

function createTracker(resolved: ResolvedScenario, firstTime: number, periodsPerYear: number, recordRows: boolean): GoalTracker {
  const { scenario } = resolved;
  const t = scenario.tracker;
  return new GoalTracker(
    resolved.goals,
    {
      intervalMinutes: t.intervalMinutes,
      cooldownHours: t.cooldownHours,
      maxStepIncrease: t.maxStepIncrease,
      maxRisk: t.maxRisk,
      drawdownRiskMultiplier: t.drawdownRiskMultiplier,
      milestones: t.milestones.map((m) => (typeof m === 'number' ? { at: m, action: 'alert' as const } : m)),
      driverGoal: t.driverGoal ?? (scenario.sizing.engine === 'goal-kelly' ? scenario.sizing.params.driverGoal : undefined),
      periodsPerYear,
      recordRows,
      // only with interest to count: without it the income is the realised P&L alone, as before
      interestIsIncome: hasRate(resolved.cashRate) && scenario.goals?.interestIsIncome !== false,
    },
    { riskTolerance: scenario.account.riskTolerance, maxDrawdownPct: scenario.account.maxDrawdownPct, initialCapital: Number(scenario.account.initialCapital) },
    firstTime,
  );
}

function factoryOf(resolved: ResolvedScenario, data: ScenarioData, replayCounter: ReplayCounter): Promise<StrategyFactory> {
  return userModuleErrors(resolved, () => strategyFactory(strategySpecOf(resolved), { signals: data.signals, replayCounter }));
}

/** The schedule's strategies, one instance per distinct strategy (see strategy/scheduled.ts). */
async function scheduledFactory(schedule: NonNullable<RunOptions['schedule']>, data: ScenarioData, replayCounter: ReplayCounter): Promise<StrategyFactory> {
  const specs = schedule.scenarios.map((scenario) => JSON.stringify(strategySpecOf(scenario)));
  const distinct = [...new Set(specs)];
  const factories = await Promise.all(distinct.map((spec) => factoryOf(schedule.scenarios[specs.indexOf(spec)] as ResolvedScenario, data, replayCounter)));
  return scheduledStrategyFactory(schedule.from, factories, specs.map((spec) => distinct.indexOf(spec)));
}

/** The scenario's sizing engine: built in, or a user's module (its path relative to the scenario file). */
async function sizingEngineOf(resolved: ResolvedScenario): Promise<SizingEngine> {
  const sizing = resolved.scenario.sizing;
  if (sizing.engine !== 'module') return createSizingEngine(sizing);
  try {
    return await loadUserSizingEngine(resolve(dirname(resolve(resolved.file)), sizing.module), sizing.params);
  } catch (error) {
    throw new ScenarioError(`cannot use the sizing module: ${error instanceof Error ? error.message : String(error)}`, resolved.file, 'sizing.module');
  }
}

/**
 * A user's strategy module that cannot be loaded or does not keep the contract is an input
 * error of the scenario (exit 2, naming strategy.module); one that throws while it runs is a
 * failed run.
 */
async function userModuleErrors(resolved: ResolvedScenario, load: () => Promise<StrategyFactory>): Promise<StrategyFactory> {
  if (resolved.scenario.strategy.name !== 'module') return load();
  const asInput = (error: unknown): ScenarioError => new ScenarioError(`cannot use the strategy module: ${error instanceof Error ? error.message : String(error)}`, resolved.file, 'strategy.module');
  let factory: StrategyFactory;
  try {
    factory = await load();
  } catch (error) {
    throw asInput(error);
  }
  return (symbol) => {
    try {
      return factory(symbol);
    } catch (error) {
      throw asInput(error);
    }
  };
}

/**
 * A warning when the goal tracker would cycle far more often than the bars change (each cycle
 * costs time and, with rows kept, a row per goal), or null: e.g. a 1-minute tracker on a year of
 * daily bars runs 500,000 cycles and writes hundreds of MB for 252 bars.
 */
export function trackerCycleWarning(resolved: ResolvedScenario, data: ScenarioData): string | null {
  if (resolved.goals.length === 0) return null;
  const series = data.series.map((bars) => sliceSeries(bars, resolved.periodStart, resolved.periodEnd));
  const bars = series.reduce((sum, s) => sum + s.length, 0);
  const first = Math.min(...series.map((s) => (s.length > 0 ? (s.time[0] as number) : Infinity)));
  const last = Math.max(...series.map((s) => (s.length > 0 ? (s.time[s.length - 1] as number) : -Infinity)));
  const interval = resolved.scenario.tracker.intervalMinutes;
  const cycles = Math.floor((last - first) / (interval * 60_000));
  if (!(bars > 0) || cycles <= 10 * bars) return null;
  const perBar = Math.round(cycles / bars);
  const barMinutes = Math.max(1, Math.round((last - first) / 60_000 / bars));
  return `tracker.intervalMinutes ${interval}: the tracker runs about ${cycles.toLocaleString('en')} cycles for ${bars.toLocaleString('en')} bars (${perBar.toLocaleString('en')} a bar), each with its rows in goal_progress.csv; bars come about every ${barMinutes.toLocaleString('en')} minutes, so an interval near that (e.g. 1440 for daily bars) gives the same goals for a fraction of the time`;
}

/**
 * One line on the stale bars the data keeps (data/stale.ts), or null: how many per symbol, and
 * the option that drops them. Sources that drop theirs are not mentioned (summary.json counts them).
 */
export function staleBarsWarning(resolved: ResolvedScenario, data: ScenarioData): string | null {
  const kept = resolved.priceSources.filter((source) => (source.staleBars ?? 'keep') === 'keep' && (data.staleBars?.[source.symbol]?.count ?? 0) > 0);
  if (kept.length === 0) return null;
  const counts = kept.map((source) => `${source.symbol} ${data.staleBars?.[source.symbol]?.count ?? 0} of ${data.series[resolved.priceSources.indexOf(source)]?.length ?? 0}`).join(', ');
  const paths = kept.map((source) => `data[${source.dataIndex}].staleBars`).join(', ');
  return `bars that repeat the previous close with no range or volume (days the market was shut, filled in): ${counts}; they count as zero-return days in sigma, Sharpe and the bootstrap: set ${paths} to "drop" to remove them`;
}

/** Where the data lies, for a period that misses it. */
export function noBarsMessage(series: readonly BarSeries[]): string {
  const times = series.filter((bars) => bars.length > 0);
  if (times.length === 0) return 'the data has no rows';
  const first = Math.min(...times.map((bars) => bars.time[0] as number));
  const last = Math.max(...times.map((bars) => bars.time[bars.length - 1] as number));
  return `the data runs from ${formatTimestamp(first)} to ${formatTimestamp(last)}`;
}

function lastCloses(series: readonly BarSeries[]): Float64Array {
  return Float64Array.from(series, (bars) => (bars.length > 0 ? (bars.close[bars.length - 1] as number) : 0));
}

/** Notional of every fill, both sides: what turnover counts (float64 at the end of a run; the ledger keeps the exact fills). */
function tradedNotional(fills: readonly Fill[]): number {
  let notional = 0;
  for (const fill of fills) notional += fill.quantity.toNumber() * fill.price.toNumber();
  return notional;
}
