/**
 * goalsim/testing: the contracts goalsim's own engines and strategies pass, as plain functions
 * a user's test runner can call on a user's module. Each throws a ContractError listing what
 * broke (with the input that broke it), and returns quietly when the contract holds. Inputs are
 * drawn from seedrandom with a fixed seed, so a failure repeats.
 */
import seedrandom from 'seedrandom';
import { allocateBarSeries, type BarSeries } from './data/series.js';
import { money } from './ledger/index.js';
import type { SizingEngine, SizingRequest } from './sizing/types.js';
import { userSizingEngine, type UserSizer } from './sizing/userSizer.js';
import { LookAheadError, SeriesHistory, signalProblem, type Signal, type Strategy } from './strategy/index.js';

export class ContractError extends Error {
  override readonly name = 'ContractError';
  constructor(
    readonly problems: readonly string[],
    what: string,
  ) {
    super(`${what} breaks its contract:\n${problems.slice(0, 10).map((p) => `  - ${p}`).join('\n')}${problems.length > 10 ? `\n  ... and ${problems.length - 10} more` : ''}`);
  }
}

export interface SizingContractOptions {
  /** Random requests to try (default 300). */
  readonly runs?: number | undefined;
  readonly seed?: string | undefined;
  /** The engine promises never to exceed this share of equity. */
  readonly maxPositionPct?: number | undefined;
}

const isEngine = (value: SizingEngine | UserSizer): value is SizingEngine => 'name' in value && typeof (value as SizingEngine).name === 'string' && 'needs' in value && value.needs !== undefined;

/** A frozen random request: equity, cash, price, confidence, stop (sometimes none), goals, trade statistics, volatility. */
function randomRequest(random: () => number): SizingRequest {
  const between = (low: number, high: number): number => low + (high - low) * random();
  const equity = between(1_000, 2_000_000);
  const cash = equity * random();
  const stop = random() < 0.15 ? NaN : between(0.005, 0.2);
  const goal = { progress: between(-1, 2), expected: random() };
  return Object.freeze({
    time: Date.UTC(2024, 0, 2) + Math.floor(random() * 300) * 86_400_000,
    symbol: 'TEST',
    assetClass: 'equity',
    direction: 'long' as const,
    price: between(0.5, 50_000),
    confidence: random(),
    stopLossPct: stop,
    equity,
    cash,
    grossExposure: equity - cash,
    assetClassExposure: Object.freeze({ equity: equity - cash }),
    lotStep: money('0.0001'),
    minNotional: money('0'),
    riskTolerance: 0.02,
    currentRisk: between(0.005, 0.05),
    goals: Object.freeze({ monthly_return: Object.freeze(goal), monthly_income: Object.freeze(goal), driver: 'monthly_return' as const }),
    tradeStats: Object.freeze({ trades: Math.floor(random() * 100), winRate: between(0.3, 0.8), avgWin: 0.02, avgLoss: 0.015, sharpe: between(-1, 3) }),
    volatility: Object.freeze({ short: between(0.002, 0.08), long: between(0.002, 0.08), trend: between(-0.2, 0.2) }),
    portfolioVolatilities: Object.freeze([between(0.002, 0.08)]),
    openPositions: Math.floor(random() * 5),
  });
}

/**
 * A sizing engine (goalsim's, or a user's `createSizer(params)` result) must, for every request:
 * answer without throwing or changing the request; size a finite value >= 0, within the cash and
 * any maxPositionPct it promises, whose units times the price are that value; skip with a reason
 * and nothing else; and give the same decision to the same request.
 */
export function checkSizingEngine(engine: SizingEngine | UserSizer, options: SizingContractOptions = {}): void {
  const sizing = isEngine(engine) ? engine : userSizingEngine(engine, 'the sizer');
  const random = seedrandom(options.seed ?? 'goalsim-sizing-contract');
  const problems: string[] = [];
  const runs = options.runs ?? 300;
  for (let run = 0; run < runs && problems.length < 20; run++) {
    const request = randomRequest(random);
    const where = `request ${run} (equity ${request.equity.toFixed(2)}, cash ${request.cash.toFixed(2)}, price ${request.price.toFixed(4)}, stop ${request.stopLossPct})`;
    let decision;
    try {
      decision = sizing.size(request);
    } catch (error) {
      problems.push(`${where}: size() threw: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const value = decision.finalValue;
    if (!(Number.isFinite(value) && value >= 0)) problems.push(`${where}: final value ${value} is not a finite number >= 0`);
    if (value > request.cash * (1 + 1e-12) + 1e-9) problems.push(`${where}: final value ${value} is above the cash ${request.cash}`);
    if (options.maxPositionPct !== undefined && value > options.maxPositionPct * request.equity * (1 + 1e-12)) problems.push(`${where}: final value ${value} is above maxPositionPct ${options.maxPositionPct} of equity`);
    const notional = decision.units.toNumber() * request.price;
    if (Math.abs(notional - value) > 1e-6 * Math.max(1, value)) problems.push(`${where}: units x price is ${notional}, not the final value ${value}`);
    if (decision.skipped !== null && (decision.skipped === '' || value !== 0)) problems.push(`${where}: a skip needs a reason and a value of 0 (skipped "${decision.skipped}", value ${value})`);
    if (JSON.stringify(sizing.size(request)) !== JSON.stringify(decision)) problems.push(`${where}: the same request gave another decision`);
  }
  if (problems.length > 0) throw new ContractError(problems, `sizing engine ${sizing.name}`);
}

export interface StrategyContractOptions {
  /** Bars to run on (default: 400 seeded random-walk daily bars). */
  readonly bars?: BarSeries | undefined;
  /** Fail when the strategy signals fewer times than this on the bars (default 1): a silent strategy proves nothing. */
  readonly minSignals?: number | undefined;
}

/** Seeded random-walk daily bars, for strategies to be tried on. */
export function randomWalkBars(symbol = 'TEST', count = 400, seed = 'goalsim-strategy-contract'): BarSeries {
  const random = seedrandom(seed);
  const bars = allocateBarSeries(symbol, count);
  let close = 100;
  for (let i = 0; i < count; i++) {
    const open = close;
    close = Math.max(1, Math.round(open * Math.exp(0.02 * (random() - 0.5) * 2) * 100) / 100);
    bars.time[i] = Date.UTC(2020, 0, 1) + i * 86_400_000;
    bars.open[i] = open;
    bars.close[i] = close;
    bars.high[i] = Math.round(Math.max(open, close) * 1.005 * 100) / 100;
    bars.low[i] = Math.round(Math.min(open, close) * 0.995 * 100) / 100;
    bars.volume[i] = 1000;
  }
  return bars;
}

function signalsOn(create: () => Strategy, bars: BarSeries, count: number, problems: string[]): string[] {
  const strategy = create();
  const history = new SeriesHistory(bars);
  const out: string[] = [];
  let position = 0;
  for (let i = 0; i < count; i++) {
    history.length = i + 1;
    let signals: readonly Signal[];
    try {
      signals = strategy.onBar({ symbol: bars.symbol, symbolIndex: 0, bars: history, position, time: bars.time[i] as number });
    } catch (error) {
      problems.push(error instanceof LookAheadError ? `bar ${i}: read a bar not yet known (${error.message})` : `bar ${i}: onBar threw: ${error instanceof Error ? error.message : String(error)}`);
      return out;
    }
    if (!Array.isArray(signals)) {
      problems.push(`bar ${i}: onBar returned ${typeof signals}, not an array of signals`);
      return out;
    }
    for (const signal of signals) {
      const problem = signalProblem(signal);
      if (problem !== null) problems.push(`bar ${i}: ${problem}`);
      out.push(`${i}:${signal.side}`);
      position = signal.side === 'buy' ? 1 : signal.side === 'sell' ? -1 : 0;
    }
  }
  return out;
}

/**
 * A strategy must read only the bars known so far, return well-formed signals, and decide the
 * same on a prefix of the data as on the whole (what it did by bar k never depends on later bars).
 */
export function checkStrategy(create: () => Strategy, options: StrategyContractOptions = {}): void {
  const bars = options.bars ?? randomWalkBars();
  const problems: string[] = [];
  const full = signalsOn(create, bars, bars.length, problems);
  if (problems.length === 0 && full.length < (options.minSignals ?? 1)) problems.push(`${full.length} signals on ${bars.length} bars: the contract means little for a strategy that does not trade (minSignals)`);
  for (const cut of [Math.floor(bars.length / 5), Math.floor(bars.length / 2), Math.floor((bars.length * 4) / 5)]) {
    if (problems.length > 0) break;
    const prefix = signalsOn(create, bars, cut, problems);
    const expected = full.filter((entry) => Number(entry.split(':')[0]) < cut);
    if (JSON.stringify(prefix) !== JSON.stringify(expected)) problems.push(`the first ${cut} bars gave other signals than the whole data did over them: it looks ahead, or keeps state across instances`);
  }
  if (problems.length > 0) throw new ContractError(problems, 'strategy');
}
