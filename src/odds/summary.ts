/**
 * The odds of a set of paths, per engine and for every pair of engines, computed from the path
 * records alone (so shards merged give the bytes of the unsharded run).
 */
import { MS_PER_DAY } from '../data/timestamp.js';
import type { GoalType } from '../goals/types.js';
import type { EnginePathFigures, PathRecord } from './pathRun.js';
import { pairedDifference, percentileOf, quantiles, wilsonInterval, type Interval, type PairedDifference, type Quantiles } from './stats.js';

/** What the summary needs to know about the run besides the records. */
export interface OddsFrame {
  readonly engines: readonly string[];
  readonly goalTypes: readonly GoalType[];
  readonly initialCapital: number;
  /** Epoch ms of the first instant: time to target counts from it. */
  readonly firstTime: number;
  /** Portfolio target date (epoch ms), or null: then the target counts when reached by the end. */
  readonly targetDate: number | null;
  readonly maxDrawdownPct: number;
  readonly ruin: number;
  /** Epoch ms of the fan chart's instants. */
  readonly fanTimes: readonly number[];
  /** Start of each calendar month of the run (epoch ms), for the time-to-target curve. */
  readonly monthStarts: readonly number[];
  /** The goal-off twins: indices into `engines` of each goal-aware arm and its twin. */
  readonly twins?: readonly { readonly arm: number; readonly twin: number }[] | undefined;
}

export interface Probability {
  readonly probability: number | null;
  readonly interval: Interval | null;
  readonly paths: number;
}

export interface MonthlyGoalOdds extends Probability {
  /** paths[k] = number of paths that met the goal in exactly k months. */
  readonly monthsMetDistribution: readonly number[];
}

export interface TargetOdds extends Probability {
  /** Calendar days from the first bar to the target, among the paths that reached it. */
  readonly daysToTarget: Quantiles;
  /** How many paths reached it in time: what the days to the target rest on. */
  readonly reached: number;
  /** Share of paths that had reached the target by the end of each month. */
  readonly reachedByMonth: readonly { readonly month: string; readonly share: number }[];
}

export interface EngineOdds {
  readonly engine: string;
  readonly paths: number;
  readonly failed: number;
  readonly monthlyReturn: MonthlyGoalOdds | null;
  readonly monthlyIncome: MonthlyGoalOdds | null;
  readonly portfolioTarget: TargetOdds | null;
  readonly drawdownBreach: Probability;
  readonly ruin: Probability;
  readonly finalEquity: Quantiles;
  readonly cagr: Quantiles;
  readonly sharpe: Quantiles;
  /** Of the paths' time-weighted mean exposure: how much capital the engine put to work. */
  readonly meanExposure: Quantiles;
  /**
   * Where the history (path 0) sits among all the finished paths, as a percentile in [0, 1]
   * (mid-rank): far out in either tail, the paths lack something the history had.
   */
  readonly history: { readonly finalEquity: number | null; readonly sharpe: number | null };
}

/** The probabilities compared between engines, by their key in EngineOdds. */
export const PAIRED_PROBABILITIES = ['monthlyReturn', 'monthlyIncome', 'portfolioTarget', 'drawdownBreach', 'ruin'] as const;
export type PairedProbability = (typeof PAIRED_PROBABILITIES)[number];

export interface EnginePair {
  readonly a: string;
  readonly b: string;
  /** P(a) - P(b) for each probability both engines have, over the paths both finished. */
  readonly differences: Readonly<Partial<Record<PairedProbability, PairedDifference>>>;
}

/** What the goal changed: an arm against its goal-off twin on the same paths (arm - twin). */
export interface GoalEffect {
  readonly arm: string;
  readonly twin: string;
  readonly differences: Readonly<Partial<Record<PairedProbability, PairedDifference>>>;
  /** Final equity, in the account's currency. */
  readonly finalEquity: PairedDifference | null;
  /** Time-weighted mean exposure (a share of equity): how much more capital the goal put to work. */
  readonly meanExposure: PairedDifference | null;
}

export interface FanBands {
  readonly engine: string;
  /** One array per quantile (p5 .. p95), one value per fan instant. */
  readonly bands: Readonly<Record<keyof Quantiles, readonly (number | null)[]>>;
  /** The history itself (path 0) at the same instants, or null when it is not among the records or failed. */
  readonly history?: readonly number[] | null;
}

export interface OddsResults {
  readonly engines: readonly EngineOdds[];
  readonly pairs: readonly EnginePair[];
  /** One per goal-aware arm run with its twin; empty without twins. */
  readonly goalEffects: readonly GoalEffect[];
  readonly fan: readonly FanBands[];
}

type Figures = EnginePathFigures;

/** Per-path value of each probability (a share or 0/1), or undefined when the path lacks it; paths.csv's flags read it too. */
export function pathValues(frame: OddsFrame, f: Figures): Readonly<Record<PairedProbability, number | undefined>> {
  const months = f.months ?? 0;
  const has = (goal: GoalType): boolean => frame.goalTypes.includes(goal);
  return {
    monthlyReturn: has('monthly_return') && months > 0 ? (f.monthsReturnGoalMet ?? 0) / months : undefined,
    monthlyIncome: has('monthly_income') && months > 0 ? (f.monthsIncomeGoalMet ?? 0) / months : undefined,
    portfolioTarget: has('portfolio_value') ? (reachedInTime(frame, f) ? 1 : 0) : undefined,
    drawdownBreach: f.maxDrawdown === null ? undefined : f.maxDrawdown > frame.maxDrawdownPct ? 1 : 0,
    ruin: f.minEquity === null ? undefined : f.minEquity < frame.ruin * frame.initialCapital ? 1 : 0,
  };
}

const reachedInTime = (frame: OddsFrame, f: Figures): boolean => f.targetReachedAt !== null && (frame.targetDate === null || f.targetReachedAt <= frame.targetDate);

function probability(values: readonly number[]): Probability {
  if (values.length === 0) return { probability: null, interval: null, paths: 0 };
  const share = values.reduce((a, b) => a + b, 0) / values.length;
  return { probability: share, interval: wilsonInterval(share, values.length), paths: values.length };
}

function monthlyOdds(frame: OddsFrame, ok: readonly Figures[], key: 'monthlyReturn' | 'monthlyIncome'): MonthlyGoalOdds | null {
  const goal: GoalType = key === 'monthlyReturn' ? 'monthly_return' : 'monthly_income';
  if (!frame.goalTypes.includes(goal)) return null;
  const values = ok.map((f) => pathValues(frame, f)[key]).filter((v): v is number => v !== undefined);
  const months = Math.max(0, ...ok.map((f) => f.months ?? 0));
  const distribution = Array.from({ length: months + 1 }, () => 0);
  for (const f of ok) {
    const met = key === 'monthlyReturn' ? f.monthsReturnGoalMet : f.monthsIncomeGoalMet;
    if (met !== null) distribution[met] = (distribution[met] ?? 0) + 1;
  }
  return { ...probability(values), monthsMetDistribution: distribution };
}

function targetOdds(frame: OddsFrame, ok: readonly Figures[]): TargetOdds | null {
  if (!frame.goalTypes.includes('portfolio_value')) return null;
  const reached = ok.filter((f) => reachedInTime(frame, f));
  const ends = frame.monthStarts.slice(1);
  return {
    ...probability(ok.map((f) => (reachedInTime(frame, f) ? 1 : 0))),
    daysToTarget: quantiles(reached.map((f) => ((f.targetReachedAt as number) - frame.firstTime) / MS_PER_DAY)),
    reached: reached.length,
    reachedByMonth: frame.monthStarts.map((start, m) => {
      const end = ends[m] ?? Infinity;
      const share = ok.length === 0 ? 0 : ok.filter((f) => f.targetReachedAt !== null && f.targetReachedAt < end).length / ok.length;
      return { month: new Date(start).toISOString().slice(0, 7), share };
    }),
  };
}

function engineOdds(frame: OddsFrame, engine: string, figures: readonly Figures[], history: Figures | undefined): EngineOdds {
  const ok = figures.filter((f) => f.error === null);
  const historyOk = history?.error === null ? history : undefined;
  const values = (key: PairedProbability): number[] => ok.map((f) => pathValues(frame, f)[key]).filter((v): v is number => v !== undefined);
  return {
    engine,
    paths: ok.length,
    failed: figures.length - ok.length,
    monthlyReturn: monthlyOdds(frame, ok, 'monthlyReturn'),
    monthlyIncome: monthlyOdds(frame, ok, 'monthlyIncome'),
    portfolioTarget: targetOdds(frame, ok),
    drawdownBreach: probability(values('drawdownBreach')),
    ruin: probability(values('ruin')),
    finalEquity: quantiles(ok.map((f) => Number(f.finalEquity))),
    cagr: quantiles(ok.map((f) => f.cagr ?? NaN)),
    sharpe: quantiles(ok.map((f) => f.sharpe ?? NaN)),
    meanExposure: quantiles(ok.map((f) => f.meanExposure ?? NaN)),
    history: {
      finalEquity: percentileOf(historyOk?.finalEquity == null ? null : Number(historyOk.finalEquity), ok.map((f) => Number(f.finalEquity))),
      sharpe: percentileOf(historyOk?.sharpe ?? null, ok.map((f) => f.sharpe ?? NaN)),
    },
  };
}

/** The paired difference of `value` between engines a and b over the paths both finished and both have it; null on none. */
function pairedOver(records: readonly PathRecord[], a: number, b: number, value: (f: Figures) => number | undefined): PairedDifference | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const record of records) {
    const [fa, fb] = [record.engines[a], record.engines[b]];
    if (fa === undefined || fb === undefined || fa.error !== null || fb.error !== null) continue;
    const [va, vb] = [value(fa), value(fb)];
    if (va === undefined || vb === undefined) continue;
    xs.push(va);
    ys.push(vb);
  }
  return xs.length > 0 ? pairedDifference(xs, ys) : null;
}

function probabilityDifferences(frame: OddsFrame, records: readonly PathRecord[], a: number, b: number): Partial<Record<PairedProbability, PairedDifference>> {
  const differences: Partial<Record<PairedProbability, PairedDifference>> = {};
  for (const key of PAIRED_PROBABILITIES) {
    const difference = pairedOver(records, a, b, (f) => pathValues(frame, f)[key]);
    if (difference !== null) differences[key] = difference;
  }
  return differences;
}

function enginePair(frame: OddsFrame, records: readonly PathRecord[], a: number, b: number): EnginePair {
  return { a: frame.engines[a] as string, b: frame.engines[b] as string, differences: probabilityDifferences(frame, records, a, b) };
}

function goalEffect(frame: OddsFrame, records: readonly PathRecord[], arm: number, twin: number): GoalEffect {
  return {
    arm: frame.engines[arm] as string,
    twin: frame.engines[twin] as string,
    differences: probabilityDifferences(frame, records, arm, twin),
    finalEquity: pairedOver(records, arm, twin, (f) => (f.finalEquity === null ? undefined : Number(f.finalEquity))),
    meanExposure: pairedOver(records, arm, twin, (f) => f.meanExposure ?? undefined),
  };
}

function fanBands(frame: OddsFrame, engine: number, records: readonly PathRecord[]): FanBands {
  const columns = frame.fanTimes.map(() => [] as number[]);
  for (const record of records) {
    const fan = record.engines[engine]?.fan;
    if (fan === null || fan === undefined) continue;
    fan.forEach((equity, i) => columns[i]?.push(equity));
  }
  const perInstant = columns.map(quantiles);
  const band = (name: keyof Quantiles): (number | null)[] => perInstant.map((q) => q[name]);
  const history = records.find((record) => record.path === 0)?.engines[engine]?.fan ?? null;
  return { engine: frame.engines[engine] as string, bands: { p5: band('p5'), p25: band('p25'), p50: band('p50'), p75: band('p75'), p95: band('p95') }, history };
}

/** The odds of `records` (in path order), per engine and per pair. */
export function oddsResults(frame: OddsFrame, records: readonly PathRecord[]): OddsResults {
  const history = records.find((r) => r.path === 0);
  const engines = frame.engines.map((engine, e) => engineOdds(frame, engine, records.map((r) => r.engines[e]).filter((f): f is Figures => f !== undefined), history?.engines[e]));
  const pairs: EnginePair[] = [];
  frame.engines.forEach((_, a) => {
    for (let b = a + 1; b < frame.engines.length; b++) pairs.push(enginePair(frame, records, a, b));
  });
  const goalEffects = (frame.twins ?? []).map(({ arm, twin }) => goalEffect(frame, records, arm, twin));
  return { engines, pairs, goalEffects, fan: frame.engines.map((_, e) => fanBands(frame, e, records)) };
}
