/**
 * The overfitting audit of a sweep: is its winner likely to hold? From the daily returns and the
 * monthly goal flags of every variant that ran, on the days (months) all of them have: the
 * deflated Sharpe ratio of the variant ranked first among the N that ran, and the probability of
 * backtest overfitting by CSCV on the daily Sharpe ratio, and, when the sweep ranks by a monthly
 * goal, on the share of months meeting it (the goal PBO). See the README's "Is the winner likely
 * to hold?" for what each figure means.
 */
import { deflatedSharpe, DSR_CONVENTION, returnMoments } from './deflatedSharpe.js';
import { probabilityOfOverfitting, type BlockMetric, type PboResult } from './pbo.js';
import type { AuditSeries } from '../parallel/task.js';
import { formatDate, MS_PER_DAY } from '../data/timestamp.js';

export const DEFAULT_CSCV_BLOCKS = 16;

/** The audit's files in a sweep folder. */
export const AUDIT_FILES = { returns: 'daily_returns.csv', goals: 'monthly_goals.csv', audit: 'audit.json' } as const;

export interface AuditedVariant {
  readonly id: number;
  readonly series: AuditSeries;
}

export interface PboFigures {
  /** What each split ranks the variants by. */
  readonly metric: string;
  readonly requestedBlocks: number;
  readonly blocks: number;
  readonly periods: number;
  readonly periodsDropped: number;
  readonly splits: number;
  readonly pbo: number;
  readonly degradation: { readonly slope: number; readonly intercept: number; readonly r2: number };
  readonly lossProbability: number | null;
  /** Variant ids, and how often each was the in-sample best. */
  readonly chosen: Readonly<Record<string, number>>;
  readonly logits: readonly number[];
  readonly inSample: readonly number[];
  readonly outOfSample: readonly number[];
}

export interface SweepAudit {
  readonly convention: string;
  /** Variants that ran and enter the audit (N). */
  readonly variants: number;
  readonly winner: number;
  /** Days all variants have returns on (T), and the calendar they span. */
  readonly days: number;
  readonly firstDay: string;
  readonly lastDay: string;
  readonly deflatedSharpe: {
    readonly sharpe: number;
    readonly skewness: number;
    readonly kurtosis: number;
    readonly trialsVariance: number;
    readonly expectedMaxSharpe: number;
    readonly deflated: number;
    readonly psr0: number;
    readonly minTrackRecordDays: number | null;
  };
  /** Null, with the reason, when the days do not fill 4 blocks of 2. */
  readonly pbo: PboFigures | null;
  /** Set when the sweep ranks by a monthly goal. */
  readonly goalPbo: (PboFigures & { readonly goal: string }) | null;
  readonly notes: readonly string[];
  readonly sentence: string;
}

/** Day i's return of a series (kept in units of 1e-8), or null. */
export function returnAt(series: AuditSeries, i: number): number | null {
  const units = series.returnsE8[i];
  return units === null || units === undefined ? null : units / 1e8;
}

/** The return in units of 1e-8 as exact decimal text: -847192 is -0.00847192. */
export function returnText(units: number | null | undefined): string {
  if (units === null || units === undefined) return '';
  const digits = String(Math.abs(units)).padStart(9, '0');
  const point = digits.length - 8;
  let end = digits.length;
  while (end > point && digits.charCodeAt(end - 1) === 48) end--; // the fraction's trailing zeros, and its point with them
  const text = end === point ? digits.slice(0, point) : `${digits.slice(0, point)}.${digits.slice(point, end)}`;
  return units < 0 && text !== '0' ? `-${text}` : text;
}

/** The epoch days of an audit series' returns. */
export function seriesDays(series: AuditSeries): number[] {
  const days: number[] = [];
  for (const gap of series.dayGaps) days.push(days.length === 0 ? gap : (days[days.length - 1] as number) + gap);
  return days;
}

/** An epoch day as the date it is (YYYY-MM-DD). */
export const dayText = (day: number): string => formatDate(day * MS_PER_DAY);

/** The largest even block count <= requested, at least 4, that gives every block 2 periods; 0 if none. */
export function blocksFor(periods: number, requested: number): number {
  for (let s = requested - (requested % 2); s >= 4; s -= 2) if (Math.floor(periods / s) >= 2) return s;
  return 0;
}

/**
 * The keys every list holds, in the same order, when they are one list (equal, strictly
 * increasing keys); undefined otherwise. Variants of one sweep usually share their days and
 * months, and then a matrix or a file needs no map per variant (a 240-variant sweep's audit
 * spent a millisecond a variant in them).
 */
export function sharedKeys<K extends number | string>(lists: readonly (readonly K[])[]): readonly K[] | undefined {
  const first = lists[0];
  if (first === undefined) return undefined;
  for (let i = 1; i < first.length; i++) if (!((first[i] as K) > (first[i - 1] as K))) return undefined;
  for (const list of lists) {
    if (list.length !== first.length) return undefined;
    for (let i = 0; i < list.length; i++) if (list[i] !== first[i]) return undefined;
  }
  return first;
}

/** The rows every variant has, as a T x N row-major matrix, from each variant's keyed values. */
function commonMatrix<K extends number | string>(variants: readonly AuditedVariant[], keysOf: (series: AuditSeries) => readonly K[], valueAt: (series: AuditSeries, i: number) => number | null): { keys: K[]; values: Float64Array } {
  const keyLists = variants.map((v) => keysOf(v.series));
  const shared = sharedKeys(keyLists);
  if (shared !== undefined) return sharedMatrix(variants, shared, valueAt);
  const maps = variants.map((v, c) => {
    const keys = keyLists[c] as readonly K[];
    const map = new Map<K, number>();
    keys.forEach((key, i) => {
      const value = valueAt(v.series, i);
      if (value !== null) map.set(key, value);
    });
    return map;
  });
  const first = maps[0] ?? new Map<K, number>();
  const keys = [...first.keys()].filter((key) => maps.every((map) => map.has(key)));
  const n = variants.length;
  const values = new Float64Array(keys.length * n);
  keys.forEach((key, t) => maps.forEach((map, c) => (values[t * n + c] = map.get(key) as number)));
  return { keys, values };
}

/** commonMatrix of variants that share their keys: the rows where no variant's value is missing. */
function sharedMatrix<K>(variants: readonly AuditedVariant[], shared: readonly K[], valueAt: (series: AuditSeries, i: number) => number | null): { keys: K[]; values: Float64Array } {
  const n = variants.length;
  const rows: number[] = [];
  for (let i = 0; i < shared.length; i++) if (variants.every((v) => valueAt(v.series, i) !== null)) rows.push(i);
  const values = new Float64Array(rows.length * n);
  rows.forEach((i, t) => variants.forEach((v, c) => (values[t * n + c] = valueAt(v.series, i) as number)));
  return { keys: rows.map((i) => shared[i] as K), values };
}

/** Whether every column of a T x N matrix is the same: then no split can rank the variants. */
export function sameColumns(values: Float64Array, rows: number, columns: number): boolean {
  for (let t = 0; t < rows; t++) for (let c = 1; c < columns; c++) if (values[t * columns + c] !== values[t * columns]) return false;
  return true;
}

function pboFigures(variants: readonly AuditedVariant[], values: Float64Array, periods: number, requested: number, metric: BlockMetric, label: string): PboFigures | string {
  const blocks = blocksFor(periods, requested);
  if (blocks === 0) return `${periods} periods do not fill 4 blocks of 2`;
  const result: PboResult = probabilityOfOverfitting({ values, rows: periods, columns: variants.length, blocks, metric });
  const chosen = Object.fromEntries(variants.flatMap((v, c) => ((result.chosen[c] as number) > 0 ? [[String(v.id), result.chosen[c] as number]] : [])));
  return {
    metric: label,
    requestedBlocks: requested,
    blocks,
    periods: result.rowsUsed,
    periodsDropped: result.rowsDropped,
    splits: result.splits,
    pbo: result.pbo,
    degradation: result.degradation,
    lossProbability: metric === 'sharpe' ? result.lossProbability : null,
    chosen,
    logits: Array.from(result.logits),
    inSample: Array.from(result.inSample),
    outOfSample: Array.from(result.outOfSample),
  };
}

const GOAL_OBJECTIVES: Readonly<Record<string, { goal: string; flags: 'returnMet' | 'incomeMet' }>> = {
  'goals.monthsReturnGoalMet': { goal: 'monthly_return', flags: 'returnMet' },
  'goals.monthsIncomeGoalMet': { goal: 'monthly_income', flags: 'incomeMet' },
};

/** One sentence a reader can act on: the PBO that matches the objective, and the DSR. */
export function auditSentence(pbo: PboFigures | null, dsr: SweepAudit['deflatedSharpe'], variants: number): string {
  const share = (x: number): string => `${Math.round(x * 100)} %`;
  const verdict = pbo === null ? '' : pbo.pbo >= 0.5 ? 'treat the ranking as noise' : pbo.pbo >= 0.2 ? 'the ranking is fragile' : 'the ranking mostly holds out of sample';
  const pboPart = pbo === null ? 'PBO not computed (too few periods)' : `PBO ${pbo.pbo.toFixed(2)}: the variant that ranks first in-sample ranks at or below the median out of sample in ${share(pbo.pbo)} of ${pbo.splits} splits (${pbo.metric}); ${verdict}`;
  return `${pboPart}. DSR ${dsr.deflated.toFixed(2)}: the probability that the winner's Sharpe ratio is more than the luck of the best of ${variants} trials.`;
}

/**
 * The audit of the variants that ran (id order), the winner being the variant ranked first, or
 * null when fewer than 2 variants ran or the winner has no series.
 */
export function auditSweep(variants: readonly AuditedVariant[], winner: number, objectiveMetric: string, requestedBlocks = DEFAULT_CSCV_BLOCKS): SweepAudit | null {
  if (variants.length < 2 || !variants.some((v) => v.id === winner)) return null;
  const returns = commonMatrix(variants, seriesDays, (series, i) => returnAt(series, i));
  const n = variants.length;
  const days = returns.keys.length;
  if (days < 3) return null;
  const column = (c: number): Float64Array => Float64Array.from({ length: days }, (_, t) => returns.values[t * n + c] as number);
  const moments = variants.map((_, c) => returnMoments(column(c)));
  const w = variants.findIndex((v) => v.id === winner);
  const winnerMoments = moments[w] as ReturnType<typeof returnMoments>;
  const dsr = deflatedSharpe(winnerMoments, moments.map((m) => m.sharpe));
  const deflated = {
    sharpe: winnerMoments.sharpe,
    skewness: winnerMoments.skewness,
    kurtosis: winnerMoments.kurtosis,
    trialsVariance: dsr.trialsVariance,
    expectedMaxSharpe: dsr.expectedMaxSharpe,
    deflated: dsr.deflated,
    psr0: dsr.psr0,
    minTrackRecordDays: dsr.minTrackRecord,
  };
  const notes: string[] = [];
  const dropped = variants.map((v) => v.series.returnsE8.length).reduce((a, b) => Math.max(a, b), 0) - days;
  if (dropped > 0) notes.push(`${dropped} days that not every variant has are left out`);
  const returnsPbo = pboFigures(variants, returns.values, days, requestedBlocks, 'sharpe', 'daily Sharpe ratio');
  if (typeof returnsPbo === 'string') notes.push(`PBO: ${returnsPbo}`);
  else if (sameColumns(returns.values, days, n)) notes.push('every variant has the same daily returns: the ranking is a tie, broken by variant id');
  const goal = GOAL_OBJECTIVES[objectiveMetric];
  let goalPbo: SweepAudit['goalPbo'] = null;
  if (goal !== undefined) {
    const months = commonMatrix(variants, (series) => series.months, (series, i) => series[goal.flags][i] ?? null);
    const figures = pboFigures(variants, months.values, months.keys.length, requestedBlocks, 'mean', `share of months meeting the ${goal.goal} goal`);
    if (typeof figures === 'string') notes.push(`goal PBO: ${figures}`);
    else {
      goalPbo = { ...figures, goal: goal.goal };
      if (sameColumns(months.values, months.keys.length, n)) notes.push(`every variant met the ${goal.goal} goal in the same months: the ranking by it is a tie, broken by variant id`);
    }
  }
  const pbo = typeof returnsPbo === 'string' ? null : returnsPbo;
  return {
    convention: DSR_CONVENTION,
    variants: n,
    winner,
    days,
    firstDay: dayText(returns.keys[0] as number),
    lastDay: dayText(returns.keys[days - 1] as number),
    deflatedSharpe: deflated,
    pbo,
    goalPbo,
    notes,
    sentence: auditSentence(goalPbo ?? pbo, deflated, n),
  };
}
