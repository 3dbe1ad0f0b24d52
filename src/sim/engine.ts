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
import type { BarSeries } from '../data/series.js';
import { type Amount, type Costs, type Direction, type Instrument, Ledger, type Money, pricePlacesOf } from '../ledger/index.js';
import { SeriesHistory, type Signal, type StrategyContext, type StrategyFactory } from '../strategy/index.js';
import type { SizingEngine, SizingNeeds, SizingRequest, VolatilityInput } from '../sizing/types.js';
import { DailyCloses } from './dailyCloses.js';
import { tradeStatsOf } from './tradeStats.js';
import type { DecisionRecord, EquityCurve, GoalHooks, PortfolioView, SimulationOutput } from './types.js';

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

function allocateCurve(capacity: number): EquityCurve & { length: number } {
  return {
    length: 0,
    time: new Float64Array(capacity),
    equity: new Float64Array(capacity),
    cash: new Float64Array(capacity),
    exposure: new Float64Array(capacity),
    drawdown: new Float64Array(capacity),
  };
}

export function simulate(setup: SimulationSetup): SimulationOutput {
  const { series, execution, sizing, goalHooks } = setup;
  const symbolCount = series.length;
  // prices are integers in each instrument's increment: the data shows it unless the caller says
  const instruments = setup.instruments.map((instrument, s) => (instrument.pricePlaces !== undefined ? instrument : { ...instrument, pricePlaces: pricePlacesOf(series[s] as BarSeries) }));
  const ledger = new Ledger(setup.initialCapital, instruments, setup.costs, { minorUnitPlaces: setup.minorUnitPlaces });
  const lastPrices = new Float64Array(symbolCount);
  const lastBar = new Int32Array(symbolCount).fill(-1);
  const histories = series.map((bars) => new SeriesHistory(bars));
  const contexts = series.map((bars, s) => new MutableContext(bars.symbol, s, histories[s] as SeriesHistory));
  const strategies = series.map((bars) => setup.strategyFactory(bars.symbol));
  const pendingClose = new Uint8Array(symbolCount);
  const pendingOpen: (PendingOpen | undefined)[] = series.map(() => undefined);
  const decisions: DecisionRecord[] = [];
  const merge = new BarMerge(series);
  const curve = allocateCurve(merge.totalBars());
  const portfolio = new MutablePortfolio(ledger, lastPrices);
  const firstTime = merge.peek();
  const schedule = new TimerSchedule(goalHooks?.timers ?? NO_TIMERS, Number.isFinite(firstTime) ? firstTime : 0);
  const fireTimer = (kind: TimerKind, time: number): void => goalHooks?.onTimer(kind, time, portfolio);
  // daily closes per symbol, for the engines that read daily volatility and trend
  const lookback = sizing.needs.volatilityLookback;
  const daily = series.map(() => (lookback === undefined ? undefined : new DailyCloses(Math.max(lookback.short, lookback.long, lookback.trend ?? 0) + 1)));
  let peak = ledger.cashValue;
  portfolio.equity = peak;
  portfolio.peakEquity = peak;

  const decide = (s: number, signal: Signal, direction: Direction, time: number): void => {
    const instrument = instruments[s] as Instrument;
    const price = lastPrices[s] as number;
    const request: SizingRequest = {
      time,
      symbol: instrument.symbol,
      assetClass: instrument.assetClass,
      direction,
      price,
      confidence: signal.confidence,
      stopLossPct: signal.stopLossPct,
      equity: portfolio.equity,
      cash: ledger.cashValue,
      grossExposure: ledger.grossExposureAt(lastPrices),
      assetClassExposure: sizing.needs.exposure === true ? exposureByAssetClass(ledger, instruments, lastPrices) : NO_EXPOSURE,
      lotStep: instrument.lotStep,
      minNotional: instrument.minNotional,
      riskTolerance: setup.riskTolerance,
      currentRisk: goalHooks?.currentRisk() ?? setup.riskTolerance,
      goals: sizing.needs.goals === true ? goalHooks?.goalInputs(time, portfolio) : undefined,
      tradeStats: sizing.needs.tradeStatsWindow === undefined ? undefined : tradeStatsOf(ledger.trades, sizing.needs.tradeStatsWindow, time),
      volatility: dailyFigures(daily[s], sizing.needs.volatilityLookback),
      portfolioVolatilities: lookback === undefined ? undefined : daily.map((days) => days?.sigma(lookback.short) ?? NaN),
      openPositions: ledger.openPositions,
    };
    const decision = sizing.size(request);
    decisions.push({ time, symbol: instrument.symbol, signal: signal.side, direction, price, confidence: signal.confidence, stopLossPct: signal.stopLossPct, decision });
    if (decision.skipped === null) {
      pendingOpen[s] = { direction, quantity: decision.units, stopLossPct: signal.stopLossPct, takeProfitPct: signal.takeProfitPct };
    }
  };

  const onSignal = (s: number, signal: Signal, time: number): void => {
    const held = (ledger.signedQuantity[s] as number) > 0 ? 'long' : (ledger.signedQuantity[s] as number) < 0 ? 'short' : 'flat';
    const planned = pendingOpen[s]?.direction ?? (pendingClose[s] === 1 ? 'flat' : held);
    const target = signal.side === 'buy' ? 'long' : signal.side === 'sell' && execution.allowShort ? 'short' : 'flat';
    if (target === planned) return;
    pendingOpen[s] = undefined;
    if (held !== 'flat' && held !== target) pendingClose[s] = 1;
    if (target !== 'flat') decide(s, signal, target, time);
  };

  while (merge.advance()) {
    const t = merge.time;
    // A timer due at this very instant fires before its bars: a boundary belongs to the period it
    // opens (a daily bar dated the 1st is that month's), and timers still see only earlier prices.
    if (schedule.earliest <= t) schedule.fireUntil(t, true, fireTimer);
    const count = merge.count;

    for (let a = 0; a < count; a++) {
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
        ledger.open({ symbolIndex: s, direction: order.direction, quantity: order.quantity, marketPrice: open, time: t, stopLossPct: order.stopLossPct, takeProfitPct: order.takeProfitPct, maxGrossExposure: execution.maxGrossExposure }, lastPrices);
      }
    }

    for (let a = 0; a < count; a++) {
      const s = merge.active[a] as number;
      const position = ledger.positions[s];
      if (position === undefined || (Number.isNaN(position.stopPrice) && Number.isNaN(position.takeProfitPrice))) continue;
      const bars = series[s] as BarSeries;
      const i = merge.activeBar[a] as number;
      const exit = protectiveExit(position.direction, position.stopPrice, position.takeProfitPrice, bars.open[i] as number, bars.high[i] as number, bars.low[i] as number);
      if (exit !== 0) ledger.close(s, Math.abs(exit), t, exit < 0 ? 'stop_loss' : 'take_profit');
    }

    for (let a = 0; a < count; a++) {
      const s = merge.active[a] as number;
      const i = merge.activeBar[a] as number;
      lastPrices[s] = (series[s] as BarSeries).close[i] as number;
      lastBar[s] = i;
      daily[s]?.observe(t, lastPrices[s] as number);
      (histories[s] as SeriesHistory).length = i + 1;
    }
    const equity = ledger.equityAt(lastPrices);
    if (equity > peak) peak = equity;
    portfolio.equity = equity;
    portfolio.peakEquity = peak;
    const row = curve.length++;
    curve.time[row] = t;
    curve.equity[row] = equity;
    curve.cash[row] = ledger.cashValue;
    curve.exposure[row] = equity > 0 ? ledger.grossExposureAt(lastPrices) / equity : 0;
    curve.drawdown[row] = peak > 0 ? 1 - equity / peak : 0;

    for (let a = 0; a < count; a++) {
      const s = merge.active[a] as number;
      const context = contexts[s] as MutableContext;
      context.position = ledger.signedQuantity[s] as number;
      context.time = t;
      const signals = (strategies[s] as { onBar(ctx: StrategyContext): readonly Signal[] }).onBar(context);
      for (let k = 0; k < signals.length; k++) onSignal(s, signals[k] as Signal, t);
    }
  }

  const lastTime = merge.time;
  finishRun(ledger, series, lastBar, lastPrices, pendingClose, pendingOpen, execution.closeAtEnd);
  if (curve.length > 0) {
    const last = curve.length - 1;
    curve.equity[last] = ledger.equityAt(lastPrices);
    curve.cash[last] = ledger.cashValue;
    curve.exposure[last] = (curve.equity[last] as number) > 0 ? ledger.grossExposureAt(lastPrices) / (curve.equity[last] as number) : 0;
    const finalPeak = Math.max(peak, curve.equity[last] as number);
    curve.drawdown[last] = finalPeak > 0 ? 1 - (curve.equity[last] as number) / finalPeak : 0;
  }
  return { equityCurve: curve, ledger, decisions, firstTime: Number.isFinite(firstTime) ? firstTime : NaN, lastTime: Number.isFinite(lastTime) ? lastTime : NaN, bars: merge.totalBars() };
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
