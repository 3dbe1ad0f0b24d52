/**
 * One simulation on the simulated clock. At each instant, for the symbols that have a bar:
 * 1. fill orders pending from the previous bar at this bar's open;
 * 2. check stop-loss / take-profit against this bar's low and high;
 * 3. mark the portfolio to market at the close;
 * 4. call the strategy; its orders are sized now (from this close) and fill at the next open.
 * Timers fire when the clock reaches their time, before the bars of that instant. The loop allocates
 * nothing per bar: every per-bar state lives in typed arrays or reused objects.
 */
import { BarMerge, NO_TIMERS, TimerSchedule, type TimerKind } from '../clock/index.js';
import { MS_PER_DAY } from '../data/timestamp.js';
import type { BarSeries } from '../data/series.js';
import { type Amount, type Costs, type Direction, type Instrument, Ledger, type Money, pricePlacesOf } from '../ledger/index.js';
import { SeriesHistory, type Signal, type StrategyContext, type StrategyFactory } from '../strategy/index.js';
import type { SizingEngine, SizingNeeds, SizingRequest, VolatilityInput } from '../sizing/types.js';
import { DailyCloses } from './dailyCloses.js';
import { hasRate, rateAt, type AnnualRate } from '../data/rates.js';
import { tradeStatsOf } from './tradeStats.js';
import { CurveRecorder, type CurveSink } from './equityCurve.js';
import { DecisionLog } from './decisionLog.js';
import type { DecisionRecord, GoalHooks, PortfolioView, SimulationOutput } from './types.js';

export interface ExecutionSettings {
  readonly closeAtEnd: boolean;
  readonly allowShort: boolean;
  readonly maxGrossExposure: number;
}

export interface SimulationSetup {
  readonly series: readonly BarSeries[];
  readonly instruments: readonly Instrument[];
  readonly initialCapital: Amount | Money;
  /** Decimals of the account currency's minor unit (default 8). */
  readonly minorUnitPlaces?: number | undefined;
  readonly costs: Costs;
  readonly execution: ExecutionSettings;
  readonly strategyFactory: StrategyFactory;
  readonly sizing: SizingEngine;
  readonly riskTolerance: number;
  readonly goalHooks?: GoalHooks | undefined;
  /**
   * Keep daily closes for these lookbacks too (the engine keeps those it needs): a live caller
   * may size with another engine than the run's. Observing them changes nothing in the run.
   */
  readonly observeDaily?: SizingNeeds['volatilityLookback'];
  /** Where final equity rows go as the run makes them; the output then keeps no curve (a 20M-row run's is 800 MB). */
  readonly curveSink?: CurveSink | undefined;
  /**
   * Each symbol's whole series, of which `series[s]` is a contiguous part: strategies also see
   * its bars before the run's first (a warm start). Without it they see the run's bars only.
   */
  readonly history?: readonly BarSeries[] | undefined;
  /**
   * Engines that take over from `sizing` at the given times, ascending (a walk-forward's
   * re-optimised parameters): an order decided at time t is sized by the last engine whose
   * time is <= t.
   */
  readonly sizingSchedule?: { readonly from: readonly number[]; readonly engines: readonly SizingEngine[] } | undefined;
  /** Annual interest on positive cash, accrued at each 00:00 UTC the run passes (0 or undefined: none): a constant, or rates over time (data/rates.ts). */
  readonly cashRate?: AnnualRate | undefined;
}

const NO_EXPOSURE: Readonly<Record<string, number>> = Object.freeze({});

interface PendingOpen {
  readonly direction: Direction;
  readonly quantity: Amount;
  readonly stopLossPct: number;
  readonly takeProfitPct: number;
}

class MutableContext implements StrategyContext {
  position = 0;
  time = 0;
  constructor(
    readonly symbol: string,
    readonly symbolIndex: number,
    readonly bars: SeriesHistory,
  ) {}
}

class MutablePortfolio implements PortfolioView {
  equity = 0;
  peakEquity = 0;
  constructor(
    readonly ledger: Ledger,
    readonly lastPrices: Float64Array,
  ) {}
}

/** The order a strategy's signal asks the sizing engine about, as `decide` and a live caller give it. */
export interface SizingQuestion {
  readonly direction: Direction;
  /** The price the size is worked out at: the decision bar's close in a run, the caller's quote live. */
  readonly price: number;
  readonly confidence: number;
  /** NaN when there is no stop. */
  readonly stopLossPct: number;
}

/**
 * The simulation as a replay that can stop at any instant and go on: `step` processes one
 * instant, `advanceTo` and `advanceBars` several, `finish` the rest and the end of the run.
 * `simulate` is a replay run to its end; `goalsim serve` holds one and lets its client drive it.
 * Nothing is allocated per bar: every per-bar state lives in typed arrays or reused objects.
 */
export class Replay {
  readonly ledger: Ledger;
  readonly instruments: readonly Instrument[];
  readonly lastPrices: Float64Array;
  private readonly log: DecisionLog;
  /** Epoch ms of the first instant (NaN without bars). */
  readonly firstTime: number;
  private readonly setup: SimulationSetup;
  private readonly lastBar: Int32Array;
  private readonly histories: SeriesHistory[];
  /** Index in the history of each series' first bar (0 without a warm start). */
  private readonly historyOffset: Int32Array;
  /** Index in the sizing schedule of the engine in force (-1: setup.sizing). */
  private sizingIndex = -1;
  private readonly contexts: MutableContext[];
  private readonly strategies: { onBar(ctx: StrategyContext): readonly Signal[] }[];
  private readonly pendingClose: Uint8Array;
  private readonly pendingOpen: (PendingOpen | undefined)[];
  private readonly merge: BarMerge;
  private readonly recorder: CurveRecorder;
  private readonly portfolio: MutablePortfolio;
  private readonly schedule: TimerSchedule;
  private readonly fireTimer: (kind: TimerKind, time: number) => void;
  private readonly daily: (DailyCloses | undefined)[];
  private readonly lookback: SizingNeeds['volatilityLookback'];
  private peak: number;
  /** Annual interest on positive cash (0: none), and the UTC day (days since 1970) it was last accrued to. */
  private readonly cashRate: AnnualRate;
  private readonly earnsInterest: boolean;
  private accruedDay: number;
  private output: SimulationOutput | undefined;

  constructor(setup: SimulationSetup) {
    this.setup = setup;
    const { series, sizing, goalHooks } = setup;
    const symbolCount = series.length;
    // prices are integers in each instrument's increment: the data shows it unless the caller says
    this.instruments = setup.instruments.map((instrument, s) => (instrument.pricePlaces !== undefined ? instrument : { ...instrument, pricePlaces: pricePlacesOf(series[s] as BarSeries) }));
    this.ledger = new Ledger(setup.initialCapital, this.instruments, setup.costs, { minorUnitPlaces: setup.minorUnitPlaces });
    this.log = new DecisionLog(this.instruments.map((instrument) => instrument.symbol));
    this.lastPrices = new Float64Array(symbolCount);
    this.lastBar = new Int32Array(symbolCount).fill(-1);
    this.histories = series.map((bars, s) => new SeriesHistory(setup.history?.[s] ?? bars));
    this.historyOffset = Int32Array.from(series, (bars, s) => historyOffsetOf(setup.history?.[s], bars));
    this.contexts = series.map((bars, s) => new MutableContext(bars.symbol, s, this.histories[s] as SeriesHistory));
    this.strategies = series.map((bars) => setup.strategyFactory(bars.symbol));
    this.pendingClose = new Uint8Array(symbolCount);
    this.pendingOpen = series.map(() => undefined);
    this.merge = new BarMerge(series);
    this.recorder = new CurveRecorder(this.merge.totalBars(), setup.curveSink);
    this.portfolio = new MutablePortfolio(this.ledger, this.lastPrices);
    const firstTime = this.merge.peek();
    this.firstTime = Number.isFinite(firstTime) ? firstTime : NaN;
    this.schedule = new TimerSchedule(goalHooks?.timers ?? NO_TIMERS, Number.isFinite(firstTime) ? firstTime : 0);
    this.fireTimer = (kind, time) => goalHooks?.onTimer(kind, time, this.portfolio);
    // daily closes per symbol, for the engines that read daily volatility and trend (and for a
    // live caller's engine: observing them changes nothing in the run)
    this.lookback = (setup.sizingSchedule?.engines ?? []).reduce((widest, engine) => widestLookback(widest, engine.needs.volatilityLookback), widestLookback(sizing.needs.volatilityLookback, setup.observeDaily));
    const lookback = this.lookback;
    this.daily = series.map(() => (lookback === undefined ? undefined : new DailyCloses(Math.max(lookback.short, lookback.long, lookback.trend ?? 0) + 1)));
    this.peak = this.ledger.cashValue;
    this.portfolio.equity = this.peak;
    this.cashRate = setup.cashRate ?? 0;
    this.earnsInterest = hasRate(this.cashRate);
    this.accruedDay = Number.isFinite(firstTime) ? Math.floor(firstTime / MS_PER_DAY) : 0;
    this.portfolio.peakEquity = this.peak;
  }

  /** Time of the last instant processed (NaN before the first). */
  get time(): number {
    return this.recorder.lastTime;
  }

  /** Time of the next instant, Infinity at the end. */
  get nextTime(): number {
    return this.merge.peek();
  }

  /** Bars processed so far, over all symbols. */
  get barsDone(): number {
    let done = 0;
    for (let s = 0; s < this.merge.cursor.length; s++) done += this.merge.cursor[s] as number;
    return done;
  }

  get totalBars(): number {
    return this.merge.totalBars();
  }

  get finished(): boolean {
    return this.output !== undefined;
  }

  /** The portfolio as the tracker and the strategies see it now. */
  get view(): PortfolioView {
    return this.portfolio;
  }

  /** Processes instants up to and including `time`; returns how many. */
  advanceTo(time: number): number {
    let count = 0;
    while (this.output === undefined && this.merge.peek() <= time && this.step()) count++;
    return count;
  }

  /** The decisions so far, built into records when first read (see decisionLog.ts). */
  get decisions(): readonly DecisionRecord[] {
    return this.log.records();
  }

  /** Processes the next `bars` bars (over all symbols, whole instants); returns the instants processed. */
  advanceBars(bars: number): number {
    const target = this.barsDone + bars;
    let count = 0;
    while (this.output === undefined && this.barsDone < target && this.step()) count++;
    return count;
  }

  /**
   * The sizing request of an order at this moment: live equity, cash, exposure, trade
   * statistics, daily volatility and the tracker's risk and goals, as `decide` gathers them.
   */
  requestFor(s: number, question: SizingQuestion, time: number, sizing: SizingEngine = this.setup.sizing): SizingRequest {
    const instrument = this.instruments[s] as Instrument;
    const { goalHooks } = this.setup;
    const lookback = sizing.needs.volatilityLookback;
    return {
      time,
      symbol: instrument.symbol,
      assetClass: instrument.assetClass,
      direction: question.direction,
      price: question.price,
      confidence: question.confidence,
      stopLossPct: question.stopLossPct,
      equity: this.portfolio.equity,
      cash: this.ledger.cashValue,
      spendableCash: this.ledger.spendableCashValue(this.lastPrices),
      grossExposure: this.ledger.grossExposureAt(this.lastPrices),
      assetClassExposure: sizing.needs.exposure === true ? exposureByAssetClass(this.ledger, this.instruments, this.lastPrices) : NO_EXPOSURE,
      lotStep: instrument.lotStep,
      minNotional: instrument.minNotional,
      riskTolerance: this.setup.riskTolerance,
      currentRisk: goalHooks?.currentRisk() ?? this.setup.riskTolerance,
      goalFreeRisk: goalHooks?.goalFreeRisk() ?? this.setup.riskTolerance,
      goals: sizing.needs.goals === true ? goalHooks?.goalInputs(time, this.portfolio) : undefined,
      tradeStats: sizing.needs.tradeStatsWindow === undefined ? undefined : tradeStatsOf(this.ledger.trades, sizing.needs.tradeStatsWindow, time),
      volatility: dailyFigures(this.daily[s], lookback),
      portfolioVolatilities: lookback === undefined ? undefined : this.daily.map((days) => days?.sigma(lookback.short) ?? NaN),
      openPositions: this.ledger.openPositions,
    };
  }

  /** The sizing engine in force at `time` (times only increase during a run). */
  private sizingAt(time: number): SizingEngine {
    const schedule = this.setup.sizingSchedule;
    if (schedule === undefined) return this.setup.sizing;
    while (this.sizingIndex + 1 < schedule.from.length && (schedule.from[this.sizingIndex + 1] as number) <= time) this.sizingIndex++;
    return this.sizingIndex < 0 ? this.setup.sizing : (schedule.engines[this.sizingIndex] as SizingEngine);
  }

  private decide(s: number, signal: Signal, direction: Direction, time: number): void {
    const price = this.lastPrices[s] as number;
    const sizing = this.sizingAt(time);
    const decision = sizing.size(this.requestFor(s, { direction, price, confidence: signal.confidence, stopLossPct: signal.stopLossPct }, time, sizing));
    this.log.record({ time, symbolIndex: s, signal: signal.side, direction, price, confidence: signal.confidence, stopLossPct: signal.stopLossPct }, decision);
    if (decision.skipped === null) {
      this.pendingOpen[s] = { direction, quantity: decision.units, stopLossPct: signal.stopLossPct, takeProfitPct: signal.takeProfitPct };
    }
  }

  private onSignal(s: number, signal: Signal, time: number): void {
    const { ledger, pendingOpen, pendingClose } = this;
    const held = (ledger.signedQuantity[s] as number) > 0 ? 'long' : (ledger.signedQuantity[s] as number) < 0 ? 'short' : 'flat';
    const planned = pendingOpen[s]?.direction ?? (pendingClose[s] === 1 ? 'flat' : held);
    const target = signal.side === 'buy' ? 'long' : signal.side === 'sell' && this.setup.execution.allowShort ? 'short' : 'flat';
    if (target === planned) return;
    pendingOpen[s] = undefined;
    if (held !== 'flat' && held !== target) pendingClose[s] = 1;
    if (target !== 'flat') this.decide(s, signal, target, time);
  }

  /** Processes the next instant; false at the end of the data. */
  step(): boolean {
    const merge = this.merge;
    if (this.output !== undefined || !merge.advance()) return false;
    const t = merge.time;
    if (this.earnsInterest) this.accrueInterest(t);
    // A timer due at this very instant fires before its bars: a boundary belongs to the period it
    // opens (a daily bar dated the 1st is that month's), and timers still see only earlier prices.
    if (this.schedule.earliest <= t) this.schedule.fireUntil(t, true, this.fireTimer);
    this.fillAtOpen(t);
    this.checkProtectiveExits(t);
    this.markToMarket(t);
    this.decideOnClose(t);
    return true;
  }

  /**
   * Interest for the midnights (00:00 UTC) since the last accrual, booked before anything else
   * at this instant (timers at midnight see it): cash x ((1 + rate)^(days / 365) - 1). Cash does
   * not change between bars, so the days since the last bar accrue on the same balance.
   */
  private accrueInterest(t: number): void {
    const day = Math.floor(t / MS_PER_DAY);
    if (day <= this.accruedDay) return;
    const rate = this.cashRate;
    if (typeof rate === 'number') this.ledger.accrueInterest((1 + rate) ** ((day - this.accruedDay) / 365) - 1);
    else {
      // a day earns the rate in force at its start; days of one rate accrue together, as a constant's do
      let from = this.accruedDay;
      while (from < day) {
        const annual = rateAt(rate, from * MS_PER_DAY);
        let to = from + 1;
        while (to < day && rateAt(rate, to * MS_PER_DAY) === annual) to++;
        if (annual > 0) this.ledger.accrueInterest((1 + annual) ** ((to - from) / 365) - 1);
        from = to;
      }
    }
    this.accruedDay = day;
  }

  /** Phase 1: orders decided on the previous bar fill at this bar's open (a close first, then an entry). */
  private fillAtOpen(t: number): void {
    const { merge, ledger, pendingClose, pendingOpen } = this;
    const series = this.setup.series;
    for (let a = 0; a < merge.count; a++) {
      const s = merge.active[a] as number;
      if (pendingClose[s] === 0 && pendingOpen[s] === undefined) continue;
      const open = (series[s] as BarSeries).open[merge.activeBar[a] as number] as number;
      if (pendingClose[s] === 1) {
        ledger.close(s, open, t, 'exit');
        pendingClose[s] = 0;
      }
      const order = pendingOpen[s];
      if (order !== undefined) {
        pendingOpen[s] = undefined;
        ledger.open({ symbolIndex: s, direction: order.direction, quantity: order.quantity, marketPrice: open, time: t, stopLossPct: order.stopLossPct, takeProfitPct: order.takeProfitPct, maxGrossExposure: this.setup.execution.maxGrossExposure }, this.lastPrices);
      }
    }
  }

  /** Phase 2: stop-loss and take-profit levels against this bar's low and high. */
  private checkProtectiveExits(t: number): void {
    const { merge, ledger } = this;
    const series = this.setup.series;
    for (let a = 0; a < merge.count; a++) {
      const s = merge.active[a] as number;
      const position = ledger.positions[s];
      if (position === undefined || (Number.isNaN(position.stopPrice) && Number.isNaN(position.takeProfitPrice))) continue;
      const bars = series[s] as BarSeries;
      const i = merge.activeBar[a] as number;
      const exit = protectiveExit(position.direction, position.stopPrice, position.takeProfitPrice, bars.open[i] as number, bars.high[i] as number, bars.low[i] as number);
      if (exit !== 0) ledger.close(s, Math.abs(exit), t, exit < 0 ? 'stop_loss' : 'take_profit');
    }
  }

  /** Phase 3: the portfolio marked at the closes, one equity-curve row. */
  private markToMarket(t: number): void {
    const { merge, ledger, lastPrices, portfolio } = this;
    const series = this.setup.series;
    for (let a = 0; a < merge.count; a++) {
      const s = merge.active[a] as number;
      const i = merge.activeBar[a] as number;
      lastPrices[s] = (series[s] as BarSeries).close[i] as number;
      this.lastBar[s] = i;
      this.daily[s]?.observe(t, lastPrices[s] as number);
      (this.histories[s] as SeriesHistory).length = (this.historyOffset[s] as number) + i + 1;
    }
    const equity = ledger.equityAt(lastPrices);
    if (equity > this.peak) this.peak = equity;
    portfolio.equity = equity;
    portfolio.peakEquity = this.peak;
    const curve = this.recorder.curve;
    const row = this.recorder.nextRow();
    curve.time[row] = t;
    curve.equity[row] = equity;
    curve.cash[row] = ledger.cashValue;
    curve.exposure[row] = equity > 0 ? ledger.grossExposureAt(lastPrices) / equity : 0;
    curve.drawdown[row] = this.peak > 0 ? 1 - equity / this.peak : 0;
  }

  /** Phase 4: each strategy sees its bar; its orders are sized now, from this close, and fill at the next open. */
  private decideOnClose(t: number): void {
    const { merge, ledger } = this;
    for (let a = 0; a < merge.count; a++) {
      const s = merge.active[a] as number;
      const context = this.contexts[s] as MutableContext;
      context.position = ledger.signedQuantity[s] as number;
      context.time = t;
      const signals = (this.strategies[s] as { onBar(ctx: StrategyContext): readonly Signal[] }).onBar(context);
      for (let k = 0; k < signals.length; k++) this.onSignal(s, signals[k] as Signal, t);
    }
  }

  /** What the run holds so far, without ending it (no close at end; the curve up to now). */
  snapshot(): SimulationOutput {
    if (this.output !== undefined) return this.output;
    const { recorder } = this;
    const log = this.log;
    return {
      equityCurve: recorder.streamed ? undefined : recorder.curve,
      curveSummary: recorder.summarySoFar(),
      ledger: this.ledger,
      get decisions() {
        return log.records();
      },
      firstTime: this.firstTime,
      lastTime: this.time,
      bars: this.barsDone,
    };
  }

  /**
   * The bar loop on its own: V8 compiles a hot loop in place (OSR), and in `finish` the code
   * after the loop had not run yet, so that compiled code was thrown away at the loop's end and
   * rebuilt in every run of the process (16 times in a 16-variant sweep's worker).
   */
  private runToEnd(): void {
    while (this.step());
  }

  /** Runs the rest of the data and ends the run (orders left unfilled, close at end); idempotent. */
  finish(): SimulationOutput {
    if (this.output !== undefined) return this.output;
    this.runToEnd();
    const { ledger, lastPrices } = this;
    const curve = this.recorder.curve;
    const lastTime = this.merge.time;
    finishRun(ledger, this.setup.series, this.lastBar, lastPrices, this.pendingClose, this.pendingOpen, this.setup.execution.closeAtEnd);
    if (curve.length > 0) {
      const last = curve.length - 1;
      curve.equity[last] = ledger.equityAt(lastPrices);
      curve.cash[last] = ledger.cashValue;
      curve.exposure[last] = (curve.equity[last] as number) > 0 ? ledger.grossExposureAt(lastPrices) / (curve.equity[last] as number) : 0;
      const finalPeak = Math.max(this.peak, curve.equity[last] as number);
      curve.drawdown[last] = finalPeak > 0 ? 1 - (curve.equity[last] as number) / finalPeak : 0;
    }
    const curveSummary = this.recorder.end();
    const log = this.log;
    this.output = {
      equityCurve: this.recorder.streamed ? undefined : curve,
      curveSummary,
      ledger,
      get decisions() {
        return log.records();
      },
      firstTime: this.firstTime,
      lastTime: Number.isFinite(lastTime) ? lastTime : NaN,
      bars: this.merge.totalBars(),
    };
    return this.output;
  }
}

export function simulate(setup: SimulationSetup): SimulationOutput {
  return new Replay(setup).finish();
}

/** Where `part` starts in `whole` (it must lie in it, bar for bar). */
function historyOffsetOf(whole: BarSeries | undefined, part: BarSeries): number {
  if (whole === undefined || part.length === 0) return 0;
  const first = part.time[0] as number;
  let offset = 0;
  while (offset < whole.length && (whole.time[offset] as number) < first) offset++;
  if (whole.time[offset] !== first || whole.length - offset < part.length) throw new Error(`${part.symbol}: the history does not hold the run's bars`);
  return offset;
}

/** The lookbacks that cover both the engine's and the caller's daily figures. */
function widestLookback(a: SizingNeeds['volatilityLookback'], b: SizingNeeds['volatilityLookback']): SizingNeeds['volatilityLookback'] {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return { short: Math.max(a.short, b.short), long: Math.max(a.long, b.long), trend: Math.max(a.trend ?? 0, b.trend ?? 0) || undefined };
}

/**
 * Exit price of a triggered stop (negative) or take-profit (positive), 0 when neither is hit.
 * A gap through the level fills at the open; otherwise at the level. The stop is checked first:
 * when one bar reaches both, the conservative outcome is assumed.
 */
export function protectiveExit(direction: Direction, stop: number, takeProfit: number, open: number, high: number, low: number): number {
  if (direction === 'long') {
    if (low <= stop) return -(open <= stop ? open : stop);
    if (high >= takeProfit) return open >= takeProfit ? open : takeProfit;
    return 0;
  }
  if (high >= stop) return -(open >= stop ? open : stop);
  if (low <= takeProfit) return open <= takeProfit ? open : takeProfit;
  return 0;
}

function finishRun(
  ledger: Ledger,
  series: readonly BarSeries[],
  lastBar: Int32Array,
  lastPrices: Float64Array,
  pendingClose: Uint8Array,
  pendingOpen: (PendingOpen | undefined)[],
  closeAtEnd: boolean,
): void {
  series.forEach((bars, s) => {
    const lastTime = (lastBar[s] as number) >= 0 ? (bars.time[lastBar[s] as number] as number) : NaN;
    if (pendingClose[s] === 1 || pendingOpen[s] !== undefined) ledger.note(lastTime, bars.symbol, 'skipped', 'order decided on the last bar: no later bar to fill at');
    if (closeAtEnd && ledger.positions[s] !== undefined) ledger.close(s, lastPrices[s] as number, lastTime, 'close_at_end');
  });
}

function exposureByAssetClass(ledger: Ledger, instruments: readonly Instrument[], lastPrices: Float64Array): Record<string, number> {
  const exposure: Record<string, number> = {};
  instruments.forEach((instrument, s) => {
    exposure[instrument.assetClass] = (exposure[instrument.assetClass] ?? 0) + Math.abs((ledger.signedQuantity[s] as number) * (lastPrices[s] as number));
  });
  return exposure;
}

/** The daily volatilities (and trend) an engine asked for, from the symbol's daily closes. */
function dailyFigures(days: DailyCloses | undefined, lookback: SizingNeeds['volatilityLookback']): VolatilityInput | undefined {
  if (days === undefined || lookback === undefined) return undefined;
  return { short: days.sigma(lookback.short), long: days.sigma(lookback.long), trend: lookback.trend === undefined ? undefined : days.trend(lookback.trend) };
}
