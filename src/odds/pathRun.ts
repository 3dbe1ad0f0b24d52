/**
 * One path of the odds: build its bars from the shared history (path 0 is the history itself)
 * and run every engine's scenario on them. What each run leaves is reduced to the figures the
 * odds need. An engine whose run throws is recorded with its error; the other engines go on.
 */
import seedrandom from 'seedrandom';
import type { SkippedRows } from '../data/badRows.js';
import type { SignalTable } from '../data/signalTable.js';
import { viewBarSeries, type BarSeries, type SharedBarSeries } from '../data/series.js';
import { jsonFloat } from '../numeric/format.js';
import type { ResolvedScenario } from '../scenario/load.js';
import { runScenario } from '../sim/run.js';
import type { RunResult } from '../sim/types.js';
import { resamplePath, returnHistory, stationaryIndices } from './bootstrap.js';

/** What every path of one odds run shares; it crosses to the workers with each task. */
export interface OddsSetup {
  /** The seed of path i is `${seed}:${i}`. */
  readonly seed: string;
  readonly meanBlock: number;
  /** One scenario per engine, differing only in `sizing`. */
  readonly engines: readonly { readonly engine: string; readonly resolved: ResolvedScenario }[];
  /** The period's bars of each symbol, in shared memory. */
  readonly series: readonly SharedBarSeries[];
  readonly pricePlaces: readonly number[];
  readonly signals: SignalTable | undefined;
  readonly skippedRows: Readonly<Record<string, SkippedRows>>;
  /** Instants of the merged clock at which the fan chart samples equity. */
  readonly fanInstants: readonly number[];
}

export interface OddsTask {
  readonly path: number;
  readonly setup: OddsSetup;
}

/** One engine on one path. */
export interface EnginePathFigures {
  readonly engine: string;
  readonly error: string | null;
  /** Exact, as the ledger has it. */
  readonly finalEquity: string | null;
  readonly minEquity: number | null;
  readonly maxDrawdown: number | null;
  readonly cagr: number | null;
  readonly sharpe: number | null;
  /** Time-weighted mean of gross position value / equity (absent in records written before it existed). */
  readonly meanExposure?: number | null;
  /** Months the tracker recorded (null without goals). */
  readonly months: number | null;
  readonly monthsReturnGoalMet: number | null;
  readonly monthsIncomeGoalMet: number | null;
  /** Epoch ms at which the portfolio target was first seen reached, or null. */
  readonly targetReachedAt: number | null;
  /** Equity at the setup's fan instants. */
  readonly fan: readonly number[] | null;
}

export interface PathRecord {
  readonly path: number;
  readonly seed: string;
  readonly engines: readonly EnginePathFigures[];
}

export const pathSeed = (seed: string, path: number): string => `${seed}:${path}`;

/** The bars of path `path`: the history itself for path 0. */
export function pathSeries(setup: OddsSetup, path: number): BarSeries[] {
  const history = setup.series.map(viewBarSeries);
  if (path === 0) return history;
  const returns = returnHistory(history);
  const source = stationaryIndices(returns.instants.length, setup.meanBlock, seedrandom(pathSeed(setup.seed, path)));
  return resamplePath(returns, history, source, setup.pricePlaces);
}

export async function runPath(task: OddsTask): Promise<PathRecord> {
  const { setup, path } = task;
  const series = pathSeries(setup, path);
  const engines: EnginePathFigures[] = [];
  for (const { engine, resolved } of setup.engines) {
    try {
      const result = await runScenario(resolved, { series, signals: setup.signals, skippedRows: setup.skippedRows, pricePlaces: setup.pricePlaces }, { trackerRows: false });
      engines.push(figuresOf(engine, result, setup.fanInstants));
    } catch (error) {
      engines.push(failedFigures(engine, error instanceof Error ? error.message : String(error)));
    }
  }
  return { path, seed: pathSeed(setup.seed, path), engines };
}

export function failedFigures(engine: string, error: string): EnginePathFigures {
  return { engine, error, finalEquity: null, minEquity: null, maxDrawdown: null, cagr: null, sharpe: null, meanExposure: null, months: null, monthsReturnGoalMet: null, monthsIncomeGoalMet: null, targetReachedAt: null, fan: null };
}

const finite = (value: number | null): number | null => (value !== null && Number.isFinite(value) ? value : null);

function figuresOf(engine: string, result: RunResult, fanInstants: readonly number[]): EnginePathFigures {
  const curve = result.equityCurve;
  if (curve === undefined) throw new Error('an odds path keeps its equity curve for the fan');
  const counts = result.goalTables?.counts;
  return {
    engine,
    error: null,
    finalEquity: result.finalEquity.toFixed(),
    minEquity: finite(result.curveSummary.minEquity),
    maxDrawdown: finite(result.metrics.maxDrawdown),
    cagr: finite(result.metrics.cagr),
    sharpe: finite(result.metrics.sharpe),
    meanExposure: finite(result.metrics.meanExposure),
    months: counts?.months ?? null,
    monthsReturnGoalMet: counts?.monthsReturnGoalMet ?? null,
    monthsIncomeGoalMet: counts?.monthsIncomeGoalMet ?? null,
    targetReachedAt: result.goalTables?.portfolioTargetReachedAt ?? null,
    // 10 significant digits, as every float goalsim writes: the fan only draws quantiles of them
    fan: fanInstants.map((i) => jsonFloat(curve.equity[Math.min(i, curve.length - 1)] as number) ?? NaN),
  };
}
